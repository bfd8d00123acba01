/**
 * Certified interval arithmetic on decimal.js numbers at a caller-chosen precision.
 *
 * Owns: the PInterval type (two Decimals, lo ≤ value ≤ hi), the `Arith` context
 * for one precision (so a caller can raise the precision until a sign is certain),
 * and the operations + − × ÷, integer powers (of any size), exp, ln, log1p, sqrt,
 * tanh, sinh, cosh, floor, ceil, abs and sign. Trigonometric functions and atan
 * (which need π) and Γ live in their own modules on top of this one.
 *
 * Rounding model: + − × ÷ are exact in decimal.js up to the final rounding, which
 * goes toward −∞ for a lower end and toward +∞ for an upper end. exp, ln, pow and
 * the other transcendental functions are correctly rounded "almost always", so they
 * are computed with GUARD extra digits and their results are pushed outward by a
 * relative SLACK of 10^−(digits+2): some 10^4 units in the last place of the guarded
 * result, far more than decimal.js's worst error. Note that `new Decimal(x)` does
 * not round (only operations do), so endpoints are exact where they come from exact
 * inputs.
 *
 * Values beyond decimal.js's exponent range (|exponent| > 9·10^15) are kept on the
 * inner side: an overflowing lower bound becomes 10^(9·10^15), an underflowing
 * positive upper bound 10^(−9·10^15). Infinite ends mean "unbounded" and only arise
 * from such overflows or from giving up; NaN never escapes (an indeterminate end
 * becomes infinite, which is always sound).
 */
import { Decimal } from 'decimal.js';
import { registeredClass, restoreDecimalState } from './decimal.js';

export { Decimal };

export interface PInterval {
  readonly lo: Decimal;
  readonly hi: Decimal;
}

/** The value cannot be enclosed at this precision: outside a function's domain as far as the input shows, or past a limit. */
export class Unenclosable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Unenclosable';
  }
}

/** extra digits for transcendental evaluation */
export const GUARD = 6;
/** decimal.js's own limit for ln/exp/trig (its stored ln 10 and π), less the guard digits */
export const MAX_DIGITS = 1000;
const EXP_LIMIT = 9e15;

type Ctor = Decimal.Constructor;
const make = (precision: number, rounding: Decimal.Rounding): Ctor =>
  registeredClass({ precision, rounding, maxE: EXP_LIMIT, minE: -EXP_LIMIT, toExpNeg: -7, toExpPos: 21 });

const HUGE = new Decimal(`1e${EXP_LIMIT}`);
const TINY = new Decimal(`1e-${EXP_LIMIT}`);
const ONE = new Decimal(1);
const INF = new Decimal(Infinity);

/** decimal.js errors (precision limit) and NaN results become Unenclosable. */
function guarded(f: () => Decimal, what: string): Decimal {
  let r: Decimal;
  try {
    r = f();
  } catch (e) {
    restoreDecimalState();
    throw new Unenclosable(`${what}: ${(e as Error).message}`);
  }
  if (r.isNaN()) throw new Unenclosable(`${what}: not a number`);
  return r;
}

const fixLo = (x: Decimal): Decimal => (x.isNaN() ? INF.neg() : x);
const fixHi = (x: Decimal): Decimal => (x.isNaN() ? INF : x);

/** Interval operations at one precision (significant digits of every rounded result). */
export class Arith {
  private static readonly cache = new Map<number, Arith>();
  /** The context for `digits` significant digits (cached). */
  static at(digits: number): Arith {
    const d = Math.max(4, Math.ceil(digits));
    if (d > 20000) throw new Unenclosable(`precision ${d} is beyond the limit`);
    let a = Arith.cache.get(d);
    if (a === undefined) { a = new Arith(d); Arith.cache.set(d, a); }
    return a;
  }

  /** rounding toward −∞ and +∞ at `digits` */
  readonly Lo: Ctor;
  readonly Hi: Ctor;
  /** guarded precision for transcendental evaluation */
  private readonly WLo: Ctor;
  private readonly WHi: Ctor;
  private readonly slack: Decimal;
  private constructor(readonly digits: number) {
    this.Lo = make(digits, Decimal.ROUND_FLOOR);
    this.Hi = make(digits, Decimal.ROUND_CEIL);
    this.WLo = make(digits + GUARD, Decimal.ROUND_FLOOR);
    this.WHi = make(digits + GUARD, Decimal.ROUND_CEIL);
    this.slack = new Decimal(`1e-${digits + 2}`);
  }

  // ---------- construction ----------

  point(v: Decimal.Value): PInterval {
    return { lo: new this.Lo(v), hi: new this.Hi(v) };
  }
  /** n/d for d > 0, rounded outward */
  rational(n: bigint, d: bigint): PInterval {
    if (d <= 0n) throw new RangeError('denominator must be positive');
    if (d === 1n) return this.point(n.toString());
    const N = n.toString(), D = d.toString();
    return { lo: new this.Lo(N).div(D), hi: new this.Hi(N).div(D) };
  }
  /** the interval rounded outward to this precision */
  round(a: PInterval): PInterval {
    return { lo: a.lo.toSignificantDigits(this.digits, Decimal.ROUND_FLOOR), hi: a.hi.toSignificantDigits(this.digits, Decimal.ROUND_CEIL) };
  }

  // ---------- arithmetic ----------

  add(a: PInterval, b: PInterval): PInterval {
    return { lo: fixLo(new this.Lo(a.lo).plus(b.lo)), hi: fixHi(new this.Hi(a.hi).plus(b.hi)) };
  }
  sub(a: PInterval, b: PInterval): PInterval {
    return { lo: fixLo(new this.Lo(a.lo).minus(b.hi)), hi: fixHi(new this.Hi(a.hi).minus(b.lo)) };
  }
  neg(a: PInterval): PInterval {
    return { lo: a.hi.neg(), hi: a.lo.neg() };
  }
  mul(a: PInterval, b: PInterval): PInterval {
    let lo: Decimal | null = null, hi: Decimal | null = null;
    for (const x of [a.lo, a.hi]) for (const y of [b.lo, b.hi]) {
      // 0·∞ is 0: an infinite end stands for arbitrarily large finite numbers
      const l = x.isZero() || y.isZero() ? new this.Lo(0) : new this.Lo(x).times(y);
      const h = x.isZero() || y.isZero() ? new this.Hi(0) : new this.Hi(x).times(y);
      if (lo === null || l.lt(lo)) lo = l;
      if (hi === null || h.gt(hi)) hi = h;
    }
    return { lo: lo!, hi: hi! };
  }
  /** a / b, for b that excludes 0 */
  div(a: PInterval, b: PInterval): PInterval {
    if (!(b.lo.gt(0) || b.hi.lt(0))) throw new Unenclosable('division by an interval that contains 0');
    let lo: Decimal | null = null, hi: Decimal | null = null;
    for (const x of [a.lo, a.hi]) for (const y of [b.lo, b.hi]) {
      const l = fixLo(new this.Lo(x).div(y)), h = fixHi(new this.Hi(x).div(y));
      if (lo === null || l.lt(lo)) lo = l;
      if (hi === null || h.gt(hi)) hi = h;
    }
    return { lo: lo!, hi: hi! };
  }
  /** a^k for an integer k of any size (huge k through exp(k·ln|a|)) */
  powInt(a: PInterval, k: bigint): PInterval {
    if (k === 0n) return this.point(1);
    if (k < 0n) return this.div(this.point(1), this.powInt(a, -k));
    if (k === 1n) return a;
    if (k % 2n === 0n) {
      const m = this.abs(a);
      return { lo: this.endPow(m.lo, k, -1), hi: this.endPow(m.hi, k, 1) };
    }
    return { lo: this.endPow(a.lo, k, -1), hi: this.endPow(a.hi, k, 1) };
  }
  /** a bound on x^k (k ≥ 2) from below (dir −1) or above (dir +1) */
  private endPow(x: Decimal, k: bigint, dir: -1 | 1): Decimal {
    if (x.isZero()) return new this.Lo(0);
    if (!x.isFinite()) return x.isNeg() && k % 2n === 1n ? x : INF;
    if (x.isNeg()) {
      // x^k = ±|x|^k; an odd power's lower bound needs |x|^k's upper bound
      const odd = k % 2n === 1n;
      const m = this.endPow(x.neg(), k, odd ? (-dir as -1 | 1) : dir);
      return odd ? m.neg() : m;
    }
    if (k <= BigInt(Number.MAX_SAFE_INTEGER)) {
      const K = k.toString();
      return dir < 0 ? this.slackDown(guarded(() => new this.WLo(x).pow(K), 'power')) : this.slackUp(guarded(() => new this.WHi(x).pow(K), 'power'));
    }
    // k·ln x has about log10(k) integer digits; carry them as extra precision
    const wide = Arith.at(this.digits + k.toString().length + 4);
    const r = wide.exp(wide.mul(wide.point(k.toString()), wide.ln(wide.point(x))));
    return dir < 0 ? r.lo : r.hi;
  }

  // ---------- transcendental ----------

  private slackDown(r: Decimal): Decimal {
    if (!r.isFinite()) return r.gt(0) ? new this.Lo(HUGE) : r;
    return new this.Lo(r).minus(r.abs().times(this.slack));
  }
  private slackUp(r: Decimal): Decimal {
    if (!r.isFinite()) return r.lt(0) ? new this.Hi(HUGE).neg() : r;
    return new this.Hi(r).plus(r.abs().times(this.slack));
  }
  /** a lower bound on f(x), f evaluated on the exact x with guard digits */
  private fLo(f: (x: Decimal) => Decimal, x: Decimal, what: string): Decimal {
    return this.slackDown(guarded(() => f(new this.WLo(x)), what));
  }
  private fHi(f: (x: Decimal) => Decimal, x: Decimal, what: string): Decimal {
    return this.slackUp(guarded(() => f(new this.WHi(x)), what));
  }
  /** an increasing function applied to both ends */
  private increasing(a: PInterval, f: (x: Decimal) => Decimal, what: string): PInterval {
    const lo = a.lo.isFinite() ? this.fLo(f, a.lo, what) : f(a.lo);
    const hi = a.hi.isFinite() ? this.fHi(f, a.hi, what) : f(a.hi);
    return { lo: fixLo(lo), hi: fixHi(hi) };
  }

  exp(a: PInterval): PInterval {
    const r = this.increasing(a, (x) => x.exp(), 'exp');
    // exp > 0: an underflowing upper bound is kept positive, a lower bound is at least 0
    return { lo: r.lo.lt(0) ? new this.Lo(0) : r.lo, hi: r.hi.lte(0) ? new this.Hi(TINY) : r.hi };
  }
  ln(a: PInterval): PInterval {
    if (!a.lo.gt(0)) throw new Unenclosable('log of an interval that reaches 0');
    return this.increasing(a, (x) => x.ln(), 'log');
  }
  sqrt(a: PInterval): PInterval {
    if (a.lo.lt(0)) throw new Unenclosable('square root of an interval that reaches below 0');
    const r = this.increasing(a, (x) => x.sqrt(), 'sqrt');
    return { lo: r.lo.lt(0) ? new this.Lo(0) : r.lo, hi: r.hi };
  }
  /** ln(1 + x) from the exact x, accurate to `digits` even when x is tiny */
  log1p(a: PInterval): PInterval {
    if (!a.lo.gt(-1)) throw new Unenclosable('log1p of an interval that reaches −1');
    return { lo: this.log1pEnd(a.lo, -1), hi: this.log1pEnd(a.hi, 1) };
  }
  private log1pEnd(x: Decimal, dir: -1 | 1): Decimal {
    if (x.isZero()) return new this.Lo(0);
    if (!x.isFinite()) return x;
    if (x.abs().gte('0.25')) {
      // 1 + x loses nothing worth keeping here: |ln(1 + x)| ≥ 0.22
      const onePlus = dir < 0 ? new this.WLo(x).plus(1) : new this.WHi(x).plus(1);
      return dir < 0 ? this.fLo((y) => y.ln(), onePlus, 'log') : this.fHi((y) => y.ln(), onePlus, 'log');
    }
    // ln(1 + x) = Σ (−1)^(k+1) x^k / k, with |remainder| ≤ |x|^(N+1) / ((N+1)(1 − |x|)),
    // summed in interval arithmetic with guard digits: no 1 + x is ever formed
    const w = Arith.at(this.digits + GUARD);
    // |x| < 10^(e+1), so each term gains at least −(e+1) digits (and 0.6 since |x| < 1/4)
    const gain = Math.max(0.6, -(x.e + 1));
    const n = Math.max(1, Math.ceil((this.digits + GUARD + 2) / gain));
    const v = w.point(x);
    let pow = v, sum = w.point(0);
    for (let k = 1; k <= n; k++) {
      const t = w.div(pow, w.point(k));
      sum = k % 2 === 1 ? w.add(sum, t) : w.sub(sum, t);
      pow = w.mul(pow, v);
    }
    const m = w.abs(pow); // |x|^(n+1)
    const rem = w.div(m, w.mul(w.point(n + 1), w.sub(w.point(1), w.abs(v))));
    return dir < 0 ? new this.Lo(sum.lo).minus(rem.hi) : new this.Hi(sum.hi).plus(rem.hi);
  }
  // decimal.js's sinh, cosh and tanh take seconds past |x| ~ 10^5 (cosh(10^8) does not finish):
  // for |x| ≥ 1 they are built here from exp, which has no such cost and loses under a digit.
  tanh(a: PInterval): PInterval {
    const r = { lo: this.tanhEnd(a.lo, -1), hi: this.tanhEnd(a.hi, 1) };
    return this.intersect(r, { lo: ONE.neg(), hi: ONE });
  }
  private tanhEnd(x: Decimal, dir: -1 | 1): Decimal {
    if (!x.isFinite()) return new Decimal(x.s);
    if (x.abs().lt(1)) return dir < 0 ? this.fLo((y) => y.tanh(), x, 'tanh') : this.fHi((y) => y.tanh(), x, 'tanh');
    // tanh x = s·(1 − 2/(e^(2|x|) + 1))
    const W = Arith.at(this.digits + 2);
    const e2 = W.exp(W.point(x.abs().times(2)));
    const t = W.sub(W.point(1), W.div(W.point(2), W.add(e2, W.point(1))));
    const r = x.isNeg() ? W.neg(t) : t;
    return dir < 0 ? new this.Lo(r.lo) : new this.Hi(r.hi);
  }
  sinh(a: PInterval): PInterval {
    return { lo: this.sinhEnd(a.lo, -1), hi: this.sinhEnd(a.hi, 1) };
  }
  private sinhEnd(x: Decimal, dir: -1 | 1): Decimal {
    if (!x.isFinite()) return x;
    if (x.abs().lt(1)) return dir < 0 ? this.fLo((y) => y.sinh(), x, 'sinh') : this.fHi((y) => y.sinh(), x, 'sinh');
    // sinh x = (e^x − e^−x)/2: for |x| ≥ 1 the difference cancels less than one digit
    const W = Arith.at(this.digits + 2);
    const r = W.mul(W.rational(1n, 2n), W.sub(W.exp(W.point(x)), W.exp(W.point(x.neg()))));
    return dir < 0 ? new this.Lo(r.lo) : new this.Hi(r.hi);
  }
  cosh(a: PInterval): PInterval {
    const m = this.abs(a);
    const end = (x: Decimal, dir: -1 | 1): Decimal => {
      if (!x.isFinite()) return x;
      const W = Arith.at(this.digits + 2);
      const r = W.mul(W.rational(1n, 2n), W.add(W.exp(W.point(x)), W.exp(W.point(x.neg()))));
      return dir < 0 ? new this.Lo(r.lo) : new this.Hi(r.hi);
    };
    const lo = end(m.lo, -1);
    return { lo: lo.lt(1) ? new this.Lo(1) : lo, hi: end(m.hi, 1) };
  }

  // ---------- piecewise ----------

  floor(a: PInterval): PInterval { return { lo: a.lo.floor(), hi: a.hi.floor() }; }
  ceil(a: PInterval): PInterval { return { lo: a.lo.ceil(), hi: a.hi.ceil() }; }
  abs(a: PInterval): PInterval {
    if (a.lo.gte(0)) return a;
    if (a.hi.lte(0)) return this.neg(a);
    return { lo: new this.Lo(0), hi: Decimal.max(a.hi, a.lo.neg()) };
  }
  sign(a: PInterval): PInterval {
    const s = (x: Decimal): Decimal => new Decimal(x.isZero() ? 0 : x.s);
    return { lo: s(a.lo), hi: s(a.hi) };
  }

  // ---------- sets ----------

  hull(a: PInterval, b: PInterval): PInterval {
    return { lo: Decimal.min(a.lo, b.lo), hi: Decimal.max(a.hi, b.hi) };
  }
  /** both enclose the same value, so the intersection does too */
  intersect(a: PInterval, b: PInterval): PInterval {
    const lo = Decimal.max(a.lo, b.lo), hi = Decimal.min(a.hi, b.hi);
    if (lo.gt(hi)) throw new Error('disjoint enclosures of one value: an enclosure is wrong');
    return { lo, hi };
  }
}

/** −1, 0 or 1 when every point of the interval has that sign, else null. */
export function signOf(a: PInterval): -1 | 0 | 1 | null {
  if (a.lo.gt(0)) return 1;
  if (a.hi.lt(0)) return -1;
  if (a.lo.isZero() && a.hi.isZero()) return 0;
  return null;
}

/** Decimal exponent of the largest |endpoint| (10^e ≤ max|x| < 10^(e+1)); −Infinity for [0, 0]. */
export function magnitude(a: PInterval): number {
  if (!a.lo.isFinite() || !a.hi.isFinite()) return Infinity;
  const e = (x: Decimal): number => (x.isZero() ? -Infinity : x.e);
  return Math.max(e(a.lo), e(a.hi));
}

export function contains(a: PInterval, x: Decimal.Value): boolean {
  return a.lo.lte(x) && a.hi.gte(x);
}

export function width(a: PInterval): Decimal {
  return a.hi.minus(a.lo);
}
