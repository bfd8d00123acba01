/**
 * Certified decimal intervals at a chosen precision: enclosures contain exact
 * rationals (checked exactly), identities hold up to the enclosure, π and the
 * argument reduction of sin/cos match known digits, Γ matches factorials.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import Fraction from 'fraction.js';
import { exactRoot, integerRoot } from '../../src/numeric/bigint-math.js';
import { gamma } from '../../src/numeric/precise-gamma.js';
import { Arith, type PInterval, Unenclosable } from '../../src/numeric/precise-interval.js';
import { piInterval } from '../../src/numeric/precise-pi.js';
import { atan, sinCos, tan } from '../../src/numeric/precise-trig.js';
import { exactIntPow, MAX_EXACT_BITS, perfectPower } from '../../src/numeric/rational-power.js';

/** the exact rational value of a finite Decimal */
function exact(d: Decimal): Fraction {
  const [mant, exp] = d.toExponential().split('e') as [string, string];
  const neg = mant.startsWith('-');
  const body = mant.replace('-', '');
  const shift = (body.split('.')[1] ?? '').length;
  const e = Number(exp) - shift;
  const n = BigInt(body.replace('.', ''));
  const f = e >= 0 ? new Fraction(n * 10n ** BigInt(e)) : new Fraction(n, 10n ** BigInt(-e));
  return neg ? f.neg() : f;
}
const contains = (x: PInterval, f: Fraction): boolean => exact(x.lo).compare(f) <= 0 && f.compare(exact(x.hi)) <= 0;
const meets = (a: PInterval, b: PInterval): boolean => a.lo.lte(b.hi) && b.lo.lte(a.hi);
const widthBelow = (x: PInterval, rel: string): boolean => x.hi.minus(x.lo).lte(Decimal.max(x.lo.abs(), x.hi.abs()).times(rel));

const rationalArb = fc.record({ n: fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), d: fc.bigInt({ min: 1n, max: 10n ** 20n }) })
  .map(({ n, d }) => new Fraction(n, d));
const digitsArb = fc.integer({ min: 5, max: 80 });
const enclose = (A: Arith, f: Fraction): PInterval => (f.s < 0n ? A.neg(A.rational(f.n, f.d)) : A.rational(f.n, f.d));

describe('arithmetic encloses the exact rational result', () => {
  it('+ − × ÷ and integer powers', () => {
    fc.assert(fc.property(rationalArb, rationalArb, digitsArb, fc.integer({ min: -7, max: 9 }), (a, b, digits, k) => {
      const A = Arith.at(digits);
      const x = enclose(A, a), y = enclose(A, b);
      assert.ok(contains(x, a));
      assert.ok(contains(A.add(x, y), a.add(b)));
      assert.ok(contains(A.sub(x, y), a.sub(b)));
      assert.ok(contains(A.mul(x, y), a.mul(b)));
      if (!b.equals(0)) assert.ok(contains(A.div(x, y), a.div(b)));
      if (!(a.equals(0) && k < 0)) assert.ok(contains(A.powInt(x, BigInt(k)), a.pow(k)));
    }), { numRuns: 300 });
  });

  it('powers with exponents beyond 2^53 go through exp·ln, still enclosing', () => {
    const A = Arith.at(30);
    const k = 2n ** 60n;
    // (1 + 2^−70)^(2^60) = exp(2^60·log1p(2^−70)) ≈ 1 + 2^−10 + …: between 1 + 2^−10 and 1 + 2^−10 + 2^−20
    const base = A.rational(2n ** 70n + 1n, 2n ** 70n);
    const r = A.powInt(base, k);
    assert.ok(r.lo.gt(new Decimal(1).plus(new Decimal(2).pow(-10))));
    assert.ok(r.hi.lt(new Decimal(1).plus(new Decimal(2).pow(-10)).plus(new Decimal(2).pow(-20))));
  });

  it('log1p is accurate for tiny arguments: x − x²/2 ≤ ln(1 + x) ≤ x', () => {
    fc.assert(fc.property(fc.bigInt({ min: 1n, max: 10n ** 6n }), fc.integer({ min: 3, max: 400 }), digitsArb, (m, e, digits) => {
      const A = Arith.at(digits);
      const x = new Fraction(m, 10n ** BigInt(e));
      fc.pre(x.compare(new Fraction(1, 2)) < 0);
      const r = A.log1p(A.rational(x.n, x.d));
      assert.ok(exact(r.lo).compare(x) <= 0, 'upper bound x');
      assert.ok(exact(r.hi).compare(x.sub(x.mul(x).div(2))) >= 0, 'lower bound x − x²/2');
      assert.ok(widthBelow(r, `1e-${digits - 3}`));
      // and for negative x: x/(1+x) ≤ ln(1+x) ≤ x
      const y = x.neg();
      const s = A.log1p(A.neg(A.rational(x.n, x.d)));
      assert.ok(exact(s.lo).compare(y) <= 0 && exact(s.hi).compare(y.div(y.add(1))) >= 0);
    }), { numRuns: 150 });
  });

  it('exp and ln are inverse up to the enclosure, at every precision', () => {
    fc.assert(fc.property(rationalArb.filter((f) => f.abs().compare(1000) < 0), digitsArb, (a, digits) => {
      const A = Arith.at(digits);
      const x = enclose(A, a);
      assert.ok(contains(A.ln(A.exp(x)), a));
      if (a.compare(0) > 0) assert.ok(contains(A.exp(A.ln(x)), a));
      assert.ok(widthBelow(A.exp(x), `1e-${digits - 4}`));
    }), { numRuns: 150 });
  });

  it('tanh, sinh and cosh of huge arguments are cheap and tight (decimal.js alone takes minutes)', () => {
    const A = Arith.at(30);
    const t = A.tanh(A.point('-1.4e22'));
    assert.ok(t.lo.gte(-1) && t.hi.lt(-0.999999) && t.lo.lte(-1 + 1e-40));
    const c = A.cosh(A.point('1e8'));
    assert.ok(c.lo.gt('7.7498837332421325e43429447') && c.hi.lt('7.7498837332421326e43429447')); // e^(10^8)/2
    const s = A.sinh(A.point('-3'));
    assert.ok(s.lo.lte('-10.01787492740990189897459361946547') && s.hi.gte('-10.01787492740990189897459361946547')); // −sinh 3
    fc.assert(fc.property(rationalArb.filter((f) => f.abs().compare(50) < 0), digitsArb, (a, digits) => {
      const B = Arith.at(digits);
      const x = enclose(B, a);
      // cosh² − sinh² = 1, tanh = sinh/cosh
      const one = B.sub(B.powInt(B.cosh(x), 2n), B.powInt(B.sinh(x), 2n));
      assert.ok(one.lo.lte(1) && one.hi.gte(1));
      assert.ok(meets(B.tanh(x), B.div(B.sinh(x), B.cosh(x))));
    }), { numRuns: 100 });
  });

  it('exp keeps its sign and order of magnitude past the exponent range', () => {
    const A = Arith.at(20);
    const big = A.exp(A.point('1e20'));
    assert.ok(big.lo.gt('1e1000000') && !big.hi.isFinite());
    const small = A.exp(A.point('-1e20'));
    assert.ok(small.lo.gte(0) && small.hi.gt(0) && small.hi.lt('1e-1000000'));
  });
});

describe('π, sin, cos and tan', () => {
  it('π to 100 digits, at several precisions', () => {
    const PI100 = '3.141592653589793238462643383279502884197169399375105820974944592307816406286208998628034825342117067';
    // π truncated at 100 digits lies in every enclosure of fewer digits (lo ≤ trunc_d(π) ≤ trunc_100(π) < π ≤ hi)
    const trunc = exact(new Decimal(PI100));
    for (const d of [10, 50, 90]) {
      const p = piInterval(d);
      assert.ok(contains(p, trunc));
      assert.ok(widthBelow(p, `1e-${d - 2}`));
    }
    assert.ok(meets(piInterval(2000), piInterval(30)));
  });

  it('sin(10^22) and cos(10^22) from exact reduction (known values)', () => {
    const x = Arith.at(60).point('1e22');
    const s = sinCos('sin', x, 30), c = sinCos('cos', x, 30);
    // sin(1e22) = −0.8522008497671888017727…, cos(1e22) = 0.5232147853951389454975…
    assert.ok(s.lo.lt('-0.85220084976718880177') && s.hi.gt('-0.85220084976718880178'));
    assert.ok(c.lo.lt('0.52321478539513894550') && c.hi.gt('0.52321478539513894549'));
    const t = sinCos('sin', Arith.at(60).point('1e23'), 30);
    assert.ok(t.lo.gt('0.7011406') && t.hi.lt('0.7011407')); // the double nearest 10^23 has sin −0.324
  });

  it('sin² + cos² = 1 and tan = sin/cos, for random rationals', () => {
    fc.assert(fc.property(rationalArb, fc.integer({ min: 10, max: 60 }), (a, digits) => {
      const A = Arith.at(digits + 40);
      const x = enclose(A, a);
      const s = sinCos('sin', x, digits), c = sinCos('cos', x, digits);
      const B = Arith.at(digits);
      const one = B.add(B.powInt(s, 2n), B.powInt(c, 2n));
      assert.ok(one.lo.lte(1) && one.hi.gte(1));
      try {
        assert.ok(meets(tan(x, digits), B.div(s, c)));
      } catch (e) {
        assert.ok(e instanceof Unenclosable);
      }
    }), { numRuns: 150 });
  });

  it('atan agrees with decimal.js, atan(1) = π/4, atan(±∞) → ±π/2', () => {
    fc.assert(fc.property(rationalArb, fc.integer({ min: 10, max: 60 }), (a, digits) => {
      const A = Arith.at(digits);
      const r = atan(enclose(A, a), digits);
      const D = Decimal.clone({ precision: digits + 10 });
      const ref = new D(a.s < 0n ? -1 : 1).times(new D(a.n.toString()).div(a.d.toString())).atan();
      assert.ok(r.lo.lte(ref.plus(ref.abs().times(`1e-${digits + 5}`))) && r.hi.gte(ref.minus(ref.abs().times(`1e-${digits + 5}`))));
      assert.ok(widthBelow(r, `1e-${digits - 3}`) || a.equals(0));
    }), { numRuns: 100 });
    const A = Arith.at(300);
    assert.ok(meets(A.mul(A.point(4), atan(A.point(1), 300)), piInterval(300)));
    const big = atan(A.point('1e400'), 300);
    assert.ok(big.hi.lte(A.mul(A.rational(1n, 2n), piInterval(300)).hi) && big.lo.gt(1.5707));
  });

  it('sin of a wide interval contains its extremes', () => {
    const r = sinCos('sin', { lo: new Decimal(1), hi: new Decimal(2) }, 20);
    assert.ok(r.hi.gte(1) && r.lo.lte('0.84147098480789650665250') && r.lo.gt('0.8414709848078'));
    const w = sinCos('cos', { lo: new Decimal(-100), hi: new Decimal(100) }, 20);
    assert.ok(w.lo.lte(-1) && w.hi.gte(1));
  });
});

describe('Γ', () => {
  it('Γ(n) = (n − 1)! and Γ(x + 1) = x·Γ(x)', () => {
    let f = 1n;
    for (let n = 1; n <= 40; n++) {
      if (n > 1) f *= BigInt(n - 1);
      assert.ok(contains(gamma(Arith.at(40).point(n), 40), new Fraction(f)), `Γ(${n})`);
    }
    fc.assert(fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 97 }), fc.integer({ min: 10, max: 60 }), (p, q, digits) => {
      const A = Arith.at(digits);
      const x = A.rational(BigInt(p), BigInt(q));
      const g = gamma(x, digits), g1 = gamma(A.add(x, A.point(1)), digits);
      assert.ok(meets(A.mul(x, g), g1));
      assert.ok(widthBelow(g, `1e-${digits - 5}`));
    }), { numRuns: 60 });
  });

  it('Γ(½)² = π, reflection for negative arguments, poles give up', () => {
    const A = Arith.at(50);
    const g = gamma(A.rational(1n, 2n), 50);
    assert.ok(meets(A.mul(g, g), piInterval(50)));
    // Γ(−½) = −2√π
    const gm = gamma(A.neg(A.rational(1n, 2n)), 50);
    assert.ok(meets(gm, A.mul(A.point(-2), A.sqrt(piInterval(50)))));
    assert.throws(() => gamma(A.point(0), 30), Unenclosable);
    assert.throws(() => gamma(A.point(-3), 30), Unenclosable);
  });
});

describe('exact integer and rational powers', () => {
  it('integer roots are floors', () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 10n ** 200n }), fc.integer({ min: 1, max: 40 }), (x, k) => {
      const r = integerRoot(x, k);
      assert.ok(r ** BigInt(k) <= x && (r + 1n) ** BigInt(k) > x);
    }), { numRuns: 200 });
    assert.equal(exactRoot(10n ** 400n, 2), 10n ** 200n); // Number(10n ** 400n) is Infinity
    assert.equal(exactRoot(10n ** 400n + 1n, 2), null);
  });

  it('perfect powers are found, exact powers are capped', () => {
    assert.deepEqual(perfectPower(new Fraction(10n ** 400n)), { root: new Fraction(10), j: 400 });
    assert.deepEqual(perfectPower(new Fraction(8, 27)), { root: new Fraction(2, 3), j: 3 });
    assert.equal(perfectPower(new Fraction(12)).j, 1);
    assert.equal(exactIntPow(new Fraction(2), 3000n)!.n, 2n ** 3000n);
    assert.equal(exactIntPow(new Fraction(2), BigInt(MAX_EXACT_BITS) * 4n), null);
    assert.equal(exactIntPow(new Fraction(-1), 2n ** 40n + 1n)!.valueOf(), -1);
  });
});
