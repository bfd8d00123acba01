/** rpe check: agreement, and the disagreements it is built to catch. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseExpression } from '../../src/parse/parse.js';
import { check, checkConcrete } from '../../src/trf/check.js';

describe('rpe check', () => {
  it('agrees with a convergent verdict and brackets every partial sum', () => {
    const r = check('-2*log(1+n)', { maxN: 1e6 }).results[0]!;
    assert.equal(r.verdict, 'converges');
    assert.equal(r.agreement, 'agree');
    assert.ok(r.total);
    assert.ok(Math.abs(Number(r.total.sum) - Math.PI ** 2 / 6) < 1e-12);
    // decimal.js sums up to N = 1000 agree with the certified enclosures
    assert.equal(r.partialSums.filter((row) => row.decimalSum !== undefined).length, 3);
    assert.equal(r.partialSums.length, 6);
  });
  it('reports growth for a divergent verdict', () => {
    const r = check('-log(1+n)', { maxN: 1e9 }).results[0]!;
    assert.equal(r.verdict, 'diverges');
    assert.equal(r.agreement, 'agree');
    assert.equal(r.total, null);
    const sums = r.partialSums.map((row) => Number(row.sum));
    for (let i = 1; i < sums.length; i++) assert.ok(sums[i]! > sums[i - 1]!);
    // harmonic: S_N ≈ log N + γ
    assert.ok(Math.abs(sums[sums.length - 1]! - (Math.log(1e9 + 1) + 0.5772156649)) < 1e-6);
  });
  it('disagrees when a wrong "diverges" meets a tail bound that proves convergence', () => {
    const r = checkConcrete(parseExpression('-2*log(1+n)').expr, 'n', 0, 1e4, 'diverges');
    assert.equal(r.agreement, 'disagree');
    assert.equal(r.disagreeAt, 'tail');
  });
  it('is inconclusive without a verdict when the tail closes', () => {
    const r = checkConcrete(parseExpression('-sqrt(n)').expr, 'n', 0, 1e3, 'unknown');
    assert.equal(r.agreement, 'inconclusive');
  });
  it('takes --at points', () => {
    const rep = check('-m*n', { at: ['m=0.5,0.25'], maxN: 100 });
    assert.equal(rep.results.length, 2);
    assert.ok(rep.results.every((r) => r.agreement === 'agree'));
  });
});
