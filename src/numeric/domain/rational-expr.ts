/**
 * Expressions that are rational functions of the summation variable with
 * rational coefficients, read exactly.
 *
 * Owns: `rationalFunction` (an Expr as num/den integer polynomials, or null
 * where it is not one: parameters, constants such as π, transcendental
 * functions, conditionals, or sizes past the caps of ./poly.ts) and
 * `rationalValue` (its exact value at an integer). The fraction is not reduced:
 * den is the product of the denominators the expression really divides by, so
 * den(n) = 0 exactly where some division in the expression is by zero.
 */
import type { Expr } from '../../parse/expr.js';
import * as P from './poly.js';
import type { Poly } from './poly.js';

export interface RationalFunction {
  readonly num: Poly;
  readonly den: Poly;
}

/** An exact rational p/q with q > 0. */
export interface Rational {
  readonly p: bigint;
  readonly q: bigint;
}

/** Largest |integer exponent| expanded exactly. */
const MAX_EXPONENT = 64;

const cache = new WeakMap<Expr, { readonly variable: string; readonly value: RationalFunction | null }>();

/** The expression as a rational function of `variable`, or null. */
export function rationalFunction(e: Expr, variable: string): RationalFunction | null {
  const hit = cache.get(e);
  if (hit && hit.variable === variable) return hit.value;
  let r: RationalFunction | null;
  try {
    r = convert(e, variable);
  } catch (err) {
    if (!(err instanceof P.PolyLimit)) throw err;
    r = null;
  }
  cache.set(e, { variable, value: r });
  return r;
}

function normalise(num: Poly, den: Poly): RationalFunction {
  // a common integer factor changes nothing; removing it keeps sizes down
  const g = P.gcdInt(P.content(num), P.content(den));
  const s = P.lead(den) < 0n ? -1n : 1n;
  const k = g > 1n ? g * s : s;
  const n = k === 1n ? num : num.map((c) => c / k);
  const d = k === 1n ? den : den.map((c) => c / k);
  return { num: P.checkSize(n), den: P.checkSize(d) };
}

function powInt(a: RationalFunction, k: number): RationalFunction {
  // both factors keep a.den, so that a division by zero inside the base still shows in den
  if (k < 0) {
    const inv = powInt(a, -k);
    return normalise(P.checkSize(P.mul(inv.den, a.den)), P.checkSize(P.mul(inv.num, a.den)));
  }
  if (k === 0) return { num: a.den, den: a.den };
  let num: Poly = [1n];
  let den: Poly = [1n];
  for (let i = 0; i < k; i++) {
    num = P.checkSize(P.mul(num, a.num));
    den = P.checkSize(P.mul(den, a.den));
  }
  return normalise(num, den);
}

function convert(e: Expr, v: string): RationalFunction | null {
  switch (e.kind) {
    case 'num': {
      const s = e.value.s < 0n ? -1n : 1n;
      return normalise(P.constant(s * e.value.n), [e.value.d]);
    }
    case 'var': return e.name === v ? { num: P.X, den: [1n] } : null;
    case 'neg': {
      const a = convert(e.arg, v);
      return a && { num: P.neg(a.num), den: a.den };
    }
    case 'add': {
      let acc: RationalFunction = { num: [], den: [1n] };
      for (const t of e.terms) {
        const b = convert(t, v);
        if (!b) return null;
        acc = normalise(P.add(P.mul(acc.num, b.den), P.mul(b.num, acc.den)), P.mul(acc.den, b.den));
      }
      return acc;
    }
    case 'mul': {
      let acc: RationalFunction = { num: [1n], den: [1n] };
      for (const f of e.factors) {
        const b = convert(f, v);
        if (!b) return null;
        acc = normalise(P.mul(acc.num, b.num), P.mul(acc.den, b.den));
      }
      return acc;
    }
    case 'div': {
      const a = convert(e.num, v);
      const b = a && convert(e.den, v);
      if (!a || !b) return null;
      // a.den·b.num is the product of every denominator met, so its zeros are the divisions by zero
      return normalise(P.mul(a.num, b.den), P.mul(a.den, b.num));
    }
    case 'pow': {
      if (e.exp.kind !== 'num' || e.exp.value.d !== 1n) return null;
      const k = Number(e.exp.value.s * e.exp.value.n);
      if (Math.abs(k) > MAX_EXPONENT) return null;
      const b = convert(e.base, v);
      return b && powInt(b, k);
    }
    default: return null;
  }
}

/** The value at an integer n, or 'undefined' where a denominator vanishes. */
export function rationalValue(r: RationalFunction, n: bigint): Rational | 'undefined' {
  const q = P.evaluate(r.den, n);
  if (q === 0n) return 'undefined';
  const p = P.evaluate(r.num, n);
  return q < 0n ? { p: -p, q: -q } : { p, q };
}

/** The constant value of a rational function without the variable, or null. */
export function constantValue(r: RationalFunction): Rational | null {
  if (P.degree(r.num) > 0 || P.degree(r.den) > 0 || r.den.length === 0) return null;
  const p = r.num[0] ?? 0n;
  const q = r.den[0]!;
  return q < 0n ? { p: -p, q: -q } : { p, q };
}

/** Is the rational function an integer-coefficient polynomial (so an integer at every integer n)? */
export function isIntegerPolynomial(r: RationalFunction): boolean {
  if (P.degree(r.den) !== 0) return false;
  const d = r.den[0]!;
  return r.num.every((c) => c % d === 0n);
}
