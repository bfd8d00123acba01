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
  /** lower bound of −x·p'(x) on [M, ∞), > 1 */
  readonly sLo: number;
  /** upper bound of −x·p'(x) on [M, ∞) (may be +∞) */
  readonly sHi: number;
}

/** Try to prove the power-law sandwich on [M, ∞); null when the argument does not close there. */
export function tryClosure(p: Expr, variable: string, M: bigint): Closure | null {
  try {
    const r = evalElastic(p, { variable, M: I.fromBigInt(M) });
    if (!(r.D.hi < -1)) return null;
    return { M, sLo: -r.D.hi, sHi: -r.D.lo };
  } catch {
    return null;
  }
}

/** f(a) = exp(p(a)) at an integer a */
export function termAt(p: Expr, variable: string, a: bigint): Interval {
  return I.exp(evalInterval(p, { variable, x: I.fromBigInt(a) }));
}

/** ∫_a^∞ f for a ≥ M, from f(a) */
export function closureIntegral(cl: Closure, a: bigint, fa: Interval): Interval {
  if (a < cl.M) throw new RangeError('closure queried below its start');
  const A = I.fromBigInt(a);
  const upper = I.div(I.mul(fa, A), I.sub(I.exact(cl.sLo), I.ONE)).hi;
  const lower = cl.sHi === Infinity ? 0 : I.div(I.mul(fa, A), I.sub(I.exact(cl.sHi), I.ONE)).lo;
  return { lo: Math.max(0, lower), hi: upper };
}

/** Σ_{n≥a} f(n) for a ≥ M */
export function closureSum(cl: Closure, a: bigint, fa: Interval): Interval {
  const integral = closureIntegral(cl, a, fa);
  return { lo: integral.lo, hi: I.add(integral, fa).hi };
}
