/**
 * Rank statistics for the experiment summary.
 *
 * Owns: Spearman's rank correlation with average ranks for ties (so a group of
 * infinite TRFs, the divergent biases, shares one rank). Pairs with a missing
 * value are dropped; fewer than 3 pairs or a constant side give null.
 */

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
