/** Training works and is deterministic: perplexity on a repeated pattern drops below a bound in a few steps. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BiasTables } from '../../src/validate/bias-table.js';
import { encode } from '../../src/validate/tokenizer.js';
import { evaluate } from '../../src/validate/evaluate.js';
import { disposeParams, initParams, type ModelConfig } from '../../src/validate/model.js';
import { train } from '../../src/validate/train.js';
import { backend } from './helpers.js';

await backend();

const cfg: ModelConfig = { vocab: 256, layers: 1, dModel: 32, heads: 2, dMlp: 64 };
const text = encode('the cat sees a ball. '.repeat(400));

function run(seed: number, steps: number): { losses: number[]; before: number; after: number } {
  const params = initParams(cfg, seed);
  const tables = new BiasTables((n, h) => -(h + 1) * 0.1 * n, cfg.heads, 32);
  const before = evaluate(params, cfg, tables, text, 16, { tokens: 512 }).ppl;
  const tr = train(params, cfg, tables, text, { steps, batch: 8, length: 16, lr: 1e-2, warmup: 5, seed });
  const after = evaluate(params, cfg, tables, text, 16, { tokens: 512 }).ppl;
  disposeParams(params);
  tables.dispose();
  return { losses: tr.losses, before, after };
}

test('perplexity on a repeated pattern drops below 3 within 60 steps', () => {
  const r = run(1, 60);
  assert.ok(r.before > 100, `untrained perplexity ${r.before} should be near the vocabulary size`);
  assert.ok(r.after < 3, `perplexity after training ${r.after}`);
});

test('training is deterministic under the seed', () => {
  const a = run(7, 5);
  const b = run(7, 5);
  assert.deepEqual(a.losses, b.losses);
  const c = run(8, 5);
  assert.notDeepEqual(a.losses, c.losses);
});
