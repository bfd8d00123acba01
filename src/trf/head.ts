/**
 * Head summation: Σ_{n=from}^{end−1} exp(p(n)) term by term.
 *
 * Owns: the directly summed part of the series. Each term is a certified
 * enclosure (interval evaluation of p at the exact integer n, then exp); the
 * terms are accumulated in decimal.js with directed rounding, so the sum has no
 * accumulated floating-point error beyond the terms' own (≈1e-15 relative each).
 * Suffix sums are kept so that Σ_{n=a}^{end−1} is available for every a.
 */
import type { Expr } from '../parse/expr.js';
import * as DIns from '../numeric/decimal-interval.js';
import type { DInterval } from '../numeric/decimal-interval.js';
import { evalInterval } from '../numeric/expr-interval.js';
import * as Ins from '../numeric/interval.js';
import type { Interval } from '../numeric/interval.js';

// plain-object copies: cheap property access on hot paths (no module-namespace getters)
const DI = { ...DIns };
const I = { ...Ins };

/** p could not be evaluated at an integer of the range (log(0), a pole, …). */
export class TermDomainError extends Error {
  readonly n: bigint;
  constructor(n: bigint, cause: string) {
    super(`p(n) is not defined (or not certifiably finite) at n = ${n}: ${cause}`);
    this.name = 'TermDomainError';
    this.n = n;
  }
}

export interface Head {
  readonly from: bigint;
  /** first index not in the head */
  readonly end: bigint;
  /** f(n) for n = from .. end−1 */
  readonly terms: readonly Interval[];
  /** suffix[i] = Σ_{n=from+i}^{end−1} f(n); suffix[length] = 0 */
  readonly suffix: readonly DInterval[];
}

export function termInterval(p: Expr, variable: string, n: bigint): Interval {
  try {
    const v = evalInterval(p, { variable, x: I.fromBigInt(n) });
    if (v.hi === Infinity) throw new I.IntervalDomainError('p(n) is not finite');
    return I.exp(v);
  } catch (err) {
    if (err instanceof I.IntervalDomainError) throw new TermDomainError(n, err.message);
    throw err;
  }
}

export function sumHead(p: Expr, variable: string, from: bigint, end: bigint): Head {
  const terms: Interval[] = [];
  for (let n = from; n < end; n++) terms.push(termInterval(p, variable, n));
  const suffix: DInterval[] = new Array(terms.length + 1);
  suffix[terms.length] = DI.ZERO;
  for (let i = terms.length - 1; i >= 0; i--) suffix[i] = DI.add(suffix[i + 1]!, DI.fromInterval(terms[i]!));
  return { from, end, terms, suffix };
}

/** Σ_{n=a}^{end−1} f(n) for from ≤ a ≤ end */
export function headSuffix(head: Head, a: bigint): DInterval {
  if (a < head.from || a > head.end) throw new RangeError('head suffix outside the head');
  return head.suffix[Number(a - head.from)]!;
}

/** Σ_{n=from}^{N} f(n) for from−1 ≤ N < end */
export function headPrefix(head: Head, N: bigint): DInterval {
  return DI.sub(head.suffix[0]!, headSuffix(head, N + 1n));
}
