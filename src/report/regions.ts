/**
 * The report's view of the decider: the same exploration of parameter regions
 * as classify() (same parse, assumptions, splits and verdicts), but in every
 * region it runs every named test (src/convergence `runAllTests`) and keeps the facts
 * and what each test computed, so that each region gets its own proof.
 *
 * Owns: the per-region loop for reports. The verdicts are classify()'s; the
 * region list is checked against classify()'s cases by the caller.
 */
import { analyzeRegion, prepareInput } from '../classify.js';
import { describeRegion, explore } from '../conditions/cases.js';
import type { Region } from '../conditions/region.js';
import type { ParsedExpression } from '../parse/expr.js';
import { namedAnalysis, type TestAnalysis } from '../convergence/detail.js';
import { runAllTests } from '../convergence/all-tests.js';
import type { SeriesFacts } from '../convergence/test.js';
import type { ClassifyOptions, TestRecord, Verdict } from '../types.js';

export interface RegionAnalysis {
  readonly region: Region;
  /** the region as a mathjs condition, leaving out the assumptions ("true" for the whole space) */
  readonly condition: string;
  readonly verdict: Verdict;
  readonly reason?: string;
  readonly facts: SeriesFacts | null;
  readonly analyses: readonly TestAnalysis[];
  readonly conflicts: readonly TestRecord[];
}

export interface AnalyzedInput {
  readonly parsed: ParsedExpression;
  readonly from: number;
  readonly term: boolean;
  readonly root: Region;
  readonly regions: readonly RegionAnalysis[];
}

type Result = Omit<RegionAnalysis, 'region' | 'condition'>;

/** Parse and explore as classify() does, running every test in every region. */
export function analyzeRegions(input: string, options: ClassifyOptions = {}): AnalyzedInput {
  const p = prepareInput(input, options);
  const budget = { used: 0 };
  const leaves = explore<Result>(p.roots, (region): Result => {
    const o = analyzeRegion(p, region, budget, runAllTests);
    if (o.kind === 'unknown') return { verdict: 'unknown', facts: null, analyses: [], conflicts: [], reason: o.reason };
    if (o.kind === 'eventually-zero') return { verdict: 'converges', facts: o.facts, analyses: [namedAnalysis(o.record.test, o.record)], conflicts: [] };
    const r = o.value;
    return { verdict: r.verdict, facts: o.facts, analyses: r.analyses, conflicts: r.conflicts, ...(r.verdict === 'unknown' ? { reason: 'no test was decisive' } : {}) };
  }, () => ({ verdict: 'unknown', facts: null, analyses: [], conflicts: [], reason: 'too many parameter cases' }));
  const regions = leaves.map((l) => ({ region: l.region, condition: describeRegion(l.region, p.root), ...l.result }));
  return { parsed: p.parsed, from: p.from, term: p.term, root: p.root, regions };
}
