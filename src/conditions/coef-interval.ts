/**
 * Rational interval enclosures of coefficients over boxes of parameter values.
 *
 * Owns: bounding a Coef when its parameters range over intervals (interval.ts),
 * soundly. Parameter-free atoms (log 5, sin(10^23), 2^(2^20)) come from certified
 * decimal enclosures (constant-enclose.ts), converted to rationals exactly, with
 * magnitudes past 10^±300 kept on the safe side. Atoms with parameters are bounded
 * in doubles evaluated at outward-rounded ends and widened outward, or by their
 * range: sin and cos of a parameter lie in [−1, 1], nothing finer is claimed.
 */
import Fraction from 'fraction.js';
import { LANCZOS, LANCZOS_G } from '../numeric/lanczos.js';
import { Unenclosable, type PInterval } from '../numeric/precise-interval.js';
import type { Atom, Coef } from './coef.js';
import { encloseConstantAtom } from './constant-enclose.js';
import * as I from './interval.js';

/** digits of the decimal enclosure behind a constant atom's rational interval */
const CONSTANT_DIGITS = 30;
/** decimal exponents past which a constant's rational bound is replaced by 10^±LIMIT */
const LIMIT_EXPONENT = 300;
/** integer powers of intervals expanded exactly up to this exponent */
const MAX_EXACT_POWER = 64;

const POSITIVE = I.make(new Fraction(0), true, null, true);
const constants = new Map<string, I.RationalInterval>();

export function encloseCoef(c: Coef, param: (name: string) => I.RationalInterval): I.RationalInterval {
  let sum: I.RationalInterval = I.point(new Fraction(0));
  for (const t of c.termList()) {
    let prod: I.RationalInterval = I.point(t.c);
    for (const f of t.factors) {
      const x = f.constant ? constantInterval(f.atom, f.key) : encloseAtom(f.atom, param);
      prod = I.mul(prod, power(x, f.exp));
    }
    sum = I.add(sum, prod);
  }
  return sum;
}

function power(x: I.RationalInterval, k: number): I.RationalInterval {
  if (Math.abs(k) <= MAX_EXACT_POWER) return I.powInt(x, k);
  // a huge exponent on rational ends would build huge fractions: bound in doubles instead
  const [l, h] = I.toFloatsOutward(k % 2 === 0 ? I.absInterval(x) : x);
  if (!(l > 0) || !Number.isFinite(h)) return k % 2 === 0 ? I.make(new Fraction(0), false, null, true) : I.REALS;
  return floatRange([l ** k, h ** k], true);
}

/** the smallest interval around the given double values, widened outward */
function floatRange(values: number[], positive: boolean): I.RationalInterval {
  if (values.some((v) => Number.isNaN(v))) return positive ? POSITIVE : I.REALS;
  const r = I.fromFloat(Math.min(...values), Math.max(...values));
  return positive ? I.intersect(r, POSITIVE) : r;
}

/** a constant atom's certified decimal enclosure as an exact rational interval (cached) */
function constantInterval(a: Atom, key: string): I.RationalInterval {
  let v = constants.get(key);
  if (v === undefined) {
    try {
      v = toRational(encloseConstantAtom(a, key, CONSTANT_DIGITS));
    } catch (e) {
      if (!(e instanceof Unenclosable)) throw e;
      v = I.REALS;
    }
    if (constants.size > 20000) constants.clear();
    constants.set(key, v);
  }
  return v;
}

/** exact decimal → rational, for finite decimals of moderate exponent */
function exactFraction(d: PInterval['lo']): Fraction {
  const [mant, exp] = d.toExponential().split('e') as [string, string];
  const neg = mant.startsWith('-');
  const digits = mant.replace('-', '').replace('.', '');
  const pointShift = (mant.replace('-', '').split('.')[1] ?? '').length;
  const e = Number(exp) - pointShift;
  let n = BigInt(digits), den = 1n;
  if (e >= 0) n *= 10n ** BigInt(e); else den = 10n ** BigInt(-e);
  return new Fraction(neg ? -n : n, den);
}

const TEN_LIMIT = new Fraction(10n ** BigInt(LIMIT_EXPONENT));
const TEN_NEG_LIMIT = new Fraction(1n, 10n ** BigInt(LIMIT_EXPONENT));

function toRational(p: PInterval): I.RationalInterval {
  // a lower end: exact, or a smaller rational when the exponent is extreme
  const lower = (x: PInterval['lo']): { v: Fraction | null; open: boolean } => {
    if (!x.isFinite()) return { v: x.isNeg() ? null : TEN_LIMIT, open: false };
    if (x.isZero()) return { v: new Fraction(0), open: false };
    if (x.e > LIMIT_EXPONENT) return x.isNeg() ? { v: null, open: true } : { v: TEN_LIMIT, open: false };
    if (x.e < -LIMIT_EXPONENT) return x.isNeg() ? { v: TEN_NEG_LIMIT.neg(), open: false } : { v: new Fraction(0), open: true };
    return { v: exactFraction(x), open: false };
  };
  const upper = (x: PInterval['hi']): { v: Fraction | null; open: boolean } => {
    const l = lower(x.neg());
    return { v: l.v === null ? null : l.v.neg(), open: l.open };
  };
  const lo = lower(p.lo), hi = upper(p.hi);
  return I.make(lo.v, lo.open, hi.v, hi.open);
}

function encloseAtom(a: Atom, param: (name: string) => I.RationalInterval): I.RationalInterval {
  switch (a.kind) {
    case 'param': return param(a.name);
    case 'const': return I.REALS; // constants are enclosed by constantInterval
    case 'pow': {
      const b = a.base.enclose(param), e = a.exp.enclose(param);
      const ef = I.isPoint(e);
      if (ef && ef.d === 1n && ef.n <= BigInt(MAX_EXACT_POWER)) return I.powInt(b, Number(ef.s * ef.n));
      if (I.signOf(b) !== 1) return I.REALS;
      const [bl, bh] = I.toFloatsOutward(b), [el, eh] = I.toFloatsOutward(e);
      // b^e = exp(e·ln b) is monotone in each argument: its extremes are at the corners
      if (!Number.isFinite(el) || !Number.isFinite(eh) || !Number.isFinite(bh)) return POSITIVE;
      return floatRange([bl ** el, bl ** eh, bh ** el, bh ** eh], true);
    }
    case 'fn': break;
  }
  const x = a.arg.enclose(param);
  switch (a.fn) {
    case 'log': return I.signOf(x) === 1 ? I.monotone(x, Math.log, true, -Infinity, Infinity) : I.REALS;
    case 'exp': return I.intersect(I.monotone(x, Math.exp, true, 0, Infinity), POSITIVE);
    case 'atan': return I.intersect(I.monotone(x, Math.atan, true, -2, 2), I.make(new Fraction(-2), false, new Fraction(2), false));
    case 'tanh': return I.intersect(I.monotone(x, Math.tanh, true, -1, 1), I.make(new Fraction(-1), false, new Fraction(1), false));
    case 'sinh': return I.monotone(x, Math.sinh, true, -Infinity, Infinity);
    case 'cosh': {
      const m = I.absInterval(x);
      return I.intersect(I.monotone(m, Math.cosh, true, 1, Infinity), I.make(new Fraction(1), false, null, true));
    }
    case 'sin': case 'cos': return I.make(new Fraction(-1), false, new Fraction(1), false);
    case 'floor': return I.make(x.lo === null ? null : x.lo.floor(), false, x.hi === null ? null : x.hi.floor(), false);
    case 'ceil': return I.make(x.lo === null ? null : x.lo.ceil(), false, x.hi === null ? null : x.hi.ceil(), false);
    case 'abs': return I.absInterval(x);
    case 'sign': {
      const s = I.signOf(x);
      return s === null ? I.make(new Fraction(-1), false, new Fraction(1), false) : I.point(new Fraction(s));
    }
    case 'gamma': {
      // Γ increases on [2, ∞); Lanczos (g = 7) is good to ~1e−15, widened to 1e−10
      const [l, h] = I.toFloatsOutward(x);
      if (!(l >= 2)) return I.REALS;
      return I.intersect(I.fromFloat(gammaFloat(l), gammaFloat(h), 1e-10), POSITIVE);
    }
    case 'tan': return I.REALS;
  }
}

function gammaFloat(x: number): number {
  if (!Number.isFinite(x) || x > 171) return Infinity;
  const g = LANCZOS_G;
  const c = LANCZOS;
  x -= 1;
  let a = c[0]!;
  const t = x + g + 0.5;
  for (let i = 1; i < g + 2; i++) a += c[i]! / (x + i);
  return Math.sqrt(2 * Math.PI) * Math.pow(t, x + 0.5) * Math.exp(-t) * a;
}
