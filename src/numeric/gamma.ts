/**
 * The Γ function, in decimal.js at a chosen precision and in float64.
 *
 * Decimal method: exact (x−1)! for integers up to 2000; otherwise the Stirling
 * series for ln Γ(z) with z = x + N shifted to at least the working digit count,
 *   ln Γ(z) = (z − ½) ln z − z + ½ ln 2π + Σ_k B_2k / (2k (2k−1) z^(2k−1)),
 * summed until a term drops below 10^−(digits+5), then Γ(x) = exp(ln Γ(z)) / (x (x+1) … (x+N−1)).
 * Negative non-integers use the reflection Γ(x) = π / (sin(πx) Γ(1−x)) with πx reduced
 * exactly mod 2π. Extra guard digits cover the size of ln Γ, so the result has
 * about `precision` correct significant digits (tests check 30 digits at 40).
 *
 * Float method: Lanczos (g = 7, 9 terms, about 1e-15 relative) with reflection,
 * exact for integers up to 171.
 */
import { Decimal } from 'decimal.js';
import { Fraction } from '../parse/expr.js';
import { decimalClass } from './decimal.js';
import { LANCZOS, LANCZOS_G } from './lanczos.js';
import { DomainError } from './errors.js';

// ---------------------------------------------------------------- Bernoulli numbers

const bernoulli: Fraction[] = [new Fraction(1)];

/** B_m (with B_1 = −1/2), exact; cached. */
function bernoulliNumber(m: number): Fraction {
  while (bernoulli.length <= m) {
    const k = bernoulli.length;
    // Σ_{j=0}^{k} C(k+1, j) B_j = 0
    let acc = new Fraction(0);
    let binom = 1n;
    for (let j = 0; j < k; j++) {
      acc = acc.add(bernoulli[j]!.mul(binom));
      binom = (binom * BigInt(k + 1 - j)) / BigInt(j + 1);
    }
    bernoulli.push(acc.neg().div(binom));
  }
  return bernoulli[m]!;
}

function fractionToDecimal(f: Fraction, D: Decimal.Constructor): Decimal {
  const v = new D(f.n.toString()).div(f.d.toString());
  return f.s < 0n ? v.neg() : v;
}

// ---------------------------------------------------------------- decimal Γ

const EXACT_LIMIT = 2000;

function factorialDecimal(m: number, D: Decimal.Constructor): Decimal {
  let acc = new D(1);
  for (let k = 2; k <= m; k++) acc = acc.times(k);
  return acc;
}

/** ln Γ(x) for x ≥ 0.5 (and the shift product), in class D. */
function lnGammaShifted(x: Decimal, D: Decimal.Constructor, digits: number): Decimal {
  const z0 = Math.max(digits, 12);
  const xNum = x.toNumber();
  const shift = xNum >= z0 ? 0 : Math.ceil(z0 - xNum);
  let prod = new D(1);
  for (let k = 0; k < shift; k++) prod = prod.times(x.plus(k));
  const z = x.plus(shift);
  const halfLn2Pi = D.acos(-1).times(2).ln().div(2);
  let s = z.minus(0.5).times(z.ln()).minus(z).plus(halfLn2Pi);
  const eps = new D(10).pow(-(digits + 5));
  const z2 = z.times(z);
  let zPow = z; // z^(2k−1)
  for (let k = 1; k <= 400; k++) {
    const b = fractionToDecimal(bernoulliNumber(2 * k), D);
    const term = b.div(zPow.times(2 * k * (2 * k - 1)));
    s = s.plus(term);
    if (term.abs().lt(eps)) break;
    zPow = zPow.times(z2);
  }
  return shift === 0 ? s : s.minus(prod.ln());
}

/**
 * Γ(x) with about `precision` significant digits; DomainError at 0, −1, −2, ….
 * The result belongs to a decimal class of at least that precision.
 */
export function gammaDecimal(x: Decimal.Value, precision: number): Decimal {
  const D0 = decimalClass(precision + 10);
  const v = new D0(x);
  if (v.isNaN()) throw new DomainError('gamma of an undefined value', 'NaN');
  if (v.isInteger()) {
    if (v.lte(0)) throw new DomainError('gamma at a non-positive integer', v);
    if (v.lte(EXACT_LIMIT)) return factorialDecimal(v.toNumber() - 1, D0);
  }
  if (!v.isFinite()) return new D0(Infinity);
  if (v.gt(1e15)) return new D0(Infinity);
  if (v.lt(0)) {
    // reflection: Γ(x) = π / (sin(πx) Γ(1−x)); reduce x mod 2 exactly first
    const Dr = decimalClass(precision + 10 + Math.max(0, v.abs().e + 1));
    const w = new Dr(v);
    const fl = w.floor();
    const frac = w.minus(fl); // in (0, 1)
    const pi = Dr.acos(-1);
    let sin = pi.times(frac).sin();
    if (fl.mod(2).abs().eq(1)) sin = sin.neg();
    const g = gammaDecimal(w.neg().plus(1), precision + 5);
    return new D0(pi.div(sin.times(new Dr(g))));
  }
  const mag = Math.max(1, v.toNumber()) * (Math.abs(Math.log(Math.max(1, v.toNumber()))) + 1);
  const extra = Math.ceil(Math.log10(mag + 1)) + 2;
  const digits = precision + 10 + extra;
  const D = decimalClass(digits);
  return new D0(lnGammaShifted(new D(v), D, digits).exp());
}

// ---------------------------------------------------------------- float Γ

const FLOAT_FACTORIAL: number[] = [1];
for (let k = 1; k <= 170; k++) FLOAT_FACTORIAL.push(FLOAT_FACTORIAL[k - 1]! * k);

/** float64 Γ; NaN at non-positive integers and for NaN. */
export function gammaFloat(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (Number.isInteger(x)) {
    if (x <= 0) return NaN;
    return x <= 171 ? FLOAT_FACTORIAL[x - 1]! : Infinity;
  }
  if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * gammaFloat(1 - x));
  if (x > 171.7) return Infinity;
  const y = x - 1;
  let a = LANCZOS[0]!;
  const t = y + LANCZOS_G + 0.5;
  for (let i = 1; i < LANCZOS.length; i++) a += LANCZOS[i]! / (y + i);
  const half = Math.pow(t, (y + 0.5) / 2); // split so t^(y+1/2) does not overflow before e^-t
  return Math.sqrt(2 * Math.PI) * half * (half * Math.exp(-t)) * a;
}

/** float64 n! for non-negative integers; NaN otherwise. */
export function factorialFloat(x: number): number {
  if (!Number.isInteger(x) || x < 0) return NaN;
  return x <= 170 ? FLOAT_FACTORIAL[x]! : Infinity;
}
