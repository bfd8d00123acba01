/**
 * Signs on an unbounded tail [M, ∞) by monotonicity.
 *
 * Owns: `tailSign`. Interval arithmetic over [M, ∞] cannot see that
 * n − log(n+1) is positive: both terms are unbounded and their difference
 * encloses to [−∞, ∞]. Derivatives suffer far less: (n − log(n+1))' =
 * 1 − 1/(n+1) ∈ [1 − 1/(M+1), 1]. So f > 0 on [M, ∞) is proved from f(M) > 0
 * and f' ≥ 0 on [M, ∞), or one order up from f(M) > 0, f'(M) ≥ 0 and
 * f'' ≥ 0 on [M, ∞). The derivative enclosures come from Taylor-mode interval
 * arithmetic (../expr-taylor.ts) over the whole block, which also certifies
 * that f is smooth there (branches decided, log arguments positive). Only
 * expressions free of parameters and indices qualify.
 */
import type { Expr } from '../../parse/expr.js';
import { evalTaylor, NonSmoothError } from '../expr-taylor.js';
import { UnsupportedExprError } from '../expr-interval.js';
import * as I from '../interval.js';
import type { Interval } from '../interval.js';
import * as T from '../taylor-interval.js';

/** Coefficients f^(k)(ξ)/k!, k = 0 … order, enclosed for every ξ in x (null where they cannot be). */
function taylorAt(f: Expr, variable: string, x: Interval, order: number): Interval[] | null {
  try {
    const s = T.check(evalTaylor(f, { variable, x: T.identity(x, order), domain: x }));
    const out: Interval[] = [];
    for (let k = 0; k <= order; k++) out.push(T.coef(s, k));
    return out;
  } catch (err) {
    if (err instanceof I.IntervalDomainError || err instanceof NonSmoothError || err instanceof UnsupportedExprError || err instanceof RangeError) return null;
    throw err;
  }
}

/**
 * Is direction·f > 0 (strict) or ≥ 0 on the reals [M, ∞)? `direction` is +1 to
 * prove f positive (non-negative), −1 to prove it negative (non-positive).
 */
export function tailSign(f: Expr, variable: string, M: Interval, direction: 1 | -1, strict: boolean): boolean {
  if (!Number.isFinite(M.hi)) return false;
  const tail: Interval = { lo: M.lo, hi: Infinity };
  const atM = taylorAt(f, variable, M, 1);
  if (!atM) return false;
  const d = (v: Interval): Interval => (direction === 1 ? v : I.neg(v));
  const f0 = d(atM[0]!);
  if (!(strict ? f0.lo > 0 : f0.lo >= 0)) return false;
  const onTail1 = taylorAt(f, variable, tail, 1);
  if (onTail1 && d(onTail1[1]!).lo >= 0) return true;
  // one order up: f'(M) ≥ 0 and f'' ≥ 0 on the tail make f' ≥ 0 there
  if (d(atM[1]!).lo < 0) return false;
  const onTail2 = taylorAt(f, variable, tail, 2);
  return onTail2 !== null && d(onTail2[2]!).lo >= 0;
}
