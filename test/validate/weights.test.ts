/** Saved weights reload to the same model: identical logits. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { BiasTables } from '../../src/validate/bias-table.js';
import { disposeBatch, disposeParams, forward, initParams, makeBatch } from '../../src/validate/model.js';
import { listWeights, loadWeights, saveWeights } from '../../src/validate/weights.js';
import { backend, rows, TINY } from './helpers.js';

await backend();

test('save → load gives bit-identical logits', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rpe-weights-'));
  try {
    const params = initParams(TINY, 9);
    const spec = { expression: '-m*n', at: { m: '0.5' } };
    saveWeights(dir, 'alibi', params, TINY, spec, 8, 9);
    assert.deepEqual(listWeights(dir), [join(dir, 'alibi.json')]);
    const loaded = loadWeights(join(dir, 'alibi.json'));
    assert.deepEqual(loaded.manifest.rpe, spec);
    assert.equal(loaded.manifest.trainLength, 8);
    const tables = new BiasTables((n) => -0.5 * n, TINY.heads, 8);
    const b = makeBatch(rows(2, 8, TINY.vocab), 2, 8, TINY.vocab, false);
    const a = tf.tidy(() => forward(params, TINY, b, tables.get(8)).dataSync());
    const c = tf.tidy(() => forward(loaded.params, TINY, b, tables.get(8)).dataSync());
    assert.deepEqual(Array.from(c), Array.from(a));
    disposeBatch(b);
    disposeParams(params);
    disposeParams(loaded.params);
    tables.dispose();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
