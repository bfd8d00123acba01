/**
 * Direct comparison with a family member b_n = e^{−g(n)} (see reference.ts):
 * if a_n ≤ C·b_n for all n ≥ N₀ and Σ b_n converges, Σ a_n converges; if
 * a_n ≥ c·b_n > 0 for all n ≥ N₀ and Σ b_n diverges, Σ a_n diverges. On the
 * logarithmic side a_n ≤ C·b_n reads q(n) − g(n) ≥ −log C: it holds on a tail as
 * soon as q_lo − g tends to +∞ or to a finite limit (bounded below on a tail).
 *
 * Owns: the inequality between the term and the reference, and its direction.
 */
import { seriesToString } from '../asymptotics/print.js';
import * as S from '../asymptotics/series.js';
import { analyzingTest } from './detail.js';
import { type Limit, limitText, seriesLimit } from './readings/limit.js';
import { type Reference, referenceFor } from './readings/reference.js';
import { inconclusive, notApplicable } from './test.js';

export interface DirectComparisonDetail {
  /** 'upper': a_n ≤ C·b_n (convergence); 'lower': a_n ≥ c·b_n (divergence) */
  readonly direction: 'upper' | 'lower';
  /** the bound of q used (q_lo for convergence, q_hi for divergence) */
  readonly q: S.Series;
  readonly reference: Reference;
  /** q − g */
  readonly difference: S.Series;
  readonly limit: Limit;
  /** comparison of |a_n| for sign-changing terms */
  readonly absolute: boolean;
}

/** 'p-series' → 'p-series', 'geometric' → 'geometric series', 'bertrand-2' → 'Bertrand series' */
const seriesName = (id: string): string => (id === 'p-series' ? id : id.startsWith('bertrand') ? 'Bertrand series' : `${id} series`);

declare module './detail.js' {
  interface TestDetails {
    'direct-comparison': DirectComparisonDetail;
  }
}

export const directComparisonTest = analyzingTest('direct-comparison', (facts, ctx) => {
  const lower = facts.q ? facts.q.lo : facts.qFromAbsUpper;
  const upper = facts.q ? facts.q.hi : null;
  const absolute = !facts.q;
  if (!lower && !upper) return { record: notApplicable('direct-comparison', 'no bound on |a_n| is available') };
  const tried: string[] = [];
  if (lower) {
    const ref = referenceFor(lower, ctx);
    if (ref && ref.converges) {
      const difference = S.sub(lower, ref.g, ctx);
      const limit = seriesLimit(difference, ctx);
      if (limit && (limit.kind === 'finite' || limit.sign > 0)) {
        const detail: DirectComparisonDetail = { direction: 'upper', q: lower, reference: ref, difference, limit, absolute };
        return {
          record: {
            test: 'direct-comparison', outcome: 'decisive', verdict: 'converges',
            summary: `${absolute ? '|a_n|' : 'a_n'} ≤ ${limit.kind === 'inf' ? '' : 'C·'}${ref.family.termText} for all large n, and the ${seriesName(ref.family.id)} converges (${ref.why})`,
            asymptotic: `q(n) − g(n) = ${seriesToString(difference)} → ${limitText(limit)}`,
            asymptoticTex: `q(n) - g(n) = ${seriesToString(difference, true)} \\to ${limitText(limit, true)}`,
            family: ref.family, level: ref.level, limit: limitText(limit),
          },
          detail,
        };
      }
      tried.push(`q − g = ${seriesToString(difference)} has limit ${limitText(limit)}`);
    } else if (ref) tried.push(`the lower bound of q compares with the divergent ${ref.family.termText}`);
  }
  if (upper) {
    const ref = referenceFor(upper, ctx);
    if (ref && !ref.converges) {
      const difference = S.sub(upper, ref.g, ctx);
      const limit = seriesLimit(difference, ctx);
      if (limit && (limit.kind === 'finite' || limit.sign < 0)) {
        const detail: DirectComparisonDetail = { direction: 'lower', q: upper, reference: ref, difference, limit, absolute };
        return {
          record: {
            test: 'direct-comparison', outcome: 'decisive', verdict: 'diverges',
            summary: `a_n ≥ ${limit.kind === 'inf' ? '' : 'c·'}${ref.family.termText} for all large n, and the ${seriesName(ref.family.id)} diverges (${ref.why})`,
            asymptotic: `q(n) − g(n) = ${seriesToString(difference)} → ${limitText(limit)}`,
            asymptoticTex: `q(n) - g(n) = ${seriesToString(difference, true)} \\to ${limitText(limit, true)}`,
            family: ref.family, level: ref.level, limit: limitText(limit),
          },
          detail,
        };
      }
      tried.push(`q − g = ${seriesToString(difference)} has limit ${limitText(limit)}`);
    } else if (ref) tried.push(`the upper bound of q compares with the convergent ${ref.family.termText}`);
  }
  return { record: inconclusive('direct-comparison', tried.length ? `no comparison decides: ${tried.join('; ')}` : 'the logarithmic scale cannot read q(n)') };
});
