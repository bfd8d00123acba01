/**
 * The functions both plugins expose, on plain JS values: classify (the API's
 * Classification object), convergent (true / false / the condition where it
 * converges / null when undecided) and trf (the TRF number, or null when the
 * series diverges).
 *
 * Owns: the plugin-facing signatures; hosts adapt their values in options.ts.
 */
import { classify } from '../classify.js';
import { trf as trfReport } from '../trf/trf.js';
import type { Classification } from '../types.js';
import { atStrings, classifyOptions, exprText } from './options.js';

export function classifyFn(expr: unknown, options?: unknown): Classification {
  return classify(exprText(expr), classifyOptions(options));
}

/** true / false, the condition (mathjs syntax) for a parametric input, or null when undecided. */
export function convergentFn(expr: unknown, options?: unknown): boolean | string | null {
  const c = classifyFn(expr, options);
  if (c.verdict === 'converges') return true;
  if (c.verdict === 'diverges') return false;
  if (c.verdict === 'conditional') {
    const where = c.cases.filter((k) => k.verdict === 'converges').map((k) => k.condition);
    return where.length ? where.join(' or ') : false;
  }
  return null;
}

/** TRF at ε (default 0.01) for the given parameter values; the largest over several points; null without one. */
export function trfFn(expr: unknown, eps?: unknown, params?: unknown): number | null {
  const e = eps === undefined || eps === null ? undefined : String(typeof eps === 'object' ? Number((eps as { valueOf(): unknown }).valueOf()) : eps);
  const r = trfReport(exprText(expr), { ...(e !== undefined ? { eps: e } : {}), at: atStrings(params) });
  return r.max === null ? null : Number(r.max);
}
