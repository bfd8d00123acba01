import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Decimal } from 'decimal.js';
import { DomainError } from '../../src/numeric/errors.js';
import { factorialFloat, gammaDecimal, gammaFloat } from '../../src/numeric/gamma.js';

/** |a − b| / |b| < 10^−digits */
function agrees(a: Decimal, expected: string, digits: number): boolean {
  const b = new Decimal(expected);
  return a.minus(b).abs().div(b.abs()).lt(new Decimal(10).pow(-digits));
}

// references from mpmath at 60 digits
const REFERENCE: [string, string][] = [
  ['0.5', '1.77245385090551602729816748334114518279754946'],
  ['10.3', '716430.689062375244547629654716164453422446991'],
  ['-2.5', '-0.945308720482941881225689324448610764158693043'],
  ['123.456', '8.85314932931908413836511710657997186768072744e+203'],
  ['1e-5', '99999.4227942255676734932292202179975279132767'],
  ['-0.5', '-3.54490770181103205459633496668229036559509891'],
  ['2500.5', '3.25761396356934922962826295031191523321291184e+7409'],
  ['0.3333333333333333333333333333333333333333', '2.67893853470774763365569294097467764412896906'],
  ['-10.7', '-2.01638550478836215781224665600618962158575219e-7'],
  ['3001', '4.14935960343785408555686709308661217095111919e+9130'],
];

describe('gammaDecimal', () => {
  it('gamma(0.5) = sqrt(pi) to 30 digits at precision 40', () => {
    const D = Decimal.clone({ precision: 60 });
    const sqrtPi = D.acos(-1).sqrt();
    const g = gammaDecimal('0.5', 40);
    assert.ok(g.minus(sqrtPi).abs().lt('1e-30'), g.toString());
  });

  for (const [x, expected] of REFERENCE) {
    it(`gamma(${x}) to 38 digits`, () => {
      const g = gammaDecimal(x, 40);
      assert.ok(agrees(g, expected, 38), `${g.toString()} vs ${expected}`);
    });
  }

  it('higher precision on request', () => {
    assert.ok(agrees(gammaDecimal('10.3', 44), '716430.689062375244547629654716164453422446991', 43));
  });

  it('exact factorials for integers', () => {
    assert.equal(gammaDecimal(26, 40).toFixed(), '15511210043330985984000000');
    assert.equal(gammaDecimal(1, 40).toString(), '1');
  });

  it('DomainError at non-positive integers', () => {
    for (const x of [0, -1, -7, '-1e3']) {
      assert.throws(() => gammaDecimal(x, 40), DomainError);
    }
  });

  it('overflows to Infinity for huge arguments', () => {
    assert.equal(gammaDecimal('1e20', 40).toString(), 'Infinity');
  });
});

describe('gammaFloat and factorialFloat', () => {
  it('matches references to about 1e-14', () => {
    for (const [x, expected] of REFERENCE) {
      const v = Number(expected);
      if (!Number.isFinite(v)) continue;
      const g = gammaFloat(Number(x));
      assert.ok(Math.abs(g - v) <= 1e-13 * Math.abs(v), `${x}: ${g} vs ${v}`);
    }
    assert.ok(Math.abs(gammaFloat(0.5) - Math.sqrt(Math.PI)) < 1e-15);
  });
  it('NaN at non-positive integers; Infinity past 171', () => {
    assert.ok(Number.isNaN(gammaFloat(0)));
    assert.ok(Number.isNaN(gammaFloat(-3)));
    assert.equal(gammaFloat(172), Infinity);
    assert.equal(gammaFloat(5), 24);
  });
  it('factorial', () => {
    assert.equal(factorialFloat(5), 120);
    assert.equal(factorialFloat(0), 1);
    assert.ok(Number.isNaN(factorialFloat(2.5)));
    assert.ok(Number.isNaN(factorialFloat(-1)));
    assert.equal(factorialFloat(200), Infinity);
  });
});
