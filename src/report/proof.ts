/**
 * The proof object: a structured tree of steps per parameter region, and the
 * report that gathers them. Renderers (markdown.ts, latex.ts, html.ts) only read
 * this shape; builders (steps/*.ts, build.ts) only write it.
 *
 * Every step has a claim (LaTeX and plain text), a justification (a test, a
 * lemma, a family of rules/families.json, the paper's theorem, a computation)
 * and, where it says something about numbers, a decimal.js spot check. Spot
 * checks are recorded as checks of the claim, never as its evidence.
 */
import type { Classification, Extrapolation, TestName, TestOutcome, Verdict } from '../types.js';

export interface CheckRow {
  /** where: "n = 1000" */
  readonly at: string;
  /** what was computed there, plain text: "q(n)/log n = 2.0004" */
  readonly value: string;
  /** whether this value agrees with the claim (for inequalities that hold only for n ≥ N₀, small n may disagree) */
  readonly ok: boolean;
}

export interface SpotCheck {
  /** what is checked, plain text */
  readonly what: string;
  /** parameter values used, plain text ("m = 2"), empty for a concrete input */
  readonly params: string;
  readonly rows: readonly CheckRow[];
  /** the check agrees with the claim (at the largest sample point for eventual claims) */
  readonly ok: boolean;
  /** the claim is for n ≥ N₀ only: disagreement at the sample points means N₀ lies beyond them, not that the claim fails */
  readonly eventual?: boolean;
}

export type JustificationKind = 'definition' | 'computation' | 'expansion' | 'test' | 'lemma' | 'family' | 'theorem';

export interface Justification {
  readonly kind: JustificationKind;
  /** short name: "limit comparison test", "family p-series", "Qin–Zhong–Deng theorem" */
  readonly name: string;
  /** the reason in one or two sentences, plain text (may contain $…$ math) */
  readonly text: string;
  /** a reference: family id in rules/families.json, test name, or a citation */
  readonly ref?: string;
  readonly citation?: string;
}

export interface ProofStep {
  readonly claimTex: string;
  readonly claimText: string;
  readonly justification: Justification;
  readonly check?: SpotCheck;
}

export interface TestRow {
  readonly test: TestName;
  readonly title: string;
  readonly outcome: TestOutcome;
  readonly verdict?: 'converges' | 'diverges';
  readonly summary: string;
}

export interface TestProof {
  readonly test: TestName;
  readonly title: string;
  readonly steps: readonly ProofStep[];
}

export interface RegionProof {
  /** mathjs condition, "true" when the region is the whole (assumed) space */
  readonly condition: string;
  readonly conditionTex: string;
  /** the condition as a reader writes it, Unicode ("0 < m < 1"; "all parameters") */
  readonly conditionText: string;
  readonly verdict: Verdict;
  /** the title of the test whose proof comes first (the deciding one), absent when none is decisive */
  readonly decidedBy?: string;
  /** the parameter point used by the spot checks, plain text ("m = 2"); empty without parameters */
  readonly sample: string;
  readonly tests: readonly TestRow[];
  /** one complete proof per chosen decisive test */
  readonly proofs: readonly TestProof[];
  /** why no proof exists, for an unknown region */
  readonly reason?: string;
}

export interface TheoremResult {
  /** parameter values, plain text */
  readonly at: string;
  /** the same in LaTeX, empty without parameters */
  readonly atTex: string;
  readonly sum: string | null;
  readonly trf: string | null;
  readonly window: string | null;
  readonly method: string;
}

export interface TheoremSection {
  readonly title: string;
  readonly steps: readonly ProofStep[];
  /** TRF and window guarantee at sample parameters (converging cases) */
  readonly results: readonly TheoremResult[];
  /** ε of the TRF, B and δ of the window guarantee */
  readonly eps: string;
  readonly logitBound: string;
  readonly tol: string;
}

export interface CaseProof {
  readonly condition: string;
  readonly conditionTex: string;
  /** the condition as a reader writes it, Unicode */
  readonly conditionText: string;
  readonly verdict: Verdict;
  readonly extrapolation: Extrapolation;
  readonly regions: readonly RegionProof[];
  /** the paper's theorem instantiated (converging) or attention dilution (diverging); absent in term mode or when unknown */
  readonly theorem?: TheoremSection;
}

export interface ChartCurve {
  /** legend label: "m = 2" */
  readonly label: string;
  readonly points: readonly { readonly w: number; readonly share: number }[];
  /** TRF at ε, when the series converges */
  readonly trf: number | null;
}

export interface ChartData {
  readonly title: string;
  /** what the curve is normalised by: "S = Σ e^{p(n)}" or "the partial sum up to L" */
  readonly normalisation: string;
  readonly eps: number;
  readonly curves: readonly ChartCurve[];
}

export interface Report {
  readonly input: string;
  readonly title: string;
  /** p(n) (or a_n) in mathjs syntax and LaTeX */
  readonly expression: string;
  readonly expressionTex: string;
  readonly variable: string;
  readonly from: number;
  readonly term: boolean;
  readonly parameters: readonly string[];
  readonly assumptions: readonly string[];
  readonly assumptionsTex: readonly string[];
  readonly classification: Classification;
  readonly cases: readonly CaseProof[];
  readonly chart: ChartData | null;
  /** remarks that apply to the whole report (conventions, what numbers mean) */
  readonly notes: readonly string[];
}
