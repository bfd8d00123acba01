/** The root test reads lim q(n)/n. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rootTest } from '../../src/convergence/root.js';
import { factsFor } from './helpers.js';

const run = (e: string, assume: string[] = []) => { const { facts, ctx } = factsFor(e, assume); return rootTest.run(facts, ctx); };

test('geometric decay: |a_n|^{1/n} → e^{−m} < 1', () => {
  const r = run('-m*n', ['m > 0']);
  assert.equal(r.verdict, 'converges');
  assert.equal(r.limit, 'exp(-m)');
});

test('polynomial decay: root limit 1, inconclusive', () => {
  assert.equal(run('-2*log(n+1)').outcome, 'inconclusive');
});

test('a bounded oscillation does not hide geometric decay', () => {
  assert.equal(run('-n*log(2) + sin(n)').verdict, 'converges');
});

test('growth: diverges', () => {
  assert.equal(run('n/2').verdict, 'diverges');
});
