/** In-process timing: warm-up, then the median of repeated runs, in microseconds. */
import { performance } from 'node:perf_hooks';

export interface Timing {
  readonly medianUs: number;
  readonly runs: number;
}

export function timeMedian(fn: () => unknown, opts: { warmup?: number; minRuns?: number; maxRuns?: number; budgetMs?: number } = {}): Timing {
  const { warmup = 3, minRuns = 5, maxRuns = 50, budgetMs = 250 } = opts;
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  const start = performance.now();
  while (samples.length < minRuns || (samples.length < maxRuns && performance.now() - start < budgetMs)) {
    const t0 = performance.now();
    fn();
    samples.push((performance.now() - t0) * 1000);
  }
  return { medianUs: median(samples), runs: samples.length };
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
