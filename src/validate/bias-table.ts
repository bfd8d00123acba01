/**
 * Precomputed, fused relative-bias + causal-mask tables.
 *
 * Owns: turning per-head bias values p_h(n) into the constant tensor
 *   B[h, i, j] = p_h(i − j)  for 0 ≤ i − j ≤ window,   −∞ otherwise,
 * of shape [H, T, T], added to the attention logits after the 1/√d scaling.
 * The −∞ entries are exact (IEEE −Infinity): above the diagonal (the causal
 * mask) and, for a window w, at distances > w (used by the ERF measurement).
 * Tables are built once per (T, window) and cached; dispose with `dispose()`.
 */
import * as tf from '@tensorflow/tfjs';

/** p values: `values[h][n]` = p_h(n) for n = 0 … maxLen−1. */
export interface HeadBiases {
  readonly heads: number;
  readonly values: readonly Float64Array[];
}

/** Per-head bias function: (n, head index 0-based) → p_h(n). */
export type BiasFn = (n: number, head: number) => number;

/** Finite magnitudes are clamped here so that float32 logits stay finite. */
const CLAMP = 1e30;

export class BiasError extends Error {
  override name = 'BiasError';
}

/** Tabulate p_h(n) for n < maxLen, checking the values are usable as logits. */
export function tabulate(fn: BiasFn, heads: number, maxLen: number): HeadBiases {
  const values: Float64Array[] = [];
  for (let h = 0; h < heads; h++) {
    const row = new Float64Array(maxLen);
    for (let n = 0; n < maxLen; n++) {
      let v = fn(n, h);
      if (Number.isNaN(v)) throw new BiasError(`p(${n}) is not a number for head ${h + 1}`);
      if (v === Infinity) throw new BiasError(`p(${n}) = +∞ for head ${h + 1}: the bias must be finite or −∞`);
      if (v !== -Infinity) v = Math.max(-CLAMP, Math.min(CLAMP, v));
      row[n] = v;
    }
    if (row[0] === -Infinity) throw new BiasError(`p(0) = −∞ for head ${h + 1}: a token must be able to attend to itself`);
    values.push(row);
  }
  return { heads, values };
}

/** The fused table as a Float32Array [H, T, T] (row-major), see header. */
export function tableData(bias: HeadBiases, T: number, window = Infinity): Float32Array {
  const { heads, values } = bias;
  if (values[0]!.length < T) throw new BiasError(`bias tabulated up to ${values[0]!.length}, need ${T}`);
  const out = new Float32Array(heads * T * T).fill(-Infinity);
  for (let h = 0; h < heads; h++) {
    const p = values[h]!;
    const base = h * T * T;
    for (let i = 0; i < T; i++) {
      const row = base + i * T;
      const lo = Number.isFinite(window) ? Math.max(0, i - window) : 0;
      for (let j = lo; j <= i; j++) out[row + j] = p[i - j]!;
    }
  }
  return out;
}

/** Cache of fused tables as tf constants, keyed by (T, window). */
export class BiasTables {
  private readonly cache = new Map<string, tf.Tensor3D>();
  private bias: HeadBiases;

  constructor(private readonly fn: BiasFn, readonly heads: number, initialLen = 64) {
    this.bias = tabulate(fn, heads, initialLen);
  }

  /** p_h(n) (tabulating further when needed). */
  value(head: number, n: number): number {
    this.ensure(n + 1);
    return this.bias.values[head]![n]!;
  }

  private ensure(len: number): void {
    if (this.bias.values[0]!.length < len) this.bias = tabulate(this.fn, this.heads, Math.max(len, 2 * this.bias.values[0]!.length));
  }

  /** The [H, T, T] table for length T and an optional window (distances ≤ window kept). */
  get(T: number, window = Infinity): tf.Tensor3D {
    const w = window >= T - 1 ? Infinity : window;
    const key = `${T}:${w}`;
    let t = this.cache.get(key);
    if (!t) {
      this.ensure(T);
      t = tf.tensor3d(tableData(this.bias, T, w), [this.heads, T, T], 'float32');
      tf.keep(t);
      this.cache.set(key, t);
    }
    return t;
  }

  /** Free every cached table except the full-attention ones listed in `keepLens`. */
  evict(keepLens: readonly number[] = []): void {
    for (const [key, t] of this.cache) {
      const [len, w] = key.split(':');
      if (w === 'Infinity' && keepLens.includes(Number(len))) continue;
      t.dispose();
      this.cache.delete(key);
    }
  }

  dispose(): void {
    for (const t of this.cache.values()) t.dispose();
    this.cache.clear();
  }
}
