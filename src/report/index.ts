/**
 * The report API: `report(expr, options)` renders the proof report of one input
 * in Markdown, LaTeX, HTML or JSON (the Report object itself).
 *
 * Owns: the format dispatch; everything else lives in the modules it imports.
 */
import { buildReport, type ReportOptions } from './build.js';
import { renderHtml } from './html.js';
import { renderLatex } from './latex.js';
import { renderMarkdown } from './markdown.js';

import type { ReportFormat } from './formats.js';

export { REPORT_FORMATS, type ReportFormat } from './formats.js';

export interface ReportRenderOptions extends ReportOptions {
  readonly format?: ReportFormat;
  /** Markdown only: a link to the HTML version (for the chart) */
  readonly htmlLink?: string;
}

export class ReportRenderError extends Error {}

/** The report as text in the chosen format (default Markdown). */
export async function report(expr: string, options: ReportRenderOptions = {}): Promise<string> {
  const r = buildReport(expr, options);
  switch (options.format ?? 'md') {
    case 'md': return renderMarkdown(r, options.htmlLink !== undefined ? { htmlLink: options.htmlLink } : {});
    case 'tex': return renderLatex(r);
    case 'json': return `${JSON.stringify(r, null, 2)}\n`;
    case 'html': {
      const h = await renderHtml(r);
      if (h.mathErrors.length) throw new ReportRenderError(`internal: KaTeX rejected ${h.mathErrors.length} formula(s): ${h.mathErrors[0]}`);
      return h.html;
    }
  }
}

export { buildReport, renderHtml, renderLatex, renderMarkdown };
export type { ReportOptions };
export type { Report } from './proof.js';
