/**
 * The Hurwitz zeta function ζ(s, a) = Σ_{k≥0} (a+k)^{−s} for real s > 1, a > 0,
 * as a certified interval.
 *
 * Owns: Euler–Maclaurin summation with an explicit remainder. With f(x) = (a+x)^{−s}
 * (completely monotone, so every f^{(2m)} > 0):
 *   ζ(s,a) = Σ_{k<N} f(k) + (a+N)^{1−s}/(s−1) + f(N)/2
 *          + Σ_{j=1}^{m−1} B_{2j}/(2j)! · (s)_{2j−1} · (a+N)^{−s−2j+1} + R,
 *   |R| ≤ 2|B_{2m}|/(2m)! · (s)_{2m−1} · (a+N)^{−s−2m+1},
 * (s)_j the rising factorial. N is chosen so that a + N ≥ 30; then m = 12 makes R
 * far below double precision. Inputs and result are double intervals (interval.ts).
 */
import * as Ins from './interval.js';
import type { Interval } from './interval.js';

// plain-object copies: cheap property access on hot paths (no module-namespace getters)
const I = { ...Ins };

/** B_{2j} for j = 1..12 as exact fractions [numerator, denominator] */
const BERNOULLI: ReadonlyArray<readonly [number, number]> = [
  [1, 6], [-1, 30], [1, 42], [-1, 30], [5, 66], [-691, 2730], [7, 6], [-3617, 510],
  [43867, 798], [-174611, 330], [854513, 138], [-236364091, 2730],
];

const M = 12;
const SHIFT = 30;

function factorialInterval(n: number): Interval {
  let acc: Interval = I.ONE;
  for (let i = 2; i <= n; i++) acc = I.mul(acc, I.exact(i));
  return acc;
}

/** B_{2j}/(2j)! for j = 1..M−1, and 2|B_{2M}|/(2M)! */
const COEFFS: readonly Interval[] = BERNOULLI.slice(0, M - 1).map(([bn, bd], j) =>
  I.div(I.exact(bn), I.mul(I.exact(bd), factorialInterval(2 * (j + 1)))));
const REM_COEFF: Interval = I.div(I.exact(2 * Math.abs(BERNOULLI[M - 1]![0])), I.mul(I.exact(BERNOULLI[M - 1]![1]), factorialInterval(2 * M)));

/** ζ(s, a) for s > 1, a > 0 (intervals). */
export function hurwitzZeta(s: Interval, a: Interval): Interval {
  if (!(s.lo > 1)) throw new RangeError('Hurwitz zeta needs s > 1');
  if (!(a.lo > 0)) throw new RangeError('Hurwitz zeta needs a > 0');
  const negS = I.neg(s);
  const N = Math.max(0, Math.ceil(SHIFT - a.lo));
  let direct: Interval = I.ZERO;
  for (let k = 0; k < N; k++) direct = I.add(direct, I.pow(I.add(a, I.exact(k)), negS));
  const x = I.add(a, I.exact(N));
  // ζ − direct = x^{1−s} · [1/(s−1) + 1/(2x) + Σ_j B_{2j}/(2j)!·(s)_{2j−1}·x^{−2j} ± R·x^{−2M}]
  const xInv = I.recip(x);
  const xInv2 = I.sqr(xInv);
  let inner = I.add(I.recip(I.sub(s, I.ONE)), I.scale(xInv, 0.5));
  let rising: Interval = s; // (s)_{2j−1}
  let power: Interval = xInv2; // x^{−2j}
  for (let j = 1; j < M; j++) {
    inner = I.add(inner, I.mul(COEFFS[j - 1]!, I.mul(rising, power)));
    rising = I.mul(rising, I.mul(I.add(s, I.exact(2 * j - 1)), I.add(s, I.exact(2 * j))));
    power = I.mul(power, xInv2);
  }
  const rem = I.mul(REM_COEFF, I.mul(rising, power)).hi;
  inner = I.add(inner, { lo: -rem, hi: rem });
  return I.add(direct, I.mul(I.pow(x, I.sub(I.ONE, s)), inner));
}
