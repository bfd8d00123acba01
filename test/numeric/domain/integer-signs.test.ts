import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { integerSignRanges } from '../../../src/numeric/domain/integer-signs.js';
import { evaluate, mul, type Poly, PolyLimit, squareFree, trim } from '../../../src/numeric/domain/poly.js';

const sign = (x: bigint): number => (x > 0n ? 1 : x < 0n ? -1 : 0);

/** The sign the ranges give at n. */
function signAt(ranges: ReturnType<typeof integerSignRanges>, n: bigint): number {
  const r = ranges.find((x) => x.lo <= n && (x.hi === null || n <= x.hi));
  assert.ok(r, `no range covers ${n}`);
  return r.sign;
}

describe('integerSignRanges', () => {
  it('splits the integers at the roots, exactly', () => {
    // (n - 3)(n - 1000000): zero at 3 and 10^6, negative between
    const f = mul([-3n, 1n], [-1000000n, 1n]);
    assert.deepEqual(integerSignRanges(f, 0n), [
      { lo: 0n, hi: 2n, sign: 1 },
      { lo: 3n, hi: 3n, sign: 0 },
      { lo: 4n, hi: 999999n, sign: -1 },
      { lo: 1000000n, hi: 1000000n, sign: 0 },
      { lo: 1000001n, hi: null, sign: 1 },
    ]);
  });

  it('never reports an irrational root as an integer zero', () => {
    // n^2 - 2: negative at 0 and 1, positive from 2 on, never 0
    assert.deepEqual(integerSignRanges([-2n, 0n, 1n], 0n), [{ lo: 0n, hi: 1n, sign: -1 }, { lo: 2n, hi: null, sign: 1 }]);
    // n^2 - 10n + 26 = (n - 5)^2 + 1 > 0
    assert.deepEqual(integerSignRanges([26n, -10n, 1n], 0n), [{ lo: 0n, hi: null, sign: 1 }]);
  });

  it('handles double roots, constants, the zero polynomial and a start past every root', () => {
    assert.deepEqual(integerSignRanges(mul([-20n, 1n], [-20n, 1n]), 0n), [
      { lo: 0n, hi: 19n, sign: 1 }, { lo: 20n, hi: 20n, sign: 0 }, { lo: 21n, hi: null, sign: 1 },
    ]);
    assert.deepEqual(integerSignRanges([-5n], 7n), [{ lo: 7n, hi: null, sign: -1 }]);
    assert.deepEqual(integerSignRanges([], 0n), [{ lo: 0n, hi: null, sign: 0 }]);
    assert.deepEqual(integerSignRanges([-3n, 1n], 10n), [{ lo: 10n, hi: null, sign: 1 }]);
  });

  it('finds a root near 10^300 in a few hundred Sturm steps', () => {
    const big = 10n ** 300n;
    const t = performance.now();
    const r = integerSignRanges([-big, 1n], 0n);
    assert.deepEqual(r, [{ lo: 0n, hi: big - 1n, sign: -1 }, { lo: big, hi: big, sign: 0 }, { lo: big + 1n, hi: null, sign: 1 }]);
    assert.ok(performance.now() - t < 1000);
  });

  it('refuses past its caps instead of working for long', () => {
    const huge: bigint[] = new Array(60).fill(1n);
    assert.throws(() => integerSignRanges(huge, 0n), PolyLimit);
  });

  it('agrees with direct evaluation on random polynomials (property)', () => {
    const coef = fc.integer({ min: -12, max: 12 }).map(BigInt);
    fc.assert(fc.property(fc.array(coef, { minLength: 1, maxLength: 6 }), fc.integer({ min: -30, max: 30 }), (cs, from) => {
      const f: Poly = trim([...cs]);
      const ranges = integerSignRanges(f, BigInt(from));
      // ranges are contiguous from `from` on, the last unbounded
      assert.equal(ranges[0]!.lo, BigInt(from));
      for (let i = 1; i < ranges.length; i++) assert.equal(ranges[i]!.lo, ranges[i - 1]!.hi! + 1n);
      assert.equal(ranges[ranges.length - 1]!.hi, null);
      // roots of these lie below 1 + 12, so 60 integers past `from` show every sign change
      for (let n = BigInt(from); n < BigInt(from) + 60n; n++) assert.equal(signAt(ranges, n), sign(evaluate(f, n)), `f = ${cs} at ${n}`);
    }), { numRuns: 300, seed: 20260 });
  });

  it('square-free part keeps the distinct roots', () => {
    const f = mul(mul([-1n, 1n], [-1n, 1n]), [2n, 1n]); // (n-1)^2 (n+2)
    const s = squareFree(f);
    assert.equal(s.length, 3);
    assert.equal(evaluate(s, 1n), 0n);
    assert.equal(evaluate(s, -2n), 0n);
  });
});
