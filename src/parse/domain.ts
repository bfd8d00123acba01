/**
 * Domain check of a parsed bias on the first terms of the summation range.
 *
 * Owns: `checkDomain`, which evaluates a parameter-free expression exactly
 * (decimal.js, 30 digits) at n = from, …, from + count − 1 and raises InputError
 * kind 'domain' at the first n where it is undefined, suggesting a --from past the
 * failures when they form one block. Expressions with parameters are skipped: whether log(1 + r2·n)
 * is defined depends on the parameter values, which are unknown here; the decider
 * checks the same first terms per parameter region instead (src/conditions/head-domain.ts). Evaluations that exceed
 * the work budget are not domain problems and end the check quietly.
 */
import { compileFloat, DomainError, EvaluationLimitError, evaluateDecimal } from '../numeric/evaluate.js';
import { InputError } from './errors.js';
import type { ParsedExpression } from './expr.js';

export interface DomainCheckOptions {
  /** how many consecutive n to check, default 64 */
  readonly count?: number;
}

/** Work budget per point, in evaluated nodes. */
const STEPS_PER_POINT = 200_000;

export function checkDomain(parsed: ParsedExpression, from: number, options: DomainCheckOptions = {}): void {
  if (parsed.parameters.length > 0) return;
  const count = options.count ?? 64;
  // Fast path: where float64 gives finite values at every point there is nothing to refute
  // (an undefined operation yields NaN or ±∞ there); the exact check runs only otherwise.
  const f = compileFloat(parsed.expr, parsed.variable);
  let allFinite = true;
  for (let k = 0; k < count && allFinite; k++) allFinite = Number.isFinite(f(from + k));
  if (allFinite) return;
  const failures: { n: number; error: DomainError }[] = [];
  for (let k = 0; k < count; k++) {
    const n = from + k;
    try {
      evaluateDecimal(parsed.expr, { variable: parsed.variable, n }, { precision: 30, maxSteps: STEPS_PER_POINT });
    } catch (err) {
      if (err instanceof DomainError) { failures.push({ n, error: err }); continue; }
      if (err instanceof EvaluationLimitError) break;
      throw err;
    }
  }
  const first = failures[0];
  if (first === undefined) return;
  const last = failures[failures.length - 1]!.n;
  const contiguous = last - first.n + 1 === failures.length;
  const v = parsed.variable;
  const hint = contiguous && last < from + count - 1
    ? `; use --from ${last + 1}`
    : contiguous ? '' : ` (and at ${failures.length - 1} more of the first ${count} values)`;
  throw new InputError(
    'domain',
    `${first.error.operation} at ${v} = ${first.n}: the bias is undefined on the summation range${hint}`,
  );
}
