/** The causal mask and the ERF window leak nothing: changing tokens outside them never changes a logit. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { BiasTables } from '../../src/validate/bias-table.js';
import { disposeBatch, disposeParams, forward, initParams, makeBatch, type ModelConfig } from '../../src/validate/model.js';
import { Rng } from '../../src/validate/rng.js';
import { backend, TINY } from './helpers.js';

await backend();

function logits(cfg: ModelConfig, seed: number, tokens: Uint8Array, T: number, window = Infinity): Float32Array {
  const params = initParams(cfg, seed);
  for (const [name, v] of params) if (!name.endsWith('.b') && !name.endsWith('.g')) v.assign(tf.mul(v, 30));
  const tables = new BiasTables(() => 0, cfg.heads, T);
  const b = makeBatch(tokens, 1, T, cfg.vocab, false);
  const out = tf.tidy(() => forward(params, cfg, b, tables.get(T, window)).dataSync() as Float32Array);
  disposeBatch(b);
  disposeParams(params);
  tables.dispose();
  return out;
}

test('changing future tokens never changes past logits', () => {
  const T = 12;
  const rng = new Rng(11);
  for (let trial = 0; trial < 6; trial++) {
    const base = new Uint8Array(T + 1).map(() => rng.int(TINY.vocab));
    const k = 1 + rng.int(T - 1);
    const changed = Uint8Array.from(base);
    for (let i = k; i < T + 1; i++) changed[i] = (changed[i]! + 1 + rng.int(TINY.vocab - 1)) % TINY.vocab;
    const a = logits(TINY, trial, base, T);
    const b = logits(TINY, trial, changed, T);
    const V = TINY.vocab;
    for (let i = 0; i < k * V; i++) assert.equal(a[i], b[i], `trial ${trial}: logit ${i} (position ${Math.floor(i / V)} < ${k}) changed`);
    let differs = false;
    for (let i = k * V; i < T * V; i++) if (a[i] !== b[i]) differs = true;
    assert.ok(differs, 'changing the tokens must change some later logit');
  }
});

test('with a window w and one layer, tokens farther than w back never matter', () => {
  const cfg: ModelConfig = { ...TINY, layers: 1 };
  const T = 16, w = 3;
  const rng = new Rng(12);
  const base = new Uint8Array(T + 1).map(() => rng.int(cfg.vocab));
  const changed = Uint8Array.from(base);
  changed[2] = (changed[2]! + 5) % cfg.vocab;
  const a = logits(cfg, 4, base, T, w);
  const b = logits(cfg, 4, changed, T, w);
  const V = cfg.vocab;
  // position i sees tokens i-w … i; token 2 is visible only to positions 2 … 2+w
  for (let pos = 0; pos < T; pos++) {
    const same = a.slice(pos * V, pos * V + V).every((x, j) => x === b[pos * V + j]);
    const visible = pos >= 2 && pos <= 2 + w;
    assert.equal(same, !visible, `position ${pos}`);
  }
});
