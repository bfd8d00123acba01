/** The values the TRF issue fixes ("done when"), through the public API. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { trf } from '../../src/trf/trf.js';

function single(expr: string, eps?: number | string, at?: string[]) {
  const report = trf(expr, { ...(eps !== undefined ? { eps } : {}), ...(at ? { at } : {}) });
  assert.equal(report.results.length, 1);
  return report.results[0]!;
}

/** relative width (hi − lo)/hi of a bracket of decimal strings */
function relWidth(bracket: readonly [number | string, number | string | null]): number {
  const lo = BigInt(bracket[0]);
  const hi = BigInt(bracket[1]!);
  return Number(hi - lo) / Number(hi);
}

describe('TRF done-when values', () => {
  it('ALiBi m = 0.5, ε = 0.01 gives 9', () => {
    const r = single('-m*n', 0.01, ['m=0.5']);
    assert.equal(r.trf, 9);
    assert.deepEqual(r.bracket, [9, 9]);
    assert.equal(r.verdict, 'converges');
  });
  it('−2·log(1+n), ε = 0.01 gives 60', () => {
    const r = single('-2*log(1+n)', 0.01);
    assert.equal(r.trf, 60);
    assert.deepEqual(r.bracket, [60, 60]);
  });
  it('−1.5·log(1+0.5n), ε = 0.05 gives 613', () => {
    assert.equal(single('-1.5*log(1+0.5*n)', 0.05).trf, 613);
  });
  it('−sqrt(n), ε = 0.01 gives 40', () => {
    assert.equal(single('-sqrt(n)', 0.01).trf, 40);
  });
  it('the default ε is 0.01 and is stated', () => {
    const report = trf('-sqrt(n)');
    assert.equal(report.eps, 0.01);
    assert.equal(report.results[0]!.trf, 40);
  });
  for (const expr of ['-0.3*n^0.1', '-0.01*log(1+n)^2']) {
    it(`${expr}: a huge TRF as a certified bracket of relative width ≤ 1e-9`, () => {
      const r = single(expr);
      assert.equal(r.verdict, 'converges');
      assert.ok(r.bracket && r.bracket[1] !== null);
      assert.equal(typeof r.trf, 'string', 'above 2^53 the TRF is a decimal string');
      assert.ok(relWidth(r.bracket) <= 1e-9, `relative width ${relWidth(r.bracket)}`);
      assert.equal(r.trf, r.bracket[1], 'an open bracket reports its certified upper end');
    });
  }
  it('−0.3·n^0.1 is about 9.3e17 (and S to ≥ 12 significant digits)', () => {
    const r = single('-0.3*n^0.1');
    const hi = Number(BigInt(r.bracket![1]!));
    assert.ok(hi > 9.2e17 && hi < 9.4e17, String(hi));
    const rel = Number(r.sumError) / Number(r.sum);
    assert.ok(rel < 5e-13, `S relative error ${rel}`);
  });
  for (const expr of ['-log(1+n)', '0', '-0.5*log(1+n)', 'n < 16 ? -n/8 : -min(16 + floor(log(n/16)/log(128/16)*(32-16)), 31)/8']) {
    it(`divergent ${expr} gives trf null`, () => {
      const r = single(expr);
      assert.equal(r.verdict, 'diverges');
      assert.equal(r.trf, null);
      assert.equal(r.bracket, null);
    });
  }
});
