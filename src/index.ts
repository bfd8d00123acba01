/**
 * Library entry point: the public API (the CLI, the plugins and the playground use the
 * same functions). It loads only the decider, the TRF and the plugins' glue; the report
 * renderer (KaTeX, vega, nerdamer, full mathjs) loads on the first `report()` call. The
 * report's structured form and renderers are the subpath `rpe-convergence/report`, the
 * validator (TensorFlow.js, an optional peer) is `rpe-convergence/validate`.
 */
import type { ReportRenderOptions } from './report/index.js';

export * from './types.js';
export { classify } from './classify.js';
export { InputError } from './parse/errors.js';
export { OptionError } from './parse/option-error.js';
export { parseExpression } from './parse/parse.js';
export { trf } from './trf/trf.js';
export type { TrfOptions, TrfReport, TrfResult } from './trf/trf.js';
export type { AtInput, AtPoint, AtValue } from './trf/substitute.js';
export { windowBound } from './trf/window.js';
export type { WindowOptions, WindowReport, WindowResult } from './trf/window.js';
export { check } from './trf/check.js';
export type { CheckOptions, CheckReport, CheckResult } from './trf/check.js';
export { mathjsPlugin } from './plugin/mathjs.js';
export { registerNerdamer } from './plugin/nerdamer.js';
export type { ReportFormat, ReportRenderOptions } from './report/index.js';

/** The proof report of one input as text in the chosen format (default Markdown); loads the renderer on first use. */
export async function report(expr: string, options: ReportRenderOptions = {}): Promise<string> {
  const renderer = await import('./report/index.js');
  return renderer.report(expr, options);
}
