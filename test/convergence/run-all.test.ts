/**
 * runAllTests: every named test in every region; the decider's runner and order are
 * untouched, and no decisive test ever contradicts the decider over the catalog.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadCatalog } from '../../src/rules/loader.js';
import { classify } from '../../src/classify.js';
import { analyzeRegions } from '../../src/report/regions.js';
import { CLASSICAL_TESTS } from '../../src/convergence/all-tests.js';
import { TESTS } from '../../src/convergence/index.js';

test("the decider's TESTS keep their order", () => {
  assert.deepEqual(TESTS.map((t) => t.name), ['nth-term', 'trigonometric-nonvanishing', 'bounded-perturbation', 'logarithmic-scale-comparison', 'absolute-comparison']);
  assert.deepEqual(CLASSICAL_TESTS.map((t) => t.name), ['direct-comparison', 'limit-comparison', 'ratio', 'root', 'raabe', 'integral', 'cauchy-condensation']);
});

test('over the catalog: regions and verdicts as classify(), every test recorded, no contradiction', () => {
  for (const e of loadCatalog().entries) {
    const options = e.assume.length ? { assume: [...e.assume] } : {};
    const c = classify(e.formula, options);
    const a = analyzeRegions(e.formula, options);
    for (const r of a.regions) {
      assert.deepEqual(r.conflicts, [], `${e.id} [${r.condition}]`);
      assert.ok(c.cases.some((k) => k.verdict === r.verdict), `${e.id}: region verdict ${r.verdict} is one of classify's`);
      if (r.verdict !== 'unknown') assert.equal(r.analyses.length, TESTS.length + CLASSICAL_TESTS.length, e.id);
    }
    for (const k of c.cases) assert.ok(a.regions.some((r) => r.verdict === k.verdict), `${e.id}: case ${k.condition}`);
  }
});

test('parametric input: each region of −m·log(1+n) has its own analysis', () => {
  const a = analyzeRegions('-m*log(1+n)');
  assert.deepEqual(a.regions.map((r) => `${r.condition}: ${r.verdict}`), ['m < 0: diverges', 'm == 0: diverges', 'm > 0 and m < 1: diverges', 'm == 1: diverges', 'm > 1: converges']);
  const conv = a.regions.find((r) => r.verdict === 'converges')!;
  const outcome = (t: string) => conv.analyses.find((x) => x.record.test === t)!.record.outcome;
  assert.equal(outcome('ratio'), 'inconclusive');
  assert.equal(outcome('limit-comparison'), 'decisive');
  assert.equal(outcome('integral'), 'decisive');
});
