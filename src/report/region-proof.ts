/**
 * One parameter region's proof: the table of every test tried, and complete
 * step-by-step proofs for the chosen decisive tests (up to `maxProofs`).
 *
 * Owns: the choice of proofs and the dispatch to the step builders.
 */
import type { Family } from '../rules/schema.js';
import type { TestAnalysis } from '../convergence/detail.js';
import type { TestName } from '../types.js';
import { type ParamPoint, samplePoint } from '../conditions/region-sample.js';
import { conditionForms } from './condition-text.js';
import type { ProofStep, RegionProof, TestProof } from './proof.js';
import type { RegionAnalysis } from './regions.js';
import { sampleNs } from './spot-check.js';
import { condensationSteps } from './steps/condensation.js';
import type { StepContext } from './steps/context.js';
import { directComparisonSteps } from './steps/direct-comparison.js';
import { genericSteps } from './steps/generic.js';
import { integralSteps } from './steps/integral.js';
import { limitComparisonSteps } from './steps/limit-comparison.js';
import { nthTermSteps } from './steps/nth-term.js';
import { raabeSteps, ratioSteps, rootSteps } from './steps/ratio-root-raabe.js';
import { PROOF_PREFERENCE, TEST_TITLES } from './titles.js';

export interface RegionProofInput {
  readonly analysis: RegionAnalysis;
  readonly parameters: readonly string[];
  readonly variable: string;
  readonly from: number;
  readonly term: boolean;
  readonly families: ReadonlyMap<string, Family>;
  /** preferred sample points (from --at or the catalog) */
  readonly preferred: readonly ParamPoint[];
  readonly maxProofs: number;
}

export const conditionTex = (condition: string): string => conditionForms(condition).tex;

export const pointText = (p: ParamPoint): string => [...p].map(([k, v]) => `${k} = ${v.toFraction()}`).join(', ');

/** The proof steps of one test from its analysis; the compiler asks for an entry for every TestName. */
type StepBuilders = { readonly [N in TestName]: (a: TestAnalysis<N>, ctx: StepContext) => ProofStep[] };

const generic = ({ record }: TestAnalysis, ctx: StepContext): ProofStep[] => genericSteps(record, ctx);

const STEPS: StepBuilders = {
  'limit-comparison': ({ detail, record }, ctx) => (detail === undefined ? genericSteps(record, ctx) : limitComparisonSteps(detail, ctx)),
  'integral': ({ detail, record }, ctx) => (detail === undefined ? genericSteps(record, ctx) : integralSteps(detail, ctx)),
  'direct-comparison': ({ detail, record }, ctx) => (detail === undefined ? genericSteps(record, ctx) : directComparisonSteps(detail, ctx)),
  'cauchy-condensation': ({ detail, record }, ctx) => (detail === undefined ? genericSteps(record, ctx) : condensationSteps(detail, record, ctx)),
  'ratio': ({ detail, record }, ctx) => (detail === undefined ? genericSteps(record, ctx) : ratioSteps(detail, record, ctx)),
  'root': ({ detail, record }, ctx) => (detail === undefined ? genericSteps(record, ctx) : rootSteps(detail, record, ctx)),
  'raabe': ({ detail, record }, ctx) => (detail === undefined ? genericSteps(record, ctx) : raabeSteps(detail, record, ctx)),
  'nth-term': ({ record }, ctx) => nthTermSteps(record, ctx),
  'trigonometric-nonvanishing': generic,
  'logarithmic-scale-comparison': generic,
  'bounded-perturbation': generic,
  'absolute-comparison': generic,
  'eventually-zero': generic,
};

function stepsFor<N extends TestName>(a: TestAnalysis<N>, ctx: StepContext): ProofStep[] {
  const build: (a: TestAnalysis<N>, ctx: StepContext) => ProofStep[] = STEPS[a.test];
  return build(a, ctx);
}

export function regionProof(input: RegionProofInput): RegionProof {
  const a = input.analysis;
  const tests = a.analyses.map(({ record: r }) => ({ test: r.test, title: TEST_TITLES[r.test], outcome: r.outcome, ...(r.verdict ? { verdict: r.verdict } : {}), summary: r.summary }));
  const forms = conditionForms(a.condition);
  const base = { condition: a.condition, conditionTex: forms.tex, conditionText: forms.text, verdict: a.verdict, tests };
  const point = samplePoint(a.region, input.parameters, input.preferred);
  if (a.verdict === 'unknown' || !a.facts) return { ...base, sample: point ? pointText(point) : '', proofs: [], reason: a.reason ?? 'no test was decisive' };
  const params = point ?? new Map();
  const ctx: StepContext = {
    facts: a.facts, variable: input.variable, from: input.from, term: input.term,
    condition: a.condition, conditionTex: base.conditionTex, conditionText: forms.text,
    point: { variable: input.variable, params }, params, paramsText: pointText(params),
    ns: sampleNs(input.from), families: input.families,
  };
  const decisive = a.analyses.filter((x) => x.record.outcome === 'decisive' && x.record.verdict === a.verdict);
  const order = PROOF_PREFERENCE[a.verdict];
  decisive.sort((x, y) => rank(order, x.record.test) - rank(order, y.record.test));
  const proofs: TestProof[] = decisive.slice(0, input.maxProofs).map((x) => ({ test: x.record.test, title: TEST_TITLES[x.record.test], steps: stepsFor(x, ctx) }));
  const first = decisive[0];
  return { ...base, sample: ctx.paramsText, proofs, ...(first ? { decidedBy: TEST_TITLES[first.record.test] } : {}) };
}

function rank(order: readonly string[], t: string): number {
  const i = order.indexOf(t);
  return i < 0 ? order.length : i;
}
