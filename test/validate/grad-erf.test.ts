/**
 * Gradient ERF on models where the answer is known by construction:
 * - a bias so steep that attention sees only the current token: no gradient
 *   reaches earlier positions, ERF = 0;
 * - uniform attention (p = 0, q and k weights zero) with a strong value path:
 *   the gradient spreads evenly over all earlier positions, ERF near the position;
 * - a hard window of 3 (p = −1000 beyond distance 3) in a one-layer model: the
 *   gradient's support is exactly distances 0 … 3, ERF = 3.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { BiasTables } from '../../src/validate/bias-table.js';
import { coverDistance, defaultPositions, measureGradErf } from '../../src/validate/grad-erf.js';
import { disposeParams, initParams, type ModelConfig, type Params } from '../../src/validate/model.js';
import { backend } from './helpers.js';

await backend();

const L = 16;
const stream = new Uint8Array(40 * (L + 1)).map((_, i) => (i * 7 + ((i * i) % 11)) % 13);

/** Zero the query/key weights (scores 0: attention is the bias alone) and make the value path strong. */
function shape(params: Params, cfg: ModelConfig): void {
  const d = cfg.dModel;
  for (let l = 0; l < cfg.layers; l++) {
    params.get(`l${l}.wq`)!.assign(tf.zeros([d, d]));
    params.get(`l${l}.wk`)!.assign(tf.zeros([d, d]));
    params.get(`l${l}.wv`)!.assign(tf.eye(d));
    params.get(`l${l}.wo`)!.assign(tf.eye(d));
  }
}

function measure(cfg: ModelConfig, bias: (n: number) => number, positions: number[]): ReturnType<typeof measureGradErf> {
  const params = initParams(cfg, 3);
  shape(params, cfg);
  const tables = new BiasTables((n) => bias(n), cfg.heads, L);
  try {
    return measureGradErf(params, cfg, tables, stream, L, { rows: 12, positions, eps: 0.01 });
  } finally {
    tables.dispose();
    disposeParams(params);
  }
}

const TWO: ModelConfig = { vocab: 13, layers: 2, dModel: 8, heads: 2, dMlp: 16 };
const ONE: ModelConfig = { ...TWO, layers: 1 };

test('steep bias: attention sees only the current token, the gradient ERF is 0', () => {
  const r = measure(TWO, (n) => -1000 * n, [L - 1, L - 5]);
  assert.equal(r.erf, 0);
  assert.equal(r.cumulative[0], 1);
});

test('uniform attention: the gradient spreads over every earlier position', () => {
  const i = L - 1;
  const r = measure(ONE, () => 0, [i]);
  assert.ok(r.erf >= i - 2, `ERF ${r.erf} should be near ${i}`);
  // roughly linear cumulative share: half the distances hold roughly half the mass
  const half = r.cumulative[Math.floor(i / 2)]!;
  assert.ok(half > 0.3 && half < 0.7, `cumulative share at n = ${Math.floor(i / 2)}: ${half}`);
  assert.ok(Math.abs(r.cumulative[i]! - 1) < 1e-5);
});

test('hard window of 3 in one layer: support 0…3, ERF 3; two layers reach 6', () => {
  const one = measure(ONE, (n) => (n <= 3 ? 0 : -1000), [L - 1, 10]);
  assert.equal(one.erf, 3);
  assert.equal(one.cumulative[3], 1);
  assert.ok(one.cumulative[2]! < 0.99);
  const two = measure(TWO, (n) => (n <= 3 ? 0 : -1000), [L - 1, 10]);
  assert.ok(two.erf > 3 && two.erf <= 6, `two layers: ERF ${two.erf}`);
  assert.equal(two.cumulative[6], 1);
});

test('coverDistance and default positions', () => {
  assert.equal(coverDistance([0.5, 0.98, 0.995, 1], 0.01), 2);
  assert.equal(coverDistance([0.5, 0.98, 0.995, 1], 0.1), 1);
  assert.equal(coverDistance([1], 0.01), 0);
  assert.deepEqual(defaultPositions(64), [32, 42, 53, 63]);
  assert.deepEqual(defaultPositions(2), [1]);
});

test('positions outside the sequence are refused', () => {
  const params = initParams(ONE, 1);
  const tables = new BiasTables(() => 0, ONE.heads, L);
  try {
    assert.throws(() => measureGradErf(params, ONE, tables, stream, L, { rows: 4, positions: [L], eps: 0.01 }), /positions must lie/);
  } finally {
    tables.dispose();
    disposeParams(params);
  }
});
