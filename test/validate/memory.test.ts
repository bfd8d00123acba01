/** Evaluation at long lengths (and an ERF search) does not leak tensors or memory. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { BiasTables } from '../../src/validate/bias-table.js';
import { evaluate } from '../../src/validate/evaluate.js';
import { measureErf } from '../../src/validate/erf.js';
import { generatedCorpus } from '../../src/validate/corpus.js';
import { disposeParams, initParams } from '../../src/validate/model.js';
import { backend, TINY } from './helpers.js';

await backend();

test('tf.memory() stays flat across repeated long evaluations', () => {
  const cfg = { ...TINY, vocab: 256 };
  const corpus = generatedCorpus(8000, 2);
  const params = initParams(cfg, 1);
  const tables = new BiasTables((n) => -0.1 * n, cfg.heads, 512);
  // warm up: caches (tables, ones rows) are allocated on first use
  evaluate(params, cfg, tables, corpus.valid, 512, { tokens: 2048 });
  const before = tf.memory();
  for (let r = 0; r < 3; r++) {
    for (const len of [64, 256, 512]) evaluate(params, cfg, tables, corpus.valid, len, { tokens: 2048, maxScores: 1 << 19 });
    evaluate(params, cfg, tables, corpus.valid, 512, { tokens: 2048 });
    tables.evict([512]);
  }
  const after = tf.memory();
  assert.equal(after.numTensors, before.numTensors, 'tensor count');
  assert.ok(after.numBytes <= before.numBytes, `bytes grew from ${before.numBytes} to ${after.numBytes}`);
  const erf = measureErf(params, cfg, tables, corpus.valid, 32, { tokens: 256 });
  assert.ok(erf.erf >= 0 && erf.erf <= 31);
  assert.equal(tf.memory().numTensors, before.numTensors, 'tensor count after the ERF search');
  disposeParams(params);
  tables.dispose();
});
