/**
 * Tests that also hand back what they computed (the expressions, expansions and
 * limits they read), so the proof layer can write every step out. Their `run`
 * is the plain ConvergenceTest interface; `analyze` adds the detail.
 *
 * Each analysing test declares its detail type next to its code, by module
 * augmentation of TestDetails:
 *
 *     declare module './detail.js' {
 *       interface TestDetails { ratio: RatioDetail }
 *     }
 *
 * so that `TestAnalysis` ties a record's test name to its detail, and the proof
 * builder's table (src/report/region-proof.ts, one entry per TestName) reads the
 * detail without a cast.
 *
 * Owns: the Analysis shape, the TestDetails map and the adapter from an analyzer
 * to a ConvergenceTest.
 */
import type { Ctx } from '../asymptotics/context.js';
import type { TestName, TestRecord } from '../types.js';
import type { ConvergenceTest, SeriesFacts } from './test.js';

/** The detail type of each analysing test, keyed by test name (filled by module augmentation). */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface TestDetails {}

/** Names of the tests that hand back a detail. */
export type AnalysingTestName = keyof TestDetails & TestName;

/** What a test computed: TestDetails[N] for an analysing test, nothing for the others. */
export type DetailOf<N extends TestName> = N extends AnalysingTestName ? TestDetails[N] : never;

export interface Analysis<D> {
  readonly record: TestRecord;
  /** present when the test applied far enough to compute something */
  readonly detail?: D;
}

/** One test's analysis with its name, so that the name fixes the type of the detail. */
export type TestAnalysis<N extends TestName = TestName> = {
  readonly [K in N]: { readonly test: K; readonly record: TestRecord; readonly detail?: DetailOf<K> };
}[N];

/** A TestAnalysis from its parts (no `detail` key when there is none). */
export function namedAnalysis<N extends TestName>(test: N, record: TestRecord, detail?: DetailOf<N>): TestAnalysis<N> {
  return detail === undefined ? { test, record } : { test, record, detail };
}

/** A ConvergenceTest (for a concrete N) that also hands back its detail. */
export interface AnalyzingTest<N extends AnalysingTestName> {
  readonly name: N;
  run: ConvergenceTest['run'];
  analyze(facts: SeriesFacts, ctx: Ctx): Analysis<DetailOf<N>>;
  analysis(facts: SeriesFacts, ctx: Ctx): TestAnalysis<N>;
}

export function analyzingTest<N extends AnalysingTestName>(name: N, analyze: (facts: SeriesFacts, ctx: Ctx) => Analysis<DetailOf<N>>): AnalyzingTest<N> {
  return {
    name,
    analyze,
    analysis: (facts, ctx) => {
      const a = analyze(facts, ctx);
      return namedAnalysis(name, a.record, a.detail);
    },
    run: (facts, ctx) => analyze(facts, ctx).record,
  };
}
