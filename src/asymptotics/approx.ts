/**
 * Bounds by expansions: a function f(n) known to satisfy lo(n) ≤ f(n) ≤ hi(n) for
 * large n, where lo and hi are expansions (equal when f is known exactly). Bounded
 * or oscillating parts (sin, floor remainders, finite sums of cosines) widen the
 * interval instead of being guessed.
 *
 * Also carried: bounds on |f| that are sharper than those derived from lo/hi
 * (for (−1)^n·g) and a flag that f provably does not tend to 0 (sin(αn+β)).
 *
 * Owns: interval arithmetic over expansions (sum, product, reciprocal, monotone maps).
 */
import { type Ctx, EngineUnknown } from './context.js';
import * as S from './series.js';

export interface Approx {
  readonly lo: S.Series;
  readonly hi: S.Series;
  /** lo and hi are the same expansion */
  readonly exact: boolean;
  /** |f| bounds when sharper than the ones lo/hi give */
  readonly absLo?: S.Series;
  readonly absHi?: S.Series;
  /** proven: f(n) does not tend to 0 */
  readonly nonvanishing?: boolean;
}

export const exact = (s: S.Series): Approx => ({ lo: s, hi: s, exact: true });
export const between = (lo: S.Series, hi: S.Series): Approx => ({ lo, hi, exact: false });

/** eventual sign of every value in the interval: 1, −1, 0 (identically 0) or null (not one sign) */
export function signOf(a: Approx, ctx: Ctx): -1 | 0 | 1 | null {
  const sl = S.eventualSign(a.lo, ctx);
  if (sl === 1) return 1;
  const sh = S.eventualSign(a.hi, ctx);
  if (sh === -1) return -1;
  if (sl === 0 && sh === 0) return 0;
  return null;
}

/** lower and upper bounds of |f| */
export function absBounds(a: Approx, ctx: Ctx): { lo: S.Series; hi: S.Series } {
  const s = signOf(a, ctx);
  // one sign: lo ≤ f ≤ hi is already the tightest bound on |f| (a positive lower bound is kept)
  if (s === 1 || s === 0) return { lo: a.lo, hi: a.hi };
  if (s === -1) return { lo: S.neg(a.hi), hi: S.neg(a.lo) };
  if (a.absLo && a.absHi) return { lo: a.absLo, hi: a.absHi };
  // f = O(e) with nothing else known: |f| ≤ C·e for some constant C
  if (a.lo.terms.length === 0 && a.hi.terms.length === 0 && a.lo.err && a.hi.err)
    return { lo: S.ZERO_SERIES, hi: { terms: [], err: S.maxErr(a.lo.err, a.hi.err, ctx) } };
  const sl = S.eventualSign(a.lo, ctx), sh = S.eventualSign(a.hi, ctx);
  if ((sl === -1 || sl === 0) && (sh === 1 || sh === 0)) {
    // lo ≤ f ≤ hi with lo ≤ 0 ≤ hi: |f| ≤ max(−lo, hi), read off the sign of hi + lo when it has one
    const d = S.eventualSign(S.add(a.hi, a.lo, ctx), ctx);
    const hi = d === 1 || d === 0 ? a.hi : d === -1 ? S.neg(a.lo) : S.sub(a.hi, a.lo, ctx);
    return { lo: S.ZERO_SERIES, hi };
  }
  throw new EngineUnknown('cannot bound the magnitude of an expression whose sign is undetermined');
}

export function add(a: Approx, b: Approx, ctx: Ctx): Approx {
  const lo = S.add(a.lo, b.lo, ctx);
  if (a.exact && b.exact) return exact(lo);
  const out: Approx = between(lo, S.add(a.hi, b.hi, ctx));
  if (a.absHi || b.absHi) {
    // |a + b| ≤ |a| + |b|; |a + b| ≥ |b| − |a| when |b| dominates
    const A = absBounds(a, ctx), B = absBounds(b, ctx);
    const absHi = S.add(A.hi, B.hi, ctx);
    for (const [big, small] of [[B, A], [A, B]] as const) {
      const lb = S.lead(big.lo, ctx), ls = S.lead(small.hi, ctx);
      if (lb && (!ls || S.cmp(lb.mono, ls.mono, ctx) > 0) && (small.hi.err === null || S.cmp(small.hi.err, lb.mono, ctx) < 0))
        return { ...out, absLo: S.sub(big.lo, small.hi, ctx), absHi };
      // same growth class: |a + b| ≥ |big| − |small| still holds, and is useful when it stays positive
      const d = S.sub(big.lo, small.hi, ctx);
      if (lb && S.eventualSign(d, ctx) === 1) return { ...out, absLo: d, absHi };
    }
    return { ...out, absLo: S.ZERO_SERIES, absHi };
  }
  return out;
}

export function neg(a: Approx): Approx {
  if (a.exact) return { ...a, lo: S.neg(a.lo), hi: S.neg(a.lo) };
  return { lo: S.neg(a.hi), hi: S.neg(a.lo), exact: false, ...(a.absLo ? { absLo: a.absLo, absHi: a.absHi! } : {}), ...(a.nonvanishing ? { nonvanishing: true } : {}) };
}

export function mul(a: Approx, b: Approx, ctx: Ctx): Approx {
  if (a.exact && b.exact && !a.absHi && !b.absHi) return exact(S.mul(a.lo, b.lo, ctx));
  const sa = signOf(a, ctx), sb = signOf(b, ctx);
  const A = absBounds(a, ctx), B = absBounds(b, ctx);
  const absLo = S.mul(A.lo, B.lo, ctx), absHi = S.mul(A.hi, B.hi, ctx);
  const nonvanishing = (a.nonvanishing && bAwayFromZero(B.lo, ctx)) || (b.nonvanishing && bAwayFromZero(A.lo, ctx)) || undefined;
  let lo: S.Series, hi: S.Series;
  if (sa !== null && sb !== null) {
    const s = sa * sb;
    if (s === 0) return exact(S.ZERO_SERIES);
    [lo, hi] = s > 0 ? [absLo, absHi] : [S.neg(absHi), S.neg(absLo)];
    return { lo, hi, exact: false, ...(nonvanishing ? { nonvanishing } : {}) };
  }
  return { lo: S.neg(absHi), hi: absHi, exact: false, absLo, absHi, ...(nonvanishing ? { nonvanishing } : {}) };
}

/** a lower bound of |g| that stays away from 0 */
function bAwayFromZero(lo: S.Series, ctx: Ctx): boolean {
  const l = S.lead(lo, ctx);
  return !!l && l.sign > 0 && S.cmp(l.mono, { c: l.mono.c, pw: l.mono.pw.map((p) => p.sub(p)), ex: null }, ctx) >= 0;
}

/** Image under a monotone map applied to each bound. */
export function monotone(a: Approx, f: (s: S.Series) => S.Series, increasing: boolean): Approx {
  if (a.exact) return exact(f(a.lo));
  const lo = f(a.lo), hi = f(a.hi);
  return increasing ? between(lo, hi) : between(hi, lo);
}

/** A constant interval [lo, hi]. */
export const constantInterval = (lo: S.Series, hi: S.Series): Approx => between(lo, hi);
