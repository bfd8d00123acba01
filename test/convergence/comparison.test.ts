/** Direct and limit comparison with the families of rules/families.json. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DirectComparisonDetail } from '../../src/convergence/direct-comparison.js';
import { directComparisonTest } from '../../src/convergence/direct-comparison.js';
import type { LimitComparisonDetail } from '../../src/convergence/limit-comparison.js';
import { limitComparisonTest } from '../../src/convergence/limit-comparison.js';
import { loadFamilies } from '../../src/rules/loader.js';
import { factsFor } from './helpers.js';

const lc = (e: string, assume: string[] = []) => { const { facts, ctx } = factsFor(e, assume); return limitComparisonTest.analyze(facts, ctx); };
const dc = (e: string, assume: string[] = []) => { const { facts, ctx } = factsFor(e, assume); return directComparisonTest.analyze(facts, ctx); };
const familyIds = new Set(loadFamilies().families.map((f) => f.id));

test('KERPLE log, m > 1: a_n/n^{−m} → 1, p-series with s = m', () => {
  const a = lc('-m*log(1+n)', ['m > 1']);
  assert.equal(a.record.verdict, 'converges');
  assert.equal(a.record.family?.id, 'p-series');
  const d = a.detail as LimitComparisonDetail;
  assert.equal(d.exactMatch, true);
  assert.equal(a.record.limit, '1');
});

test('KERPLE log with a rate: L = r2^{−r1}', () => {
  const a = lc('-r1*log(1+r2*n)', ['r1 > 1', 'r2 > 0']);
  assert.equal(a.record.verdict, 'converges');
  assert.match(a.record.limit ?? '', /exp\(-log\(r2\) \* r1\)|exp/);
});

test('m ≤ 1 diverges by the same family; m = 1 is the harmonic series', () => {
  assert.equal(lc('-m*log(1+n)', ['m > 0', 'm < 1']).record.verdict, 'diverges');
  const h = lc('-log(1+n)');
  assert.equal(h.record.verdict, 'diverges');
  assert.equal(h.record.family?.termText, '1/(n)');
});

test('ALiBi compares with a geometric series, KERPLE power with a stretched exponential', () => {
  assert.equal(lc('-m*n', ['m > 0']).record.family?.id, 'geometric');
  assert.equal(lc('-r1*n^r2', ['r1 > 0', 'r2 > 0', 'r2 < 1']).record.family?.id, 'stretched-exponential');
});

test('no exact member (2 log n − log log n): falls back to L = 0 against a convergent p-series', () => {
  const a = lc('log(1+log(1+n)) - 2*log(1+n)');
  assert.equal(a.record.verdict, 'converges');
  assert.equal((a.detail as LimitComparisonDetail).exactMatch, false);
});

test('oscillating q: not applicable (a_n/b_n need not converge)', () => {
  assert.equal(lc('-2*log(n+1) + sin(n)').record.outcome, 'not-applicable');
});

test('direct comparison: a_n ≤ b_n eventually for m > 1 with s = (m+1)/2', () => {
  const a = dc('-m*log(1+n)', ['m > 1']);
  const d = a.detail as DirectComparisonDetail;
  assert.equal(a.record.verdict, 'converges');
  assert.equal(d.direction, 'upper');
  assert.equal(d.limit.kind, 'inf');
  assert.equal(d.reference.params[0]!.value.toString(), 'm/2 + 1/2');
});

test('direct comparison with a bounded oscillation uses the bounds of q', () => {
  assert.equal(dc('-2*log(n+1) + sin(n)').record.verdict, 'converges');
  assert.equal(dc('-log(n+1)/2 + sin(n)').record.verdict, 'diverges');
});

test('every family a comparison names is in rules/families.json', () => {
  for (const [e, as] of [['-m*log(1+n)', ['m > 1']], ['-m*n', ['m > 0']], ['-sqrt(n)', []], ['-log(n)-2*log(log(n))', []], ['-log(1+n)', []]] as const) {
    for (const a of [lc(e, [...as]), dc(e, [...as])]) if (a.record.family) assert.ok(familyIds.has(a.record.family.id), a.record.family.id);
  }
});
