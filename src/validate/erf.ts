/**
 * Empirical receptive field (ERF).
 *
 * Owns: the ERF measurement. ERF = the smallest attention window w (attention
 * restricted to distances ≤ w in every layer) whose perplexity at the training
 * length L is within `tolerance` (default 1%) of full attention's. Found by
 * binary search over w ∈ [0, L−1] (w = L−1 is full attention), which assumes the
 * perplexity does not increase as the window widens; every probe is returned so
 * that a non-monotone case can be seen.
 */
import type { BiasTables } from './bias-table.js';
import { evaluate } from './evaluate.js';
import type { ModelConfig, Params } from './model.js';

export interface ErfOptions {
  /** scored tokens per probe */
  readonly tokens: number;
  /** relative perplexity tolerance, default 0.01 */
  readonly tolerance?: number;
}

export interface ErfResult {
  /** the smallest window within tolerance; L−1 means the full context is needed */
  readonly erf: number;
  readonly length: number;
  readonly tolerance: number;
  readonly fullPpl: number;
  readonly probes: ReadonlyArray<{ readonly window: number; readonly ppl: number }>;
}

export function measureErf(
  params: Params, cfg: ModelConfig, tables: BiasTables, stream: Uint8Array, length: number, opts: ErfOptions,
  onProbe?: (probe: number) => void,
): ErfResult {
  const tolerance = opts.tolerance ?? 0.01;
  const full = evaluate(params, cfg, tables, stream, length, { tokens: opts.tokens }).ppl;
  const limit = full * (1 + tolerance);
  const probes: Array<{ window: number; ppl: number }> = [];
  let lo = 0;
  let hi = length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const ppl = evaluate(params, cfg, tables, stream, length, { tokens: opts.tokens, window: mid }).ppl;
    probes.push({ window: mid, ppl });
    onProbe?.(probes.length);
    if (ppl <= limit) hi = mid;
    else lo = mid + 1;
  }
  tables.evict([length]);
  return { erf: hi, length, tolerance, fullPpl: full, probes };
}

/** Number of probes the binary search makes for a length (for progress bars). */
export function erfProbeCount(length: number): number {
  return Math.ceil(Math.log2(Math.max(2, length)));
}
