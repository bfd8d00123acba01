/**
 * RationalInterval: exact real intervals with rational endpoints (fraction.js), open or closed ends,
 * and infinite ends. Used to bound parameter expressions and to decide signs.
 *
 * Endpoints are exact so that boundary questions (is r1 − 1 > 0 on r1 ∈ (1, ∞)?)
 * are answered exactly; transcendental values enter through `fromFloat`, which widens
 * outward so the true value is always inside.
 */
import Fraction from 'fraction.js';
import { fromRational } from '../numeric/interval.js';

/** null stands for −∞ (as lo) or +∞ (as hi); infinite ends are open. */
export interface RationalInterval {
  readonly lo: Fraction | null;
  readonly hi: Fraction | null;
  readonly loOpen: boolean;
  readonly hiOpen: boolean;
}

export const REALS: RationalInterval = { lo: null, hi: null, loOpen: true, hiOpen: true };
export const point = (v: Fraction): RationalInterval => ({ lo: v, hi: v, loOpen: false, hiOpen: false });

export function make(lo: Fraction | null, loOpen: boolean, hi: Fraction | null, hiOpen: boolean): RationalInterval {
  return { lo, hi, loOpen: lo === null ? true : loOpen, hiOpen: hi === null ? true : hiOpen };
}

/** Exact rational value of a finite double. */
export function fracFromFloat(x: number): Fraction {
  if (!Number.isFinite(x)) throw new RangeError('non-finite value');
  if (x === 0) return new Fraction(0);
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const bits = buf.getBigUint64(0);
  const sign = bits >> 63n ? -1n : 1n;
  const exp = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  let e: number;
  if (exp === 0) e = -1074; else { mant |= 1n << 52n; e = exp - 1075; }
  return e >= 0 ? new Fraction(sign * mant * (1n << BigInt(e))) : new Fraction(sign * mant, 1n << BigInt(-e));
}

/** An interval that surely contains a value computed in floating point with relative error ≤ rel. */
export function fromFloat(lo: number, hi: number, rel = 1e-12): RationalInterval {
  const widen = (v: number, dir: -1 | 1): Fraction | null => {
    if (v === Infinity || v === -Infinity || Number.isNaN(v)) return null;
    return fracFromFloat(v + dir * (Math.abs(v) * rel + 1e-300));
  };
  return make(widen(lo, -1), false, widen(hi, 1), false);
}

export function isEmpty(i: RationalInterval): boolean {
  if (i.lo === null || i.hi === null) return false;
  const c = i.lo.compare(i.hi);
  return c > 0 || (c === 0 && (i.loOpen || i.hiOpen));
}

export function isPoint(i: RationalInterval): Fraction | null {
  return i.lo !== null && i.hi !== null && !i.loOpen && !i.hiOpen && i.lo.equals(i.hi) ? i.lo : null;
}

/** -1, 0, 1 when every point of the interval has that sign; null otherwise. */
export function signOf(i: RationalInterval): -1 | 0 | 1 | null {
  const p = isPoint(i);
  if (p) return p.s === 0n || p.n === 0n ? 0 : (Number(p.s) as -1 | 1);
  if (i.lo !== null && (i.lo.compare(0) > 0 || (i.lo.compare(0) === 0 && i.loOpen))) return 1;
  if (i.hi !== null && (i.hi.compare(0) < 0 || (i.hi.compare(0) === 0 && i.hiOpen))) return -1;
  return null;
}

export function add(a: RationalInterval, b: RationalInterval): RationalInterval {
  return make(
    a.lo === null || b.lo === null ? null : a.lo.add(b.lo), a.loOpen || b.loOpen,
    a.hi === null || b.hi === null ? null : a.hi.add(b.hi), a.hiOpen || b.hiOpen,
  );
}

export function neg(a: RationalInterval): RationalInterval {
  return make(a.hi === null ? null : a.hi.neg(), a.hiOpen, a.lo === null ? null : a.lo.neg(), a.loOpen);
}

type End = { v: Fraction | null; inf: -1 | 0 | 1; open: boolean };
const ends = (a: RationalInterval): [End, End] => [
  { v: a.lo, inf: a.lo === null ? -1 : 0, open: a.loOpen },
  { v: a.hi, inf: a.hi === null ? 1 : 0, open: a.hiOpen },
];
const sgn = (e: End): number => (e.inf !== 0 ? e.inf : e.v!.s === 0n || e.v!.n === 0n ? 0 : Number(e.v!.s));

export function mul(a: RationalInterval, b: RationalInterval): RationalInterval {
  // Candidate products of end points; infinity × 0 is taken as 0 (limit along the zero end).
  let best: { lo?: End; hi?: End } = {};
  const cands: End[] = [];
  for (const x of ends(a)) for (const y of ends(b)) {
    const sx = sgn(x), sy = sgn(y);
    let p: End;
    if (sx === 0 || sy === 0) {
      const zeroClosed = (sx === 0 && !x.open) || (sy === 0 && !y.open);
      p = { v: new Fraction(0), inf: 0, open: !zeroClosed && (x.open || y.open) };
    } else if (x.inf !== 0 || y.inf !== 0) p = { v: null, inf: (sx * sy) as -1 | 1, open: true };
    else p = { v: x.v!.mul(y.v!), inf: 0, open: x.open || y.open };
    cands.push(p);
  }
  const cmp = (p: End, q: End): number => {
    if (p.inf !== q.inf) return p.inf - q.inf;
    if (p.inf !== 0) return 0;
    return p.v!.compare(q.v!);
  };
  for (const p of cands) {
    if (!best.lo || cmp(p, best.lo) < 0 || (cmp(p, best.lo) === 0 && !p.open)) best.lo = p;
    if (!best.hi || cmp(p, best.hi) > 0 || (cmp(p, best.hi) === 0 && !p.open)) best.hi = p;
  }
  // Products of an interior zero: if one factor contains 0 in its interior the product can be 0 exactly.
  const lo = best.lo!, hi = best.hi!;
  return make(lo.inf !== 0 ? null : lo.v, lo.open, hi.inf !== 0 ? null : hi.v, hi.open);
}

/** Reciprocal of an interval that excludes 0; null when it may contain 0. */
export function inv(a: RationalInterval): RationalInterval | null {
  const s = signOf(a);
  if (s === null || s === 0) return null;
  const r = (v: Fraction | null): Fraction | null => (v === null ? new Fraction(0) : v.inverse());
  // 1/(0,∞) = (0,∞): an infinite end maps to an open 0 end; a zero end (open) maps to ∞.
  const loZero = a.lo !== null && a.lo.equals(0);
  const hiZero = a.hi !== null && a.hi.equals(0);
  const newLo = hiZero ? null : r(a.hi);
  const newHi = loZero ? null : r(a.lo);
  return make(newLo, a.hi === null ? true : a.hiOpen, newHi, a.lo === null ? true : a.loOpen);
}

export function powInt(a: RationalInterval, k: number): RationalInterval {
  if (k === 0) return point(new Fraction(1));
  if (k < 0) {
    const p = powInt(a, -k);
    return inv(p) ?? REALS;
  }
  // x ↦ x^k is increasing for odd k, and for even k on |a| ⊂ [0, ∞): map the ends
  const base = k % 2 === 1 ? a : absInterval(a);
  const p = (v: Fraction | null): Fraction | null => (v === null ? null : fracPow(v, k));
  return make(p(base.lo), base.loOpen, p(base.hi), base.hiOpen);
}

/** v^k by squaring, so the work is logarithmic in k */
function fracPow(v: Fraction, k: number): Fraction {
  let r = new Fraction(1), b = v, e = k;
  while (e > 0) {
    if (e & 1) r = r.mul(b);
    e >>= 1;
    if (e > 0) b = b.mul(b);
  }
  return r;
}

export function absInterval(a: RationalInterval): RationalInterval {
  const s = signOf(a);
  if (s === 1 || s === 0) return a;
  if (s === -1) return neg(a);
  const hiAbs = a.lo === null || a.hi === null ? null : (a.lo.abs().compare(a.hi.abs()) > 0 ? a.lo.abs() : a.hi.abs());
  return make(new Fraction(0), false, hiAbs, false);
}

export function intersect(a: RationalInterval, b: RationalInterval): RationalInterval {
  let lo = a.lo, loOpen = a.loOpen;
  if (b.lo !== null && (lo === null || b.lo.compare(lo) > 0 || (b.lo.equals(lo) && b.loOpen))) { lo = b.lo; loOpen = b.loOpen; }
  let hi = a.hi, hiOpen = a.hiOpen;
  if (b.hi !== null && (hi === null || b.hi.compare(hi) < 0 || (b.hi.equals(hi) && b.hiOpen))) { hi = b.hi; hiOpen = b.hiOpen; }
  return make(lo, loOpen, hi, hiOpen);
}

/** Float midpoint-ish view for functions evaluated in floating point. */
export function toFloats(a: RationalInterval): [number, number] {
  return [a.lo === null ? -Infinity : a.lo.valueOf(), a.hi === null ? Infinity : a.hi.valueOf()];
}

/**
 * Doubles l ≤ lo and h ≥ hi: a float function evaluated there bounds its values on
 * the interval (toFloats rounds to nearest, which may step inside).
 */
export function toFloatsOutward(a: RationalInterval): [number, number] {
  const l = a.lo === null ? -Infinity : fromRational(a.lo.s * a.lo.n, a.lo.d).lo;
  const h = a.hi === null ? Infinity : fromRational(a.hi.s * a.hi.n, a.hi.d).hi;
  return [l, h];
}

/** Apply a monotone float function to an interval, from outward-rounded ends, widening the result outward. */
export function monotone(a: RationalInterval, f: (x: number) => number, increasing: boolean, atNegInf: number, atPosInf: number): RationalInterval {
  const [l, h] = toFloatsOutward(a);
  const fl = l === -Infinity ? atNegInf : f(l);
  const fh = h === Infinity ? atPosInf : f(h);
  const [lo, hi] = increasing ? [fl, fh] : [fh, fl];
  return fromFloat(lo, hi);
}

export function show(a: RationalInterval): string {
  return `${a.loOpen ? '(' : '['}${a.lo === null ? '-inf' : a.lo.toFraction()}, ${a.hi === null ? 'inf' : a.hi.toFraction()}${a.hiOpen ? ')' : ']'}`;
}
