/**
 * Raabe's test: with R_n = n·(a_n/a_{n+1} − 1), Σ a_n (positive terms) converges
 * if liminf R_n > 1 and diverges if R_n ≤ 1 for all large n (in particular if
 * limsup R_n < 1). It refines the ratio test where a_{n+1}/a_n → 1. For a bias,
 * a_n/a_{n+1} = exp(p(n) − p(n+1)); R_n is expanded by our asymptotic engine.
 *
 * Owns: the Raabe expression and the reading of its limit.
 */
import type { Approx } from '../asymptotics/approx.js';
import type { Ctx } from '../asymptotics/context.js';
import { expand } from '../asymptotics/expand.js';
import { seriesToString } from '../asymptotics/print.js';
import * as E from '../parse/expr.js';
import type { Expr } from '../parse/expr.js';
import { analyzingTest } from './detail.js';
import { compareLimit, type Limit, limitText, seriesLimit } from './readings/limit.js';
import { shiftByOne } from '../parse/index-shift.js';
import { inconclusive, notApplicable, type SeriesFacts } from './test.js';

export interface RaabeDetail {
  /** R_n as an expression */
  readonly raabe: Expr;
  readonly approx: Approx;
  readonly lower: Limit | null;
  readonly upper: Limit | null;
}

export function raabeExpression(facts: SeriesFacts): Expr {
  const { expr, variable } = facts;
  const shifted = shiftByOne(expr, variable);
  const inverseRatio = facts.termMode ? E.call('abs', E.div(expr, shifted)) : E.call('exp', E.add(expr, E.neg(shifted)));
  return E.mul(E.variable(variable), E.add(inverseRatio, E.num(-1)));
}

/**
 * a_n/a_{n+1} = e^{−d} with d = p(n+1) − p(n): when d tends to c ≠ 0 (or to ±∞),
 * R_n = n·(e^{−c} − 1 + o(1)) → −sign(c)·∞ without asking the sign of e^{−c} − 1.
 */
function driftLimit(facts: SeriesFacts, ctx: Ctx): Limit | null {
  const d = expand(E.add(shiftByOne(facts.expr, facts.variable), E.neg(facts.expr)), ctx);
  if (!d.exact) return null;
  const l = seriesLimit(d.lo, ctx);
  if (!l) return null;
  const s = l.kind === 'inf' ? l.sign : ctx.sign(l.value);
  return s === 0 ? null : { kind: 'inf', sign: s > 0 ? -1 : 1 };
}

declare module './detail.js' {
  interface TestDetails {
    raabe: RaabeDetail;
  }
}

export const raabeTest = analyzingTest('raabe', (facts, ctx) => {
  if (facts.termMode && facts.termSign === 1 && !facts.q) return { record: notApplicable('raabe', 'the terms vanish for large n') };
  const raabe = raabeExpression(facts);
  const approx = expand(raabe, ctx);
  let lower: Limit | null, upper: Limit | null;
  const fromD = facts.termMode ? null : driftLimit(facts, ctx);
  if (fromD) lower = upper = fromD;
  else {
    lower = seriesLimit(approx.lo, ctx);
    upper = approx.exact ? lower : seriesLimit(approx.hi, ctx);
  }
  const detail: RaabeDetail = { raabe, approx, lower, upper };
  const v = facts.variable;
  const asymptotic = approx.exact ? `R(${v}) = ${seriesToString(approx.lo)}` : `${seriesToString(approx.lo)} ≤ R(${v}) ≤ ${seriesToString(approx.hi)}`;
  const asymptoticTex = approx.exact ? `R(${v}) = ${seriesToString(approx.lo, true)}` : `${seriesToString(approx.lo, true)} \\le R(${v}) \\le ${seriesToString(approx.hi, true)}`;
  const same = approx.exact || (lower && upper && limitText(lower) === limitText(upper));
  const base = { asymptotic, asymptoticTex, limit: same ? limitText(lower) : `[${limitText(lower)}, ${limitText(upper)}]` };
  if (lower && compareLimit(lower, 1, ctx) > 0)
    return { record: { test: 'raabe', outcome: 'decisive', verdict: 'converges', summary: `lim inf n·(a_n/a_{n+1} − 1) = ${limitText(lower)} > 1`, ...base }, detail };
  if (upper && compareLimit(upper, 1, ctx) < 0) {
    if (facts.termSign === null) return { record: inconclusive('raabe', `lim sup n·(|a_n/a_{n+1}| − 1) = ${limitText(upper)} < 1 shows only that Σ|a_n| diverges`, base), detail };
    return { record: { test: 'raabe', outcome: 'decisive', verdict: 'diverges', summary: `lim sup n·(a_n/a_{n+1} − 1) = ${limitText(upper)} < 1`, ...base }, detail };
  }
  const why = lower === null || upper === null ? 'the limit of n·(a_n/a_{n+1} − 1) cannot be read from the expansion'
    : same ? `lim n·(a_n/a_{n+1} − 1) = ${limitText(lower)}, inconclusive` : `n·(a_n/a_{n+1} − 1) has lim inf ${limitText(lower)} and lim sup ${limitText(upper)}, inconclusive`;
  return { record: inconclusive('raabe', why, base), detail };
});
