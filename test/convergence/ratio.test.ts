/** The ratio test reads lim a_{n+1}/a_n from our expansion of p(n+1) − p(n). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ratioTest } from '../../src/convergence/ratio.js';
import { factsFor } from './helpers.js';

const run = (e: string, assume: string[] = [], term = false) => { const { facts, ctx } = factsFor(e, assume, term); return ratioTest.analyze(facts, ctx); };

test('KERPLE log: lim a_{n+1}/a_n = 1, inconclusive', () => {
  const r = run('-m*log(1+n)', ['m > 1']).record;
  assert.equal(r.outcome, 'inconclusive');
  assert.match(r.summary, /= 1, inconclusive/);
  assert.equal(r.limit, '1');
});

test('ALiBi: ratio e^{−m} < 1 converges', () => {
  const a = run('-m*n', ['m > 0']);
  assert.equal(a.record.outcome, 'decisive');
  assert.equal(a.record.verdict, 'converges');
  assert.equal(a.record.limit, 'exp(-m)');
});

test('super-linear decay: ratio → 0', () => {
  assert.equal(run('-n^2').record.limit, '0');
});

test('growing terms: ratio e > 1 diverges', () => {
  const r = run('n').record;
  assert.equal(r.verdict, 'diverges');
});

test('oscillating bias: lim inf and lim sup differ, inconclusive', () => {
  const r = run('-n/10 + 3*sin(n)').record;
  assert.equal(r.outcome, 'inconclusive');
});

test('term mode: a_n = 1/n! has ratio → 0', () => {
  const r = run('1/factorial(n)', [], true).record;
  assert.equal(r.verdict, 'converges');
});
