import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fraction from 'fraction.js';
import { applyFn, Coef } from '../../src/conditions/coef.js';
import * as I from '../../src/conditions/interval.js';

const m = Coef.param('m'), s = Coef.param('s');

test('canonical form: cancellation and collection', () => {
  assert.ok(m.mul(s).sub(s.mul(m)).isZero());
  assert.equal(m.add(m).toString(), '2*m');
  assert.equal(m.sub(Coef.of(1)).mul(m.add(Coef.of(1))).key, m.mul(m).sub(Coef.of(1)).key);
});

test('logs of integers factor into logs of primes, so log 4 − 2·log 2 = 0', () => {
  assert.ok(applyFn('log', Coef.of(4)).sub(applyFn('log', Coef.of(2)).scale(new Fraction(2))).isZero());
  assert.ok(applyFn('log', Coef.of(1)).isZero());
  assert.ok(applyFn('exp', applyFn('log', m)).equals(m));
});

test('linear in one parameter', () => {
  const lin = m.scale(new Fraction(2)).sub(Coef.of(3)).linearIn();
  assert.deepEqual(lin && { name: lin.name, a: lin.a.toFraction(), b: lin.b.toFraction() }, { name: 'm', a: '2', b: '-3' });
  assert.equal(m.mul(s).linearIn(), null);
});

test('exact rational powers', () => {
  assert.equal(Coef.of(4).pow(Coef.of('1/2' as unknown as number)).toString(), '2');
  assert.equal(Coef.of(8).pow(Coef.of('-2/3' as unknown as number)).toString(), '1/4');
  assert.equal(Coef.of(2).pow(Coef.of('1/2' as unknown as number)).asFraction(), null);
});

test('enclosure of transcendental constants contains the value', () => {
  const e = applyFn('log', Coef.of(5)).enclose(() => I.REALS);
  // log 5 to 40 digits; the enclosure is tighter than a double, so compare exactly
  const log5 = new Fraction(16094379124341003746007593332261876395256n, 10n ** 40n);
  assert.ok(e.lo!.compare(log5) <= 0 && log5.compare(e.hi!) <= 0);
  assert.ok(e.hi!.sub(e.lo!).compare(new Fraction(1n, 10n ** 25n)) < 0);
  assert.equal(I.signOf(applyFn('log', Coef.of(5)).sub(Coef.of(1)).enclose(() => I.REALS)), 1);
});

test('printing in mathjs syntax and LaTeX', () => {
  assert.equal(m.sub(Coef.of(1)).toString(), 'm - 1');
  assert.equal(Coef.param('r1').toTex(), 'r_{1}');
  assert.equal(Coef.param('lambda').toTex(), '\\lambda');
});
