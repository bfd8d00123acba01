/** Spearman, Kendall, the bootstrap and the t-interval. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bootstrapCi, kendall, meanCi, quantile, ranks, spearman } from '../../src/validate/stats.js';
import { Rng } from '../../src/validate/rng.js';

const close = (a: number | null, b: number, tol = 1e-9): void => assert.ok(a !== null && Math.abs(a - b) < tol, `${a} vs ${b}`);

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

test('kendall τ_b: by hand, with ties, infinities and missing values', () => {
  assert.equal(kendall([1, 2, 3, 4], [2, 4, 6, 8]), 1);
  assert.equal(kendall([1, 2, 3, 4], [4, 3, 2, 1]), -1);
  close(kendall([1, 2, 3, 4], [1, 3, 2, 4]), 4 / 6); // 5 concordant, 1 discordant
  close(kendall([1, 1, 2, 3], [1, 2, 3, 4]), 5 / Math.sqrt(5 * 6)); // one tie in x
  close(kendall([2, Infinity, 5, Infinity], [1, 9, 3, 9]), 1);
  assert.equal(kendall([1, null, 2], [1, 2, 3]), null);
  assert.equal(kendall([3, 3, 3], [1, 2, 3]), null);
});

test('bootstrap: a perfect monotone relation gives [1, 1]; intervals hold the estimate; seeded', () => {
  const xs = [1, 2, 3, 5, 8, 13, 21, 34];
  const ys = xs.map((x) => Math.log(x) + 1);
  const ci = bootstrapCi(spearman, xs, ys, { seed: 7 });
  assert.equal(ci.estimate, 1);
  assert.equal(ci.lo, 1);
  assert.equal(ci.hi, 1);
  const rng = new Rng(5);
  const a = Array.from({ length: 40 }, () => rng.normal());
  const b = a.map((x) => x + 2 * rng.normal());
  const c1 = bootstrapCi(kendall, a, b, { seed: 1 });
  const c2 = bootstrapCi(kendall, a, b, { seed: 1 });
  assert.deepEqual(c1, c2);
  assert.ok(c1.lo! <= c1.estimate! && c1.estimate! <= c1.hi!);
  assert.ok(c1.hi! - c1.lo! > 0.05, 'noisy data give a real interval');
});

test('bootstrap: for independent data the interval covers 0; for strong dependence it excludes it', () => {
  const rng = new Rng(11);
  const a = Array.from({ length: 200 }, () => rng.normal());
  const indep = Array.from({ length: 200 }, () => rng.normal());
  const ci = bootstrapCi(spearman, a, indep, { seed: 3 });
  assert.ok(ci.lo! < 0 && ci.hi! > 0, `[${ci.lo}, ${ci.hi}]`);
  const dep = a.map((x) => x + 0.3 * rng.normal());
  const cd = bootstrapCi(spearman, a, dep, { seed: 3 });
  assert.ok(cd.lo! > 0.8, `${cd.lo}`);
});

test('bootstrap of a constant side is undefined, not a number', () => {
  const ci = bootstrapCi(spearman, [1, 1, 1, 1], [1, 2, 3, 4]);
  assert.equal(ci.estimate, null);
  assert.equal(ci.lo, null);
  assert.equal(ci.hi, null);
});

test('meanCi: Student-t interval; quantile interpolates', () => {
  const m = meanCi([1, 2, 3])!;
  close(m.mean, 2);
  close(m.sd, 1);
  close(m.hi - m.mean, 4.303 / Math.sqrt(3), 1e-12);
  assert.deepEqual(meanCi([5]), { mean: 5, sd: NaN, lo: 5, hi: 5, n: 1 });
  assert.equal(meanCi([]), null);
  close(quantile([0, 10], 0.25), 2.5);
});
