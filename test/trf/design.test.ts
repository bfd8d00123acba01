/**
 * `design()`: certified thresholds of TRF_ε ≤ W in one parameter. Truth by construction
 * where a closed form exists (−c·m·n: m ≥ ln(1/ε)/(c·(W + 1 − from))), and at the
 * bracket ends the certified TRF itself must fall on the right side of W.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { design } from '../../src/trf/design.js';
import { affineIn, proveMonotone } from '../../src/trf/param-monotone.js';
import { parseExpression } from '../../src/parse/parse.js';
import { InputError } from '../../src/parse/errors.js';
import { trf } from '../../src/trf/trf.js';

const trfAt = (expr: string, at: string[], eps?: string): { lo: bigint; hi: bigint | null } | null => {
  const r = trf(expr, { at, ...(eps ? { eps } : {}) }).results[0]!;
  return r.bracket === null ? null : { lo: BigInt(r.bracket[0]), hi: r.bracket[1] === null ? null : BigInt(r.bracket[1]) };
};

describe('design by target', () => {
  it('−m·n, W = 2048, ε = 0.01: a bracket around ln(100)/2049, proved monotone', () => {
    const r = design('-m*n', { target: 2048 });
    const exact = Math.log(100) / 2049;
    assert.equal(r.parameter, 'm');
    assert.equal(r.monotone, true);
    assert.ok(r.threshold![0] <= exact && exact <= r.threshold![1], `${r.threshold} vs ${exact}`);
    assert.ok((r.threshold![1] - r.threshold![0]) / exact < 1e-8);
    assert.match(r.condition, /m ≥ t/);
    assert.equal(r.exact, 'ln(1/0.01)/2049');
    // the certified ends: TRF > W at the lower, ≤ W at the upper
    const [lo, hi] = r.thresholdExact!;
    assert.ok(trfAt('-m*n', [`m=${lo}`])!.lo > 2048n);
    assert.ok(trfAt('-m*n', [`m=${hi}`])!.hi! <= 2048n);
  });
  it('−c·m·n with random c, W, ε, from: the bracket holds ln(1/ε)/(c·(W+1−from)) (property)', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 100000 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 5 }),
      (c, W, e, from) => {
        const eps = e / 100;
        const r = design(`-${c}*m*n`, { target: W + from, eps: String(eps), from, relTol: 1e-7 });
        const exact = Math.log(1 / eps) / (c * (W + 1));
        if (r.exact !== `ln(1/${eps})/${c === 1 ? '' : `(${c} * `}${W + 1}${c === 1 ? '' : ')'}`) return false;
        return r.monotone && r.threshold !== null && r.threshold[0] <= exact * (1 + 1e-12) && exact * (1 - 1e-12) <= r.threshold[1];
      }), { numRuns: 12 });
  });
  it('KERPLE log, r1 with r2 = 1/2 fixed: monotone proved, the threshold falls with the target reach', () => {
    const ts = [512, 2048].map((W) => design('-r1*log(1+r2*n)', { target: W, param: 'r1', at: ['r2=1/2'], relTol: 1e-6 }));
    for (const r of ts) assert.equal(r.monotone, true);
    // mpmath: the root of ζ(r1, 2051)/ζ(r1, 2) = 0.01 is r1 = 1.6402510286958044… (findroot, 40 digits)
    assert.ok(ts[1]!.threshold![0] <= 1.6402510286958044 && 1.6402510286958044 <= ts[1]!.threshold![1]);
    assert.ok(ts[0]!.threshold![0] > ts[1]!.threshold![1]);
    const [lo, hi] = ts[1]!.thresholdExact!;
    assert.ok(trfAt('-r1*log(1+r2*n)', [`r1=${lo}`, 'r2=1/2'])!.lo > 2048n);
    assert.ok(trfAt('-r1*log(1+r2*n)', [`r1=${hi}`, 'r2=1/2'])!.hi! <= 2048n);
  });
  it('−m·log(1+n) (a p-series in m): thresholds at W = 10 and W = 10^12 against mpmath', () => {
    // mpmath findroot, 30 digits: ζ(m, W + 2)/ζ(m, 1) = 0.01
    for (const [W, root] of [[10, 2.58561526326294], [1e12, 1.16334234545507]] as const) {
      const r = design('-m*log(1+n)', { target: W, relTol: 1e-8 });
      assert.equal(r.monotone, true);
      assert.ok(r.threshold![0] <= root && root <= r.threshold![1], `W = ${W}: ${r.threshold} vs ${root}`);
    }
  });
  it('certified "none" and "all" over a range', () => {
    assert.match(design('-m*n', { target: 10, range: ['1/1000', '1/100'] }).condition, /^no m with m ≤ 1\/100 meets the target/);
    assert.match(design('-m*n', { target: 10, range: ['1', '2'] }).condition, /^every m tried meets the target/);
  });
  it('the window guarantee: window = TRF at ε\' so the threshold is ln(1/ε\')/(W+1)', () => {
    const r = design('-m*n', { target: 2048, window: { logitBound: 1, tol: 0.01 }, relTol: 1e-7 });
    const epsPrime = 0.01 / (1.99 * Math.exp(2) + 0.01);
    const exact = Math.log(1 / epsPrime) / 2049;
    assert.equal(r.guarantee, 'window');
    assert.ok(r.threshold![0] <= exact * (1 + 1e-12) && exact * (1 - 1e-12) <= r.threshold![1]);
  });
  it('not affine in the parameter: sampled, monotone false, and the transition still certified', () => {
    const r = design('-r1*log(1+r2*n)', { target: 2048, param: 'r2', at: ['r1=2'], relTol: 1e-6 });
    assert.equal(r.monotone, false);
    assert.equal(r.exact, undefined);
    assert.match(r.condition, /sampled, not proved/);
    // mpmath: the root of ζ(2, 1/r2 + 2049)/ζ(2, 1/r2) = 0.01 is r2 = 0.047185603343925…
    assert.equal(r.intervals.length, 1);
    const t = r.intervals[0]!.from!;
    assert.ok(t[0] <= 0.047185603343925 && 0.047185603343925 <= t[1]);
  });
  it('a set of two intervals: −((m−2)² + 1/1000)·n with W = 100', () => {
    const r = design('-((m-2)^2 + 1/1000)*n', { target: 100, range: ['1', '3'], relTol: 1e-6 });
    assert.equal(r.monotone, false);
    assert.equal(r.intervals.length, 2);
    // TRF ≤ 100 ⇔ (m−2)² + 1/1000 ≥ ln(100)/101
    const d = Math.sqrt(Math.log(100) / 101 - 0.001);
    const a = r.intervals[0]!.to!;
    const b = r.intervals[1]!.from!;
    assert.ok(a[0] <= 2 - d && 2 - d <= a[1], `${a} vs ${2 - d}`);
    assert.ok(b[0] <= 2 + d && 2 + d <= b[1], `${b} vs ${2 + d}`);
    assert.equal(r.intervals[0]!.from, null);
    assert.equal(r.intervals[1]!.to, null);
  });
  it('a parameter that only scales every term: constant, every value meets the target', () => {
    const r = design('-m - n', { target: 10 });
    assert.equal(r.monotone, true);
    assert.match(r.condition, /every m > 0 meets the target/);
  });
  it('input errors', () => {
    assert.throws(() => design('-n', { target: 10 }), /no parameter/);
    assert.throws(() => design('-r1*log(1+r2*n)', { target: 10 }), /--param/);
    assert.throws(() => design('-m*n', { target: 10, param: 'k' }), /no parameter k/);
    assert.throws(() => design('-m*n', { target: '-1' }), InputError);
    assert.throws(() => design('-m*n', { target: 10, range: ['2', '1'] }), /start < end/);
  });
});

describe('monotonicity proof', () => {
  const p = (s: string) => parseExpression(s).expr;
  it('splits affine biases and refuses the rest', () => {
    assert.ok(affineIn(p('-m*n + 3*m*log(1+n) - sqrt(n)'), 'm'));
    assert.equal(affineIn(p('-m^2*n'), 'm'), null);
    assert.equal(affineIn(p('-n/m'), 'm'), null);
    assert.equal(affineIn(p('-log(1+m*n)'), 'm'), null);
  });
  it('direction from the sign of g′, nothing when g is not monotone', () => {
    assert.equal(proveMonotone(p('-m*n'), 'm', 'n', 0).direction, 'up');
    assert.equal(proveMonotone(p('m*n - 2*n'), 'm', 'n', 0).direction, 'down');
    assert.equal(proveMonotone(p('-m*log(1+n)'), 'm', 'n', 0).direction, 'up');
    assert.equal(proveMonotone(p('-m*sin(n) - n'), 'm', 'n', 0).direction, null);
    assert.equal(proveMonotone(p('-m*(n-3)^2 - n'), 'm', 'n', 0).direction, null);
    assert.equal(proveMonotone(p('-m - n'), 'm', 'n', 0).direction, 'constant');
  });
});
