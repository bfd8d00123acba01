/**
 * Truncated Taylor series with interval coefficients (Taylor-mode automatic
 * differentiation in sound interval arithmetic).
 *
 * Owns: the series type and the coefficient recurrences for + − × ÷, exp, log,
 * real and integer powers, sin/cos, atan. A series s of order K stands for
 * s_k = g^{(k)}(x)/k!, k = 0..K. When the expansion point x is an interval X (a
 * whole block), every coefficient encloses g^{(k)}(ξ)/k! for every ξ ∈ X: this
 * is what bounds Lagrange remainders and proves derivative signs over a block.
 * The recurrences also certify analyticity: log and real powers demand a
 * positive zeroth coefficient over the whole input (I.IntervalDomainError otherwise).
 *
 * Storage: a flat number array [lo_0, hi_0, lo_1, hi_1, …] — this is the hot loop of
 * the TRF engine, so the outward rounding is inlined (one ulp per operation,
 * as in ./interval.ts). A NaN (from an overflow ∞ − ∞) is reported as an
 * I.IntervalDomainError by `check`.
 */
import * as Ins from './interval.js';
import type { Interval } from './interval.js';

// plain-object copies: cheap property access on hot paths (no module-namespace getters)
const I = { ...Ins };

export type TaylorSeries = number[];

/** a zero-filled coefficient array (plain arrays allocate far cheaper than typed arrays here) */
function alloc(n: number): number[] {
  const a = new Array<number>(n);
  for (let i = 0; i < n; i++) a[i] = 0.5;
  for (let i = 0; i < n; i++) a[i] = 0;
  return a;
}

const EPS = 2 ** -52;
const TINY = Number.MIN_VALUE;

// scratch result of the inlined interval product
let RLO = 0;
let RHI = 0;

function pm(x: number, y: number): number {
  return x === 0 || y === 0 ? 0 : x * y;
}

/** [alo, ahi]·[blo, bhi] into (RLO, RHI), outward rounded (exact 0 only for an exactly zero factor) */
function imul(alo: number, ahi: number, blo: number, bhi: number): void {
  if (alo >= 0 && blo >= 0) {
    RLO = alo === 0 || blo === 0 ? 0 : dn(alo * blo);
    RHI = ahi === 0 || bhi === 0 ? 0 : upr(pm(ahi, bhi));
    return;
  }
  if (ahi <= 0 && bhi <= 0) {
    RLO = ahi === 0 || bhi === 0 ? 0 : dn(ahi * bhi);
    RHI = alo === 0 || blo === 0 ? 0 : upr(pm(alo, blo));
    return;
  }
  const p1 = pm(alo, blo);
  const p2 = pm(alo, bhi);
  const p3 = pm(ahi, blo);
  const p4 = pm(ahi, bhi);
  const lo = Math.min(p1, p2, p3, p4);
  const hi = Math.max(p1, p2, p3, p4);
  // a zero here may be an underflow: round it outward too (sound either way)
  RLO = dn(lo);
  RHI = upr(hi);
}

const dn = (x: number): number => x - Math.abs(x) * EPS - TINY;
const upr = (x: number): number => x + Math.abs(x) * EPS + TINY;

export const orderOf = (a: TaylorSeries): number => (a.length >> 1) - 1;

export function coef(a: TaylorSeries, k: number): Interval {
  return { lo: a[2 * k]!, hi: a[2 * k + 1]! };
}

export function setCoef(a: TaylorSeries, k: number, c: Interval): void {
  a[2 * k] = c.lo;
  a[2 * k + 1] = c.hi;
}

export function zeros(order: number): TaylorSeries {
  return alloc(2 * (order + 1));
}

export function constant(c: Interval, order: number): TaylorSeries {
  const s = zeros(order);
  s[0] = c.lo;
  s[1] = c.hi;
  return s;
}

/** The identity x ↦ x expanded at x0: [x0, 1, 0, …]. */
export function identity(x0: Interval, order: number): TaylorSeries {
  const s = constant(x0, order);
  if (order >= 1) {
    s[2] = 1;
    s[3] = 1;
  }
  return s;
}

/** true when every coefficient beyond the zeroth is exactly 0 */
export function isConstant(a: TaylorSeries): boolean {
  for (let i = 2; i < a.length; i++) if (a[i] !== 0) return false;
  return true;
}

/** Throws when an overflow produced NaN anywhere. */
export function check(a: TaylorSeries): TaylorSeries {
  for (let i = 0; i < a.length; i++) if (Number.isNaN(a[i]!)) throw new I.IntervalDomainError('overflow in Taylor arithmetic');
  return a;
}

export function add(a: TaylorSeries, b: TaylorSeries): TaylorSeries {
  const c = alloc(a.length);
  for (let i = 0; i < a.length; i += 2) {
    const lo = a[i]! + b[i]!;
    const hi = a[i + 1]! + b[i + 1]!;
    c[i] = lo === a[i] && b[i] === 0 ? lo : dn(lo);
    c[i + 1] = hi === a[i + 1] && b[i + 1] === 0 ? hi : upr(hi);
  }
  return c;
}

export function neg(a: TaylorSeries): TaylorSeries {
  const c = alloc(a.length);
  for (let i = 0; i < a.length; i += 2) {
    c[i] = -a[i + 1]!;
    c[i + 1] = -a[i]!;
  }
  return c;
}

export function sub(a: TaylorSeries, b: TaylorSeries): TaylorSeries {
  return add(a, neg(b));
}

export function scale(a: TaylorSeries, s: Interval): TaylorSeries {
  const c = alloc(a.length);
  for (let i = 0; i < a.length; i += 2) {
    if (a[i] === 0 && a[i + 1] === 0) continue;
    imul(a[i]!, a[i + 1]!, s.lo, s.hi);
    c[i] = RLO;
    c[i + 1] = RHI;
  }
  return c;
}

export function mul(a: TaylorSeries, b: TaylorSeries): TaylorSeries {
  if (isConstant(a)) return scale(b, coef(a, 0));
  if (isConstant(b)) return scale(a, coef(b, 0));
  const K = orderOf(a);
  const c = alloc(a.length);
  for (let k = 0; k <= K; k++) {
    let lo = 0;
    let hi = 0;
    for (let j = 0; j <= k; j++) {
      const alo = a[2 * j]!;
      const ahi = a[2 * j + 1]!;
      if (alo === 0 && ahi === 0) continue;
      const blo = b[2 * (k - j)]!;
      const bhi = b[2 * (k - j) + 1]!;
      if (blo === 0 && bhi === 0) continue;
      imul(alo, ahi, blo, bhi);
      lo = dn(lo + RLO);
      hi = upr(hi + RHI);
    }
    c[2 * k] = lo;
    c[2 * k + 1] = hi;
  }
  return check(c);
}

/** [lo, hi] / positive-or-negative interval, via reciprocal */
function recipOf(lo: number, hi: number): Interval {
  return I.recip({ lo, hi });
}

export function div(a: TaylorSeries, b: TaylorSeries): TaylorSeries {
  if (isConstant(b)) return scale(a, recipOf(b[0]!, b[1]!));
  const K = orderOf(a);
  const inv = recipOf(b[0]!, b[1]!);
  const c = alloc(a.length);
  for (let k = 0; k <= K; k++) {
    let lo = a[2 * k]!;
    let hi = a[2 * k + 1]!;
    for (let j = 1; j <= k; j++) {
      const blo = b[2 * j]!;
      const bhi = b[2 * j + 1]!;
      if (blo === 0 && bhi === 0) continue;
      imul(blo, bhi, c[2 * (k - j)]!, c[2 * (k - j) + 1]!);
      lo = dn(lo - RHI);
      hi = upr(hi - RLO);
    }
    imul(lo, hi, inv.lo, inv.hi);
    c[2 * k] = RLO;
    c[2 * k + 1] = RHI;
  }
  return check(c);
}

export function exp(a: TaylorSeries): TaylorSeries {
  const K = orderOf(a);
  const e0 = I.exp(coef(a, 0));
  if (isConstant(a)) return constant(e0, K);
  const c = alloc(a.length);
  c[0] = e0.lo;
  c[1] = e0.hi;
  for (let k = 1; k <= K; k++) {
    let lo = 0;
    let hi = 0;
    for (let j = 1; j <= k; j++) {
      const alo = a[2 * j]!;
      const ahi = a[2 * j + 1]!;
      if (alo === 0 && ahi === 0) continue;
      // j·a_j is exact up to one rounding
      imul(alo, ahi, j, j);
      imul(RLO, RHI, c[2 * (k - j)]!, c[2 * (k - j) + 1]!);
      lo = dn(lo + RLO);
      hi = upr(hi + RHI);
    }
    imul(lo, hi, 1 / k, 1 / k);
    // 1/k itself is rounded: widen by one more ulp
    c[2 * k] = dn(RLO);
    c[2 * k + 1] = upr(RHI);
  }
  return check(c);
}

export function log(a: TaylorSeries): TaylorSeries {
  const K = orderOf(a);
  const l0 = I.log(coef(a, 0));
  if (isConstant(a)) return constant(l0, K);
  const inv = recipOf(a[0]!, a[1]!);
  const c = alloc(a.length);
  c[0] = l0.lo;
  c[1] = l0.hi;
  for (let k = 1; k <= K; k++) {
    // k a_0 c_k = k a_k − Σ_{j=1}^{k−1} j c_j a_{k−j}
    imul(a[2 * k]!, a[2 * k + 1]!, k, k);
    let lo = RLO;
    let hi = RHI;
    for (let j = 1; j < k; j++) {
      const alo = a[2 * (k - j)]!;
      const ahi = a[2 * (k - j) + 1]!;
      if (alo === 0 && ahi === 0) continue;
      imul(c[2 * j]!, c[2 * j + 1]!, j, j);
      imul(RLO, RHI, alo, ahi);
      lo = dn(lo - RHI);
      hi = upr(hi - RLO);
    }
    imul(lo, hi, inv.lo, inv.hi);
    imul(RLO, RHI, 1 / k, 1 / k);
    c[2 * k] = dn(RLO);
    c[2 * k + 1] = upr(RHI);
  }
  return check(c);
}

/** a^n for an integer n (any sign of a_0 for n ≥ 0), by binary powering. */
export function powInt(a: TaylorSeries, n: number): TaylorSeries {
  const K = orderOf(a);
  if (n === 0) return constant(I.ONE, K);
  if (n < 0) return div(constant(I.ONE, K), powInt(a, -n));
  if (isConstant(a)) return constant(I.powInt(coef(a, 0), n), K);
  let result: TaylorSeries | null = null;
  let base = a;
  let e = n;
  while (e > 0) {
    if (e & 1) result = result === null ? base : mul(result, base);
    e >>= 1;
    if (e > 0) base = mul(base, base);
  }
  const out = result!.slice();
  const z = I.powInt(coef(a, 0), n);
  out[0] = Math.max(out[0]!, z.lo);
  out[1] = Math.min(out[1]!, z.hi);
  return out;
}

/** a^α for a constant real α; needs a_0 > 0 over the whole input. */
export function powReal(a: TaylorSeries, alpha: Interval): TaylorSeries {
  const K = orderOf(a);
  if (!(a[0]! > 0)) throw new I.IntervalDomainError('real power of a series whose value may reach 0 or below');
  const c0 = I.pow(coef(a, 0), alpha);
  if (isConstant(a)) return constant(c0, K);
  const inv = recipOf(a[0]!, a[1]!);
  const alpha1 = I.add(alpha, I.ONE);
  const c = alloc(a.length);
  c[0] = c0.lo;
  c[1] = c0.hi;
  for (let k = 1; k <= K; k++) {
    // k a_0 c_k = Σ_{j=1}^{k} ((α+1) j − k) a_j c_{k−j}
    let lo = 0;
    let hi = 0;
    for (let j = 1; j <= k; j++) {
      const alo = a[2 * j]!;
      const ahi = a[2 * j + 1]!;
      if (alo === 0 && ahi === 0) continue;
      imul(alpha1.lo, alpha1.hi, j, j);
      const qlo = dn(RLO - k);
      const qhi = upr(RHI - k);
      imul(qlo, qhi, alo, ahi);
      imul(RLO, RHI, c[2 * (k - j)]!, c[2 * (k - j) + 1]!);
      lo = dn(lo + RLO);
      hi = upr(hi + RHI);
    }
    imul(lo, hi, inv.lo, inv.hi);
    imul(RLO, RHI, 1 / k, 1 / k);
    c[2 * k] = dn(RLO);
    c[2 * k + 1] = upr(RHI);
  }
  return check(c);
}

/** [sin a, cos a] */
export function sinCos(a: TaylorSeries): [TaylorSeries, TaylorSeries] {
  const K = orderOf(a);
  const s = alloc(a.length);
  const c = alloc(a.length);
  const s0 = I.sin(coef(a, 0));
  const c0 = I.cos(coef(a, 0));
  s[0] = s0.lo; s[1] = s0.hi; c[0] = c0.lo; c[1] = c0.hi;
  for (let k = 1; k <= K; k++) {
    let slo = 0; let shi = 0; let clo = 0; let chi = 0;
    for (let j = 1; j <= k; j++) {
      const alo = a[2 * j]!;
      const ahi = a[2 * j + 1]!;
      if (alo === 0 && ahi === 0) continue;
      imul(alo, ahi, j, j);
      const jlo = RLO; const jhi = RHI;
      imul(jlo, jhi, c[2 * (k - j)]!, c[2 * (k - j) + 1]!);
      slo = dn(slo + RLO); shi = upr(shi + RHI);
      imul(jlo, jhi, s[2 * (k - j)]!, s[2 * (k - j) + 1]!);
      clo = dn(clo - RHI); chi = upr(chi - RLO);
    }
    imul(slo, shi, 1 / k, 1 / k);
    s[2 * k] = dn(RLO); s[2 * k + 1] = upr(RHI);
    imul(clo, chi, 1 / k, 1 / k);
    c[2 * k] = dn(RLO); c[2 * k + 1] = upr(RHI);
  }
  return [check(s), check(c)];
}

/** The series of ∫ a with constant term c0 (same order; the top coefficient of a is not needed). */
export function integrate(a: TaylorSeries, c0: Interval): TaylorSeries {
  const K = orderOf(a);
  const c = alloc(a.length);
  c[0] = c0.lo;
  c[1] = c0.hi;
  for (let k = 1; k <= K; k++) {
    imul(a[2 * (k - 1)]!, a[2 * (k - 1) + 1]!, 1 / k, 1 / k);
    c[2 * k] = dn(RLO);
    c[2 * k + 1] = upr(RHI);
  }
  return c;
}

/** The derivative series, one order shorter. */
export function derivative(a: TaylorSeries): TaylorSeries {
  const K = orderOf(a);
  const c = alloc(2 * K);
  for (let k = 1; k <= K; k++) {
    imul(a[2 * k]!, a[2 * k + 1]!, k, k);
    c[2 * (k - 1)] = RLO;
    c[2 * (k - 1) + 1] = RHI;
  }
  return c;
}

/** The same series truncated to a lower order. */
export function truncate(a: TaylorSeries, order: number): TaylorSeries {
  return a.slice(0, 2 * (order + 1));
}

export function atan(a: TaylorSeries): TaylorSeries {
  const K = orderOf(a);
  const a0 = I.atan(coef(a, 0));
  if (isConstant(a)) return constant(a0, K);
  // atan(a)' = a' / (1 + a²)
  const da = derivative(a);
  const aShort = truncate(a, K - 1);
  const den = add(constant(I.ONE, K - 1), mul(aShort, aShort));
  const q = div(da, den);
  const padded = alloc(a.length);
  for (let i = 0; i < q.length; i++) padded[i] = q[i]!;
  return integrate(padded, a0);
}

/** Σ_k s_k t^k at an interval t (Horner). */
export function evaluate(s: TaylorSeries, t: Interval): Interval {
  const K = orderOf(s);
  let acc = coef(s, K);
  for (let k = K - 1; k >= 0; k--) acc = I.add(I.mul(acc, t), coef(s, k));
  return acc;
}
