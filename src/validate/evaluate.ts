/**
 * Perplexity evaluation on held-out text.
 *
 * Owns: scoring a token stream at a given context length T. The stream is cut
 * into non-overlapping blocks of T scored tokens (block k reads tokens
 * [kT, kT+T) and predicts [kT+1, kT+T]); every token in the range is scored
 * exactly once, with the context available inside its block. The same prefix
 * of `tokens` is scored at every length, so perplexities at different lengths
 * compare the same text. Attention can be limited to distances ≤ window (ERF).
 * Runs under tf.tidy per chunk: memory stays flat (tested).
 */
import * as tf from '@tensorflow/tfjs';
import type { BiasTables } from './bias-table.js';
import { disposeBatch, forward, makeBatch, type ModelConfig, type Params } from './model.js';
import { nllSum } from './ops.js';

export interface EvalOptions {
  /** number of scored tokens (rounded down to a multiple of T) */
  readonly tokens: number;
  /** attention window (distances ≤ window); default: full causal attention */
  readonly window?: number;
  /** largest number of attention-logit entries B·H·T² per forward pass */
  readonly maxScores?: number;
}

export interface EvalResult {
  readonly length: number;
  readonly window?: number;
  /** mean negative log-likelihood, nats/token */
  readonly nll: number;
  readonly ppl: number;
  /** tokens scored */
  readonly tokens: number;
}

export function evaluate(
  params: Params, cfg: ModelConfig, tables: BiasTables, stream: Uint8Array, length: number, opts: EvalOptions,
): EvalResult {
  const blocks = Math.floor(Math.min(opts.tokens, stream.length - 1) / length);
  if (blocks < 1) throw new Error(`validation split too small (${stream.length} tokens) for length ${length}`);
  const maxScores = opts.maxScores ?? 1 << 22;
  const perPass = Math.max(1, Math.min(blocks, Math.floor(maxScores / (cfg.heads * length * length))));
  const table = tables.get(length, opts.window ?? Infinity);
  let total = 0;
  for (let b0 = 0; b0 < blocks; b0 += perPass) {
    const nb = Math.min(perPass, blocks - b0);
    const rows = new Uint8Array(nb * (length + 1));
    for (let r = 0; r < nb; r++) {
      const start = (b0 + r) * length;
      rows.set(stream.subarray(start, start + length + 1), r * (length + 1));
    }
    const batch = makeBatch(rows, nb, length, cfg.vocab, false);
    const s = tf.tidy(() => nllSum(forward(params, cfg, batch, table), batch.targets));
    total += s.dataSync()[0]!;
    s.dispose();
    disposeBatch(batch);
  }
  const n = blocks * length;
  const nll = total / n;
  return { length, ...(opts.window !== undefined ? { window: opts.window } : {}), nll, ppl: Math.exp(nll), tokens: n };
}
