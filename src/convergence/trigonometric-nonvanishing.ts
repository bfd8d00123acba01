/**
 * sin(αn + β) and cos(αn + β) with α rational and nonzero do not tend to 0:
 * sin(u + α) = sin u·cos α + cos u·sin α, and sin α ≠ 0, so sin → 0 would force
 * cos → 0 too, against sin² + cos² = 1. A product of such a factor with factors
 * bounded away from 0 does not tend to 0 either, so the series diverges.
 */
import { notApplicable, type ConvergenceTest } from './test.js';

export const trigonometricNonvanishingTest: ConvergenceTest = {
  name: 'trigonometric-nonvanishing',
  run(facts) {
    if (facts.termMode && facts.q && !facts.term) return notApplicable('trigonometric-nonvanishing', 'the terms have one sign for large n; the nth-term test reads q(n)');
    if (!facts.term?.nonvanishing) return notApplicable('trigonometric-nonvanishing', 'no factor sin(αn+β) or cos(αn+β) with α rational');
    return {
      test: 'trigonometric-nonvanishing', outcome: 'decisive', verdict: 'diverges',
      summary: 'the term contains sin(αn+β) or cos(αn+β) with rational α ≠ 0 times factors bounded away from 0, so it does not tend to 0',
    };
  },
};
