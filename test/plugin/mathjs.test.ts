/** The mathjs plugin, from the real mathjs package: math.import(mathjsPlugin). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { all, create } from 'mathjs';
import { classify } from '../../src/classify.js';
import { mathjsPlugin } from '../../src/plugin/index.js';

const math = create(all);
math.import(mathjsPlugin);

test('classify("-2*log(1+n)") returns the same Classification object as the API', () => {
  assert.deepEqual(math.evaluate('classify("-2*log(1+n)")'), classify('-2*log(1+n)'));
});

test('options from the mathjs parser: arrays arrive as matrices', () => {
  assert.deepEqual(math.evaluate('classify("-m*n", {assume: ["m > 0"], from: 1})'), classify('-m*n', { assume: ['m > 0'], from: 1 }));
});

test('convergent: true, false, or the condition where it converges', () => {
  assert.equal(math.evaluate('convergent("-2*log(1+n)")'), true);
  assert.equal(math.evaluate('convergent("-log(1+n)")'), false);
  assert.equal(math.evaluate('convergent("-m*log(1+n)")'), 'm > 1');
});

test('trf: the certified TRF at ε, with parameter values', () => {
  assert.equal(math.evaluate('trf("-n/2")'), 9);
  assert.equal(math.evaluate('trf("-m*n", 0.01, {m: 1/2})'), 9);
  assert.equal(math.evaluate('trf("-log(1+n)")'), null);
});

test('a BigNumber mathjs instance works too', () => {
  const big = create(all, { number: 'BigNumber' });
  big.import(mathjsPlugin);
  assert.equal(big.evaluate('trf("-m*n", 0.01, {m: 0.5})'), 9);
  assert.deepEqual(big.evaluate('classify("-m*n", {assume: ["m > 0"], from: 1})'), classify('-m*n', { assume: ['m > 0'], from: 1 }));
});

test('errors of the input surface as errors of evaluate', () => {
  assert.throws(() => math.evaluate('classify("-m*log(1+")'), /syntax error/);
});
