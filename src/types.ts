/**
 * The public contract: the classification object returned by `classify()`,
 * printed by `rpe classify --json` and returned by the plugins. One shape everywhere.
 */

/** Verdict of one parameter region. */
export type Verdict = 'converges' | 'diverges' | 'unknown';
/** Overall verdict: `conditional` when regions disagree. */
export type OverallVerdict = Verdict | 'conditional';
export type Extrapolation = 'guaranteed' | 'not-guaranteed' | 'unknown';

export type TestOutcome = 'decisive' | 'inconclusive' | 'not-applicable';

/** Names of the tests the decider runs (each lives in its own module under src/convergence). */
export type TestName =
  | 'nth-term'
  | 'trigonometric-nonvanishing'
  | 'logarithmic-scale-comparison'
  | 'bounded-perturbation'
  | 'absolute-comparison'
  | 'eventually-zero'
  | 'ratio'
  | 'root'
  | 'raabe'
  | 'integral'
  | 'cauchy-condensation'
  | 'limit-comparison'
  | 'direct-comparison';

/** A comparison family from rules/families.json. */
export interface FamilyRef {
  /** family id, e.g. "p-series", "bertrand-1", "geometric" */
  readonly id: string;
  /** the comparison term in LaTeX */
  readonly termTex: string;
  /** the comparison term in plain text */
  readonly termText: string;
}

/** One test's structured record; the proof layer turns these into steps. */
export interface TestRecord {
  readonly test: TestName;
  readonly outcome: TestOutcome;
  /** what the test concluded, when decisive */
  readonly verdict?: 'converges' | 'diverges';
  /** one sentence, plain text */
  readonly summary: string;
  /** asymptotic form used, plain text, e.g. "q(n) = 2·log n + O(1/n)" */
  readonly asymptotic?: string;
  /** the same in LaTeX */
  readonly asymptoticTex?: string;
  /** comparison family, for comparison tests */
  readonly family?: FamilyRef;
  /** log level k at which the limit was read: q = L0+…+L_{k-1} + c·L_k + … */
  readonly level?: number;
  /** the limit c_k (plain text; "+inf" / "-inf" allowed) */
  readonly limit?: string;
  /** in a case merged from several regions: the region this record belongs to */
  readonly condition?: string;
}

export interface ClassificationCase {
  /** mathjs boolean expression in the parameters; "true" for a concrete expression */
  readonly condition: string;
  readonly verdict: Verdict;
  readonly extrapolation: Extrapolation;
  readonly tests: readonly TestRecord[];
  /** why the verdict is unknown, when it is */
  readonly reason?: string;
}

export interface Classification {
  readonly input: string;
  /** normalised ASCII (mathjs syntax) */
  readonly expression: string;
  readonly variable: string;
  readonly from: number;
  readonly parameters: readonly string[];
  /** term mode: the input is the series term a_n rather than the bias p(n) */
  readonly term: boolean;
  readonly verdict: OverallVerdict;
  readonly cases: readonly ClassificationCase[];
}

export interface ClassifyOptions {
  /** summation variable, default "n" */
  readonly var?: string;
  /** first index of the sum, default 0 */
  readonly from?: number;
  /**
   * assumptions on the parameters, mathjs syntax: "b > 0", or several separated by
   * top-level commas ("a > 0, b > 0"), or an array of such strings
   */
  readonly assume?: string | readonly string[];
  /** the input is the term a_n itself instead of the bias p(n) */
  readonly term?: boolean;
}
