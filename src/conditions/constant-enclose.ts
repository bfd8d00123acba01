/**
 * Certified decimal enclosures of parameter-free coefficients, at a chosen precision.
 *
 * Owns: walking a constant Coef (terms and atoms) into decimal intervals from
 * src/numeric/precise-*, and planning the digits each atom needs. Three places lose
 * absolute accuracy and get extra digits: exp, sinh, cosh and Γ of a large argument,
 * sin and cos of a large argument (reduced mod 2π with π to enough digits, so
 * sin(10^23) is evaluated at 10^23 itself), and powers b^e with a large e·ln b. A
 * log whose argument is near 1 is taken as log1p of the exact difference, computed
 * from the coefficient's own terms: log(1 + e^−50) from e^−50, log of the rational
 * (2^3000 + 1)/2^3000 from 2^−3000.
 *
 * Nothing here is a double: the result encloses the exact value.
 */
import Fraction from 'fraction.js';
import { gamma } from '../numeric/precise-gamma.js';
import { Arith, magnitude, type PInterval, Unenclosable } from '../numeric/precise-interval.js';
import { piInterval } from '../numeric/precise-pi.js';
import { atan, MAX_REDUCED_EXPONENT, sinCos, tan } from '../numeric/precise-trig.js';
import type { Atom, Coef } from './coef.js';

export { Unenclosable };

/** the coefficient has a parameter, so it has no single value */
export class NotConstant extends Error {}

/** digits for exact arguments of a function whose own error is relative */
const LINK = 3;
/** past this exponent of the argument, exp, sinh, cosh and Γ leave decimal.js's range anyway */
const MAX_EXP_ARG_DIGITS = 18;

const memo = new Map<string, PInterval>();
const MEMO_LIMIT = 50000;

/** c enclosed with about `digits` significant digits (fewer where terms cancel) */
export function encloseConstant(c: Coef, digits: number): PInterval {
  return coefAt(c, digits, null);
}

/** One atom, by its canonical key, enclosed with about `digits` digits. */
export function encloseConstantAtom(a: Atom, key: string, digits: number): PInterval {
  const k = `${digits}|${key}`;
  const hit = memo.get(k);
  if (hit) return hit;
  const v = atomAt(a, digits);
  if (memo.size > MEMO_LIMIT) memo.clear();
  memo.set(k, v);
  return v;
}

const rational = (A: Arith, f: Fraction): PInterval => {
  const r = A.rational(f.n, f.d);
  return f.s < 0n ? A.neg(r) : r;
};

/** Σ terms, with `shift` added to the constant term (c − 1 for log near 1, exactly) */
function coefAt(c: Coef, digits: number, shift: Fraction | null): PInterval {
  const A = Arith.at(digits);
  let constant: Fraction | null = null;
  let sum: PInterval | null = null;
  const add = (x: PInterval): void => { sum = sum === null ? x : A.add(sum, x); };
  for (const t of c.termList()) {
    if (t.factors.length === 0) { constant = t.c; continue; }
    let prod = rational(A, t.c);
    for (const f of t.factors) {
      if (!f.constant) throw new NotConstant('the coefficient has parameters');
      const x = encloseConstantAtom(f.atom, f.key, digits + LINK);
      prod = A.mul(prod, f.exp === 1 ? x : A.powInt(x, BigInt(f.exp)));
    }
    add(prod);
  }
  let k = constant;
  if (shift !== null) k = k === null ? shift : k.add(shift);
  if (k !== null && !k.equals(0)) add(rational(A, k));
  return sum ?? A.point(0);
}

/** digits to add so that an absolute error of 10^−digits in x survives f(x) with |f'| ~ |x| or ~ e^|x| */
function argument(c: Coef, digits: number, cap: number): { x: PInterval; extra: number } {
  const x0 = coefAt(c, digits + LINK, null);
  const m = magnitude(x0);
  const extra = Number.isFinite(m) ? Math.min(Math.max(0, m + 1), cap) : 0;
  return { x: extra > 0 ? coefAt(c, digits + LINK + extra, null) : x0, extra };
}

const MINUS_ONE = new Fraction(-1);

/** ln B, from log1p(B − 1) when B is near 1 (B − 1 is formed exactly, from B's terms) */
function lnOf(B: Coef, digits: number): PInterval {
  const A = Arith.at(digits);
  const x = coefAt(B, digits + LINK, null);
  if (!x.lo.gt(0)) throw new Unenclosable('log of a constant not shown to be positive');
  if (x.lo.gt(0.5) && x.hi.lt(1.5)) return A.log1p(coefAt(B, digits + LINK, MINUS_ONE));
  return A.ln(x);
}

function atomAt(a: Atom, digits: number): PInterval {
  const A = Arith.at(digits);
  switch (a.kind) {
    case 'param': throw new NotConstant(`the parameter ${a.name}`);
    case 'const': return a.name === 'pi' ? piInterval(digits) : A.exp(A.point(1));
    case 'pow': return powAt(a.base, a.exp, digits);
    case 'fn': break;
  }
  switch (a.fn) {
    case 'log': return lnOf(a.arg, digits);
    case 'exp': return A.exp(argument(a.arg, digits, MAX_EXP_ARG_DIGITS).x);
    case 'sinh': return A.sinh(argument(a.arg, digits, MAX_EXP_ARG_DIGITS).x);
    case 'cosh': return A.cosh(argument(a.arg, digits, MAX_EXP_ARG_DIGITS).x);
    case 'gamma': {
      // Γ'(x)/Γ(x) ~ log x: one more digit than the argument's integer digits is plenty
      const { x } = argument(a.arg, digits + 1, MAX_EXP_ARG_DIGITS);
      return gamma(x, digits);
    }
    case 'sin': case 'cos': case 'tan': {
      // reduction mod 2π needs the argument to absolute accuracy 10^−digits
      const { x } = argument(a.arg, digits, MAX_REDUCED_EXPONENT + 1);
      return a.fn === 'tan' ? tan(x, digits) : sinCos(a.fn, x, digits);
    }
    case 'atan': return atan(coefAt(a.arg, digits + LINK, null), digits);
    case 'tanh': return A.tanh(coefAt(a.arg, digits + LINK, null));
    case 'floor': return A.floor(coefAt(a.arg, digits, null));
    case 'ceil': return A.ceil(coefAt(a.arg, digits, null));
    case 'abs': return A.abs(coefAt(a.arg, digits, null));
    case 'sign': return A.sign(coefAt(a.arg, digits, null));
  }
}

/** B^E: small integer powers directly (any sign of B), others as exp(E·ln B) with the digits E·ln B needs */
function powAt(B: Coef, E: Coef, digits: number): PInterval {
  const A = Arith.at(digits);
  const e = E.asFraction();
  if (e !== null && e.d === 1n && e.n <= 64n) return A.powInt(coefAt(B, digits + LINK + 2, null), e.s * e.n);
  const x = coefAt(B, digits + LINK, null);
  let sign = 1;
  let base = B;
  if (!x.lo.gt(0)) {
    // a negative base only with an integer exponent: (−|B|)^k = ±|B|^k
    if (!(x.hi.lt(0) && e !== null && e.d === 1n)) throw new Unenclosable('a real power of a constant not shown to be positive');
    base = B.neg();
    if (e.n % 2n === 1n) sign = -1;
  }
  const expAt = (d: number): PInterval => (e !== null ? rational(Arith.at(d), e) : coefAt(E, d, null));
  // the exponent's integer digits in E·ln B are lost as absolute accuracy by exp
  const m = magnitude(Arith.at(digits).mul(expAt(digits + LINK), lnOf(base, digits + LINK)));
  const extra = Number.isFinite(m) ? Math.min(Math.max(0, m + 1), MAX_EXP_ARG_DIGITS) : 0;
  const W = Arith.at(digits + LINK + extra);
  const r = A.exp(W.mul(expAt(W.digits), lnOf(base, W.digits)));
  return sign < 0 ? A.neg(r) : r;
}
