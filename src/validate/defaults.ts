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
 * `--quick`: sized to finish the six runs in about 5 minutes on two idle cores
 * (wasm). Training was ~90% of the old quick run's time (1200 steps of about
 * 140 ms; evaluation and ERF probes about 15 s per run), so the schedule is
 * what was cut: 500 steps. The evaluation keeps its size.
 */
export const QUICK_CONFIG: ExperimentConfig = {
  model: DEFAULT_MODEL,
  train: { steps: 500, batch: 16, length: 64, lr: 3e-3, warmup: 50 },
  seed: 1,
  evalLens: lengthsFor(64),
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
  train: { ...QUICK_CONFIG.train, steps: 3000 },
  evalTokens: 65536,
  erfTokens: 32768,
  gradErfRows: 128,
};
