/** Spearman's rank correlation with ties, infinities and missing values. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ranks, spearman } from '../../src/validate/stats.js';

test('ranks average ties and sort infinity last', () => {
  assert.deepEqual(ranks([10, Infinity, 3, Infinity]), [2, 3.5, 1, 3.5]);
});

test('spearman: perfect, reversed, tied and degenerate cases', () => {
  assert.equal(spearman([1, 2, 3, 4], [10, 20, 30, 40]), 1);
  assert.equal(spearman([1, 2, 3, 4], [4, 3, 2, 1]), -1);
  assert.ok(Math.abs(spearman([18, 60, Infinity, Infinity], [3, 10, 63, 63])! - 1) < 1e-12);
  assert.equal(spearman([1, 2], [1, 2]), null);
  assert.equal(spearman([1, 1, 1], [1, 2, 3]), null);
  assert.equal(spearman([1, null, 3, 4], [1, 5, 3, 4]), 1);
});
