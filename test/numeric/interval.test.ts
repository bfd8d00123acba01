/** Soundness of the outward-rounded double intervals: enclosures contain 50-digit truth. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import * as I from '../../src/numeric/interval.js';

const D = Decimal.clone({ precision: 2000 });
/** transcendental checks (decimal.js knows π and ln 10 to ~1000 digits) */
const D200 = Decimal.clone({ precision: 200 });
const dec200 = (x: number): Decimal => new D200(exactDec(x));

/** the exact value of a double as a Decimal (mantissa · 2^exponent, expanded exactly) */
function exactDec(x: number): Decimal {
  if (x === 0 || !Number.isFinite(x)) return new D(x);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n ? -1n : 1n;
  const expBits = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  let e: number;
  if (expBits === 0) e = -1074;
  else {
    mant |= 1n << 52n;
    e = expBits - 1075;
  }
  const m = sign * mant;
  if (e >= 0) return new D((m * 2n ** BigInt(e)).toString());
  // m / 2^k = m·5^k / 10^k, exactly
  const k = BigInt(-e);
  return new D(`${(m * 5n ** k).toString()}e-${k}`);
}

/** does [lo, hi] contain the decimal value (with no slack: endpoints are exact doubles) */
function contains(a: I.Interval, v: Decimal): boolean {
  return exactDec(a.lo).lte(v) && v.lte(exactDec(a.hi));
}

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).filter((x) => x === 0 || Math.abs(x) > 1e-300);
const positive = fc.double({ min: 1e-6, max: 1e6, noNaN: true, noDefaultInfinity: true });

describe('interval arithmetic', () => {
  it('+ − × ÷ enclose the exact results', () => {
    fc.assert(fc.property(finite, finite, (x, y) => {
      const a = I.exact(x);
      const b = I.exact(y);
      const X = exactDec(x);
      const Y = exactDec(y);
      assert.ok(contains(I.add(a, b), X.plus(Y)));
      assert.ok(contains(I.sub(a, b), X.minus(Y)));
      assert.ok(contains(I.mul(a, b), X.times(Y)));
      if (y !== 0) assert.ok(contains(I.div(a, b), X.div(Y)));
    }), { numRuns: 500 });
  });
  it('exp, log, pow, sin, cos, atan enclose 50-digit values', () => {
    fc.assert(fc.property(positive, fc.double({ min: -3, max: 3, noNaN: true }), (x, y) => {
      const X = dec200(x);
      assert.ok(contains(I.log(I.exact(x)), X.ln()));
      assert.ok(contains(I.exp(I.exact(Math.min(x, 50))), dec200(Math.min(x, 50)).exp()));
      assert.ok(contains(I.pow(I.exact(x), I.exact(y)), X.pow(dec200(y))));
      const s = Math.min(x, 1000);
      assert.ok(contains(I.sin(I.exact(s)), dec200(s).sin()));
      assert.ok(contains(I.cos(I.exact(s)), dec200(s).cos()));
      assert.ok(contains(I.atan(I.exact(s)), dec200(s).atan()));
    }), { numRuns: 300 });
  });
  it('interval inputs: every point of the input maps inside the output', () => {
    fc.assert(fc.property(positive, positive, fc.double({ min: 0, max: 1, noNaN: true }), (x, y, t) => {
      const lo = Math.min(x, y);
      const hi = Math.max(x, y);
      const p = lo + t * (hi - lo);
      const A = { lo, hi };
      for (const [f, g] of [[I.log, Math.log], [I.sqrt, Math.sqrt], [I.atan, Math.atan], [(a: I.Interval) => I.powInt(a, 3), (v: number) => v ** 3]] as const) {
        const r = f(A);
        const v = g(p);
        assert.ok(r.lo <= v + Math.abs(v) * 1e-15 && v - Math.abs(v) * 1e-15 <= r.hi);
      }
      const s = I.sin({ lo: -lo, hi: hi });
      assert.ok(s.lo <= Math.sin(p) && Math.sin(p) <= s.hi);
    }), { numRuns: 300 });
  });
  it('handles unbounded ranges and 0·∞', () => {
    const X = { lo: 10, hi: Infinity };
    assert.deepEqual(I.mul({ lo: 0, hi: 0 }, X), { lo: 0, hi: 0 });
    assert.equal(I.recip(X).lo, 0);
    assert.equal(I.exp({ lo: -Infinity, hi: 0 }).lo, 0);
    assert.equal(I.log(X).hi, Infinity);
    assert.throws(() => I.log({ lo: 0, hi: 1 }), I.IntervalDomainError);
    assert.throws(() => I.div(I.ONE, { lo: -1, hi: 1 }), I.IntervalDomainError);
  });
  it('keeps exact integer arithmetic exact', () => {
    assert.deepEqual(I.add(I.exact(2), I.exact(3)), { lo: 5, hi: 5 });
    assert.deepEqual(I.mul(I.exact(-1), I.exact(7)), { lo: -7, hi: -7 });
    assert.deepEqual(I.powInt({ lo: -2, hi: 3 }, 2), { lo: 0, hi: 9 });
  });
});
