/**
 * The report's view of the decider: the same exploration of parameter regions
 * as classify() (same parse, assumptions, splits and verdicts), but in every
 * region it runs every named test (src/tests `runAllTests`) and keeps the facts
 * and what each test computed, so that each region gets its own proof.
 *
 * Owns: the per-region loop for reports. The verdicts are classify()'s; the
 * region list is checked against classify()'s cases by the caller.
 */
import { Ctx, EngineUnknown } from '../asymptotics/context.js';
import { expand } from '../asymptotics/expand.js';
import { applyCondition } from '../conditions/assumptions.js';
import { describeRegion, explore } from '../conditions/cases.js';
import { Region } from '../conditions/region.js';
import { InputError } from '../parse/errors.js';
import type { ParsedExpression } from '../parse/expr.js';
import { parseCondition, parseExpression } from '../parse/parse.js';
import type { Analysis } from '../tests/detail.js';
import { biasFacts, termFacts } from '../tests/facts.js';
import { runAllTests } from '../tests/index.js';
import type { SeriesFacts } from '../tests/test.js';
import type { ClassifyOptions, TestRecord, Verdict } from '../types.js';

export interface RegionAnalysis {
  readonly region: Region;
  /** the region as a mathjs condition, leaving out the assumptions ("true" for the whole space) */
  readonly condition: string;
  readonly verdict: Verdict;
  readonly reason?: string;
  readonly facts: SeriesFacts | null;
  readonly analyses: readonly Analysis<unknown>[];
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

function analyzeRegion(parsed: ParsedExpression, term: boolean, region: Region): Result {
  const ctx = new Ctx(region, parsed.variable);
  try {
    const approx = expand(parsed.expr, ctx);
    const facts = term ? termFacts(parsed.expr, parsed.variable, approx, ctx) : biasFacts(parsed.expr, parsed.variable, approx);
    if (term && facts.termSign === 1 && !facts.q) {
      const record: TestRecord = { test: 'eventually-zero', outcome: 'decisive', verdict: 'converges', summary: 'the terms are 0 for all large n, so the series is a finite sum' };
      return { verdict: 'converges', facts, analyses: [{ record }], conflicts: [] };
    }
    const r = runAllTests(facts, ctx);
    return { verdict: r.verdict, facts, analyses: r.analyses, conflicts: r.conflicts, ...(r.verdict === 'unknown' ? { reason: 'no test was decisive' } : {}) };
  } catch (e) {
    if (e instanceof EngineUnknown) return { verdict: 'unknown', facts: null, analyses: [], conflicts: [], reason: e.undefinedTail ? `the expression is undefined for large ${parsed.variable}: ${e.reason}` : e.reason };
    throw e;
  }
}

/** Parse and explore as classify() does, running every test in every region. */
export function analyzeRegions(input: string, options: ClassifyOptions = {}): AnalyzedInput {
  const from = options.from ?? 0;
  const term = options.term ?? false;
  const parsed = parseExpression(input, options.var !== undefined ? { variable: options.var } : {});
  let roots = [new Region()];
  for (const a of options.assume ?? []) roots = applyCondition(roots, parseCondition(a, parsed.parameters));
  if (roots.length === 0) throw new InputError('assumption', 'the assumptions contradict each other');
  const leaves = explore<Result>(roots, (region) => analyzeRegion(parsed, term, region), () => ({
    verdict: 'unknown', facts: null, analyses: [], conflicts: [], reason: 'too many parameter cases',
  }));
  const root = roots.length === 1 ? roots[0]! : new Region();
  const regions = leaves.map((l) => ({ region: l.region, condition: describeRegion(l.region, root), ...l.result }));
  return { parsed, from, term, root, regions };
}
