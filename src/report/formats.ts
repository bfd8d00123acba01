/** The report formats: a leaf module, so that the CLI can list them without loading the renderers. */
export type ReportFormat = 'md' | 'tex' | 'html' | 'json';
export const REPORT_FORMATS: readonly ReportFormat[] = ['md', 'tex', 'html', 'json'];
