/** Verdicts per head from classify's cases, and TRFs (engine or estimate). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveRpe } from '../../src/validate/rpe.js';
import { estimateTrf, theoryOf, trfNumber } from '../../src/validate/theory.js';
import { DEFAULT_RPES } from '../../src/validate/defaults.js';

test('the default experiment: two convergent, four divergent biases', async () => {
  const verdicts: Record<string, string> = {};
  for (const spec of DEFAULT_RPES) verdicts[spec.name!] = (await theoryOf(resolveRpe(spec, 4, 16))).verdict;
  assert.deepEqual(verdicts, {
    'ALiBi': 'converges', 'KERPLE log r1=2': 'converges', 'KERPLE log r1=0.5': 'diverges',
    'no bias': 'diverges', 'T5 buckets': 'diverges', '-log(1+kn)': 'diverges',
  });
});

test('TRF: ALiBi heads, and ∞ for a divergent bias', async () => {
  const alibi = await theoryOf(resolveRpe({ expression: '-m*n', at: { m: '2^(-8*h/H)' } }, 2, 16), 0.01);
  // Σ e^{-mn} tail after w is e^{-m(w+1)}/(1-e^{-m}); TRF = ceil(ln(100)/m) - 1
  assert.deepEqual(alibi.headTrfs, [Math.ceil(Math.log(100) / (2 ** -4)) - 1, Math.ceil(Math.log(100) / (2 ** -8)) - 1]);
  assert.equal(alibi.trf, Math.max(...(alibi.headTrfs as number[])));
  const nope = await theoryOf(resolveRpe({ expression: '0', at: {} }, 2, 16));
  assert.equal(nope.trf, Infinity);
});

test('trfNumber reads the shapes a TRF engine may return', () => {
  assert.equal(trfNumber(12), 12);
  assert.equal(trfNumber(12n), 12);
  assert.equal(trfNumber({ trf: 7 }), 7);
  assert.equal(trfNumber({ value: '9' }), 9);
  assert.equal(trfNumber('infinity'), Infinity);
  assert.equal(trfNumber({ verdict: 'diverges' }), Infinity);
  assert.equal(trfNumber(undefined), null);
});

test('estimateTrf on 1/(1+n)^2 is near 1/ε·(6/π²) − 1', () => {
  const w = estimateTrf((n) => -2 * Math.log(1 + n), 0.01);
  // tail Σ_{n>w} (1+n)^-2 ≈ 1/(w+1.5); need ≤ 0.01·π²/6
  assert.ok(Math.abs(w - (1 / (0.01 * Math.PI ** 2 / 6) - 1.5)) <= 2, `w = ${w}`);
});
