/** classify()'s `assume`: a string with several assumptions, an array, or both, all giving the same object; errors name the assumption. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classify } from '../../src/classify.js';
import { errorOf } from '../parse/error-of.js';


describe('classify with several assumptions', () => {
  it('"a > 0, b > 0", ["a > 0", "b > 0"] and ["a > 0, b > 0"] give the same Classification', () => {
    const expr = '-a*n - b*log(1+n)';
    const one = classify(expr, { assume: 'a > 0, b > 0' });
    assert.deepEqual(classify(expr, { assume: ['a > 0', 'b > 0'] }), one);
    assert.deepEqual(classify(expr, { assume: ['a > 0, b > 0'] }), one);
    assert.deepEqual(classify(expr, { assume: 'a > 0; b > 0' }), one);
    assert.equal(one.verdict, 'converges');
  });

  it('the assumptions constrain the answer (a comma is not read as one condition)', () => {
    // without b > 0 the verdict depends on b; with both it does not
    assert.equal(classify('-a*log(1+n) - b*log(1+n)', { assume: 'a > 0' }).verdict, 'conditional');
    assert.equal(classify('-a*log(1+n) - b*log(1+n)', { assume: 'a > 1, b > 0' }).verdict, 'converges');
  });

  it('an error names the assumption and counts its column in it', () => {
    const e = errorOf(() => classify('-m*n', { assume: 'm > 0, m >> 0' }));
    assert.match(e.message, /^in assumption 2 "m >> 0": /);
    assert.equal(e.column, 3);
    assert.equal(e.source, 'm >> 0');
    const late = errorOf(() => classify('-a*n', { assume: ['a > 0', 'max(a, 1) > 2'] }));
    assert.match(late.message, /^in assumption 2 "max\(a, 1\) > 2": /);
    assert.equal(late.source, 'max(a, 1) > 2');
  });

  it('the summation variable and a wrong type get their own messages', () => {
    assert.match(errorOf(() => classify('-m*n', { assume: 'm > 0, n > 0' })).message, /"n" is the summation variable/);
    assert.equal(errorOf(() => classify('-m*n', { assume: 5 as unknown as string })).kind, 'option');
    assert.match(errorOf(() => classify('-m*n', { assume: 'm > 0, m < 0' })).message, /contradict/);
  });
});
