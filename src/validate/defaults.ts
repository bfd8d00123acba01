/**
 * The default experiment: the paper's comparison in miniature.
 *
 * Owns: the six RPEs run when `rpe validate` gets no `--rpe`, and the default
 * and `--quick` experiment sizes. ALiBi and KERPLE-log with r1 = 2 converge;
 * KERPLE-log with r1 = 0.5, no positional bias, a T5-style bucketed bias (its
 * constant tail) and −log(1+kn) (the authors' divergent candidate, with ALiBi
 * slopes as k) diverge. Slopes are per head: m_h = 2^(−8h/H).
 */
import { DEFAULT_MODEL } from './model.js';
import type { ExperimentConfig } from './run.js';
import type { RpeSpec } from './rpe.js';

/** T5-style buckets: exact below 16, log-spaced up to distance 128, constant bucket 31 beyond. */
export const T5_BUCKET = 'min(min(n, 16 + floor(16*log(max(n,16)/16)/log(8))), 31)';

export const DEFAULT_RPES: readonly RpeSpec[] = [
  { name: 'ALiBi', expression: '-m*n', at: { m: '2^(-8*h/H)' } },
  { name: 'KERPLE log r1=2', expression: '-r1*log(1+r2*n)', at: { r1: '2', r2: '1' } },
  { name: 'KERPLE log r1=0.5', expression: '-r1*log(1+r2*n)', at: { r1: '0.5', r2: '1' } },
  { name: 'no bias', expression: '0', at: {} },
  { name: 'T5 buckets', expression: `-m*${T5_BUCKET}`, at: { m: '2^(-8*h/H)' } },
  { name: '-log(1+kn)', expression: '-log(1+k*n)', at: { k: '2^(-8*h/H)' } },
];

/** Evaluation lengths L, 2L, 4L, 8L, 16L. */
export function lengthsFor(L: number): number[] {
  return [L, 2 * L, 4 * L, 8 * L, 16 * L];
}

/**
 * `--quick`: sized to finish the six runs in under 5 minutes on two idle cores
 * (wasm, one process per core). Measured per phase (docs/validation.md): a
 * training step is nearly all of a run, and its cost grows with L (attention is
 * B·H·L² and tfjs-wasm's batched matMul is a scalar loop), so the quick run
 * trains at L = 32: 1000 steps of 16 × 32 bytes at about 80 ms each. Fewer steps
 * do not do: at 500 steps (L = 64) the divergent biases had not yet learnt the
 * position-dependent attention that fails beyond L, and stayed within 1.10.
 * Evaluation keeps its size: 16,384 scored tokens per length up to 16L = 512.
 */
export const QUICK_CONFIG: ExperimentConfig = {
  model: DEFAULT_MODEL,
  train: { steps: 1000, batch: 16, length: 32, lr: 3e-3, warmup: 50 },
  seed: 1,
  evalLens: lengthsFor(32),
  evalTokens: 16384,
  erfTokens: 8192,
  gradErfRows: 32,
  erfTolerance: 0.01,
  threshold: 1.1,
  eps: 0.01,
};

/** The default (without --quick): longer training and more evaluation text. */
export const FULL_CONFIG: ExperimentConfig = {
  ...QUICK_CONFIG,
  train: { ...QUICK_CONFIG.train, steps: 3000, length: 64 },
  evalLens: lengthsFor(64),
  evalTokens: 65536,
  erfTokens: 32768,
  gradErfRows: 128,
};
