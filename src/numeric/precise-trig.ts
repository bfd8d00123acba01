/**
 * Certified sin, cos and tan of decimal intervals, with exact argument reduction.
 *
 * Owns: reducing x mod 2π with π enclosed to (digits of x's magnitude + working
 * precision) digits, so that sin(10^23) is evaluated at 10^23 and not at the double
 * nearest it (true sin(10^23) = +0.7011…, the double's is −0.324); then the extremes
 * inside the reduced interval and the values at its ends.
 */
import { Decimal } from 'decimal.js';
import { decimalClass } from './decimal.js';
import { Arith, GUARD, magnitude, type PInterval, Unenclosable } from './precise-interval.js';
import { MAX_PI_DIGITS, piInterval } from './precise-pi.js';

/** arguments up to 10^this are reduced; beyond, sin and cos are only known to lie in [−1, 1] */
export const MAX_REDUCED_EXPONENT = 20000;

const UNIT = (A: Arith): PInterval => ({ lo: new A.Lo(-1), hi: new A.Hi(1) });

/** sin or cos over x, enclosed to about `digits` digits */
export function sinCos(fn: 'sin' | 'cos', x: PInterval, digits: number): PInterval {
  const A = Arith.at(digits);
  if (!x.lo.isFinite() || !x.hi.isFinite()) return UNIT(A);
  const mag = magnitude(x);
  if (mag > MAX_REDUCED_EXPONENT) return UNIT(A);
  if (x.hi.minus(x.lo).gt(6.28)) return UNIT(A);
  // k·2π must be known to an absolute error well below 10^−digits, and k has mag+1 digits
  const P = digits + Math.max(0, mag + 1) + GUARD + 4;
  if (P > MAX_PI_DIGITS) return UNIT(A);
  const W = Arith.at(P);
  const twoPi = W.mul(W.point(2), piInterval(P));
  // any integer k keeps the reduction exact; the nearest one makes it small
  const mid = new W.Lo(x.lo).plus(x.hi).div(2);
  const k = mid.div(twoPi.lo).round();
  const r = k.isZero() ? x : W.sub(x, W.mul(W.point(k), twoPi));
  return reduced(fn, r, A);
}

/** sin or cos on an interval r with |r| ≲ 10 */
function reduced(fn: 'sin' | 'cos', r: PInterval, A: Arith): PInterval {
  const pi = piInterval(A.digits + GUARD);
  const parts: PInterval[] = [];
  // extremes: sin at (j + ½)π, cos at jπ, with value (−1)^j; include those that r may contain
  for (let j = -4; j <= 4; j++) {
    const c = fn === 'sin' ? A.mul(A.point(j + 0.5), pi) : A.mul(A.point(j), pi);
    if (c.hi.lt(r.lo) || c.lo.gt(r.hi)) continue;
    parts.push(A.point(j % 2 === 0 ? 1 : -1));
  }
  for (const end of [r.lo, r.hi]) parts.push(endValue(fn, end, A.digits));
  return A.intersect(parts.reduce((a, b) => A.hull(a, b)), UNIT(A));
}

/** sin or cos at one point, from the nearest guarded decimal x̃ and |f(x) − f(x̃)| ≤ |x − x̃| */
function endValue(fn: 'sin' | 'cos', x: Decimal, digits: number): PInterval {
  const A = Arith.at(digits);
  const W = decimalClass(digits + GUARD);
  const near = new W(x).toSignificantDigits(digits + GUARD);
  let v: Decimal;
  try {
    v = fn === 'sin' ? near.sin() : near.cos();
  } catch (e) {
    throw new Unenclosable(`${fn}: ${(e as Error).message}`);
  }
  const shift = Decimal.max(new A.Hi(x).minus(near), new A.Hi(near).minus(x)); // ≥ |x − x̃|
  const slack = v.abs().times(`1e-${digits + 2}`);
  const d = shift.plus(slack);
  return { lo: new A.Lo(v).minus(d), hi: new A.Hi(v).plus(d) };
}

/** tan = sin / cos; Unenclosable when cos may vanish on x */
export function tan(x: PInterval, digits: number): PInterval {
  const A = Arith.at(digits);
  return A.div(sinCos('sin', x, digits + 2), sinCos('cos', x, digits + 2));
}
