/**
 * Limit comparison with a family member b_n = e^{−g(n)}: if a_n/b_n → L with
 * 0 < L < ∞, Σ a_n and Σ b_n converge together; L = 0 with Σ b_n convergent
 * gives convergence, L = ∞ with Σ b_n divergent gives divergence. Here
 * a_n/b_n = e^{−(q(n) − g(n))}, so L = e^{−lim (q − g)} is read on our expansion.
 *
 * First choice: b_n is the family member that q's unbounded part spells exactly
 * (q = s·log n + c + o(1) gives b_n = 1/n^s and L = e^{−c}; q = c·n + … gives
 * the geometric series; and so on), which decides both ways with one family.
 * Otherwise the member of reference.ts is used with L = 0 or ∞.
 *
 * Owns: the exact family match and the reading of L.
 */
import Fraction from 'fraction.js';
import { Coef } from '../conditions/coef.js';
import type { Ctx } from '../asymptotics/context.js';
import { seriesToString } from '../asymptotics/print.js';
import { LOG_LEVELS, ONE_MONO, pureLogLevel } from '../asymptotics/scale.js';
import * as S from '../asymptotics/series.js';
import { analyzingTest } from './detail.js';
import { expLimitText, type Limit, limitText, seriesLimit } from './readings/limit.js';
import { geometric, logFamily, type Reference, referenceFor, stretched } from './readings/reference.js';
import { inconclusive, notApplicable } from './test.js';

export interface LimitComparisonDetail {
  readonly reference: Reference;
  /** b_n spelled exactly by q's unbounded part (0 < L < ∞) */
  readonly exactMatch: boolean;
  /** q − g and its limit; L = e^{−limit} */
  readonly difference: S.Series;
  readonly limit: Limit;
  readonly ratioLimit: string;
  readonly ratioLimitTex: string;
}

/** The family member whose exponent is exactly the unbounded part of q, if any. */
export function exactMember(q: S.Series, ctx: Ctx): Reference | null {
  const main = q.terms.filter((t) => S.cmp(t, ONE_MONO, ctx) > 0);
  if (main.length === 0) return logFamily(0, Coef.of(0), ctx); // a_n → e^{−c}: compare with Σ 1
  const levels = main.map((t) => pureLogLevel(t));
  if (levels.every((l) => l !== null)) {
    // L0 + … + L_{k−1} + s·L_k with the levels in order and leading coefficients 1
    const k = main.length - 1;
    if (levels.every((l, i) => l === i) && k < LOG_LEVELS && main.slice(0, k).every((t) => ctx.sign(t.c.sub(Coef.of(1))) === 0)) return logFamily(k, main[k]!.c, ctx);
    if (k === 0 && levels[0] === 0) return logFamily(0, main[0]!.c, ctx);
    return null;
  }
  if (main.length !== 1) return null;
  const t = main[0]!;
  if (t.ex !== null || !t.pw.slice(1).every((p) => p.isZero()) || ctx.sign(t.c) <= 0) return null;
  const a = t.pw[0]!;
  if (ctx.sign(a) <= 0) return null;
  const af = a.asFraction();
  return af !== null && af.equals(new Fraction(1)) ? geometric(t.c) : stretched(t.c, a);
}

declare module './detail.js' {
  interface TestDetails {
    'limit-comparison': LimitComparisonDetail;
  }
}

export const limitComparisonTest = analyzingTest('limit-comparison', (facts, ctx) => {
  const q = facts.q;
  if (!q) return { record: notApplicable('limit-comparison', 'the terms change sign') };
  if (!q.exact) return { record: notApplicable('limit-comparison', 'q(n) is known only within bounds, so a_n/b_n need not have a limit') };
  let reference = exactMember(q.lo, ctx);
  let exactMatch = reference !== null;
  if (reference) {
    const l = seriesLimit(S.sub(q.lo, reference.g, ctx), ctx);
    if (!l || l.kind !== 'finite') { reference = null; exactMatch = false; }
  }
  reference ??= referenceFor(q.lo, ctx);
  if (!reference) return { record: inconclusive('limit-comparison', 'no family member matches q(n) on the logarithmic scale') };
  const difference = S.sub(q.lo, reference.g, ctx);
  const limit = seriesLimit(difference, ctx);
  if (!limit) return { record: inconclusive('limit-comparison', `the limit of q(n) − g(n) = ${seriesToString(difference)} cannot be read`) };
  const ratioLimit = expLimitText(limit.kind === 'finite' ? { kind: 'finite', value: limit.value.neg() } : { kind: 'inf', sign: limit.sign > 0 ? -1 : 1 });
  const ratioLimitTex = expLimitText(limit.kind === 'finite' ? { kind: 'finite', value: limit.value.neg() } : { kind: 'inf', sign: limit.sign > 0 ? -1 : 1 }, true);
  const detail: LimitComparisonDetail = { reference, exactMatch, difference, limit, ratioLimit, ratioLimitTex };
  const base = {
    asymptotic: `q(n) − g(n) = ${seriesToString(difference)} → ${limitText(limit)}`,
    asymptoticTex: `q(n) - g(n) = ${seriesToString(difference, true)} \\to ${limitText(limit, true)}`,
    family: reference.family, level: reference.level, limit: ratioLimit,
  };
  const L = `lim a_n/b_n = ${ratioLimit} with b_n = ${reference.family.termText}`;
  if (limit.kind === 'finite')
    return { record: { test: 'limit-comparison', outcome: 'decisive', verdict: reference.converges ? 'converges' : 'diverges', summary: `${L}, 0 < L < ∞, and Σ b_n ${reference.converges ? 'converges' : 'diverges'} (${reference.why})`, ...base }, detail };
  if (limit.sign > 0 && reference.converges)
    return { record: { test: 'limit-comparison', outcome: 'decisive', verdict: 'converges', summary: `${L}, and Σ b_n converges (${reference.why})`, ...base }, detail };
  if (limit.sign < 0 && !reference.converges)
    return { record: { test: 'limit-comparison', outcome: 'decisive', verdict: 'diverges', summary: `${L} = ∞, and Σ b_n diverges (${reference.why})`, ...base }, detail };
  return { record: inconclusive('limit-comparison', `${L}, which decides nothing`, base), detail };
});
