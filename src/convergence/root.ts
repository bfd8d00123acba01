/**
 * The root test (Cauchy): with ρ = limsup |a_n|^{1/n}, Σ a_n converges if ρ < 1
 * and diverges if ρ > 1. Since |a_n|^{1/n} = exp(−q(n)/n), the test reads the
 * limit of q(n)/n on our expansion of q: liminf q/n > 0 gives convergence (from
 * the lower bound of q), limsup q/n < 0 divergence (from the upper bound).
 *
 * Owns: the reading of q(n)/n.
 */
import * as S from '../asymptotics/series.js';
import { seriesToString } from '../asymptotics/print.js';
import { analyzingTest } from './detail.js';
import { compareLimit, divideByN, type Limit, limitText, seriesLimit } from './readings/limit.js';
import { inconclusive, notApplicable } from './test.js';

export interface RootDetail {
  /** the bounds of q used: for convergence (lower) and divergence (upper) */
  readonly qLower: S.Series | null;
  readonly qUpper: S.Series | null;
  /** limits of q_lower/n and q_upper/n */
  readonly lower: Limit | null;
  readonly upper: Limit | null;
}

const rootOf = (l: Limit | null, tex: boolean): string => {
  if (l === null) return tex ? '\\text{unknown}' : 'unknown';
  if (l.kind === 'inf') return l.sign > 0 ? '0' : tex ? '+\\infty' : '+∞';
  if (l.value.isZero()) return '1';
  const m = l.value.neg();
  return tex ? `e^{${m.toTex()}}` : `exp(${m.toString()})`;
};

declare module './detail.js' {
  interface TestDetails {
    root: RootDetail;
  }
}

export const rootTest = analyzingTest('root', (facts, ctx) => {
  const qLower = facts.q ? facts.q.lo : facts.qFromAbsUpper;
  const qUpper = facts.q ? facts.q.hi : facts.qFromAbsLower;
  if (!qLower && !qUpper) return { record: notApplicable('root', 'no bound on |a_n| is available') };
  const lower = qLower ? seriesLimit(divideByN(qLower, ctx), ctx) : null;
  const upper = qUpper ? (qUpper === qLower ? lower : seriesLimit(divideByN(qUpper, ctx), ctx)) : null;
  const detail: RootDetail = { qLower, qUpper, lower, upper };
  const v = facts.variable;
  const asymptotic = qLower ? `q(${v})/${v} → ${limitText(lower)}` : undefined;
  const asymptoticTex = qLower ? `q(${v})/${v} \\to ${limitText(lower, true)}` : undefined;
  const base = { ...(asymptotic ? { asymptotic, asymptoticTex: asymptoticTex! } : {}), limit: rootOf(lower, false) };
  if (lower && compareLimit(lower, 0, ctx) > 0)
    return { record: { test: 'root', outcome: 'decisive', verdict: 'converges', summary: `lim sup |a_n|^{1/n} = ${rootOf(lower, false)} < 1`, ...base }, detail };
  if (upper && compareLimit(upper, 0, ctx) < 0)
    return { record: { test: 'root', outcome: 'decisive', verdict: 'diverges', summary: `lim inf |a_n|^{1/n} = ${rootOf(upper, false)} > 1, so the terms do not tend to 0`, ...base }, detail };
  const shown = qLower ? seriesToString(qLower) : '';
  const why = lower === null ? `the limit of q(n)/n cannot be read (q(n) ≥ ${shown})` : `lim |a_n|^{1/n} = ${rootOf(lower, false)}, inconclusive`;
  return { record: inconclusive('root', why, base), detail };
});
