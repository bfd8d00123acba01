/**
 * Euler–Maclaurin summation with an explicit remainder, for f = exp(p).
 *
 * Owns: the boundary corrections and the remainder bound of (DLMF 2.10.1)
 *
 *   Σ_{n=a}^{b−1} f(n) = ∫_a^b f + (f(a) − f(b))/2
 *                       + Σ_{k=1}^{m−1} B_{2k}/(2k)! · (f^{(2k−1)}(b) − f^{(2k−1)}(a)) + R,
 *   |R| ≤ 2·|B_{2m}|/(2m)! · ∫_a^b |f^{(2m)}|,
 *
 * valid for integers a < b and f ∈ C^{2m}[a, b] (smoothness is certified by the
 * Taylor evaluation over each block: it throws where f is not analytic).
 * When f^{(2m)} has one sign on [a, b] the integral of its absolute value is
 * |f^{(2m−1)}(b) − f^{(2m−1)}(a)|, which is what makes the bound tight.
 * Derivatives come from Taylor-mode differentiation in interval arithmetic.
 */
import type { Expr } from '../parse/expr.js';
import { evalTaylor } from '../numeric/expr-taylor.js';
import * as Ins from '../numeric/interval.js';
import type { Interval } from '../numeric/interval.js';
import * as Tns from '../numeric/taylor-interval.js';
import type { TaylorSeries } from '../numeric/taylor-interval.js';

// plain-object copies: cheap property access on hot paths (no module-namespace getters)
const I = { ...Ins };
const T = { ...Tns };

/** m: corrections up to B_{2m−2}, remainder with f^{(2m)} */
export const EM_ORDER = 4;

const rat = (p: number, q: number): Interval => I.div(I.exact(p), I.exact(q));

/** B_{2k}/(2k)! for k = 1..3 */
const CORRECTION_COEFFS: readonly Interval[] = [rat(1, 12), rat(-1, 720), rat(1, 30240)];

/** 2·|B_8|/8! = 2/1209600 */
export const REMAINDER_FACTOR: Interval = rat(2, 1209600);

function factorial(k: number): number {
  let r = 1;
  for (let i = 2; i <= k; i++) r *= i;
  return r;
}

/** The series of f = exp(p) expanded at x0 (a point or a range), of the given order. */
export function termSeries(p: Expr, variable: string, x0: Interval, order: number): TaylorSeries {
  const ps = evalTaylor(p, { variable, x: T.identity(x0, order), domain: x0 });
  return T.exp(ps);
}

/** f^{(j)}(a) for j = 0 .. 2m−1 at a point a. */
export function derivativesAt(p: Expr, variable: string, a: Interval): Interval[] {
  const s = termSeries(p, variable, a, 2 * EM_ORDER - 1);
  const out: Interval[] = [];
  for (let j = 0; j < 2 * EM_ORDER; j++) out.push(I.scale(T.coef(s, j), factorial(j)));
  return out;
}

/**
 * (f(a) − f(b))/2 + Σ_k B_{2k}/(2k)!·(f^{(2k−1)}(b) − f^{(2k−1)}(a)).
 * `db` = null stands for b = ∞ where f and its derivatives vanish.
 */
export function correction(da: readonly Interval[], db: readonly Interval[] | null): Interval {
  const at = (d: readonly Interval[] | null, j: number): Interval => (d === null ? I.ZERO : d[j]!);
  let acc = I.scale(I.sub(da[0]!, at(db, 0)), 0.5);
  for (let k = 1; k < EM_ORDER; k++) {
    const diff = I.sub(at(db, 2 * k - 1), da[2 * k - 1]!);
    acc = I.add(acc, I.mul(CORRECTION_COEFFS[k - 1]!, diff));
  }
  return acc;
}

/** The bound on |R| when f^{(2m)} keeps one sign on [a, b]. */
export function remainderSignDefinite(da: readonly Interval[], db: readonly Interval[] | null): number {
  const last = 2 * EM_ORDER - 1;
  const diff = I.sub(db === null ? I.ZERO : db[last]!, da[last]!);
  return I.mul(REMAINDER_FACTOR, I.abs(diff)).hi;
}

/** The bound on |R| from ∫|f^{(2m)}| ≤ `integralBound`. */
export function remainderFromIntegral(integralBound: number): number {
  return I.mul(REMAINDER_FACTOR, I.exact(integralBound)).hi;
}
