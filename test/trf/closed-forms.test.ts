/** Closed forms against the generic certified engine (the same bias written so that no family matches). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { trf } from '../../src/trf/trf.js';

const PAIRS: Array<[string, string, number]> = [
  ['-0.5*n', '-0.5*n + 0*log(1+n)', 5],
  ['-0.03*n', '-0.03*n + 0*log(1+n)', 0],
  ['-2*log(1+n)', '-2*log(1+n) + 0*n^2', 0],
  ['-1.5*log(3+0.5*n)', '-1.5*log(3+0.5*n) + 0*n', 7],
  ['-3*log(n)', '-3*log(n) + 0*n', 1],
];

describe('closed forms', () => {
  for (const [closed, generic, from] of PAIRS) {
    it(`${closed} (from ${from}) equals the generic engine`, () => {
      for (const eps of ['0.2', '0.01', '0.001']) {
        const a = trf(closed, { eps, from }).results[0]!;
        const b = trf(generic, { eps, from }).results[0]!;
        assert.match(a.method, /closed form/);
        assert.match(b.method, /Euler–Maclaurin/);
        assert.deepEqual(a.bracket, b.bracket);
        const rel = Math.abs(Number(a.sum) - Number(b.sum)) / Number(a.sum);
        assert.ok(rel < 1e-12, `${a.sum} vs ${b.sum}`);
      }
    });
  }
  it('ALiBi with --from: TRF = from + ⌈ln(1/ε)/m⌉ − 1', () => {
    assert.equal(trf('-m*n', { at: ['m=0.5'], from: 5 }).results[0]!.trf, 14);
  });
  it('divergent log family (s ≤ 1) has no TRF, with the reason', () => {
    const r = trf('-r1*log(1+r2*n)', { at: ['r1=1', 'r2=0.5'] }).results[0]!;
    assert.equal(r.verdict, 'diverges');
    assert.match(r.method, /p-series/);
  });
  it('the stretched-exponential estimate (incomplete gamma) lands inside or next to the bracket', () => {
    const r = trf('-0.3*n^0.1').results[0]!;
    const m = /incomplete-gamma estimate[^:]*: ([0-9.e+]+)/.exec(r.method);
    assert.ok(m, r.method);
    const est = Number(m[1]);
    const hi = Number(BigInt(r.bracket![1]!));
    assert.ok(Math.abs(est - hi) / hi < 1e-3, `${est} vs ${hi}`);
  });
});
