import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import Fraction from 'fraction.js';
import * as I from '../../src/conditions/interval.js';

const f = (x: number | string): Fraction => new Fraction(x as number);
const open = (lo: number | null, hi: number | null): I.RationalInterval => I.make(lo === null ? null : f(lo), true, hi === null ? null : f(hi), true);
const closed = (lo: number, hi: number): I.RationalInterval => I.make(f(lo), false, f(hi), false);

test('signs of intervals with open and closed ends', () => {
  assert.equal(I.signOf(open(0, null)), 1);
  assert.equal(I.signOf(closed(0, 3)), null);
  assert.equal(I.signOf(open(null, 0)), -1);
  assert.equal(I.signOf(I.point(f(0))), 0);
  assert.equal(I.signOf(I.REALS), null);
});

test('products keep strictness only where no endpoint product is attained at 0', () => {
  assert.equal(I.signOf(I.mul(open(0, null), open(0, null))), 1);
  assert.equal(I.signOf(I.mul(open(0, null), closed(0, 5))), null); // 0 is attained
  assert.equal(I.signOf(I.mul(open(0, 1), closed(2, 3))), 1);
  assert.equal(I.signOf(I.mul(open(null, 0), open(0, null))), -1);
});

test('r1 − 1 > 0 exactly on r1 ∈ (1, ∞)', () => {
  assert.equal(I.signOf(I.add(open(1, null), I.point(f(-1)))), 1);
});

test('reciprocal of (0, ∞) is (0, ∞); of an interval around 0 there is none', () => {
  assert.equal(I.show(I.inv(open(0, null))!), '(0, inf)');
  assert.equal(I.inv(closed(-1, 1)), null);
  assert.equal(I.show(I.inv(closed(2, 4))!), '[1/4, 1/2]');
});

test('fracFromFloat is exact', () => {
  fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => x === 0 || (Math.abs(x) > 1e-10 && Math.abs(x) < 1e10)), (x) => {
    assert.equal(I.fracFromFloat(x).valueOf(), x === 0 ? 0 : x);
  }));
});

test('enclosures contain sampled products and sums', () => {
  const iv = fc.tuple(fc.integer({ min: -20, max: 20 }), fc.integer({ min: 0, max: 20 })).map(([a, w]) => closed(a / 4, (a + w) / 4));
  fc.assert(fc.property(iv, iv, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b, s, t) => {
    const x = a.lo!.valueOf() + s * (a.hi!.valueOf() - a.lo!.valueOf());
    const y = b.lo!.valueOf() + t * (b.hi!.valueOf() - b.lo!.valueOf());
    for (const [r, v] of [[I.mul(a, b), x * y], [I.add(a, b), x + y]] as const) {
      assert.ok(r.lo!.valueOf() <= v + 1e-12 && v - 1e-12 <= r.hi!.valueOf(), `${v} in ${I.show(r)}`);
    }
  }));
});
