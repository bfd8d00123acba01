/**
 * Certified TRFs where the tail is slow, huge, perturbed or built from Γ (issue 14, item 1):
 * Bertrand-type tails on the log scale, TRFs near 10^2000, bounded perturbations, Stirling.
 * Reference values are independent mpmath computations (50 digits), never our own output.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { trf } from '../../src/trf/trf.js';
import { parseExpression } from '../../src/parse/parse.js';
import { substituteVariable } from '../../src/parse/substitute.js';
import * as E from '../../src/parse/expr.js';
import { logScale } from '../../src/trf/log-scale.js';
import { evalInterval } from '../../src/numeric/expr-interval.js';

function single(expr: string, options: Parameters<typeof trf>[1] = {}) {
  const r = trf(expr, options).results;
  assert.equal(r.length, 1);
  return r[0]!;
}

/** lo ≤ x ≤ hi for integers as decimal strings, x given as a mantissa string and a power of ten */
function contains(bracket: readonly [number | string, number | string | null] | null, mantissa: string, exp10: number): boolean {
  assert.ok(bracket && bracket[1] !== null);
  const [intPart, frac = ''] = mantissa.split('.');
  const digits = intPart! + frac;
  const scale = exp10 - frac.length;
  // x = digits·10^scale (truncated: the mantissas below carry more digits than the brackets' width)
  const x = scale >= 0 ? BigInt(digits) * 10n ** BigInt(scale) : BigInt(digits) / 10n ** BigInt(-scale);
  return BigInt(bracket[0]) <= x && x <= BigInt(bracket[1]);
}

function relWidth(bracket: readonly [number | string, number | string | null]): number {
  const lo = BigInt(bracket[0]);
  const hi = BigInt(bracket[1]!);
  const shift = BigInt(Math.max(0, hi.toString(2).length - 60));
  return Number((hi - lo) >> shift) / Number(hi >> shift);
}

describe('slow and huge tails', () => {
  it('Bertrand level 1: −log(1+n) − 2·log(log(n+3)) contains the mpmath TRF 1.00661367490287e23, width ≤ 1e-6', () => {
    const r = single('-log(1+n) - 2*log(log(n+3))');
    assert.equal(r.verdict, 'converges');
    // mpmath: S = 1.8880018769319028267, TRF_0.01 = 100661367490287297881983.3 (log-scale quadrature)
    assert.ok(contains(r.bracket, '1.00661367490287', 23), JSON.stringify(r.bracket));
    assert.ok(relWidth(r.bracket!) <= 1e-6);
    assert.ok(Number(r.sum) > 1.888001876931 && Number(r.sum) < 1.888001876933);
  });

  it('−1.001·log(1+n): TRF near 10^2000 as an exact decimal string, containing mpmath 5.6151212616852e1999', () => {
    const r = single('-1.001*log(1+n)');
    assert.equal(r.verdict, 'converges');
    assert.equal(typeof r.bracket![0], 'string');
    assert.equal(String(r.bracket![0]).length, 2000);
    assert.ok(contains(r.bracket, '5.6151212616852', 1999), `${String(r.bracket![0]).slice(0, 20)}…`);
    assert.ok(relWidth(r.bracket!) <= 1e-6);
  });

  it('bounded perturbation −2·log(1+n) + sin(n): a finite certified bracket containing the brute-force TRF', () => {
    const r = single('-2*log(1+n) + sin(n)');
    assert.equal(r.verdict, 'converges');
    assert.ok(r.bracket && r.bracket[1] !== null);
    // brute force in doubles to N = 10^6 with the tail bounded both ways by e^{∓1}/N: both ends give the same w
    const N = 1_000_000;
    let partial = 0;
    const terms = new Float64Array(N);
    for (let n = 0; n < N; n++) partial += (terms[n] = Math.exp(Math.sin(n)) / (1 + n) ** 2);
    const trfFor = (S: number): number => {
      let acc = 0;
      for (let w = 0; w < N; w++) if ((acc += terms[w]!) >= 0.99 * S) return w;
      return -1;
    };
    const a = trfFor(partial + Math.exp(-1) / N);
    const b = trfFor(partial + Math.E / N);
    assert.equal(a, b);
    assert.ok(Number(r.bracket[0]) <= a && a <= Number(r.bracket[1]), `${a} in ${JSON.stringify(r.bracket)}`);
  });

  it('Γ in the bias: −log(Γ(n+2)) sums to e − 1 and −log(n!) to e, with closed brackets', () => {
    const g = single('-log(gamma(n+2))');
    assert.equal(g.verdict, 'converges');
    assert.deepEqual(g.bracket, [3, 3]); // 1 + 1/2 + 1/6 + 1/24 ≥ 0.99(e − 1) > 1 + 1/2 + 1/6
    assert.ok(Math.abs(Number(g.sum) - (Math.E - 1)) <= Number(g.sumError) + 1e-15);
    const f = single('-log(factorial(n))');
    assert.deepEqual(f.bracket, [4, 4]);
    assert.ok(Math.abs(Number(f.sum) - Math.E) <= Number(f.sumError) + 1e-15);
  });

  it('reference families written as log(term): geometric, p-series, Bertrand level 2 get certified brackets', () => {
    assert.deepEqual(single('log(r^n)', { at: ['r=1/2'] }).bracket, [6, 6]);
    assert.deepEqual(single('log(1/n^s)', { at: ['s=2'], from: 1 }).bracket, [61, 61]);
    const b2 = single('log(1/(n*log(n)*log(log(n))^s))', { at: ['s=2'], from: 3 });
    assert.equal(b2.verdict, 'converges');
    assert.ok(b2.bracket && b2.bracket[1] !== null && relWidth(b2.bracket) <= 1e-6);
  });
});

describe('the log-scale rewrite is an identity', () => {
  for (const src of ['-log(1+n) - 2*log(log(n+3))', '-1.001*log(1+n)', '-log(n+3)-log(log(n+3))-2*log(log(log(n+3)))', '-0.3*n^0.1', '-log(1+(n/2)^2)']) {
    it(`q(u) = p(e^u) + u for ${src}`, () => {
      const p = parseExpression(src).expr;
      const q = logScale(p, 'n');
      const direct = E.add(substituteVariable(p, 'n', E.call('exp', E.variable('n'))), E.variable('n'));
      for (const u of [3, 7.5, 20, 41]) {
        const a = evalInterval(q, { variable: 'n', x: { lo: u, hi: u } });
        const b = evalInterval(direct, { variable: 'n', x: { lo: u, hi: u } });
        // both enclose the same number: they overlap, and agree to rounding
        assert.ok(a.lo <= b.hi + 1e-9 * Math.abs(b.hi) && b.lo <= a.hi + 1e-9 * Math.abs(a.hi), `${src} at u=${u}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
      }
    });
  }
});
