import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import Fraction from 'fraction.js';
import { describeUnion } from '../../src/conditions/cases.js';
import { Coef } from '../../src/conditions/coef.js';
import { conditionText } from '../../src/conditions/condition-text.js';
import { Region, type Sign } from '../../src/conditions/region.js';
import { evalCondition } from '../../src/rules/condition-eval.js';

test('conditionText: chains, operators and the words for true and false', () => {
  assert.equal(conditionText('m > 0 and m < 1'), '0 < m < 1');
  assert.equal(conditionText('m <= 0 or m >= 1'), 'm ≤ 0 or m ≥ 1');
  assert.equal(conditionText('(m >= 0 and m < 1) or m > 2'), '0 ≤ m < 1 or m > 2');
  assert.equal(conditionText('(m == 1 and s > 1) or m > 1'), '(m = 1 and s > 1) or m > 1');
  assert.equal(conditionText('(x == -1 or x == 1) and ((y > -1 and y < 0) or y > 0)'), '(x = −1 or x = 1) and (−1 < y < 0 or y > 0)');
  assert.equal(conditionText('x > 0 and x < exp(-1)'), '0 < x < exp(−1)');
  assert.equal(conditionText('m*s - 1 > 0 and m > 0 and m <= 1/2'), 'm·s − 1 > 0 and 0 < m ≤ 1/2');
  // bounds that are not constants are not chained
  assert.equal(conditionText('H >= h and H < 2'), 'H ≥ h and H < 2');
  assert.equal(conditionText('true'), 'always');
  assert.equal(conditionText('false'), 'never');
});

/** the text back in mathjs syntax (mathjs reads `0 < m < 1` as a chain) */
const back = (t: string): string =>
  t === 'always' ? 'true' : t === 'never' ? 'false' : t.replace(/≤/g, '<=').replace(/≥/g, '>=').replace(/≠/g, '!=').replace(/ = /g, ' == ').replace(/·/g, '*').replace(/−/g, '-');

test('property: the text says what the mathjs condition says (random unions of regions, at random points)', () => {
  const frac = fc.tuple(fc.integer({ min: -6, max: 6 }), fc.integer({ min: 1, max: 2 })).map(([n, d]) => new Fraction(n, d));
  const cut = fc.tuple(fc.constantFrom('m', 's'), frac, fc.subarray([-1, 0, 1] as Sign[], { minLength: 1, maxLength: 2 }));
  const region = fc.array(cut, { minLength: 1, maxLength: 3 }).map((cs) => cs.reduce<Region | null>((r, [v, c, sg]) => (r ? r.withSign(Coef.param(v).sub(Coef.of(c)), sg)[0] ?? null : null), new Region()));
  const pts = fc.array(fc.tuple(frac, frac), { minLength: 10, maxLength: 10 });
  fc.assert(fc.property(fc.array(region, { minLength: 1, maxLength: 3 }), pts, (rs, ps) => {
    const regions = rs.filter((r): r is Region => r !== null);
    if (regions.length === 0) return;
    const cond = describeUnion(regions, new Region());
    const text = conditionText(cond);
    for (const [m, s] of ps) {
      const at = { m: m.valueOf(), s: s.valueOf() }; // halves and integers: exact in doubles
      assert.equal(evalCondition(back(text), at), evalCondition(cond, at), `${cond} → ${text} at m=${at.m}, s=${at.s}`);
    }
  }), { numRuns: 300 });
});
