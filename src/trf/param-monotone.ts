/**
 * A proof that TRF_ε is monotone in one parameter θ, for `rpe design`.
 *
 * Owns: the sufficient condition and its check. When the bias is affine in θ,
 *     p(θ, n) = θ·g(n) + h(n)     (g, h free of θ),
 * and g is non-increasing in n on n ≥ from, then for θ1 < θ2 the ratio of the weights
 * e^{p(θ2,n)}/e^{p(θ1,n)} = e^{(θ2−θ1)·g(n)} is non-increasing in n: the normalised
 * weights at θ2 are smaller than those at θ1 in the likelihood-ratio order, hence in the
 * usual stochastic order, so every tail fraction Σ_{n>w}/Σ_{n≥from} is at least as small
 * at θ2 and TRF_ε(θ2) ≤ TRF_ε(θ1). Convergence is inherited upwards as well:
 * e^{p(θ2,n)} ≤ e^{p(θ1,n)}·e^{(θ2−θ1)·g(from)}. So {θ : TRF_ε(θ) ≤ W} is an up-set
 * (an interval [t, ∞) or (t, ∞)); a non-decreasing g gives a down-set, a constant g a
 * TRF independent of θ.
 *
 * "g non-increasing on the integers n ≥ from" is certified with interval arithmetic:
 * g(n+1) ≤ g(n) at the integer steps below max(from, 1), and x·g′(x) ≤ 0 on the whole range
 * [max(from, 1), ∞) by elasticity arithmetic (src/numeric/elasticity.ts), a
 * derivative-sign argument with no sampling. Anything else is "not proved".
 */
import Fraction from 'fraction.js';
import type { Expr } from '../parse/expr.js';
import { freeParameters } from '../parse/walk.js';
import { dependsOn } from '../numeric/expr-taylor.js';
import { evalInterval } from '../numeric/expr-interval.js';
import { evalElastic } from '../numeric/elasticity.js';

export type Direction = 'up' | 'down' | 'constant';

export interface MonotoneProof {
  /** up: the set {TRF ≤ W} is θ ≥ t; down: θ ≤ t; constant: TRF does not depend on θ */
  readonly direction: Direction;
  /** what was proved, in words */
  readonly reason: string;
}

const ZERO: Expr = { kind: 'num', value: new Fraction(0) };
const ONE: Expr = { kind: 'num', value: new Fraction(1) };
const has = (e: Expr, theta: string): boolean => freeParameters(e).includes(theta);
const isZero = (e: Expr): boolean => e.kind === 'num' && e.value.equals(0);
// constructors that drop exact zeros, so that h = 0 does not look like it depends on n
const neg = (a: Expr): Expr => (isZero(a) ? ZERO : { kind: 'neg', arg: a });
const sum = (ts: Expr[]): Expr => {
  const nz = ts.filter((t) => !isZero(t));
  return nz.length === 0 ? ZERO : nz.length === 1 ? nz[0]! : { kind: 'add', terms: nz };
};
const prod = (fs: Expr[]): Expr => (fs.some(isZero) ? ZERO : fs.length === 1 ? fs[0]! : { kind: 'mul', factors: fs });

/** {g, h} with e = θ·g + h (g, h free of θ), or null when e is not visibly affine in θ. */
export function affineIn(e: Expr, theta: string): { g: Expr; h: Expr } | null {
  if (!has(e, theta)) return { g: ZERO, h: e };
  switch (e.kind) {
    case 'param': return e.name === theta ? { g: ONE, h: ZERO } : null;
    case 'neg': {
      const a = affineIn(e.arg, theta);
      return a && { g: neg(a.g), h: neg(a.h) };
    }
    case 'add': {
      const parts = e.terms.map((t) => affineIn(t, theta));
      if (parts.some((p) => p === null)) return null;
      return { g: sum(parts.map((p) => p!.g)), h: sum(parts.map((p) => p!.h)) };
    }
    case 'mul': {
      const i = e.factors.findIndex((f) => has(f, theta));
      if (e.factors.some((f, j) => j !== i && has(f, theta))) return null;
      const a = affineIn(e.factors[i]!, theta);
      if (!a) return null;
      const others = e.factors.filter((_, j) => j !== i);
      return { g: prod([a.g, ...others]), h: prod([a.h, ...others]) };
    }
    case 'div': {
      if (has(e.den, theta)) return null;
      const a = affineIn(e.num, theta);
      return a && { g: isZero(a.g) ? ZERO : { kind: 'div', num: a.g, den: e.den }, h: isZero(a.h) ? ZERO : { kind: 'div', num: a.h, den: e.den } };
    }
    default: return null;
  }
}

/**
 * Prove the direction of monotonicity of TRF_ε in θ for the bias p (the other
 * parameters already substituted), or return null with nothing proved.
 */
export function proveMonotone(p: Expr, theta: string, variable: string, from: number): MonotoneProof | { direction: null; reason: string } {
  const split = affineIn(p, theta);
  if (!split) return { direction: null, reason: `the bias is not affine in ${theta} (θ·g(n) + h(n)), so no monotonicity proof applies` };
  const { g } = split;
  if (freeParameters(g).length > 0) return { direction: null, reason: `g(n) still has parameters ${freeParameters(g).join(', ')}` };
  if (!dependsOn(g, variable)) {
    return { direction: 'constant', reason: `p = ${theta}·g + h(n) with g free of ${variable}: ${theta} only scales every term by the same factor, so the TRF does not depend on it` };
  }
  let first: 'down' | 'up' | null = null;
  let tail: 'down' | 'up' | null = null;
  try {
    // the integer steps from, from+1, …, up to M = max(from, 1) (one step unless from < 0), then the range [M, ∞)
    const M = Math.max(from, 1);
    if (M - from > 1000) return { direction: null, reason: `--from ${from} leaves too many integer steps before n = 1 to check` };
    const at = (n: number) => evalInterval(g, { variable, x: { lo: n, hi: n } });
    for (let n = from; n < Math.max(M, from + 1); n++) {
      const g0 = at(n);
      const g1 = at(n + 1);
      const step = g1.hi <= g0.lo ? 'down' : g1.lo >= g0.hi ? 'up' : null;
      if (step === null || (first !== null && step !== first)) { first = null; break; }
      first = step;
    }
    const el = evalElastic(g, { variable, M: { lo: M, hi: M } });
    tail = el.D.hi <= 0 ? 'down' : el.D.lo >= 0 ? 'up' : null;
  } catch (err) {
    return { direction: null, reason: `p = ${theta}·g(n) + h(n), but the monotonicity of g could not be certified (${err instanceof Error ? err.message : String(err)})` };
  }
  if (first === null || tail === null || first !== tail) {
    return { direction: null, reason: `p = ${theta}·g(n) + h(n), but g could not be certified monotone on n ≥ ${from}` };
  }
  const word = first === 'down' ? 'non-increasing' : 'non-decreasing';
  return {
    direction: first === 'down' ? 'up' : 'down',
    reason: `p = ${theta}·g(n) + h(n) with g ${word} on n ≥ ${from} (g(n+1) ${first === 'down' ? '≤' : '≥'} g(n) for n = ${from}…${Math.max(from + 1, 1) - 1} and x·g′(x) ${first === 'down' ? '≤' : '≥'} 0 on [${Math.max(from, 1)}, ∞), certified), so the weights are ordered by likelihood ratio in ${theta}: every tail fraction, hence TRF_ε, is ${first === 'down' ? 'non-increasing' : 'non-decreasing'} in ${theta}, and convergence passes to ${first === 'down' ? 'larger' : 'smaller'} ${theta}`,
  };
}
