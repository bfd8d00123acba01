/**
 * Composition with a power series: f(x) = Σ a_k x^k + O(x^{K+1}) for a series x → 0.
 * Used for log(1+x), exp(x), (1+x)^r, sin x, atan x … after the leading behaviour
 * has been factored out.
 *
 * Owns: the truncation order and the remainder bound of a composition.
 */
import Fraction from 'fraction.js';
import { Coef } from '../conditions/coef.js';
import { type Ctx, EngineUnknown, MAX_TERMS } from './context.js';
import { ONE_MONO } from './scale.js';
import * as S from './series.js';

/** Coefficient a_k of the power series (k = 0, 1, 2, …). */
export type PowerSeries = (k: number) => Coef;

export function compose(f: PowerSeries, x: S.Series, ctx: Ctx, order = MAX_TERMS): S.Series {
  // x → 0 needs only an upper bound: its first term (or remainder) is o(1)
  const b = x.terms[0] ?? x.err;
  if (b && S.cmp(b, ONE_MONO, ctx) >= 0) throw new EngineUnknown('internal: Taylor expansion of a quantity that does not tend to 0');
  let result = S.constant(f(0));
  let power: S.Series = S.ONE;
  for (let k = 1; k <= order; k++) {
    power = S.mul(power, x, ctx);
    if (S.isExactZero(power)) return result;
    // Σ_{j≥k} a_j x^j = O(x^k): once x^k is below every term the result keeps, stop
    const pk = power.terms[0] ?? power.err!;
    const last = result.terms[result.terms.length - 1];
    if (result.terms.length >= MAX_TERMS && last && S.cmp(pk, last, ctx) < 0) {
      return S.normalize(result.terms, S.maxErr(result.err, { ...pk, c: Coef.of(1) }, ctx), ctx);
    }
    result = S.add(result, S.scale(power, f(k)), ctx);
  }
  // remainder O(x^{order+1}), bounded by the leading monomial's power
  const next = S.mul(power, x, ctx);
  const bound = next.terms[0] ?? next.err;
  if (bound) result = S.normalize(result.terms, S.maxErr(result.err, bound, ctx), ctx);
  return result;
}

const fact = (k: number): bigint => { let r = 1n; for (let i = 2n; i <= BigInt(k); i++) r *= i; return r; };
const q = (sign: number, num: bigint, den: bigint): Coef => Coef.of(new Fraction(BigInt(sign) * num, den));

export const LOG1P: PowerSeries = (k) => (k === 0 ? Coef.of(0) : q(k % 2 === 1 ? 1 : -1, 1n, BigInt(k)));
export const EXP: PowerSeries = (k) => q(1, 1n, fact(k));
export const SIN: PowerSeries = (k) => (k % 2 === 0 ? Coef.of(0) : q((k - 1) % 4 === 0 ? 1 : -1, 1n, fact(k)));
export const COS: PowerSeries = (k) => (k % 2 === 1 ? Coef.of(0) : q(k % 4 === 0 ? 1 : -1, 1n, fact(k)));
export const ATAN: PowerSeries = (k) => (k % 2 === 0 ? Coef.of(0) : q((k - 1) % 4 === 0 ? 1 : -1, 1n, BigInt(k)));
/** (1 + x)^r: binomial coefficients r(r−1)…(r−k+1)/k!, symbolic in r */
export function binomial(r: Coef): PowerSeries {
  return (k) => {
    let c = Coef.of(1);
    for (let i = 0; i < k; i++) c = c.mul(r.sub(Coef.of(i))).scale(new Fraction(1, i + 1));
    return c;
  };
}
