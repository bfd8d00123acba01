/**
 * Certified Γ of decimal intervals.
 *
 * Owns: Stirling's series with its remainder bound,
 *   ln Γ(x) = (x − ½)·ln x − x + ½·ln 2π + Σ_{k=1..K} B_2k / (2k(2k−1)·x^(2k−1)) + R_K,
 *   |R_K| ≤ |B_(2K+2)| / ((2K+2)(2K+1)·x^(2K+1))   (x > 0 real),
 * after shifting a small argument up with Γ(x) = Γ(x + m) / (x(x+1)…(x+m−1)), and
 * the reflection Γ(x) = π / (sin(πx)·Γ(1 − x)) for arguments below ½. Bernoulli
 * numbers are exact (fraction.js). Everything is interval arithmetic, so the result
 * encloses Γ over the whole input interval.
 */
import Fraction from 'fraction.js';
import { Arith, GUARD, magnitude, type PInterval, Unenclosable } from './precise-interval.js';
import { piInterval } from './precise-pi.js';
import { sinCos } from './precise-trig.js';

/** Γ is computed to at most this many digits (the cost grows fast beyond) */
export const MAX_GAMMA_DIGITS = 300;

/** B_0, B_2, B_4, … exact, grown on demand */
const bernoulli: Fraction[] = [new Fraction(1)];

/** B_2k, from Σ_{j=0..k} C(2k+1, 2j)·B_2j = (2k+1)/2 (the odd ones vanish except B_1 = −½) */
function bernoulliEven(k: number): Fraction {
  while (bernoulli.length <= k) {
    const n = bernoulli.length; // computing B_2n
    let s = new Fraction(0);
    let binom = 1n; // C(2n+1, 0)
    for (let j = 0; j < n; j++) {
      s = s.add(bernoulli[j]!.mul(new Fraction(binom)));
      // C(2n+1, 2j+2) from C(2n+1, 2j)
      const m = BigInt(2 * n + 1), i = BigInt(2 * j);
      binom = (binom * (m - i) * (m - i - 1n)) / ((i + 1n) * (i + 2n));
    }
    const m = new Fraction(2 * n + 1);
    bernoulli.push(m.div(2).sub(s).div(m));
  }
  return bernoulli[k]!;
}

const frac = (A: Arith, f: Fraction): PInterval => {
  const r = A.rational(f.n, f.d);
  return f.s < 0n ? A.neg(r) : r;
};

/** Γ over x, enclosed to about `digits` digits (at most MAX_GAMMA_DIGITS) */
export function gamma(x: PInterval, digits: number): PInterval {
  if (!x.lo.isFinite() || !x.hi.isFinite()) throw new Unenclosable('Γ of an unbounded interval');
  if (x.lo.gt(0)) return gammaPositive(x, digits);
  if (x.hi.lt(0.5)) return reflected(x, digits);
  throw new Unenclosable('Γ of an interval that reaches a pole');
}

function reflected(x: PInterval, digits: number): PInterval {
  const d = Math.min(digits, MAX_GAMMA_DIGITS) + 4;
  const P = d + Math.max(0, magnitude(x) + 1);
  const W = Arith.at(P);
  const pix = W.mul(piInterval(P), x);
  const s = sinCos('sin', pix, d);
  const A = Arith.at(d);
  const g = gammaPositive(A.sub(A.point(1), x), d);
  return A.div(piInterval(d), A.mul(s, g)); // throws when sin(πx) may vanish: a pole
}

function gammaPositive(x: PInterval, digits: number): PInterval {
  const dig = Math.min(digits, MAX_GAMMA_DIGITS) + GUARD;
  const N = 4 * dig + 10;
  const mShift = x.lo.gte(N) ? 0 : Math.ceil(N - x.lo.toNumber());
  // ln Γ(y) ≈ y·ln y: its integer digits cost precision in exp
  const big = Math.max(x.hi.toNumber(), 1) + mShift;
  const P = dig + Math.max(0, Math.ceil(Math.log10(big * Math.max(1, Math.log(big))))) + 4;
  const W = Arith.at(P);
  const y = mShift === 0 ? x : W.add(x, W.point(mShift));
  const invY = W.div(W.point(1), y), invY2 = W.mul(invY, invY);
  const half = W.rational(1n, 2n);
  let L = W.sub(W.mul(W.sub(y, half), W.ln(y)), y);
  L = W.add(L, W.mul(half, W.ln(W.mul(W.point(2), piInterval(P)))));
  // Σ B_2k/(2k(2k−1)·y^(2k−1)) until the remainder bound is below 10^−(dig+2)
  const yLo = W.point(y.lo);
  const target = new W.Lo(`1e-${dig + 2}`);
  let power = invY; // y^−(2k−1)
  let powerLo = W.div(W.point(1), yLo); // yLo^−(2k−1), for the bound
  let rem: PInterval | null = null;
  for (let k = 1; k <= 400; k++) {
    const c = bernoulliEven(k).div((2 * k) * (2 * k - 1));
    L = W.add(L, W.mul(frac(W, c), power));
    power = W.mul(power, invY2);
    powerLo = W.mul(powerLo, W.div(W.point(1), W.mul(yLo, yLo)));
    const next = bernoulliEven(k + 1).abs().div((2 * k + 2) * (2 * k + 1));
    rem = W.mul(frac(W, next), powerLo); // bound with y^−(2k+1) at the smallest y
    if (rem.hi.lt(target)) break;
  }
  L = W.add(L, { lo: rem!.hi.neg(), hi: rem!.hi });
  const A = Arith.at(digits);
  let g = Arith.at(dig).exp(L);
  if (mShift > 0) {
    // Γ(x) = Γ(x + m) / (x(x+1)…(x+m−1)); m roundings at P2 digits cost log10(m) digits
    const P2 = dig + Math.ceil(Math.log10(mShift + 1)) + 2;
    const V = Arith.at(P2);
    let prod = V.point(1);
    for (let j = 0; j < mShift; j++) prod = V.mul(prod, j === 0 ? x : V.add(x, V.point(j)));
    g = V.div(g, prod);
  }
  return A.round(g);
}
