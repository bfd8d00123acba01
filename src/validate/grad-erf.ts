/**
 * Gradient ERF, after Chi et al. 2023 ("Dissecting Transformer Length
 * Extrapolation via the Lens of Receptive Field Analysis").
 *
 * Owns: the cumulative normalised gradient profile of a trained model and the
 * ERF read from it. For a sequence and a target position i, g_j = ‖∂ℓ_i/∂x_j‖₂
 * is the gradient magnitude of position i's loss with respect to the input
 * embedding x_j of each earlier (or the same) position j ≤ i. It is normalised
 * to sum to 1 over j and indexed by the distance n = i − j; these profiles are
 * averaged over sequences and positions and accumulated from n = 0 outward.
 * The gradient ERF is the smallest distance whose cumulative share is ≥ 1 − ε.
 *
 * Cost: sequences are independent in this model (LayerNorm is per token,
 * attention is within a row), so one backward pass over a batch gives every
 * row its own gradient. Row r is assigned target position i_r, cycling over the
 * chosen positions; the loss is the sum of those B single-position losses, and
 * a single forward+backward measures B (row, position) pairs.
 */
import * as tf from '@tensorflow/tfjs';
import type { BiasTables } from './bias-table.js';
import { forwardEmbedded, type ModelConfig, type Params } from './model.js';

export interface GradErfOptions {
  /** sequences (rows) per measurement; row r predicts at positions[r mod positions.length] */
  readonly rows: number;
  /** target positions (0-based, < length); default: 4 evenly spaced in [L/2, L−1] */
  readonly positions?: readonly number[];
  /** share of the gradient the ERF must cover: 1 − eps */
  readonly eps: number;
}

export interface GradErfResult {
  /** smallest distance n with cumulative share ≥ 1 − eps */
  readonly erf: number;
  readonly eps: number;
  readonly length: number;
  readonly positions: readonly number[];
  readonly rows: number;
  /** cumulative share by distance n = 0 … max position (rounded to 1e-6) */
  readonly cumulative: readonly number[];
}

/** Default target positions: `count` evenly spaced in [⌈L/2⌉, L−1]. */
export function defaultPositions(length: number, count = 4): number[] {
  const lo = Math.ceil(length / 2);
  const hi = length - 1;
  if (hi <= lo) return [hi];
  const out = new Set<number>();
  for (let k = 0; k < count; k++) out.add(Math.round(lo + ((hi - lo) * k) / Math.max(1, count - 1)));
  return [...out].sort((a, b) => a - b);
}

/** −Σ_r log softmax(z_r)[target_r] over the masked rows; gradient (p − onehot)·mask. */
function maskedNll(logits: tf.Tensor, oneHot: tf.Tensor2D, rowMask: tf.Tensor2D): tf.Scalar {
  const op = tf.customGrad(((z: tf.Tensor, save: (t: tf.Tensor[]) => void) => {
    const p = tf.softmax(z);
    save([p]);
    const picked = tf.maximum(tf.sum(tf.mul(p, oneHot), -1, true), 1e-30);
    return {
      value: tf.neg(tf.sum(tf.mul(tf.log(picked), rowMask))),
      gradFunc: (dy: tf.Tensor, [ps]: tf.Tensor[]) => [tf.mul(tf.mul(tf.sub(ps!, oneHot), rowMask), dy)],
    };
  }) as never) as (z: tf.Tensor) => tf.Scalar;
  return op(logits);
}

/** The first index where the cumulative share reaches 1 − eps (float slack 1e-9). */
export function coverDistance(cumulative: readonly number[], eps: number): number {
  const target = 1 - eps - 1e-9;
  for (let n = 0; n < cumulative.length; n++) if (cumulative[n]! >= target) return n;
  return cumulative.length - 1;
}

/**
 * Gradient ERF of a model at length `length`, on `rows` windows taken from
 * `stream` (consecutive, non-overlapping, from the start: deterministic).
 */
export function measureGradErf(
  params: Params, cfg: ModelConfig, tables: BiasTables, stream: Uint8Array, length: number, opts: GradErfOptions,
): GradErfResult {
  const positions = [...(opts.positions ?? defaultPositions(length))];
  if (positions.some((p) => !Number.isInteger(p) || p < 0 || p >= length)) throw new Error(`gradient ERF positions must lie in [0, ${length - 1}]`);
  const B = opts.rows;
  if ((B + 1) * length > stream.length) throw new Error(`validation split too small (${stream.length} tokens) for ${B} gradient-ERF rows of length ${length}`);
  const T = length;
  const N = B * T;
  const ids = new Int32Array(N);
  const oh = new Float32Array(N * cfg.vocab);
  const mask = new Float32Array(N);
  const target = new Int32Array(B);
  for (let r = 0; r < B; r++) {
    const start = r * T;
    for (let t = 0; t < T; t++) ids[r * T + t] = stream[start + t]!;
    const i = positions[r % positions.length]!;
    target[r] = i;
    const row = r * T + i;
    oh[row * cfg.vocab + stream[start + i + 1]!] = 1;
    mask[row] = 1;
  }
  const table = tables.get(T);
  const norms = tf.tidy(() => {
    const idsT = tf.tensor1d(ids, 'int32');
    const ohT = tf.tensor2d(oh, [N, cfg.vocab]);
    const maskT = tf.tensor2d(mask, [N, 1]);
    const x = tf.gather(params.get('emb')!, idsT);
    const g = tf.grad((xx: tf.Tensor) => maskedNll(forwardEmbedded(params, cfg, xx, B, T, table), ohT, maskT))(x);
    return tf.sqrt(tf.sum(tf.square(g), -1));
  });
  const gn = norms.dataSync() as Float32Array;
  norms.dispose();
  const maxPos = Math.max(...positions);
  const profile = new Float64Array(maxPos + 1);
  let used = 0;
  for (let r = 0; r < B; r++) {
    const i = target[r]!;
    let total = 0;
    for (let j = 0; j <= i; j++) total += gn[r * T + j]!;
    if (!(total > 0) || !Number.isFinite(total)) continue;
    for (let j = 0; j <= i; j++) profile[i - j]! += gn[r * T + j]! / total;
    used++;
  }
  if (used === 0) throw new Error('gradient ERF: every gradient was zero or not finite');
  const raw: number[] = [];
  let acc = 0;
  for (let n = 0; n <= maxPos; n++) {
    acc += profile[n]! / used;
    raw.push(acc);
  }
  const cumulative = raw.map((c) => Math.round(c * 1e6) / 1e6);
  return { erf: coverDistance(raw, opts.eps), eps: opts.eps, length, positions, rows: B, cumulative };
}
