/**
 * The report's runner: every named test, the decider's and the classical ones
 * (comparison, ratio, root, Raabe, integral, Cauchy condensation), each with a
 * fresh work budget, keeping what each computed for the proof.
 */
import { Ctx, EngineUnknown } from '../asymptotics/context.js';
import { NeedSplit } from '../conditions/region.js';
import type { TestRecord, Verdict } from '../types.js';
import { cauchyCondensationTest } from './cauchy-condensation.js';
import { namedAnalysis, type TestAnalysis } from './detail.js';
import { directComparisonTest } from './direct-comparison.js';
import { runTests, TESTS } from './index.js';
import { integralTest } from './integral.js';
import { limitComparisonTest } from './limit-comparison.js';
import { raabeTest } from './raabe.js';
import { ratioTest } from './ratio.js';
import { rootTest } from './root.js';
import { type ConvergenceTest, inconclusive, type SeriesFacts } from './test.js';

/** The classical named tests the report runs after the decider's own. */
export const CLASSICAL_TESTS: readonly ConvergenceTest[] = [
  directComparisonTest,
  limitComparisonTest,
  ratioTest,
  rootTest,
  raabeTest,
  integralTest,
  cauchyCondensationTest,
];

export interface AllTestsResult {
  /** the decider's verdict (the first decisive test of TESTS, as in runTests) */
  readonly verdict: Verdict;
  /** every test, in the order run: TESTS, then CLASSICAL_TESTS */
  readonly analyses: readonly TestAnalysis[];
  /** decisive records whose verdict contradicts the decider's (a bug if ever non-empty) */
  readonly conflicts: readonly TestRecord[];
}

/**
 * Run every test on one parameter region, each with a fresh work budget. A test
 * whose outcome would need a finer split of the region, or that the engine
 * cannot carry out, is recorded as inconclusive with the reason.
 */
export function runAllTests(facts: SeriesFacts, ctx: Ctx): AllTestsResult {
  const decider = runTests(facts, new Ctx(ctx.region, ctx.variable));
  const analyses: TestAnalysis[] = [];
  for (const t of [...TESTS, ...CLASSICAL_TESTS]) {
    const local = new Ctx(ctx.region, ctx.variable);
    try {
      analyses.push(t.analysis ? t.analysis(facts, local) : namedAnalysis(t.name, t.run(facts, local)));
    } catch (e) {
      if (e instanceof NeedSplit) analyses.push(namedAnalysis(t.name, inconclusive(t.name, `the outcome depends on where the parameters lie within the region (the sign of ${e.coef.toString()} is not fixed there)`)));
      else if (e instanceof EngineUnknown) analyses.push(namedAnalysis(t.name, inconclusive(t.name, `the asymptotic engine cannot carry the test out: ${e.reason}`)));
      else throw e;
    }
  }
  const conflicts = decider.verdict === 'unknown' ? [] : analyses.map((a) => a.record).filter((r) => r.outcome === 'decisive' && r.verdict && r.verdict !== decider.verdict);
  return { verdict: decider.verdict, analyses, conflicts };
}
