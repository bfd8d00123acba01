import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fraction from 'fraction.js';
import { describeRegion, describeUnion, explore, mergeLeaves } from '../../src/conditions/cases.js';
import { applyFn, Coef } from '../../src/conditions/coef.js';
import { NeedSplit, Region } from '../../src/conditions/region.js';

const m = Coef.param('m'), s = Coef.param('s');
const root = new Region();

test('a sign the region cannot give splits into three pieces', () => {
  assert.throws(() => root.sign(m.sub(Coef.of(1))), (e: unknown) => e instanceof NeedSplit && e.pieces.length === 3);
  const [pos] = root.withSign(m.sub(Coef.of(1)), [1]);
  assert.equal(pos!.sign(m), 1);
  assert.equal(pos!.sign(m.mul(m).add(Coef.of(1))), 1);
  assert.equal(describeRegion(pos!, root), 'm > 1');
});

test('products factor into the signs of their factors', () => {
  const [r] = root.withSign(m, [1]);
  const [r2] = r!.withSign(s, [-1]);
  assert.equal(r2!.sign(m.mul(s).scale(new Fraction(3))), -1);
});

test('non-strict assumptions give one region', () => {
  const rs = root.withSign(m.sub(Coef.of(2)), [-1, 0]);
  assert.equal(rs.length, 1);
  assert.equal(describeRegion(rs[0]!, root), 'm <= 2');
});

test('nonlinear signs become facts', () => {
  const c = m.mul(s).sub(Coef.of(1));
  const [r] = root.withSign(c, [1]);
  assert.equal(r!.sign(c), 1);
  assert.equal(describeRegion(r!, root), 'm*s - 1 > 0');
});

test('explore + merge: sign of m − 1 and s − 1, merged by outcome', () => {
  const leaves = explore([root], (r) => (r.sign(m.sub(Coef.of(1))) > 0 || (r.sign(m.sub(Coef.of(1))) === 0 && r.sign(s.sub(Coef.of(1))) > 0) ? 'C' : 'D'), () => 'U');
  const merged = mergeLeaves(leaves, (x) => x, (a) => a);
  const byOutcome = (o: string) => describeUnion(merged.filter((l) => l.result === o).map((l) => l.region), root);
  assert.equal(byOutcome('C'), '(m == 1 and s > 1) or m > 1');
  assert.equal(byOutcome('D'), 'm < 1 or (m == 1 and s <= 1)');
});

test('parameter-free common factors are taken out: log(2)·m − log(2) splits at m = 1', () => {
  const l2 = applyFn('log', Coef.of(2));
  const c = l2.mul(m).sub(l2);
  assert.throws(() => root.sign(c), (e: unknown) => e instanceof NeedSplit && e.pieces.map((r) => describeRegion(r, root)).join('; ') === 'm < 1; m == 1; m > 1');
  const [above] = root.withSign(m.sub(Coef.of(1)), [1]);
  assert.equal(above!.sign(c), 1);
});
