/** Raabe's test decides the polynomial-decay cases the ratio test leaves open. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { raabeTest } from '../../src/convergence/raabe.js';
import { factsFor } from './helpers.js';

const run = (e: string, assume: string[] = []) => { const { facts, ctx } = factsFor(e, assume); return raabeTest.run(facts, ctx); };

test('R_n → m: converges for m > 1, diverges for 0 < m < 1, inconclusive at m = 1', () => {
  assert.equal(run('-m*log(1+n)', ['m > 1']).verdict, 'converges');
  assert.equal(run('-m*log(1+n)', ['m > 0', 'm < 1']).verdict, 'diverges');
  const one = run('-log(1+n)');
  assert.equal(one.outcome, 'inconclusive');
  assert.equal(one.limit, '1');
});

test('geometric decay: R_n → +∞ without asking the sign of e^m − 1', () => {
  const r = run('-m*n', ['m > 0']);
  assert.equal(r.verdict, 'converges');
  assert.equal(r.limit, '+∞');
});

test('stretched exponential: R_n → +∞', () => {
  assert.equal(run('-sqrt(n)').verdict, 'converges');
});
