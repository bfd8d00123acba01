/**
 * Exact-or-truncated expansions: an ordered sum of monomials plus an O-remainder.
 * `{ terms: [t1, t2, …], err }` means t1 + t2 + … + O(err) as n → ∞, with
 * t1 ≻ t2 ≻ … ≻ err. `err = null` means the sum is exact.
 *
 * Owns: normalisation (sorting, collecting like terms, truncation to a fixed term
 * budget), addition, multiplication, and the leading term under a parameter region.
 */
import { Coef } from '../conditions/coef.js';
import { type Ctx, EngineUnknown, MAX_TERMS } from './context.js';
import { compareExponents, comparePowers, constMono, LOG_LEVELS, logLevel, monoMul, ONE_MONO, withCoef, type Mono } from './scale.js';

export interface Series {
  readonly terms: readonly Mono[];
  readonly err: Mono | null;
}

export const ZERO_SERIES: Series = { terms: [], err: null };
export const constant = (c: Coef): Series => (c.isZero() ? ZERO_SERIES : { terms: [constMono(c)], err: null });
export const single = (m: Mono): Series => (m.c.isZero() ? ZERO_SERIES : { terms: [m], err: null });
export const isExactZero = (s: Series): boolean => s.terms.length === 0 && s.err === null;

/**
 * Growth order of |a| and |b| (coefficients ignored): −1 (a ≺ b), 0 (same class), 1 (a ≻ b).
 *
 * Without exponential factors this is the lexicographic order of the log scale. With
 * them, exp parts cannot simply be compared first: exp(E) with E = o(log n) is below
 * every n^ε. As in a Hardy field (and Gruntz's algorithm), a ≻ b exactly when
 * log|a| − log|b| = (E_a − E_b) + Δa·L0 + Δb0·L1 + … + Δb3·L4 tends to +∞. Every term of
 * that difference tends to ±∞ (the terms of E do, by construction, and so does each L_k),
 * so the sign of its leading nonzero term decides; the terms are ordered by this same
 * comparison, one exponential level down, so the recursion ends. L4 = log L3 lies below
 * every monomial of the scale that tends to ∞, so Δb3 decides only when all else cancels.
 */
export function cmp(a: Mono, b: Mono, ctx: Ctx): -1 | 0 | 1 {
  // the same exp factor (or none): log|a| − log|b| is Δa·L0 + … + Δb3·L4, read lexicographically
  if (sameSeries(a.ex, b.ex)) return comparePowers(a, b, ctx);
  ctx.tick();
  // E_a − E_b in full (exp arguments are exact): a truncated difference could hide the deciding term
  const parts: Mono[] = [...(a.ex?.terms ?? []), ...(b.ex?.terms ?? []).map((m) => withCoef(m, m.c.neg()))];
  for (let i = 0; i < LOG_LEVELS; i++) {
    const d = a.pw[i]!.sub(b.pw[i]!);
    if (!d.isZero()) parts.push(withCoef(logLevel(i), d));
  }
  const diff = normalize(parts, maxErr(a.ex?.err ?? null, b.ex?.err ?? null, ctx), ctx, COMPARISON_TERMS);
  for (const t of diff.terms) {
    const s = ctx.sign(t.c);
    if (s !== 0) return s;
  }
  if (diff.err !== null) throw new EngineUnknown('cannot settle a growth comparison: the difference of the logarithms is known only up to a remainder');
  return compareExponents(a.pw[LOG_LEVELS]!, b.pw[LOG_LEVELS]!, ctx);
}

/** structurally equal expansions (a cheap test, not a decision procedure: false may still mean equal) */
function sameSeries(x: Series | null, y: Series | null): boolean {
  if (x === y) return true;
  if (x === null || y === null || x.terms.length !== y.terms.length || (x.err === null) !== (y.err === null)) return false;
  const sameMono = (m: Mono, k: Mono): boolean => m.c.key === k.c.key && m.pw.every((p, i) => p.key === k.pw[i]!.key) && sameSeries(m.ex, k.ex);
  return x.terms.every((t, i) => sameMono(t, y.terms[i]!)) && (x.err === null || sameMono(x.err, y.err!));
}

/** term budget for the difference of two logarithms in a comparison */
const COMPARISON_TERMS = 64;

/** exp(E_a)·exp(E_b) = exp(E_a + E_b): the sum is kept exact, since exp of a truncated exponent is no monomial */
function addExponents(x: Series | null, y: Series | null, ctx: Ctx): Series | null {
  if (x === null) return y;
  if (y === null) return x;
  const s = normalize([...x.terms, ...y.terms], null, ctx, COMPARISON_TERMS);
  if (s.err !== null) throw new EngineUnknown('an exponential factor has too many terms');
  return isExactZero(s) ? null : s;
}

export function mulMono(a: Mono, b: Mono, ctx: Ctx): Mono {
  return monoMul(a, b, (x, y) => addExponents(x, y, ctx));
}

/** the larger of two O-remainders */
export function maxErr(a: Mono | null, b: Mono | null, ctx: Ctx): Mono | null {
  if (a === null) return b;
  if (b === null) return a;
  return cmp(a, b, ctx) >= 0 ? a : b;
}

/** Sort, collect like terms, drop what the remainder absorbs, truncate to the budget. */
export function normalize(list: readonly Mono[], err: Mono | null, ctx: Ctx, budget = MAX_TERMS): Series {
  const out: Mono[] = [];
  for (const m of list) {
    if (m.c.isZero()) continue;
    let placed = false;
    for (let i = 0; i < out.length; i++) {
      const c = cmp(m, out[i]!, ctx);
      if (c === 0) {
        const sum = out[i]!.c.add(m.c);
        if (sum.isZero()) out.splice(i, 1); else out[i] = withCoef(out[i]!, sum);
        placed = true;
        break;
      }
      if (c > 0) { out.splice(i, 0, m); placed = true; break; }
    }
    if (!placed) out.push(m);
  }
  let e = err === null ? null : withCoef(err, Coef.of(1));
  let kept = out;
  if (e !== null) kept = out.filter((m) => cmp(m, e!, ctx) > 0);
  if (kept.length > budget) {
    e = maxErr(e, withCoef(kept[budget]!, Coef.of(1)), ctx);
    kept = kept.slice(0, budget);
  }
  return { terms: kept, err: e };
}

export function add(a: Series, b: Series, ctx: Ctx): Series {
  if (isExactZero(a)) return b;
  if (isExactZero(b)) return a;
  return normalize([...a.terms, ...b.terms], maxErr(a.err, b.err, ctx), ctx);
}
export const neg = (a: Series): Series => ({ terms: a.terms.map((m) => withCoef(m, m.c.neg())), err: a.err });
export const sub = (a: Series, b: Series, ctx: Ctx): Series => add(a, neg(b), ctx);
export function scale(a: Series, c: Coef): Series {
  if (c.isZero()) return ZERO_SERIES;
  return { terms: a.terms.map((m) => withCoef(m, m.c.mul(c))), err: a.err };
}

/** the growth bound of a whole series: its first term, else its remainder */
function bound(a: Series): Mono | null { return a.terms[0] ?? a.err; }

export function mul(a: Series, b: Series, ctx: Ctx): Series {
  if (isExactZero(a) || isExactZero(b)) return ZERO_SERIES;
  const prods: Mono[] = [];
  for (const x of a.terms) for (const y of b.terms) prods.push(mulMono(x, y, ctx));
  let err: Mono | null = null;
  const ba = bound(a), bb = bound(b);
  if (a.err && bb) err = maxErr(err, mulMono(a.err, bb, ctx), ctx);
  if (b.err && ba) err = maxErr(err, mulMono(b.err, ba, ctx), ctx);
  return normalize(prods, err, ctx);
}

export function mulMonoSeries(m: Mono, a: Series, ctx: Ctx): Series {
  return mul(single(m), a, ctx);
}

/**
 * The leading term under the region: the first term whose coefficient is not zero there.
 * Terms whose coefficient vanishes in the region are dropped. null when nothing is left
 * (the series is exactly zero, or only O(err) is known).
 */
export function lead(a: Series, ctx: Ctx): { mono: Mono; sign: -1 | 1; rest: Series } | null {
  for (let i = 0; i < a.terms.length; i++) {
    const s = ctx.sign(a.terms[i]!.c);
    if (s !== 0) return { mono: a.terms[i]!, sign: s, rest: { terms: a.terms.slice(i + 1), err: a.err } };
  }
  return null;
}

/** Remove the terms whose coefficients vanish in the region. */
export function prune(a: Series, ctx: Ctx): Series {
  return { terms: a.terms.filter((m) => ctx.sign(m.c) !== 0), err: a.err };
}

/**
 * Compare with a reference monomial: how the series' magnitude grows relative to it.
 * Terms already below the reference settle the answer without asking their sign.
 */
export function growthVs(a: Series, ref: Mono, ctx: Ctx): -1 | 0 | 1 | null {
  for (const t of a.terms) {
    const c = cmp(t, ref, ctx);
    if (c < 0) return -1;
    if (ctx.sign(t.c) !== 0) return c;
  }
  if (a.err === null) return -1; // exactly zero
  return cmp(a.err, ref, ctx) < 0 ? -1 : null;
}

/** eventual sign: 1, −1, 0 (exactly zero), or null (only O(·) known) */
export function eventualSign(a: Series, ctx: Ctx): -1 | 0 | 1 | null {
  const l = lead(a, ctx);
  if (l) return l.sign;
  return a.err === null ? 0 : null;
}

/** does the series tend to 0? (true / false / null unknown) */
export function tendsToZero(a: Series, ctx: Ctx): boolean | null {
  const g = growthVs(a, ONE_MONO, ctx);
  return g === null ? null : g < 0;
}

export const monoSeries = (m: Mono): Series => single(m);
export const ONE = constant(Coef.of(1));
