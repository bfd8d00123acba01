/** Cauchy condensation on our expansion of p(2^k) + k·log 2. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type CondensationDetail, cauchyCondensationTest } from '../../src/convergence/cauchy-condensation.js';
import { factsFor } from './helpers.js';

const run = (e: string, assume: string[] = []) => { const { facts, ctx } = factsFor(e, assume); return cauchyCondensationTest.analyze(facts, ctx); };

test('KERPLE log: the condensed series is geometric, both ways', () => {
  const c = run('-m*log(1+n)', ['m > 1']);
  assert.equal(c.record.verdict, 'converges');
  assert.equal(run('-m*log(1+n)', ['m > 0', 'm < 1']).record.verdict, 'diverges');
});

test('the harmonic series condenses to terms that tend to 1', () => {
  const c = run('-log(1+n)');
  assert.equal(c.record.verdict, 'diverges');
  assert.equal((c.detail as CondensationDetail).inner.test, 'nth-term');
});

test('1/(n log² n) condenses to a p-series in k', () => {
  assert.equal(run('-log(n) - 2*log(log(n))').record.verdict, 'converges');
});

test('terms that are not eventually monotone: not applicable', () => {
  assert.equal(run('-2*log(n+1) + sin(n)').record.outcome, 'not-applicable');
});
