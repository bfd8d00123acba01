/**
 * Statistics for the experiment summaries.
 *
 * Owns: Spearman's rank correlation with average ranks for ties (so a group of
 * infinite TRFs, the divergent biases, shares one rank); Kendall's τ_b (tie-
 * corrected); percentile bootstrap confidence intervals for any statistic of
 * paired data (resampling pairs with replacement, from a seeded PRNG so that a
 * summary is reproducible); and the Student-t interval of a mean, used for a
 * handful of seeds, where a bootstrap of 3 values is too narrow.
 * Pairs with a missing value are dropped; fewer than 3 pairs or a constant side
 * give null.
 */
import { Rng } from './rng.js';

/** Average ranks (1-based), ties sharing the mean of their positions. ±Infinity sorts normally. */
export function ranks(xs: readonly number[]): number[] {
  const idx = xs.map((x, i) => [x, i] as const).sort((a, b) => (a[0] === b[0] ? 0 : a[0] < b[0] ? -1 : 1));
  const out = new Array<number>(xs.length);
  for (let i = 0; i < idx.length;) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1]![0] === idx[i]![0]) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[idx[k]![1]] = r;
    i = j + 1;
  }
  return out;
}

function pearson(a: readonly number[], b: readonly number[]): number | null {
  const n = a.length;
  const ma = a.reduce((s, x) => s + x, 0) / n;
  const mb = b.reduce((s, x) => s + x, 0) / n;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i]! - ma) * (b[i]! - mb);
    saa += (a[i]! - ma) ** 2;
    sbb += (b[i]! - mb) ** 2;
  }
  if (saa === 0 || sbb === 0) return null;
  return sab / Math.sqrt(saa * sbb);
}

/** Spearman ρ over pairs where both values are numbers (not null/NaN). */
export function spearman(xs: ReadonlyArray<number | null>, ys: ReadonlyArray<number | null>): number | null {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const x = xs[i];
    const y = ys[i];
    if (x === null || x === undefined || y === null || y === undefined || Number.isNaN(x) || Number.isNaN(y)) continue;
    a.push(x);
    b.push(y);
  }
  if (a.length < 3) return null;
  return pearson(ranks(a), ranks(b));
}

/** Complete pairs (both values numbers, not null/NaN). */
function pairs(xs: ReadonlyArray<number | null>, ys: ReadonlyArray<number | null>): [number[], number[]] {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const x = xs[i];
    const y = ys[i];
    if (x === null || x === undefined || y === null || y === undefined || Number.isNaN(x) || Number.isNaN(y)) continue;
    a.push(x);
    b.push(y);
  }
  return [a, b];
}

/** Kendall's τ_b over complete pairs: (C − D)/√((n0 − n1)(n0 − n2)), ties in x or y corrected. */
export function kendall(xs: ReadonlyArray<number | null>, ys: ReadonlyArray<number | null>): number | null {
  const [a, b] = pairs(xs, ys);
  const n = a.length;
  if (n < 3) return null;
  let s = 0;
  let tx = 0;
  let ty = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dx = Math.sign(a[j]! === a[i]! ? 0 : a[j]! - a[i]!);
      const dy = Math.sign(b[j]! === b[i]! ? 0 : b[j]! - b[i]!);
      if (dx === 0) tx++;
      if (dy === 0) ty++;
      s += dx * dy;
    }
  }
  const n0 = (n * (n - 1)) / 2;
  const den = Math.sqrt((n0 - tx) * (n0 - ty));
  return den === 0 ? null : s / den;
}

export interface Interval {
  readonly estimate: number | null;
  /** percentile interval; null when the statistic is undefined on too many resamples */
  readonly lo: number | null;
  readonly hi: number | null;
  readonly level: number;
  readonly n: number;
  /** resamples on which the statistic was defined */
  readonly resamples: number;
}

export type PairStatistic = (xs: ReadonlyArray<number | null>, ys: ReadonlyArray<number | null>) => number | null;

/** The q-quantile (0 ≤ q ≤ 1) of sorted values, linear interpolation. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = q * (sorted.length - 1);
  const i = Math.floor(pos);
  const f = pos - i;
  return i + 1 < sorted.length ? sorted[i]! * (1 - f) + sorted[i + 1]! * f : sorted[i]!;
}

/**
 * Percentile bootstrap interval of `stat` over paired data: resample the pairs
 * with replacement `resamples` times (seeded). Resamples on which the statistic
 * is undefined (e.g. a constant side) are skipped; if more than half are, the
 * interval is null.
 */
export function bootstrapCi(
  stat: PairStatistic, xs: ReadonlyArray<number | null>, ys: ReadonlyArray<number | null>,
  opts: { resamples?: number; level?: number; seed?: number } = {},
): Interval {
  const [a, b] = pairs(xs, ys);
  const level = opts.level ?? 0.95;
  const R = opts.resamples ?? 2000;
  const estimate = stat(a, b);
  const rng = new Rng(opts.seed ?? 12345);
  const vals: number[] = [];
  const ra = new Array<number>(a.length);
  const rb = new Array<number>(a.length);
  for (let r = 0; r < R && a.length > 0; r++) {
    for (let i = 0; i < a.length; i++) {
      const k = rng.int(a.length);
      ra[i] = a[k]!;
      rb[i] = b[k]!;
    }
    const v = stat(ra, rb);
    if (v !== null && Number.isFinite(v)) vals.push(v);
  }
  vals.sort((x, y) => x - y);
  const ok = vals.length >= R / 2;
  const alpha = (1 - level) / 2;
  return {
    estimate, level, n: a.length, resamples: vals.length,
    lo: ok ? quantile(vals, alpha) : null, hi: ok ? quantile(vals, 1 - alpha) : null,
  };
}

/** Two-sided 97.5% quantiles of Student's t for 1 … 30 degrees of freedom. */
const T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

export interface MeanInterval {
  readonly mean: number;
  readonly sd: number;
  readonly lo: number;
  readonly hi: number;
  readonly n: number;
}

/** Mean and 95% Student-t interval (mean ± t·sd/√n); one value gives a zero-width interval with sd NaN. */
export function meanCi(values: readonly number[]): MeanInterval | null {
  const xs = values.filter((v) => Number.isFinite(v));
  const n = xs.length;
  if (n === 0) return null;
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  if (n === 1) return { mean, sd: NaN, lo: mean, hi: mean, n };
  const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
  const t = n - 1 <= T975.length ? T975[n - 2]! : 1.96;
  const half = (t * sd) / Math.sqrt(n);
  return { mean, sd, lo: mean - half, hi: mean + half, n };
}
