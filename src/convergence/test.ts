/**
 * The interface every convergence test implements, and what tests look at.
 *
 * The classifier first reduces the series to q(n) = −log|a_n| (for a bias,
 * a_n = e^{p(n)} and q = −p), known within bounds q_lo ≤ q ≤ q_hi. Each test then
 * applies or not, and is decisive or not, and says why in a structured record.
 */
import type { Approx } from '../asymptotics/approx.js';
import type { Ctx } from '../asymptotics/context.js';
import type { Series } from '../asymptotics/series.js';
import type { Expr } from '../parse/expr.js';
import type { TestName, TestRecord } from '../types.js';
import type { TestAnalysis } from './detail.js';

export interface SeriesFacts {
  /** the input expression (p(n), or a_n in term mode) and its variable, for tests that transform it (n → n+1, n → 2^k) */
  readonly expr: Expr;
  readonly variable: string;
  /** the input was the term a_n (true) or the bias p(n) (false) */
  readonly termMode: boolean;
  /** eventual sign of the terms; null when it changes infinitely often (or is unknown) */
  readonly termSign: 1 | -1 | null;
  /** bounds on q = −log|a_n| when the terms have one eventual sign */
  readonly q: Approx | null;
  /** bounds on the term itself (term mode) */
  readonly term: Approx | null;
  /** −log of an upper bound of |a_n|, for absolute convergence of sign-changing terms */
  readonly qFromAbsUpper: Series | null;
  /** −log of a lower bound of |a_n|, for the nth-term test on sign-changing terms */
  readonly qFromAbsLower: Series | null;
}

export interface ConvergenceTest {
  readonly name: TestName;
  run(facts: SeriesFacts, ctx: Ctx): TestRecord;
  /** analysing tests (./detail.ts): the record with what the test computed, for the proof */
  analysis?(facts: SeriesFacts, ctx: Ctx): TestAnalysis;
}

export const notApplicable = (test: TestName, summary: string): TestRecord => ({ test, outcome: 'not-applicable', summary });
export const inconclusive = (test: TestName, summary: string, extra: Partial<TestRecord> = {}): TestRecord => ({ test, outcome: 'inconclusive', summary, ...extra });
