/**
 * The nth-term (divergence) test: if a_n does not tend to 0, Σ a_n diverges.
 * For one-signed terms this reads q = −log|a_n| ≤ q_hi: if q_hi is bounded above,
 * |a_n| ≥ e^{−sup q_hi} > 0 on a tail. For sign-changing terms it reads the lower
 * bound of |a_n|.
 */
import { seriesToString } from '../asymptotics/print.js';
import { boundedAbove } from './readings/log-scale.js';
import { inconclusive, notApplicable, type ConvergenceTest } from './test.js';

export const nthTermTest: ConvergenceTest = {
  name: 'nth-term',
  run(facts, ctx) {
    const q = facts.q ? facts.q.hi : facts.qFromAbsLower;
    if (!q) return notApplicable('nth-term', 'no lower bound of |a_n| is available');
    const b = boundedAbove(q, ctx);
    const asymptotic = `${facts.q ? 'q(n) ≤ ' : '−log|a_n| ≤ '}${seriesToString(q)}`;
    const asymptoticTex = `${facts.q ? 'q(n) \\le ' : '-\\log|a_n| \\le '}${seriesToString(q, true)}`;
    if (b.bounded)
      return { test: 'nth-term', outcome: 'decisive', verdict: 'diverges', summary: `the terms do not tend to 0: ${b.why}`, asymptotic, asymptoticTex };
    return inconclusive('nth-term', `the terms may tend to 0 (${b.why})`, { asymptotic, asymptoticTex });
  },
};
