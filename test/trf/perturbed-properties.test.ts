/**
 * fast-check properties of the certified TRF on generated biases whose truth is known by
 * construction: a power law with a bounded perturbation, p = −s·log(1+n) + A·sin(k·n)
 * (s ≥ 3, so the tail beyond N = 3000 is below e^A·N^{1−s}/(s−1) and brute force is decisive),
 * and Γ biases −c·log Γ(n+b). Brute force: 30-digit decimal.js partial sums, with the
 * unsummed tail bounded on both sides; a case counts only where both bounds give the same w.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { trf } from '../../src/trf/trf.js';

const D = Decimal.clone({ precision: 30 });

/** the TRF from terms t_0..t_{N−1} with the rest of the sum in [restLo, restHi]; null when the two ends disagree */
function brute(terms: readonly Decimal[], restLo: Decimal, restHi: Decimal, eps: Decimal): bigint | null {
  let partial = new D(0);
  for (const t of terms) partial = partial.plus(t);
  const answer = (S: Decimal): bigint | null => {
    const target = new D(1).minus(eps).times(S);
    let acc = new D(0);
    for (let w = 0; w < terms.length; w++) {
      acc = acc.plus(terms[w]!);
      if (acc.gte(target)) return BigInt(w);
    }
    return null;
  };
  const a = answer(partial.plus(restLo));
  const b = answer(partial.plus(restHi));
  return a !== null && a === b ? a : null;
}

function certified(expr: string, eps: string): [bigint, bigint] {
  const r = trf(expr, { eps }).results[0]!;
  assert.equal(r.verdict, 'converges', `${expr}: ${r.method}`);
  assert.ok(r.bracket && r.bracket[1] !== null, `${expr}: no bracket (${r.method})`);
  return [BigInt(r.bracket[0]), BigInt(r.bracket[1]!)];
}

describe('TRF properties: bounded perturbations and Γ', () => {
  it('−s·log(1+n) + A·sin(k·n): the certified bracket contains the decimal.js brute force', () => {
    fc.assert(fc.property(
      fc.integer({ min: 3, max: 4 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 5 }), fc.constantFrom('0.01', '0.05', '0.2'),
      (s, A8, k, epsText) => {
        const A = A8 / 8;
        const expr = `-${s}*log(1+n) + ${A8}/8*sin(${k}*n)`;
        const N = 3000;
        const terms: Decimal[] = [];
        for (let n = 0; n < N; n++) terms.push(new D(A).times(new D(k * n).sin()).minus(new D(s).times(new D(1 + n).ln())).exp());
        // Σ_{n≥N} (1+n)^{−s} e^{A sin} ∈ [e^{−A}, e^{A}]·[∫_{N+1}^∞ x^{−s}, ∫_N^∞ x^{−s}]
        const integral = (x: number): Decimal => new D(x).pow(1 - s).div(s - 1);
        const lo = integral(N + 1).times(new D(-A).exp());
        const hi = integral(N).times(new D(A).exp());
        const want = brute(terms, lo, hi, new D(epsText));
        fc.pre(want !== null);
        const [L, H] = certified(expr, epsText);
        return L <= want! && want! <= H;
      }), { numRuns: 6 });
  });

  it('−c·log Γ(n+b): the Stirling sandwich bracket contains the decimal.js brute force', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 }), fc.constantFrom('0.001', '0.01', '0.1'), (c, b, epsText) => {
      const terms: Decimal[] = [];
      // Γ(n+b) = (n+b−1)! exactly for integer b
      let fact = new D(1);
      for (let j = 2; j < b; j++) fact = fact.times(j);
      for (let n = 0; n < 60; n++) {
        if (n > 0) fact = fact.times(n + b - 1);
        terms.push(new D(1).div(fact.pow(c)));
      }
      // the rest beyond 60 terms is below 60 times the last term, itself below 1e-80
      const want = brute(terms, new D(0), terms[terms.length - 1]!.times(60), new D(epsText));
      fc.pre(want !== null);
      const [L, H] = certified(`-${c}*log(gamma(n+${b}))`, epsText);
      return L <= want! && want! <= H;
    }), { numRuns: 6 });
  });
});
