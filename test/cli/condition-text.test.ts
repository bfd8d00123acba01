/** conditionText: mathjs conditions in paper notation, with the same meaning. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { conditionText, negatedComparison } from '../../src/cli/condition-text.js';
import { evalCondition } from '../../src/rules/condition-eval.js';

/** The paper notation back in mathjs syntax: chains a < x ≤ b become (x > a and x <= b). */
function back(text: string): string {
  return text
    .replace(/−/g, '-').replace(/·/g, '*')
    .replace(/([-−]?\d+) (<|≤) ([a-z]) (<|≤) ([-−]?\d+)/g, (_m, a: string, o1: string, x: string, o2: string, b: string) =>
      `(${x} ${o1 === '<' ? '>' : '>='} ${a} and ${x} ${o2 === '<' ? '<' : '<='} ${b})`)
    .replace(/≤/g, '<=').replace(/≥/g, '>=').replace(/≠/g, '!=').replace(/ = /g, ' == ');
}

const OPS = ['<', '<=', '>', '>=', '==', '!='] as const;
const comparison = fc.tuple(fc.constantFrom('x', 'y'), fc.constantFrom(...OPS), fc.integer({ min: -3, max: 3 }))
  .map(([v, op, c]) => `${v} ${op} ${c}`);
const condition: fc.Arbitrary<string> = fc.letrec<{ c: string }>((tie) => ({
  c: fc.oneof({ maxDepth: 3 }, comparison, fc.tuple(tie('c'), fc.constantFrom('and', 'or'), tie('c')).map(([a, op, b]) => `(${a}) ${op} (${b})`)),
})).c;

describe('conditionText', () => {
  it('writes intervals as chains, == as =, <= as ≤, and keeps and/or grouping visible', () => {
    assert.equal(conditionText('m > 0 and m < 1'), '0 < m < 1');
    assert.equal(conditionText('m == 1'), 'm = 1');
    assert.equal(conditionText('m <= 1'), 'm ≤ 1');
    assert.equal(conditionText('r2 == 0 or (r1 > 0 and r1 <= 1 and r2 > 0)'), 'r2 = 0 or (0 < r1 ≤ 1 and r2 > 0)');
    assert.equal(conditionText('-log(x) > 0'), '−log(x) > 0');
    assert.equal(conditionText('true'), 'always');
  });
  it('means what the mathjs condition means, at every point (random conditions)', () => {
    fc.assert(fc.property(condition, fc.integer({ min: -4, max: 4 }), fc.integer({ min: -4, max: 4 }), (c, x, y) => {
      const text = conditionText(c);
      assert.equal(evalCondition(back(text), { x, y }), evalCondition(c, { x, y }), `${c} → ${text}`);
    }), { numRuns: 300 });
  });
  it('negates one comparison, and nothing compound', () => {
    assert.equal(negatedComparison('r2 < 0'), 'r2 >= 0');
    assert.equal(negatedComparison('a >= 1'), 'a < 1');
    assert.equal(negatedComparison('a > 0 and a < 1'), null);
    fc.assert(fc.property(comparison, fc.integer({ min: -4, max: 4 }), (c, x) => {
      assert.equal(evalCondition(negatedComparison(c)!, { x, y: x }), !evalCondition(c, { x, y: x }));
    }));
  });
});
