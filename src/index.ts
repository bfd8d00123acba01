/** Library entry point: the public API (the CLI, the plugins and the playground use the same functions). */
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
export { buildReport, report } from './report/index.js';
export { mathjsPlugin, registerNerdamer } from './plugin/index.js';
