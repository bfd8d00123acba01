/**
 * Certified sin, cos and tan of decimal intervals, with exact argument reduction.
 *
 * Owns: reducing x mod 2π with π enclosed to (digits of x's magnitude + working
 * precision) digits, so that sin(10^23) is evaluated at 10^23 and not at the double
 * nearest it (true sin(10^23) = +0.7011…, the double's is −0.324); then the extremes
 * inside the reduced interval and the values at its ends. And atan, by halving the
 * angle and a series with its remainder bound (decimal.js's own atan takes seconds
 * at 700 digits).
 */
import { Decimal } from 'decimal.js';
import { decimalClass, restoreDecimalState } from './decimal.js';
import { Arith, GUARD, magnitude, MAX_DIGITS, type PInterval, Unenclosable } from './precise-interval.js';
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
  // decimal.js knows π to ~1025 digits, which its own sin needs for quadrant checks
  if (digits + GUARD > MAX_DIGITS) throw new Unenclosable(`${fn} beyond ${MAX_DIGITS} digits`);
  const A = Arith.at(digits);
  const W = decimalClass(digits + GUARD);
  const near = new W(x).toSignificantDigits(digits + GUARD);
  let v: Decimal;
  try {
    v = fn === 'sin' ? near.sin() : near.cos();
  } catch (e) {
    restoreDecimalState();
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

/** atan over x (increasing), enclosed to about `digits` digits */
export function atan(x: PInterval, digits: number): PInterval {
  const A = Arith.at(digits);
  const end = (v: Decimal, dir: -1 | 1): Decimal => {
    if (!v.isFinite()) return v.isNeg() ? new A.Lo(-2) : new A.Hi(2); // |atan| < π/2 < 2
    const r = atanPoint(v, digits);
    return dir < 0 ? r.lo : r.hi;
  };
  return { lo: end(x.lo, -1), hi: end(x.hi, 1) };
}

/** atan at one exact decimal */
function atanPoint(v: Decimal, digits: number): PInterval {
  const A = Arith.at(digits);
  if (v.isZero()) return A.point(0);
  if (v.abs().gt(1)) {
    // atan v = ±π/2 − atan(1/v)
    const W = Arith.at(digits + GUARD);
    const inv = atanInterval(W.div(W.point(1), W.point(v)), W);
    const halfPi = W.mul(W.rational(1n, 2n), piInterval(W.digits));
    return A.round(v.isNeg() ? W.sub(W.neg(halfPi), inv) : W.sub(halfPi, inv));
  }
  const W = Arith.at(digits + GUARD);
  return A.round(atanInterval(W.point(v), W));
}

/**
 * atan over a narrow y with |y| ≤ 1: halve the angle r times, atan y = 2·atan(y/(1 + √(1 + y²))),
 * then the series on the reduced interval.
 */
function atanInterval(y: PInterval, W: Arith): PInterval {
  const halvings = 8;
  let z = y;
  for (let i = 0; i < halvings; i++) z = W.div(z, W.add(W.point(1), W.sqrt(W.add(W.point(1), W.mul(z, z)))));
  return W.mul(W.point(2 ** halvings), atanSeries(z, W));
}

/**
 * Σ (−1)^k m^(2k+1)/(2k+1) at the midpoint m of z, in round-to-nearest (cheap: no
 * interval per term), enclosed by three bounds: the rounding, at most (4N + 8) units
 * of 10^(1−P)/2 relative to |m| over N terms (each term carries ≤ 2k + 2 roundings,
 * Σ (k+1)·m^2k ≤ 1.0001 for |m| < 0.01, and each partial sum one more); the
 * remainder |m|^(2N+3)/(2N+3); and |z − m|, since atan is 1-Lipschitz.
 */
function atanSeries(z: PInterval, W: Arith): PInterval {
  const P = W.digits;
  const N = decimalClass(P);
  const m = new N(z.lo).plus(z.hi).div(2);
  const mag = m.abs();
  if (mag.isZero()) return { lo: new W.Lo(z.lo), hi: new W.Hi(z.hi) };
  const gain = Math.max(1, -2 * (mag.e + 1)); // |m| < 10^(e+1): digits gained per term
  const n = Math.ceil((P + 2) / gain) + 1;
  const m2 = m.times(m);
  let pow = m, sum = new N(0);
  for (let k = 0; k <= n; k++) {
    const t = pow.div(2 * k + 1);
    sum = k % 2 === 0 ? sum.plus(t) : sum.minus(t);
    pow = pow.times(m2);
  }
  const H = W.Hi;
  const rounding = new H(mag).times(4 * n + 8).times(`5e-${P}`);
  const remainder = new H(pow.abs()).div(2 * n + 3).times('1.0001'); // pow ≈ m^(2n+3), itself rounded
  const lipschitz = Decimal.max(new H(z.hi).minus(m), new H(m).minus(z.lo));
  const d = rounding.plus(remainder).plus(lipschitz);
  return { lo: new W.Lo(sum).minus(d), hi: new H(sum).plus(d) };
}
