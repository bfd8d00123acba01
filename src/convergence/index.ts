/**
 * The ordered list of convergence tests the decider runs, and the runner that
 * records every test tried until one is decisive. The report's runner of every
 * named test lives in all-tests.ts, so that classify() never loads the classical
 * tests' machinery (nerdamer, a full mathjs instance).
 */
import type { Ctx } from '../asymptotics/context.js';
import type { TestRecord, Verdict } from '../types.js';
import { absoluteComparisonTest } from './absolute-comparison.js';
import { boundedPerturbationTest } from './bounded-perturbation.js';
import { logScaleComparisonTest } from './log-scale-comparison.js';
import { nthTermTest } from './nth-term.js';
import type { ConvergenceTest, SeriesFacts } from './test.js';
import { trigonometricNonvanishingTest } from './trigonometric-nonvanishing.js';

export const TESTS: readonly ConvergenceTest[] = [
  nthTermTest,
  trigonometricNonvanishingTest,
  boundedPerturbationTest,
  logScaleComparisonTest,
  absoluteComparisonTest,
];

export function runTests(facts: SeriesFacts, ctx: Ctx): { verdict: Verdict; tests: TestRecord[] } {
  const tests: TestRecord[] = [];
  for (const t of TESTS) {
    const r = t.run(facts, ctx);
    tests.push(r);
    if (r.outcome === 'decisive' && r.verdict) return { verdict: r.verdict, tests };
  }
  return { verdict: 'unknown', tests };
}
