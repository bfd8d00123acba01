/**
 * Errors raised while evaluating an Expr numerically.
 *
 * Owns: DomainError (the expression is undefined at the point: log of a
 * non-positive number, division by zero, …) and EvaluationLimitError (the value
 * exists but was not computed: too many sum terms, step budget, decimal.js
 * precision limits).
 */

export class DomainError extends Error {
  /** what was undefined, e.g. "log of a non-positive number" */
  readonly operation: string;
  /** the offending value, as text */
  readonly value: string;
  constructor(operation: string, value: { toString(): string } | number | string) {
    const text = typeof value === 'number' ? String(value) : value.toString();
    super(`${operation} (${text})`);
    this.name = 'DomainError';
    this.operation = operation;
    this.value = text;
  }
}

export class EvaluationLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EvaluationLimitError';
  }
}
