/**
 * Absolute convergence for sign-changing terms: |a_n| ≤ u_n with Σ u_n convergent
 * (read on the logarithmic scale) implies that Σ a_n converges absolutely.
 */
import { seriesToString } from '../asymptotics/print.js';
import { readScale } from './readings/log-scale.js';
import { inconclusive, notApplicable, type ConvergenceTest } from './test.js';

export const absoluteComparisonTest: ConvergenceTest = {
  name: 'absolute-comparison',
  run(facts, ctx) {
    if (facts.q || !facts.qFromAbsUpper) return notApplicable('absolute-comparison', 'the terms have one sign for large n');
    // the bound read is a lower bound q_lo of −log|a_n|, and the reasons say so
    const r = readScale(facts.qFromAbsUpper, ctx, 'q_lo');
    const asymptotic = `−log|a_n| ≥ q_lo(n) = ${seriesToString(facts.qFromAbsUpper)}`;
    const asymptoticTex = `-\\log|a_n| \\ge q_{\\mathrm{lo}}(n) = ${seriesToString(facts.qFromAbsUpper, true)}`;
    if (r.verdict !== 'converges') return inconclusive('absolute-comparison', `the bound on |a_n| does not give convergence: ${r.reason}`, { asymptotic, asymptoticTex });
    return { test: 'absolute-comparison', outcome: 'decisive', verdict: 'converges', summary: `Σ|a_n| converges: ${r.reason}`, asymptotic, asymptoticTex, ...(r.family ? { family: r.family } : {}), ...(r.level !== undefined ? { level: r.level } : {}), ...(r.limit ? { limit: r.limit } : {}) };
  },
};
