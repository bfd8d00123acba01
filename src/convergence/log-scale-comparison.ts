/**
 * Comparison with the geometric, p-series and iterated-log (Bertrand) families on
 * the logarithmic scale: convergence is read on the lower bound q_lo (a_n ≤ e^{−q_lo}),
 * divergence on the upper bound q_hi (a_n ≥ e^{−q_hi}).
 */
import { seriesToString } from '../asymptotics/print.js';
import { readScale } from './readings/log-scale.js';
import { inconclusive, notApplicable, type ConvergenceTest } from './test.js';

export const logScaleComparisonTest: ConvergenceTest = {
  name: 'logarithmic-scale-comparison',
  run(facts, ctx) {
    const q = facts.q;
    if (!q) return notApplicable('logarithmic-scale-comparison', 'the terms change sign infinitely often');
    const asymptotic = q.exact ? `q(n) = ${seriesToString(q.lo)}` : `${seriesToString(q.lo)} ≤ q(n) ≤ ${seriesToString(q.hi)}`;
    const asymptoticTex = q.exact ? `q(n) = ${seriesToString(q.lo, true)}` : `${seriesToString(q.lo, true)} \\le q(n) \\le ${seriesToString(q.hi, true)}`;
    // an inexact q is read on its bounds, and the reasons name the bound they read
    const low = readScale(q.lo, ctx, q.exact ? 'q' : 'q_lo');
    const pack = (r: typeof low) => ({ asymptotic, asymptoticTex, ...(r.family ? { family: r.family } : {}), ...(r.level !== undefined ? { level: r.level } : {}), ...(r.limit ? { limit: r.limit } : {}) });
    if (low.verdict === 'converges') return { test: 'logarithmic-scale-comparison', outcome: 'decisive', verdict: 'converges', summary: low.reason, ...pack(low) };
    const high = q.exact ? low : readScale(q.hi, ctx, 'q_hi');
    if (high.verdict === 'diverges') return { test: 'logarithmic-scale-comparison', outcome: 'decisive', verdict: 'diverges', summary: high.reason, ...pack(high) };
    const why = q.exact ? low.reason : `the lower bound gives: ${low.reason}; the upper bound gives: ${high.reason}`;
    return inconclusive('logarithmic-scale-comparison', why, pack(low));
  },
};
