/**
 * Window ERF (empirical receptive field), made robust to non-monotone
 * perplexities.
 *
 * Owns: the window ERF measurement. With attention restricted to distances ≤ w
 * in every layer, let ppl(w) be the perplexity at the training length L. The
 * ERF is the smallest window w such that EVERY window w' ≥ w has
 * ppl(w') ≤ (1 + tolerance)·ppl(full). Perplexity need not fall monotonically
 * as the window widens (a plain binary search then answers whatever its path
 * meets), so the rule is read off a monotone envelope over the probes:
 * E(w) = max{ppl(w') : w' probed, w' ≥ w}. Probes are a fixed geometric grid
 * (0, 1, 2, 3, 4, 6, 8, 11, 16, …, L−1, ratio about √2), then a bisection
 * between the accepted grid point and the rejected one below it; every probe is
 * returned. The answer is exact on the probed windows; between probes it is
 * the envelope's reading (a window between two probes is not claimed).
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

export interface Probe { readonly window: number; readonly ppl: number }

export interface ErfResult {
  /** the smallest probed window whose envelope is within tolerance; L−1 means the full context is needed */
  readonly erf: number;
  readonly length: number;
  readonly tolerance: number;
  readonly fullPpl: number;
  /** every probe, ascending by window */
  readonly probes: readonly Probe[];
}

/** The geometric probe grid for length L: 0 … 4, then ×√2 rounded, always ending at L−1. */
export function probeGrid(length: number): number[] {
  const top = length - 1;
  const out = new Set<number>();
  for (let w = 0; w <= Math.min(4, top); w++) out.add(w);
  for (let x = 4; x < top; x *= Math.SQRT2) out.add(Math.round(x));
  out.add(top);
  return [...out].filter((w) => w >= 0 && w <= top).sort((a, b) => a - b);
}

/**
 * Monotone envelope reading: the smallest probed window w such that every probe
 * at a window ≥ w has ppl ≤ limit. Returns null when even the widest probe fails
 * (no probe at all, or a limit below the widest probe's perplexity).
 */
export function envelopeErf(probes: readonly Probe[], limit: number): number | null {
  const sorted = [...probes].sort((a, b) => a.window - b.window);
  let best: number | null = null;
  for (let k = sorted.length - 1; k >= 0; k--) {
    if (!(sorted[k]!.ppl <= limit)) break;
    best = sorted[k]!.window;
  }
  return best;
}

export function measureErf(
  params: Params, cfg: ModelConfig, tables: BiasTables, stream: Uint8Array, length: number, opts: ErfOptions,
  onProbe?: (probe: number) => void,
): ErfResult {
  const tolerance = opts.tolerance ?? 0.01;
  const top = length - 1;
  const full = evaluate(params, cfg, tables, stream, length, { tokens: opts.tokens }).ppl;
  const limit = full * (1 + tolerance);
  const probes = new Map<number, number>([[top, full]]);
  const probe = (w: number): number => {
    let p = probes.get(w);
    if (p === undefined) {
      p = evaluate(params, cfg, tables, stream, length, { tokens: opts.tokens, window: w }).ppl;
      probes.set(w, p);
      onProbe?.(probes.size);
    }
    return p;
  };
  for (const w of probeGrid(length)) probe(w);
  const list = (): Probe[] => [...probes].map(([window, ppl]) => ({ window, ppl }));
  let hi = envelopeErf(list(), limit) ?? top;
  // refine between the rejected probe just below hi and hi: every wider probe is within the limit
  let lo = Math.max(-1, ...[...probes.keys()].filter((w) => w < hi));
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (probe(mid) <= limit) hi = mid;
    else lo = mid;
  }
  tables.evict([length]);
  const all = list().sort((a, b) => a.window - b.window);
  return { erf: envelopeErf(all, limit) ?? top, length, tolerance, fullPpl: full, probes: all };
}

/** Number of probes the search makes for a length at most (for progress bars). */
export function erfProbeCount(length: number): number {
  return probeGrid(length).length + Math.ceil(Math.log2(Math.max(2, length / 4)));
}
