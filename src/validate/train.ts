/**
 * The training loop.
 *
 * Owns: sampling training batches from the train split (seeded), the learning-
 * rate schedule (linear warm-up, then cosine decay to 10%) and Adam steps
 * (β1 0.9, β2 0.999, ε 1e-8) on the model's loss at the training length L.
 * Each step reads its loss back (wasm is synchronous anyway) for progress.
 */
import * as tf from '@tensorflow/tfjs';
import type { BiasTables } from './bias-table.js';
import { disposeBatch, loss, makeBatch, type ModelConfig, type Params } from './model.js';
import { Rng } from './rng.js';

export interface TrainConfig {
  readonly steps: number;
  readonly batch: number;
  /** training length L */
  readonly length: number;
  /** peak learning rate */
  readonly lr: number;
  /** warm-up steps */
  readonly warmup: number;
  readonly seed: number;
}

export interface TrainResult {
  /** loss (nats/token) of every step */
  readonly losses: number[];
  /** mean wall time per step, ms, excluding the first (warm-up) step */
  readonly msPerStep: number;
  readonly seconds: number;
}

/** Learning rate at a step (0-based). */
export function learningRate(step: number, tc: TrainConfig): number {
  if (step < tc.warmup) return (tc.lr * (step + 1)) / tc.warmup;
  const t = (step - tc.warmup) / Math.max(1, tc.steps - tc.warmup);
  return tc.lr * (0.1 + 0.9 * 0.5 * (1 + Math.cos(Math.PI * Math.min(1, t))));
}

/** B random windows of L+1 consecutive tokens, flattened. */
export function sampleRows(data: Uint8Array, batch: number, length: number, rng: Rng): Uint8Array {
  const span = length + 1;
  if (data.length < span + 1) throw new Error(`training split too small (${data.length} tokens) for length ${length}`);
  const rows = new Uint8Array(batch * span);
  for (let r = 0; r < batch; r++) {
    const start = rng.int(data.length - span);
    rows.set(data.subarray(start, start + span), r * span);
  }
  return rows;
}

export type StepCallback = (step: number, loss: number) => void;

/** Train `params` in place. */
export function train(
  params: Params, cfg: ModelConfig, tables: BiasTables, data: Uint8Array, tc: TrainConfig, onStep?: StepCallback,
): TrainResult {
  const rng = new Rng(tc.seed ^ 0x5bd1e995);
  const opt = tf.train.adam(tc.lr, 0.9, 0.999, 1e-8);
  const vars = [...params.values()];
  const table = tables.get(tc.length);
  const losses: number[] = [];
  const t0 = performance.now();
  let tFirst = t0;
  try {
    for (let step = 0; step < tc.steps; step++) {
      (opt as unknown as { learningRate: number }).learningRate = learningRate(step, tc);
      const b = makeBatch(sampleRows(data, tc.batch, tc.length, rng), tc.batch, tc.length, cfg.vocab, true);
      const l = opt.minimize(() => loss(params, cfg, b, table), true, vars);
      const value = l ? l.dataSync()[0]! : NaN;
      l?.dispose();
      disposeBatch(b);
      if (!Number.isFinite(value)) throw new Error(`training diverged at step ${step + 1} (loss ${value})`);
      losses.push(value);
      if (step === 0) tFirst = performance.now();
      onStep?.(step + 1, value);
    }
  } finally {
    opt.dispose();
  }
  const t1 = performance.now();
  return {
    losses,
    msPerStep: tc.steps > 1 ? (t1 - tFirst) / (tc.steps - 1) : t1 - t0,
    seconds: (t1 - t0) / 1000,
  };
}
