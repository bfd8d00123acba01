/**
 * Exact intervals whose ends are exact constants (1, 1/2, exp(-1), 2^(1/2)), not
 * only rationals: what solving `-log(x) - 1 > 0` gives (x < exp(-1)). Used to
 * print conditions in lowest terms.
 *
 * Owns: comparison of constant ends by their exact sign (constant-sign.ts; it
 * throws UndecidableSign rather than guess), intersection, union with
 * coalescing, equality. Never uses doubles.
 */
import type Fraction from 'fraction.js';
import { Coef } from './coef.js';
import { constantSign, type Sign } from './constant-sign.js';
import * as I from './interval.js';

/** one finite end: an exact constant, open or closed */
export interface End { readonly v: Coef; readonly open: boolean }
/** null ends are infinite (−∞ as lo, +∞ as hi) */
export interface SymInterval { readonly lo: End | null; readonly hi: End | null }
/** sorted, disjoint, not touching */
export type SymSet = readonly SymInterval[];

export const REALS_SET: SymSet = [{ lo: null, hi: null }];

/** exact orders already decided (the same ends are compared again and again while sets are merged) */
const orders = new Map<string, Sign>();
const MAX_CACHED_ORDERS = 4096;

/** the exact order of two constants (throws UndecidableSign when it cannot be certified) */
export function cmp(a: Coef, b: Coef): Sign {
  const fa = a.asFraction(), fb = b.asFraction();
  if (fa !== null && fb !== null) return fa.compare(fb) as Sign;
  const key = `${a.key}|${b.key}`;
  const hit = orders.get(key);
  if (hit !== undefined) return hit;
  const d = a.sub(b);
  // the certified rational enclosure decides most orders at once; the exact sign ladder the rest
  const quick = I.signOf(d.enclose(() => I.REALS));
  const s = quick !== null && quick !== 0 ? quick : constantSign(d);
  if (orders.size >= MAX_CACHED_ORDERS) orders.clear();
  orders.set(key, s);
  return s;
}

export const fromRational = (iv: I.RationalInterval): SymInterval => ({
  lo: iv.lo === null ? null : { v: Coef.of(iv.lo), open: iv.loOpen },
  hi: iv.hi === null ? null : { v: Coef.of(iv.hi), open: iv.hiOpen },
});
export const fromRationalSet = (s: readonly I.RationalInterval[]): SymSet => s.map(fromRational);

export function isEmptyInterval(i: SymInterval): boolean {
  if (i.lo === null || i.hi === null) return false;
  const c = cmp(i.lo.v, i.hi.v);
  return c > 0 || (c === 0 && (i.lo.open || i.hi.open));
}

/** the larger of two lower ends (open wins a tie) */
function maxLo(a: End | null, b: End | null): End | null {
  if (a === null) return b;
  if (b === null) return a;
  const c = cmp(a.v, b.v);
  return c > 0 ? a : c < 0 ? b : a.open ? a : b;
}
/** the smaller of two upper ends (open wins a tie) */
function minHi(a: End | null, b: End | null): End | null {
  if (a === null) return b;
  if (b === null) return a;
  const c = cmp(a.v, b.v);
  return c < 0 ? a : c > 0 ? b : a.open ? a : b;
}

export function intersectSets(a: SymSet, b: SymSet): SymSet {
  const out: SymInterval[] = [];
  for (const x of a) for (const y of b) {
    const i = { lo: maxLo(x.lo, y.lo), hi: minHi(x.hi, y.hi) };
    if (!isEmptyInterval(i)) out.push(i);
  }
  return unionSets(out, []);
}

/** the union, sorted and with touching pieces joined: (−∞, 1) ∪ [1, 1] = (−∞, 1] */
export function unionSets(a: SymSet, b: SymSet): SymSet {
  const all = [...a, ...b].filter((x) => !isEmptyInterval(x)).sort((x, y) => {
    if (x.lo === null) return y.lo === null ? 0 : -1;
    if (y.lo === null) return 1;
    const c = cmp(x.lo.v, y.lo.v);
    return c !== 0 ? c : (x.lo.open ? 1 : 0) - (y.lo.open ? 1 : 0);
  });
  const out: SymInterval[] = [];
  for (const x of all) {
    const last = out[out.length - 1];
    if (last && touches(last, x)) {
      let hi = last.hi;
      if (hi !== null && (x.hi === null || cmp(x.hi.v, hi.v) > 0 || (cmp(x.hi.v, hi.v) === 0 && !x.hi.open))) hi = x.hi;
      out[out.length - 1] = { lo: last.lo, hi };
    } else out.push(x);
  }
  return out;
}

function touches(a: SymInterval, b: SymInterval): boolean {
  if (a.hi === null || b.lo === null) return true;
  const c = cmp(a.hi.v, b.lo.v);
  return c > 0 || (c === 0 && !(a.hi.open && b.lo.open));
}

const endsEqual = (a: End | null, b: End | null): boolean =>
  a === null || b === null ? a === b : a.open === b.open && cmp(a.v, b.v) === 0;

export function setsEqual(a: SymSet, b: SymSet): boolean {
  return a.length === b.length && a.every((x, i) => endsEqual(x.lo, b[i]!.lo) && endsEqual(x.hi, b[i]!.hi));
}

export const isReals = (s: SymSet): boolean => s.length === 1 && s[0]!.lo === null && s[0]!.hi === null;

/** the rational value of an end, when it has one */
export const rationalEnd = (e: End | null): Fraction | null => (e === null ? null : e.v.asFraction());
