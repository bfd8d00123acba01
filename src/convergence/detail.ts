/**
 * Tests that also hand back what they computed (the expressions, expansions and
 * limits they read), so the proof layer can write every step out. Their `run`
 * is the plain ConvergenceTest interface; `analyze` adds the detail.
 *
 * Owns: the Analysis shape and the adapter from an analyzer to a ConvergenceTest.
 */
import type { Ctx } from '../asymptotics/context.js';
import type { TestName, TestRecord } from '../types.js';
import type { ConvergenceTest, SeriesFacts } from './test.js';

export interface Analysis<D> {
  readonly record: TestRecord;
  /** present when the test applied far enough to compute something */
  readonly detail?: D;
}

export interface AnalyzingTest<D> extends ConvergenceTest {
  analyze(facts: SeriesFacts, ctx: Ctx): Analysis<D>;
}

export function analyzingTest<D>(name: TestName, analyze: (facts: SeriesFacts, ctx: Ctx) => Analysis<D>): AnalyzingTest<D> {
  return { name, analyze, run: (facts, ctx) => analyze(facts, ctx).record };
}
