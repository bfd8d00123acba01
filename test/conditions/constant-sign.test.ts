/**
 * Constants signed from their exact value: signs only high precision decides, exact
 * zeros from the canonical form, honest give-ups, and sizes that must not be expanded.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import Fraction from 'fraction.js';
import { applyFn, Coef } from '../../src/conditions/coef.js';
import { encloseConstant } from '../../src/conditions/constant-enclose.js';
import { constantSign, UndecidableSign } from '../../src/conditions/constant-sign.js';
import * as I from '../../src/conditions/interval.js';
import { NeedSplit, Region } from '../../src/conditions/region.js';

const q = (n: bigint | number, d: bigint | number = 1): Coef => Coef.of(new Fraction(BigInt(n), BigInt(d)));
const pi = Coef.atom({ kind: 'const', name: 'pi' });
const e = Coef.atom({ kind: 'const', name: 'e' });
const exp = (c: Coef): Coef => applyFn('exp', c);
const log = (c: Coef): Coef => applyFn('log', c);
const sin = (c: Coef): Coef => applyFn('sin', c);
const cos = (c: Coef): Coef => applyFn('cos', c);
const sqrt = (c: Coef): Coef => c.pow(q(1, 2));
const pow = (b: Coef, x: Coef): Coef => b.pow(x);
const half = q(1, 2);

describe('signs that only high precision decides', () => {
  it('sin(10^23) > 0 and cos(10^22) > 0, with exact argument reduction', () => {
    assert.equal(constantSign(sin(pow(q(10), q(23)))), 1); // the double nearest 10^23 has sin −0.324
    assert.equal(constantSign(cos(pow(q(10), q(22)))), 1); // 0.5232…
    assert.equal(constantSign(sin(pow(q(10), q(22)))), -1); // −0.8522…
    // sin(10^400) = −0.998538231983…: 400 more digits of π in the reduction
    assert.equal(constantSign(sin(pow(q(10), q(400))).add(q(9985382319, 10n ** 10n))), -1);
    assert.equal(constantSign(sin(pow(q(10), q(400))).add(q(9985382320, 10n ** 10n))), 1);
  });

  it('e^{π√163} is 7.5·10^−13 below the integer 640320³ + 744', () => {
    const c = exp(pi.mul(sqrt(q(163)))).sub(q(640320n ** 3n + 744n));
    assert.equal(constantSign(c), -1);
  });

  it('log(1 + e^−50) is taken from e^−50 itself', () => {
    const l = log(q(1).add(exp(q(-50))));
    assert.equal(constantSign(l.sub(exp(q(-50)))), -1); // log(1 + x) − x ≈ −x²/2 = −1.9·10^−44
    assert.equal(constantSign(l.sub(exp(q(-51)))), 1); // the coefficient: 1 + 1.2·10^−22 against 1
    const enc = encloseConstant(l.sub(exp(q(-51))), 20);
    assert.ok(enc.lo.gt('1.2192e-22') && enc.hi.lt('1.2193e-22'));
  });

  it('1 − 10^−60 > 0 by a non-literal route, and (1 + 2^−3000)^(2^40) > 1', () => {
    assert.equal(constantSign(q(1).sub(exp(q(-1, 10n ** 60n)))), 1);
    assert.equal(constantSign(q(1).sub(exp(q(1, 10n ** 60n)))), -1);
    const big = pow(q(1).add(pow(q(2), q(-3000))), pow(q(2), q(40)));
    assert.equal(constantSign(big), 1);
    assert.equal(constantSign(big.sub(q(1))), 1); // 10^−891 above 1
  });

  it('huge and tiny magnitudes keep their sign', () => {
    assert.equal(constantSign(pow(q(2), pow(q(2), q(20))).sub(q(1))), 1);
    assert.equal(constantSign(pow(q(10), q(-100000))), 1);
    assert.equal(constantSign(exp(q(-1000000)).neg()), -1);
    assert.equal(constantSign(exp(exp(q(100)).neg())), 1); // underflows every decimal; the form says > 0
    const enc = encloseConstant(pow(q(2), pow(q(2), q(20))), 20);
    assert.equal(enc.lo.e, 315652);
  });

  it('Γ at non-integers', () => {
    assert.equal(constantSign(applyFn('gamma', pi).sub(q(2288, 1000))), 1); // Γ(π) = 2.28803…
    assert.equal(constantSign(applyFn('gamma', q(-1, 3))), -1); // Γ(−⅓) = −4.0623…
    assert.equal(constantSign(applyFn('gamma', q(1, 3)).sub(q(26789385347n, 10n ** 10n))), 1); // 2.678938534707…
  });
});

describe('exact zeros and identities in the canonical form', () => {
  it('e = exp(1), exp(a)·exp(b) = exp(a + b)', () => {
    assert.ok(e.sub(exp(q(1))).isZero());
    assert.ok(e.powInt(2).sub(exp(q(2))).isZero());
    assert.ok(exp(q(2)).mul(exp(q(-2))).isOne());
    assert.ok(exp(pi).mul(exp(q(1))).equals(exp(pi.add(q(1)))));
    assert.ok(log(e).isOne());
    assert.equal(e.toString(), 'e');
  });

  it('powers of one rational base combine', () => {
    assert.ok(sqrt(q(2)).powInt(2).sub(q(2)).isZero());
    assert.ok(sqrt(q(8)).sub(sqrt(q(2)).scale(new Fraction(2))).isZero());
    assert.ok(pow(pow(q(3), q(1, 3)), q(3)).sub(q(3)).isZero());
    assert.ok(sqrt(q(2)).mul(pow(q(2), q(1, 3))).equals(pow(q(2), q(5, 6))));
    assert.ok(sqrt(q(2)).inv().equals(sqrt(q(2)).scale(new Fraction(1, 2))));
    assert.equal(sqrt(Coef.of(new Fraction(10n ** 400n))).asFraction()!.n, 10n ** 200n); // no BigInt(Infinity)
    assert.ok(log(pow(q(2), q(4000))).sub(log(q(2)).scale(new Fraction(4000))).isZero());
    assert.ok(log(sqrt(q(2))).equals(log(q(2)).scale(new Fraction(1, 2))));
  });

  it('sin and cos at simple multiples of π', () => {
    assert.ok(sin(pi).isZero());
    assert.ok(sin(pi.scale(new Fraction(7))).isZero());
    assert.ok(cos(pi).equals(q(-1)));
    assert.ok(cos(pi.scale(new Fraction(1, 2))).isZero());
    assert.ok(sin(pi.scale(new Fraction(-1, 2))).equals(q(-1)));
    assert.ok(sin(pi.scale(new Fraction(1, 6))).equals(half));
    assert.ok(cos(pi.scale(new Fraction(1, 3))).equals(half));
    assert.ok(sin(pi.scale(new Fraction(1, 4))).powInt(2).equals(half));
    assert.ok(applyFn('tan', pi.scale(new Fraction(1, 4))).isOne());
    assert.ok(applyFn('atan', q(1)).scale(new Fraction(4)).equals(pi));
  });

  it('Γ at positive integers and half-integers', () => {
    assert.ok(applyFn('gamma', q(5)).equals(q(24)));
    assert.ok(applyFn('gamma', half).equals(sqrt(pi)));
    assert.ok(applyFn('gamma', half).powInt(2).equals(pi));
    assert.ok(applyFn('gamma', q(5, 2)).equals(sqrt(pi).scale(new Fraction(3, 4))));
    assert.ok(applyFn('gamma', q(-1, 2)).equals(sqrt(pi).scale(new Fraction(-2))));
  });

  it('an exact zero has sign 0; the issue examples', () => {
    assert.equal(constantSign(e.sub(exp(q(1))).add(q(2))), 1); // −(e − exp(1) + 2)·n has slope −2
    assert.equal(constantSign(sqrt(q(2)).powInt(2).sub(q(2))), 0);
    assert.equal(constantSign(sin(pi)), 0);
    assert.equal(constantSign(applyFn('floor', pi).sub(q(3))), 0); // the enclosure [0, 0] is a proof
  });

  it('a zero the canonical form does not see is undecidable, not a guess', () => {
    // Machin-like: atan(½) + atan(⅓) = π/4, but nothing here knows it
    const c = applyFn('atan', half).add(applyFn('atan', q(1, 3))).sub(pi.scale(new Fraction(1, 4)));
    assert.throws(() => constantSign(c), UndecidableSign);
    assert.throws(() => constantSign(sin(pow(q(2), pow(q(2), q(20))))), UndecidableSign); // beyond the reduction bound
    assert.throws(() => constantSign(applyFn('gamma', q(0))), UndecidableSign); // a pole
  });
});

describe('properties', () => {
  const pos = fc.record({ n: fc.bigInt({ min: 1n, max: 10n ** 12n }), d: fc.bigInt({ min: 1n, max: 10n ** 12n }) }).map(({ n, d }) => new Fraction(n, d));
  // near pairs: p and p·(1 + 10^−k), so the ladder has to climb
  const pair = fc.tuple(pos, fc.integer({ min: 1, max: 120 }), fc.boolean()).map(([p, k, up]) => {
    const eps = new Fraction(1n, 10n ** BigInt(k));
    return [p, p.mul(up ? new Fraction(1).add(eps) : new Fraction(1).sub(eps))] as const;
  });
  const sgn = (f: Fraction): number => f.compare(0);

  it('monotone functions order constants as their arguments', () => {
    fc.assert(fc.property(pair, ([a, b]) => {
      const want = sgn(a.sub(b));
      assert.equal(constantSign(log(Coef.of(a)).sub(log(Coef.of(b)))), want);
      assert.equal(constantSign(sqrt(Coef.of(a)).sub(sqrt(Coef.of(b)))), want);
      assert.equal(constantSign(applyFn('atan', Coef.of(a)).sub(applyFn('atan', Coef.of(b)))), want);
    }), { numRuns: 60 });
  });

  it('the enclosure at any precision contains the exact rational value', () => {
    fc.assert(fc.property(pos, pos, fc.integer({ min: 5, max: 200 }), (a, b, digits) => {
      const c = Coef.of(a).sub(Coef.of(b).mul(q(3, 7)));
      const v = a.sub(b.mul(new Fraction(3, 7)));
      const x = encloseConstant(c, digits);
      assert.ok(x.lo.lte(v.valueOf() + Math.abs(v.valueOf()) * 1e-12 + 1e-300) && x.hi.gte(v.valueOf() - Math.abs(v.valueOf()) * 1e-12 - 1e-300));
      // exp(log a) and (√a)² are a exactly, by the canonical form
      assert.ok(exp(log(Coef.of(a))).equals(Coef.of(a)));
      assert.ok(sqrt(Coef.of(a)).powInt(2).equals(Coef.of(a)));
    }), { numRuns: 100 });
  });
});

describe('regions', () => {
  const root = new Region();
  const m = Coef.param('m');

  it('a region answers constants from their exact value and still splits on parameters', () => {
    assert.equal(root.sign(sin(pow(q(10), q(23)))), 1);
    assert.throws(() => root.sign(m.sub(log(q(5)))), NeedSplit);
    const [above] = root.withSign(m.sub(q(2)), [1]);
    assert.equal(above!.sign(m.sub(log(q(5)))), 1); // log 5 = 1.609… < 2 < m
  });

  it('parametric enclosures use certified constants and outward doubles', () => {
    const box = (lo: number, hi: number) => (name: string) => (name === 'm' ? I.make(new Fraction(lo), false, new Fraction(hi), false) : I.REALS);
    const c = m.mul(log(q(5)));
    const x = c.enclose(box(1, 2));
    // log 5 truncated to 40 digits lies above every 30-digit lower bound: [1·log 5, 2·log 5] up to 10^−25
    const log5 = new Fraction(16094379124341003746007593332261876395256n, 10n ** 40n);
    assert.ok(x.lo!.compare(log5) <= 0);
    assert.ok(x.hi!.compare(log5.mul(2)) >= 0);
    assert.ok(x.lo!.compare(new Fraction(1609437912, 10 ** 9)) > 0);
    const s = sin(m).enclose(box(0, 100));
    assert.ok(s.lo!.equals(-1) && s.hi!.equals(1));
    // a big power of a parameter stays bounded work
    const p = m.pow(q(2n ** 20n)).enclose(box(2, 3));
    assert.ok(p.lo === null || p.lo.compare(0) >= 0);
  });
});
