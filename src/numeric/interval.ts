/**
 * Sound interval arithmetic over IEEE doubles with outward rounding.
 *
 * Owns: the Interval value type, directed-rounding helpers and the elementary
 * operations (+ − × ÷, integer and real powers, exp, log, sqrt, trig, atan, tanh…)
 * on closed intervals of the extended reals. Every operation returns an interval
 * that contains the exact real result for every choice of real operands inside
 * the inputs. This is what turns floating-point evaluation into a proof.
 *
 * Rounding model: + − × ÷ and sqrt are correctly rounded by IEEE 754, so moving
 * one ulp outward is enough. Math.exp/log/sin/cos/atan/… (V8 ports of fdlibm) are
 * accurate to < 1 ulp; we move TRANSCENDENTAL_ULPS ulps outward to be safe.
 * Real powers are computed as exp(y·log x), never with Math.pow.
 *
 * Conventions: lo may be −∞ and hi may be +∞ (an unbounded side); lo is never +∞
 * and hi never −∞ (a value beyond the double range is kept as ±MAX_VALUE on the
 * inner side). 0·∞ is taken as 0 for endpoint products, which is correct for sets
 * of finite reals. Operations that are undefined somewhere on their input
 * (log of an interval reaching 0, division by an interval containing 0) throw
 * IntervalDomainError; callers decide whether that is a user error or a reason to
 * split the interval.
 */

export interface Interval {
  readonly lo: number;
  readonly hi: number;
}

/** An operation was asked for outside (or possibly outside) its domain. */
export class IntervalDomainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IntervalDomainError';
  }
}

const EPS = 2 ** -52;
const TINY = Number.MIN_VALUE;
const MAX = Number.MAX_VALUE;
/** outward widening, in ulps, for library transcendental functions */
export const TRANSCENDENTAL_ULPS = 4;

/** A number ≥ x, at least one ulp above it (x itself for +∞). */
export function up(x: number): number {
  if (x === Infinity) return x;
  if (x === -Infinity) return -MAX;
  if (Number.isNaN(x)) throw new IntervalDomainError('NaN in interval arithmetic');
  return x + Math.abs(x) * EPS + TINY;
}

/** A number ≤ x, at least one ulp below it (x itself for −∞). */
export function down(x: number): number {
  if (x === -Infinity) return x;
  if (x === Infinity) return MAX;
  if (Number.isNaN(x)) throw new IntervalDomainError('NaN in interval arithmetic');
  return x - Math.abs(x) * EPS - TINY;
}

function upK(x: number, k: number): number {
  if (x === Infinity) return x;
  if (x === -Infinity) return -MAX;
  if (Number.isNaN(x)) throw new IntervalDomainError('NaN in interval arithmetic');
  return x + Math.abs(x) * (k * EPS) + TINY;
}

function downK(x: number, k: number): number {
  if (x === -Infinity) return x;
  if (x === Infinity) return MAX;
  if (Number.isNaN(x)) throw new IntervalDomainError('NaN in interval arithmetic');
  return x - Math.abs(x) * (k * EPS) - TINY;
}

export const iv = (lo: number, hi: number = lo): Interval => {
  if (!(lo <= hi)) throw new IntervalDomainError(`bad interval [${lo}, ${hi}]`);
  return { lo, hi };
};

/** The smallest interval with double endpoints that contains the real number written by x (one ulp slack). */
export function around(x: number): Interval {
  return { lo: down(x), hi: up(x) };
}

/** An exact double (an integer below 2^53, a dyadic literal…) as a point interval. */
export const exact = (x: number): Interval => ({ lo: x, hi: x });

/** A non-negative integer given as a bigint (possibly above 2^53) as a thin interval. */
export function fromBigInt(n: bigint): Interval {
  const x = Number(n);
  if (Number.isSafeInteger(x) && BigInt(x) === n) return { lo: x, hi: x };
  return { lo: down(x), hi: up(x) };
}

/** Exact rational p/q (bigints) as a thin interval. */
export function fromRational(p: bigint, q: bigint): Interval {
  const a = Number(p);
  const b = Number(q);
  const exactA = Number.isSafeInteger(a) && BigInt(a) === p;
  const exactB = Number.isSafeInteger(b) && BigInt(b) === q;
  if (exactA && exactB) {
    if (b === 1) return { lo: a, hi: a };
    const x = a / b;
    // dyadic and exactly representable: x*b === a exactly and b a power of two
    if ((b & (b - 1)) === 0 && x * b === a) return { lo: x, hi: x };
    return { lo: down(x), hi: up(x) };
  }
  return div(fromBigInt(p), fromBigInt(q));
}

export const ZERO: Interval = { lo: 0, hi: 0 };
export const ONE: Interval = { lo: 1, hi: 1 };
export const ENTIRE: Interval = { lo: -Infinity, hi: Infinity };
export const PI: Interval = { lo: down(Math.PI), hi: up(Math.PI) };
export const E: Interval = { lo: down(Math.E), hi: up(Math.E) };

export const isPoint = (a: Interval): boolean => a.lo === a.hi;
export const contains = (a: Interval, x: number): boolean => a.lo <= x && x <= a.hi;
export const isPositive = (a: Interval): boolean => a.lo > 0;
export const isNegative = (a: Interval): boolean => a.hi < 0;
export const width = (a: Interval): number => up(a.hi - a.lo);
export const mid = (a: Interval): number => {
  if (a.lo === -Infinity || a.hi === Infinity) return Number.NaN;
  return a.lo / 2 + a.hi / 2;
};
/** the largest |x| over the interval */
export const mag = (a: Interval): number => Math.max(Math.abs(a.lo), Math.abs(a.hi));
/** the smallest |x| over the interval */
export const mig = (a: Interval): number => (a.lo > 0 ? a.lo : a.hi < 0 ? -a.hi : 0);

export function hull(a: Interval, b: Interval): Interval {
  return { lo: Math.min(a.lo, b.lo), hi: Math.max(a.hi, b.hi) };
}

/** Intersection; throws when empty (two sound enclosures of one number never are disjoint). */
export function intersect(a: Interval, b: Interval): Interval {
  const lo = Math.max(a.lo, b.lo);
  const hi = Math.min(a.hi, b.hi);
  if (!(lo <= hi)) throw new IntervalDomainError('empty intersection of enclosures');
  return { lo, hi };
}

export function neg(a: Interval): Interval {
  return { lo: -a.hi, hi: -a.lo };
}

const exactInt = (x: number): boolean => Number.isSafeInteger(x);

export function add(a: Interval, b: Interval): Interval {
  if (b.lo === 0 && b.hi === 0) return a;
  if (a.lo === 0 && a.hi === 0) return b;
  const lo = a.lo + b.lo;
  const hi = a.hi + b.hi;
  // sums of safe integers that stay safe are exact
  return {
    lo: exactInt(a.lo) && exactInt(b.lo) && exactInt(lo) ? lo : down(lo),
    hi: exactInt(a.hi) && exactInt(b.hi) && exactInt(hi) ? hi : up(hi),
  };
}

export function sub(a: Interval, b: Interval): Interval {
  return add(a, { lo: -b.hi, hi: -b.lo });
}

/** x·y rounded down / up; exact 0 when a factor is exactly 0 (so 0·∞ = 0), never when the product underflows */
function prodDown(x: number, y: number): number {
  return x === 0 || y === 0 ? 0 : down(x * y);
}

function prodUp(x: number, y: number): number {
  return x === 0 || y === 0 ? 0 : up(x * y);
}

const isUnitPoint = (a: Interval): boolean => a.lo === a.hi && (a.lo === 1 || a.lo === -1);

export function mul(a: Interval, b: Interval): Interval {
  if (isUnitPoint(a)) return a.lo === 1 ? b : neg(b);
  if (isUnitPoint(b)) return b.lo === 1 ? a : neg(a);
  if (a.lo === a.hi && b.lo === b.hi && exactInt(a.lo) && exactInt(b.lo) && exactInt(a.lo * b.lo)) {
    const p = a.lo * b.lo;
    return { lo: p, hi: p };
  }
  if (a.lo >= 0 && b.lo >= 0) return { lo: prodDown(a.lo, b.lo), hi: prodUp(a.hi, b.hi) };
  return {
    lo: Math.min(prodDown(a.lo, b.lo), prodDown(a.lo, b.hi), prodDown(a.hi, b.lo), prodDown(a.hi, b.hi)),
    hi: Math.max(prodUp(a.lo, b.lo), prodUp(a.lo, b.hi), prodUp(a.hi, b.lo), prodUp(a.hi, b.hi)),
  };
}

/** a · c for an exact double c */
export function scale(a: Interval, c: number): Interval {
  return mul(a, { lo: c, hi: c });
}

export function recip(b: Interval): Interval {
  if (b.lo > 0 || b.hi < 0) {
    const lo = b.hi === Infinity ? 0 : b.hi === -Infinity ? -0 : 1 / b.hi;
    const hi = b.lo === -Infinity ? 0 : b.lo === Infinity ? 0 : 1 / b.lo;
    return { lo: lo === 0 ? 0 : down(lo), hi: hi === 0 ? 0 : up(hi) };
  }
  throw new IntervalDomainError('division by an interval that contains 0');
}

export function div(a: Interval, b: Interval): Interval {
  if (a.lo === a.hi && b.lo === b.hi && exactInt(a.lo) && exactInt(b.lo) && b.lo !== 0 && a.lo % b.lo === 0) {
    const q = a.lo / b.lo;
    return { lo: q, hi: q };
  }
  if (b.lo > 0 && a.lo >= 0) {
    // common positive case, one rounding per endpoint
    const lo = a.lo === 0 || b.hi === Infinity ? 0 : down(a.lo / b.hi);
    const hi = a.hi === Infinity ? Infinity : up(a.hi / b.lo);
    return { lo, hi };
  }
  return mul(a, recip(b));
}

export function sqr(a: Interval): Interval {
  const lo = mig(a);
  const hi = mag(a);
  const l2 = lo * lo;
  const h2 = hi * hi;
  return {
    lo: lo === 0 ? 0 : exactInt(lo) && exactInt(l2) ? l2 : down(l2),
    hi: hi === 0 ? 0 : exactInt(hi) && exactInt(h2) ? h2 : up(h2),
  };
}

/** a^k for an integer k (k = 0 gives 1, also for an interval containing 0). */
export function powInt(a: Interval, k: number): Interval {
  if (!Number.isInteger(k)) throw new RangeError('powInt needs an integer exponent');
  if (k === 0) return ONE;
  if (k < 0) return recip(powInt(a, -k));
  if (k === 1) return a;
  if (k % 2 === 0) {
    // even power: monotone in |a|
    const half = powInt({ lo: mig(a), hi: mag(a) }, k / 2);
    return sqr(half);
  }
  // odd power: monotone increasing; compute on |endpoints| by repeated squaring
  const posPow = (x: number): Interval => {
    let result: Interval = ONE;
    let base: Interval = { lo: x, hi: x };
    let e = k;
    while (e > 0) {
      if (e & 1) result = mul(result, base);
      e >>= 1;
      if (e > 0) base = sqr(base);
    }
    return result;
  };
  const lo = a.lo >= 0 ? posPow(a.lo).lo : -posPow(-a.lo).hi;
  const hi = a.hi >= 0 ? posPow(a.hi).hi : -posPow(-a.hi).lo;
  return { lo, hi };
}

export function exp(a: Interval): Interval {
  const lo = a.lo === -Infinity ? 0 : Math.max(0, downK(Math.exp(a.lo), TRANSCENDENTAL_ULPS));
  const hi = a.hi === Infinity ? Infinity : upK(Math.exp(a.hi), TRANSCENDENTAL_ULPS);
  return { lo, hi };
}

export function log(a: Interval): Interval {
  if (!(a.lo > 0)) throw new IntervalDomainError('log of an interval that reaches 0 or below');
  const lo = downK(Math.log(a.lo), TRANSCENDENTAL_ULPS);
  const hi = a.hi === Infinity ? Infinity : upK(Math.log(a.hi), TRANSCENDENTAL_ULPS);
  return { lo, hi };
}

/** log(1 + a), accurate for small a */
export function log1p(a: Interval): Interval {
  if (!(a.lo > -1)) throw new IntervalDomainError('log1p of an interval that reaches -1 or below');
  return {
    lo: downK(Math.log1p(a.lo), TRANSCENDENTAL_ULPS),
    hi: a.hi === Infinity ? Infinity : upK(Math.log1p(a.hi), TRANSCENDENTAL_ULPS),
  };
}

/** exp(a) − 1, accurate for small a */
export function expm1(a: Interval): Interval {
  return {
    lo: a.lo === -Infinity ? -1 : Math.max(-1, downK(Math.expm1(a.lo), TRANSCENDENTAL_ULPS)),
    hi: a.hi === Infinity ? Infinity : upK(Math.expm1(a.hi), TRANSCENDENTAL_ULPS),
  };
}

export function sqrt(a: Interval): Interval {
  if (a.lo < 0) throw new IntervalDomainError('sqrt of an interval that reaches below 0');
  return { lo: a.lo === 0 ? 0 : Math.max(0, down(Math.sqrt(a.lo))), hi: up(Math.sqrt(a.hi)) };
}

/** a^b for real b: exp(b·log a) with a > 0; integer point exponents use powInt (any sign of a). */
export function pow(a: Interval, b: Interval): Interval {
  if (b.lo === b.hi && Number.isInteger(b.lo) && Math.abs(b.lo) <= 1024) return powInt(a, b.lo);
  if (a.lo === 0 && a.hi === 0 && b.lo > 0) return ZERO;
  if (a.lo === 0 && b.lo > 0) {
    // 0 ≤ a: a^b ∈ [0, max over b of hi^b]
    const top = exp(mul(b, log({ lo: a.hi, hi: a.hi })));
    return { lo: 0, hi: top.hi };
  }
  return exp(mul(b, log(a)));
}

/** Does some x = base + 2kπ (k integer) lie in [lo, hi]? Conservative: true when unsure. */
function hitsPeriodic(lo: number, hi: number, base: number): boolean {
  const twoPi = 2 * Math.PI;
  if (Math.max(Math.abs(lo), Math.abs(hi)) > 1e9) return true;
  const k = Math.ceil((lo - base) / twoPi - 1e-6);
  const x = base + k * twoPi;
  return x <= hi + Math.abs(hi) * 1e-12 + 1e-12;
}

export function sin(a: Interval): Interval {
  if (!Number.isFinite(a.lo) || !Number.isFinite(a.hi) || a.hi - a.lo >= 2 * Math.PI) return { lo: -1, hi: 1 };
  const s1 = Math.sin(a.lo);
  const s2 = Math.sin(a.hi);
  let lo = downK(Math.min(s1, s2), TRANSCENDENTAL_ULPS);
  let hi = upK(Math.max(s1, s2), TRANSCENDENTAL_ULPS);
  if (hitsPeriodic(a.lo, a.hi, Math.PI / 2)) hi = 1;
  if (hitsPeriodic(a.lo, a.hi, -Math.PI / 2)) lo = -1;
  return { lo: Math.max(-1, lo), hi: Math.min(1, hi) };
}

export function cos(a: Interval): Interval {
  if (!Number.isFinite(a.lo) || !Number.isFinite(a.hi) || a.hi - a.lo >= 2 * Math.PI) return { lo: -1, hi: 1 };
  const c1 = Math.cos(a.lo);
  const c2 = Math.cos(a.hi);
  let lo = downK(Math.min(c1, c2), TRANSCENDENTAL_ULPS);
  let hi = upK(Math.max(c1, c2), TRANSCENDENTAL_ULPS);
  if (hitsPeriodic(a.lo, a.hi, 0)) hi = 1;
  if (hitsPeriodic(a.lo, a.hi, Math.PI)) lo = -1;
  return { lo: Math.max(-1, lo), hi: Math.min(1, hi) };
}

export function tan(a: Interval): Interval {
  return div(sin(a), cos(a));
}

/** monotone increasing f with range clamp */
function monotone(a: Interval, f: (x: number) => number, min: number, max: number): Interval {
  const lo = a.lo === -Infinity ? min : Math.max(min, downK(f(a.lo), TRANSCENDENTAL_ULPS));
  const hi = a.hi === Infinity ? max : Math.min(max, upK(f(a.hi), TRANSCENDENTAL_ULPS));
  return { lo, hi };
}

export function atan(a: Interval): Interval {
  const halfPi = up(Math.PI / 2);
  return monotone(a, Math.atan, -halfPi, halfPi);
}

export function tanh(a: Interval): Interval {
  return monotone(a, Math.tanh, -1, 1);
}

export function sinh(a: Interval): Interval {
  return monotone(a, Math.sinh, -Infinity, Infinity);
}

export function cosh(a: Interval): Interval {
  const m = mig(a);
  const M = mag(a);
  return { lo: Math.max(1, downK(Math.cosh(m), TRANSCENDENTAL_ULPS)), hi: M === Infinity ? Infinity : upK(Math.cosh(M), TRANSCENDENTAL_ULPS) };
}

export function abs(a: Interval): Interval {
  return { lo: mig(a), hi: mag(a) };
}

export function min(a: Interval, b: Interval): Interval {
  return { lo: Math.min(a.lo, b.lo), hi: Math.min(a.hi, b.hi) };
}

export function max(a: Interval, b: Interval): Interval {
  return { lo: Math.max(a.lo, b.lo), hi: Math.max(a.hi, b.hi) };
}

export function floor(a: Interval): Interval {
  return { lo: Math.floor(a.lo), hi: Math.floor(a.hi) };
}

export function ceil(a: Interval): Interval {
  return { lo: Math.ceil(a.lo), hi: Math.ceil(a.hi) };
}

export function sign(a: Interval): Interval {
  return { lo: Math.sign(a.lo) || 0, hi: Math.sign(a.hi) || 0 };
}

/** Certainly a < b (for every choice of values), certainly not, or unknown. */
export function certainlyLess(a: Interval, b: Interval): boolean | undefined {
  if (a.hi < b.lo) return true;
  if (a.lo >= b.hi) return false;
  return undefined;
}

export function toString(a: Interval): string {
  return `[${a.lo}, ${a.hi}]`;
}
