/**
 * Closing the tail: a certified bracket for Σ_{n≥a} exp(p(n)) over the whole
 * unbounded range [a, ∞), once a is large enough.
 *
 * Owns: the power-law sandwich. If the log-derivative of p satisfies
 *     −s_hi ≤ x·p'(x) ≤ −s_lo < −1   for every x ≥ M
 * (proved by elasticity arithmetic over [M, +∞), ../numeric/elasticity.ts — a
 * derivative-sign argument, never sampling), then for x ≥ a ≥ M
 *     f(a)·(a/x)^{s_hi} ≤ f(x) ≤ f(a)·(a/x)^{s_lo},
 * so ∫_a^∞ f ∈ [f(a)·a/(s_hi−1), f(a)·a/(s_lo−1)]; and f is decreasing there, so
 *     ∫_a^∞ f ≤ Σ_{n≥a} f(n) ≤ f(a) + ∫_a^∞ f.
 * This also proves convergence on its own.
 *
 * Bounded perturbations: when the elasticity of p itself cannot be bounded (sin n,
 * or the exponentially small remainders of the log-scale rewrite), p is split as
 * p = p0 + r with r the top-level terms whose interval enclosure over [M, ∞) is
 * finite, r ∈ [r_lo, r_hi]. Then e^{r_lo}·e^{p0} ≤ e^p ≤ e^{r_hi}·e^{p0} termwise, and
 * the sandwich for p0 times [e^{r_lo}, e^{r_hi}] brackets the tail of p: finite and
 * certified; its relative width e^{r_hi − r_lo} − 1 is what the perturbation costs.
 */
import type { Expr } from '../parse/expr.js';
import { evalElastic } from '../numeric/elasticity.js';
import { evalInterval } from '../numeric/expr-interval.js';
import * as Ins from '../numeric/interval.js';
import type { Interval } from '../numeric/interval.js';

// plain-object copies: cheap property access on hot paths (no module-namespace getters)
const I = { ...Ins };

export interface Closure {
  /** the bounds hold on [M, ∞) */
  readonly M: bigint;
  /** p0: the part of p whose elasticity is bounded (p itself when r = 0) */
  readonly main: Expr;
  readonly variable: string;
  /** enclosure of r = p − p0 over [M, ∞) (exactly 0 when there is no perturbation) */
  readonly r: Interval;
  /** lower bound of −x·p'(x) on [M, ∞), > 1 */
  readonly sLo: number;
  /** upper bound of −x·p'(x) on [M, ∞) (may be +∞) */
  readonly sHi: number;
}

/** Try to prove the power-law sandwich on [M, ∞); null when the argument does not close there. */
export function tryClosure(p: Expr, variable: string, M: bigint): Closure | null {
  const sides = powerLawSides(p, variable, I.fromBigInt(M));
  return sides === null ? null : { M, ...sides, variable };
}

/** the sandwich exponents of p on [M, ∞), with the bounded perturbation split off when p's own fail */
export function powerLawSides(p: Expr, variable: string, M: Interval): { main: Expr; r: Interval; sLo: number; sHi: number } | null {
  const direct = elasticSides(p, variable, M);
  if (direct) return { main: p, r: I.ZERO, ...direct };
  const split = splitBounded(p, variable, M);
  if (!split) return null;
  const sides = elasticSides(split.main, variable, M);
  return sides ? { main: split.main, r: split.r, ...sides } : null;
}

function elasticSides(p: Expr, variable: string, M: Interval): { sLo: number; sHi: number } | null {
  try {
    const r = evalElastic(p, { variable, M });
    if (!(r.D.hi < -1)) return null;
    return { sLo: -r.D.hi, sHi: -r.D.lo };
  } catch {
    return null;
  }
}

/** p = main + r, r the sum of the top-level terms with a finite enclosure over [M, ∞) */
export function splitBounded(p: Expr, variable: string, M: Interval): { main: Expr; r: Interval } | null {
  const terms = p.kind === 'add' ? p.terms : [p];
  const X: Interval = { lo: M.lo, hi: Infinity };
  const main: Expr[] = [];
  let r: Interval = I.ZERO;
  for (const t of terms) {
    let v: Interval | null = null;
    try {
      v = evalInterval(t, { variable, x: X });
    } catch {
      v = null;
    }
    if (v !== null && Number.isFinite(v.lo) && Number.isFinite(v.hi)) r = I.add(r, v);
    else main.push(t);
  }
  if (main.length === 0 || main.length === terms.length) return null;
  return { main: main.length === 1 ? main[0]! : { kind: 'add', terms: main }, r };
}

/** f(a) = exp(p(a)) at an integer a */
export function termAt(p: Expr, variable: string, a: bigint): Interval {
  return I.exp(evalInterval(p, { variable, x: I.fromBigInt(a) }));
}

/** ∫_A^∞ e^{p0} for a real A ≥ M (an interval), from f0(A) = e^{p0(A)} (also an enclosure over A) */
export function powerLawIntegral(sides: { sLo: number; sHi: number }, A: Interval, f0: Interval): Interval {
  const upper = I.div(I.mul(f0, A), I.sub(I.exact(sides.sLo), I.ONE)).hi;
  const lower = sides.sHi === Infinity ? 0 : I.div(I.mul(f0, A), I.sub(I.exact(sides.sHi), I.ONE)).lo;
  return { lo: Math.max(0, lower), hi: upper };
}

/** ∫_a^∞ e^{p0} for a ≥ M */
export function closureIntegral(cl: Closure, a: bigint, f0: Interval): Interval {
  if (a < cl.M) throw new RangeError('closure queried below its start');
  return powerLawIntegral(cl, I.fromBigInt(a), f0);
}

/** [e^{r_lo}, e^{r_hi}]·x for x ≥ 0 */
export function perturb(r: Interval, x: Interval): Interval {
  if (r.lo === 0 && r.hi === 0) return x;
  const e = I.exp(r);
  return { lo: Math.max(0, I.mul(I.exact(x.lo), I.exact(e.lo)).lo), hi: I.mul(I.exact(x.hi), I.exact(e.hi)).hi };
}

/** Σ_{n≥a} f(n) for a ≥ M (f0(a) is computed here: the closure's main part may differ from p) */
export function closureSum(cl: Closure, a: bigint): Interval {
  const f0 = termAt(cl.main, cl.variable, a);
  const integral = closureIntegral(cl, a, f0);
  return perturb(cl.r, { lo: integral.lo, hi: I.add(integral, f0).hi });
}
