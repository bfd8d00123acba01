/** evalCondition: mathjs boolean conditions at a point, without mathjs' evaluator. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConditionError, evalCondition } from '../../src/rules/condition-eval.js';

describe('evalCondition', () => {
  it('handles comparisons, chains and logic', () => {
    assert.equal(evalCondition('r1 > 1', { r1: 2 }), true);
    assert.equal(evalCondition('r1 > 1', { r1: 1 }), false);
    assert.equal(evalCondition('m > 1 or (m == 1 and s > 1)', { m: 1, s: 2 }), true);
    assert.equal(evalCondition('m > 1 or (m == 1 and s > 1)', { m: 1, s: 1 }), false);
    assert.equal(evalCondition('0 < r2 <= 2', { r2: 2 }), true);
    assert.equal(evalCondition('not (a != 0)', { a: 0 }), true);
    assert.equal(evalCondition('true', {}), true);
    assert.equal(evalCondition('2*a - 1 >= a^2/2 + log(1)', { a: 1 }), true);
  });
  it('refuses what it cannot evaluate', () => {
    assert.throws(() => evalCondition('m > 1', {}), ConditionError);
    assert.throws(() => evalCondition('m + 1', { m: 1 }), ConditionError);
    assert.throws(() => evalCondition('f(m) > 1', { m: 1 }), ConditionError);
    assert.throws(() => evalCondition('m = 1', { m: 1 }), ConditionError);
    assert.throws(() => evalCondition('m >', { m: 1 }), ConditionError);
  });
});
