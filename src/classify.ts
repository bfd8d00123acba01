/**
 * classify(): the decider. Parses the input, splits the assumed parameter space
 * into regions as the asymptotic analysis requires, runs the convergence tests in
 * each region, merges regions with the same verdict, and returns the contract
 * object of src/types.ts.
 */
import { Ctx, EngineUnknown, type WorkBudget } from './asymptotics/context.js';
import { applyCondition } from './conditions/assumptions.js';
import { WorkLimitError } from './conditions/coef.js';
import { describeRegion, describeUnion, explore, mergeLeaves, type Leaf } from './conditions/cases.js';
import { headDomainProblem } from './conditions/head-domain.js';
import { regionDomainProblem } from './conditions/region-domain.js';
import { Region } from './conditions/region.js';
import { checkDomain } from './numeric/domain/input.js';
import { InputError } from './parse/errors.js';
import { OptionError } from './parse/option-error.js';
import type { ParsedExpression } from './parse/expr.js';
import type { SeriesFacts } from './convergence/test.js';
import { parseAssumptions, withinAssumption } from './parse/assumption-list.js';
import { parseExpression } from './parse/parse.js';
import { seriesFacts } from './convergence/readings/facts.js';
import { runTests } from './convergence/index.js';
import type { Classification, ClassificationCase, ClassifyOptions, Extrapolation, OverallVerdict, TestRecord, Verdict } from './types.js';

/** How many first terms of a parametric bias are checked per region by head-domain.ts (which may split the region). */
const DOMAIN_CHECK_TERMS = 8;

interface RegionResult { readonly verdict: Verdict; readonly tests: readonly TestRecord[]; readonly reason?: string }

/** The input after parsing, the domain check and the assumptions: what every region analysis starts from. */
export interface PreparedInput {
  readonly parsed: ParsedExpression;
  readonly from: number;
  readonly term: boolean;
  /** the assumed parameter space, one region per disjunct */
  readonly roots: readonly Region[];
  /** the region conditions are printed relative to */
  readonly root: Region;
  /** why the terms free of parameters are not known to be defined for every n ≥ from (then every region is unknown) */
  readonly domainCaveat: string | null;
}

export function prepareInput(input: string, options: ClassifyOptions = {}): PreparedInput {
  const from = options.from ?? 0;
  if (!Number.isSafeInteger(from)) throw new OptionError('from', (o) => `${o} must be an integer, got ${String(options.from)}`);
  const parsed = parseExpression(input, options.var !== undefined ? { variable: options.var } : {});
  const term = options.term ?? false;
  const domainCaveat = checkDomain(parsed, from, { term });
  let roots = [new Region()];
  const assumptions = parseAssumptions(options.assume, parsed.parameters, parsed.variable);
  for (const a of assumptions) {
    roots = withinAssumption(a, assumptions.length, () => {
      try {
        return applyCondition(roots, a.expr);
      } catch (e) {
        if (e instanceof WorkLimitError) throw new InputError('too-large', `assumption too large: ${e.message}`);
        throw e;
      }
    });
  }
  if (roots.length === 0) throw new InputError('assumption', 'the assumptions contradict each other');
  return { parsed, from, term, roots, root: roots.length === 1 ? roots[0]! : new Region(), domainCaveat };
}

/** What one region's analysis gave: the tests' result, a finite sum, or an honest unknown. */
export type RegionOutcome<T> =
  | { readonly kind: 'tested'; readonly facts: SeriesFacts; readonly value: T }
  | { readonly kind: 'eventually-zero'; readonly facts: SeriesFacts; readonly record: TestRecord }
  | { readonly kind: 'unknown'; readonly reason: string };

/**
 * Expand the input in one region, reduce it to the tests' facts and run `tests`.
 * NeedSplit escapes to the caller's exploration; engine limits become `unknown`.
 */
export function analyzeRegion<T>(p: PreparedInput, region: Region, budget: WorkBudget, tests: (facts: SeriesFacts, ctx: Ctx) => T): RegionOutcome<T> {
  const { expr, variable } = p.parsed;
  const ctx = new Ctx(region, variable, budget);
  try {
    if (p.domainCaveat !== null) return { kind: 'unknown', reason: p.domainCaveat };
    if (p.parsed.parameters.length > 0) {
      const problem = headDomainProblem(expr, variable, p.from, DOMAIN_CHECK_TERMS, region);
      if (problem !== null) return { kind: 'unknown', reason: `the ${p.term ? 'term' : 'bias'} is undefined for these parameter values: ${problem} (a later --from may avoid it)` };
    }
    const facts = seriesFacts(expr, variable, p.term, ctx);
    if (p.parsed.parameters.length > 0) {
      // after the expansion, which splits the region on the signs it needs (b > 0 in log(1 + b·n)), so that this never has to
      const undefinedTerms = regionDomainProblem(expr, variable, p.parsed.parameters, p.from, region, p.term ? 'term' : 'bias');
      if (undefinedTerms !== null) return { kind: 'unknown', reason: undefinedTerms };
    }
    if (p.term && facts.termSign === 1 && !facts.q)
      return { kind: 'eventually-zero', facts, record: { test: 'eventually-zero', outcome: 'decisive', verdict: 'converges', summary: 'the terms are 0 for all large n, so the series is a finite sum' } };
    return { kind: 'tested', facts, value: tests(facts, ctx) };
  } catch (e) {
    if (e instanceof WorkLimitError) return { kind: 'unknown', reason: `the expression is too complex to analyse: ${e.message}` };
    if (e instanceof EngineUnknown) return { kind: 'unknown', reason: e.undefinedTail ? `the expression is undefined for large ${variable}: ${e.reason}` : e.reason };
    throw e;
  }
}

export function classify(input: string, options: ClassifyOptions = {}): Classification {
  const p = prepareInput(input, options);
  const budget: WorkBudget = { used: 0 };
  const leaves = explore<RegionResult>(p.roots, (region) => {
    const o = analyzeRegion(p, region, budget, runTests);
    if (o.kind === 'unknown') return { verdict: 'unknown', tests: [], reason: o.reason };
    if (o.kind === 'eventually-zero') return { verdict: 'converges', tests: [o.record] };
    return o.value.verdict === 'unknown' ? { ...o.value, reason: 'no test was decisive' } : o.value;
  }, () => ({ verdict: 'unknown', tests: [], reason: 'too many parameter cases' }));
  const cases = toCases(leaves, p.root);
  return {
    input, expression: p.parsed.normalized, variable: p.parsed.variable, from: p.from, parameters: [...p.parsed.parameters], term: p.term,
    verdict: overall(cases), cases,
  };
}

const extrapolation = (v: Verdict): Extrapolation => (v === 'converges' ? 'guaranteed' : v === 'diverges' ? 'not-guaranteed' : 'unknown');

function toCases(leaves: Leaf<RegionResult>[], root: Region): ClassificationCase[] {
  // Annotate each region's records with its condition before merging, so proofs keep them apart.
  const annotated = leaves.map((l) => ({ region: l.region, result: { ...l.result, parts: [{ region: l.region, result: l.result }] } }));
  const merged = mergeLeaves(annotated, (r) => r.verdict, (a, b) => ({ ...a, parts: [...a.parts, ...b.parts] }));
  const byVerdict = new Map<Verdict, typeof merged>();
  for (const l of merged) byVerdict.set(l.result.verdict, [...(byVerdict.get(l.result.verdict) ?? []), l]);
  const order: Verdict[] = ['converges', 'diverges', 'unknown'];
  return order.filter((v) => byVerdict.has(v)).map((v) => {
    const group = byVerdict.get(v)!;
    const parts = group.flatMap((g) => g.result.parts);
    const condition = describeUnion(group.map((g) => g.region), root);
    const tests = parts.length === 1 ? parts[0]!.result.tests : parts.flatMap((p) => p.result.tests.map((t) => ({ ...t, condition: describeRegion(p.region, root) })));
    const reasons = [...new Set(parts.map((p) => p.result.reason).filter((r): r is string => !!r))];
    return { condition, verdict: v, extrapolation: extrapolation(v), tests, ...(reasons.length ? { reason: reasons.join('; ') } : {}) };
  });
}

function overall(cases: readonly ClassificationCase[]): OverallVerdict {
  const vs = new Set(cases.map((c) => c.verdict));
  if (vs.size === 1) return [...vs][0]!;
  return 'conditional';
}
