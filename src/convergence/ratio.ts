/**
 * The ratio test (d'Alembert): with ρ = limsup a_{n+1}/a_n and ρ' = liminf,
 * Σ a_n converges if ρ < 1 and diverges if ρ' > 1 (the terms then grow); a limit
 * of 1 says nothing. For a bias, a_{n+1}/a_n = exp(p(n+1) − p(n)), so the limit
 * is read on d(n) = p(n+1) − p(n), expanded by our asymptotic engine with n
 * replaced by n+1 (never with a CAS `limit`). For a term, |a(n+1)/a(n)| is expanded.
 *
 * Owns: the ratio expression and the reading of its limit.
 */
import type { Approx } from '../asymptotics/approx.js';
import { expand } from '../asymptotics/expand.js';
import { seriesToString } from '../asymptotics/print.js';
import * as E from '../parse/expr.js';
import type { Expr } from '../parse/expr.js';
import { analyzingTest } from './detail.js';
import { compareLimit, expLimitText, type Limit, limitText, seriesLimit } from './readings/limit.js';
import { shiftByOne } from '../parse/index-shift.js';
import { inconclusive, notApplicable, type SeriesFacts } from './test.js';

export interface RatioDetail {
  /** a_{n+1}/a_n as an expression */
  readonly ratio: Expr;
  /** bias: d(n) = p(n+1) − p(n), with a_{n+1}/a_n = e^{d(n)}; null in term mode */
  readonly logRatio: Expr | null;
  /** expansion of d(n) (bias) or of the ratio itself (term) */
  readonly approx: Approx;
  /** limits of the lower and upper expansion (of d or of the ratio) */
  readonly lower: Limit | null;
  readonly upper: Limit | null;
  /** the ratio's limit in words ("1", "exp(-m)", "0"), or its bounds */
  readonly ratioLimit: string;
  readonly ratioLimitTex: string;
}

export function ratioExpressions(facts: SeriesFacts): { ratio: Expr; logRatio: Expr | null } {
  const { expr, variable } = facts;
  const shifted = shiftByOne(expr, variable);
  if (facts.termMode) return { ratio: E.call('abs', E.div(shifted, expr)), logRatio: null };
  const d = E.add(shifted, E.neg(expr));
  return { ratio: E.call('exp', d), logRatio: d };
}

declare module './detail.js' {
  interface TestDetails {
    ratio: RatioDetail;
  }
}

export const ratioTest = analyzingTest('ratio', (facts, ctx) => {
  if (facts.termMode && facts.termSign === 1 && !facts.q) return { record: notApplicable('ratio', 'the terms vanish for large n') };
  const { ratio, logRatio } = ratioExpressions(facts);
  const approx = expand(logRatio ?? ratio, ctx);
  const lower = seriesLimit(approx.lo, ctx);
  const upper = approx.exact ? lower : seriesLimit(approx.hi, ctx);
  const pivot = logRatio ? 0 : 1;
  const toRatio = (l: Limit | null, tex: boolean): string => (logRatio ? expLimitText(l, tex) : limitText(l, tex));
  const same = approx.exact || (lower && upper && limitText(lower) === limitText(upper));
  const ratioLimit = same ? toRatio(lower, false) : `between ${toRatio(lower, false)} and ${toRatio(upper, false)}`;
  const ratioLimitTex = same ? toRatio(lower, true) : `\\left[${toRatio(lower, true)}, ${toRatio(upper, true)}\\right]`;
  const v = facts.variable;
  const name = logRatio ? `d(${v}) = p(${v}+1) − p(${v})` : `|a(${v}+1)/a(${v})|`;
  const nameTex = logRatio ? `d(${v}) = p(${v}+1) - p(${v})` : `\\left|a(${v}+1)/a(${v})\\right|`;
  const asymptotic = approx.exact ? `${name} = ${seriesToString(approx.lo)}` : `${seriesToString(approx.lo)} ≤ ${name} ≤ ${seriesToString(approx.hi)}`;
  const asymptoticTex = approx.exact ? `${nameTex} = ${seriesToString(approx.lo, true)}` : `${seriesToString(approx.lo, true)} \\le ${nameTex.replace(/^d\(\w+\) = /, '')} \\le ${seriesToString(approx.hi, true)}`;
  const detail: RatioDetail = { ratio, logRatio, approx, lower, upper, ratioLimit, ratioLimitTex };
  const base = { asymptotic, asymptoticTex, limit: ratioLimit };
  if (upper && compareLimit(upper, pivot, ctx) < 0)
    return { record: { test: 'ratio', outcome: 'decisive', verdict: 'converges', summary: `lim sup a_{n+1}/a_n = ${toRatio(upper, false)} < 1`, ...base }, detail };
  if (lower && compareLimit(lower, pivot, ctx) > 0)
    return { record: { test: 'ratio', outcome: 'decisive', verdict: 'diverges', summary: `lim inf a_{n+1}/a_n = ${toRatio(lower, false)} > 1, so the terms grow and do not tend to 0`, ...base }, detail };
  const why = lower === null || upper === null ? 'the limit of a_{n+1}/a_n cannot be read from the expansion'
    : same ? `lim a_{n+1}/a_n = ${ratioLimit}, inconclusive` : `a_{n+1}/a_n has lim inf ${toRatio(lower, false)} and lim sup ${toRatio(upper, false)}, inconclusive`;
  return { record: inconclusive('ratio', why, base), detail };
});
