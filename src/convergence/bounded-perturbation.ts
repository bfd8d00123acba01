/**
 * Bounded-perturbation lemma: if q = q₀ + b with b bounded, then
 * e^{−sup b}·e^{−q₀} ≤ e^{−q} ≤ e^{−inf b}·e^{−q₀}, so Σ e^{−q} and Σ e^{−q₀}
 * converge together. Here q lies between q_lo and q_hi with q_hi − q_lo bounded,
 * so reading q_lo on the logarithmic scale decides both ways.
 */
import { seriesToString } from '../asymptotics/print.js';
import { ONE_MONO } from '../asymptotics/scale.js';
import * as S from '../asymptotics/series.js';
import { readScale } from './readings/log-scale.js';
import { inconclusive, notApplicable, type ConvergenceTest } from './test.js';

export const boundedPerturbationTest: ConvergenceTest = {
  name: 'bounded-perturbation',
  run(facts, ctx) {
    const q = facts.q;
    if (!q || q.exact) return notApplicable('bounded-perturbation', 'q(n) is known exactly');
    const width = S.sub(q.hi, q.lo, ctx);
    const g = S.growthVs(width, ONE_MONO, ctx);
    if (g === null || g > 0) return notApplicable('bounded-perturbation', `the uncertain part of q(n) is not bounded: q_hi − q_lo = ${seriesToString(width)}`);
    const r = readScale(q.lo, ctx, 'q_lo');
    const asymptotic = `${seriesToString(q.lo)} ≤ q(n) ≤ ${seriesToString(q.hi)}`;
    const asymptoticTex = `${seriesToString(q.lo, true)} \\le q(n) \\le ${seriesToString(q.hi, true)}`;
    if (!r.verdict) return inconclusive('bounded-perturbation', `q(n) is a bounded perturbation of q_lo(n) = ${seriesToString(q.lo)}, but ${r.reason}`, { asymptotic, asymptoticTex });
    return {
      test: 'bounded-perturbation', outcome: 'decisive', verdict: r.verdict,
      summary: `q(n) differs from q_lo(n) = ${seriesToString(q.lo)} by a bounded amount, and ${r.reason}`,
      asymptotic, asymptoticTex, ...(r.family ? { family: r.family } : {}), ...(r.level !== undefined ? { level: r.level } : {}), ...(r.limit ? { limit: r.limit } : {}),
    };
  },
};
