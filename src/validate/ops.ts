/**
 * Differentiable building blocks with hand-written gradients.
 *
 * Owns: the model's kernels wrapped in `tf.customGrad`, chosen for speed on the
 * wasm backend and for portability across tfjs backends:
 * - `linear`: x·W. Its backward uses explicit transposes then plain matMuls,
 *   because wasm's matMul with transpose flags leaves XNNPACK's fast path (~10×
 *   slower for our 2-D shapes).
 * - `embedding`: row lookup with gradient oneHotᵀ·dy (the gradient of tf.gather
 *   needs UnsortedSegmentSum, which wasm lacks).
 * - `layerNorm`, `gelu` (the tanh approximation, written as x·σ(2u) because
 *   wasm's tanh is ~10× slower than its sigmoid), `crossEntropy`.
 * - `attention`: softmax(q·kᵀ/√d + B)·v for a precomputed fused bias+mask
 *   table B, with the backward written out (six batched matMuls in all, no
 *   transpose flags that wasm handles slowly).
 */
import * as tf from '@tensorflow/tfjs';

type T = tf.Tensor;
type SaveFn = (tensors: tf.Tensor[]) => void;

const onesCache = new Map<number, tf.Tensor2D>();
/** A cached [1, n] row of ones: column sums as a fast 2-D matMul. */
function onesRow(n: number): tf.Tensor2D {
  let t = onesCache.get(n);
  if (!t || t.isDisposed) {
    t = tf.keep(tf.ones([1, n]) as tf.Tensor2D);
    onesCache.set(n, t);
  }
  return t;
}

/** Σ over rows of a [N, d] matrix → [d]. */
function colSum(m: T): T {
  const [n, d] = m.shape as [number, number];
  return tf.reshape(tf.matMul(onesRow(n), m as tf.Tensor2D), [d]);
}

const linearOp = tf.customGrad(((x: T, w: T, save: SaveFn) => {
  save([x, w]);
  return {
    value: tf.matMul(x as tf.Tensor2D, w as tf.Tensor2D),
    gradFunc: (dy: T, [xs, ws]: T[]) => [
      tf.matMul(dy as tf.Tensor2D, tf.transpose(ws!)),
      // dW = xᵀ·dy; when x is wider than dy, (dyᵀ·x)ᵀ moves fewer elements through Transpose
      xs!.shape[1]! > 2 * dy.shape[1]!
        ? tf.transpose(tf.matMul(tf.transpose(dy), xs as tf.Tensor2D))
        : tf.matMul(tf.transpose(xs!), dy as tf.Tensor2D),
    ],
  };
}) as never) as (x: T, w: T) => T;

/** x [N, din] · W [din, dout] → [N, dout]. */
export function linear(x: T, w: T): T {
  return linearOp(x, w);
}

/**
 * Embedding lookup. `oneHotT` is the [V, N] transposed one-hot matrix of `ids`
 * (a constant built by the caller), used only by the gradient.
 */
export function embedding(table: T, ids: tf.Tensor1D, oneHotT: tf.Tensor2D): T {
  const op = tf.customGrad(((e: T) => ({
    value: tf.gather(e, ids),
    gradFunc: (dy: T) => [tf.matMul(oneHotT, dy as tf.Tensor2D)],
  })) as never) as (e: T) => T;
  return op(table);
}

const LN_EPS = 1e-5;
const layerNormOp = tf.customGrad(((x: T, g: T, b: T, save: SaveFn) => {
  const mu = tf.mean(x, -1, true);
  const xc = tf.sub(x, mu);
  const variance = tf.mean(tf.mul(xc, xc), -1, true);
  const rstd = tf.rsqrt(tf.add(variance, LN_EPS));
  const xhat = tf.mul(xc, rstd);
  save([xhat, rstd, g]);
  return {
    value: tf.add(tf.mul(xhat, g), b),
    gradFunc: (dy: T, [xh, rs, gs]: T[]) => {
      const dxhat = tf.mul(dy, gs!);
      const m1 = tf.mean(dxhat, -1, true);
      const m2 = tf.mean(tf.mul(dxhat, xh!), -1, true);
      const dx = tf.mul(tf.sub(tf.sub(dxhat, m1), tf.mul(xh!, m2)), rs!);
      return [dx, colSum(tf.mul(dy, xh!)), colSum(dy)];
    },
  };
}) as never) as (x: T, g: T, b: T) => T;

/** LayerNorm over the last axis of [N, d], gain g [d], bias b [d], ε = 1e-5. */
export function layerNorm(x: T, g: T, b: T): T {
  return layerNormOp(x, g, b);
}

const GELU_C = Math.sqrt(2 / Math.PI);
const GELU_A = 0.044715;
const geluOp = tf.customGrad(((x: T, save: SaveFn) => {
  const x2 = tf.square(x);
  // 0.5·(1 + tanh(u)) = σ(2u),  u = c·(x + a·x³)
  const s = tf.sigmoid(tf.mul(x, tf.add(tf.mul(x2, 2 * GELU_C * GELU_A), 2 * GELU_C)));
  save([x, x2, s]);
  return {
    value: tf.mul(x, s),
    gradFunc: (dy: T, [xs, x2s, ss]: T[]) => {
      // d/dx = s + x·s·(1−s)·2c·(1 + 3a·x²)
      const du = tf.add(tf.mul(x2s!, 2 * GELU_C * 3 * GELU_A), 2 * GELU_C);
      const ds = tf.mul(ss!, tf.sub(1, ss!));
      return [tf.mul(dy, tf.add(ss!, tf.mul(tf.mul(xs!, ds), du)))];
    },
  };
}) as never) as (x: T) => T;

/** GELU, tanh approximation (PyTorch's gelu(approximate='tanh')). */
export function gelu(x: T): T {
  return geluOp(x);
}

/**
 * Mean cross-entropy of logits [N, V] against the one-hot targets [N, V]
 * (a constant), natural log. Computed from softmax probabilities (wasm's
 * Softmax kernel is ~5× faster than its Exp), with the target probability
 * floored at 1e-30 (a logit gap above ~69 nats; never reached in training).
 */
export function crossEntropy(logits: T, oneHot: tf.Tensor2D): tf.Scalar {
  const n = logits.shape[0]!;
  const op = tf.customGrad(((z: T, save: SaveFn) => {
    const p = tf.softmax(z);
    save([p]);
    const picked = tf.maximum(tf.sum(tf.mul(p, oneHot), -1), 1e-30);
    return {
      value: tf.div(tf.neg(tf.sum(tf.log(picked))), n),
      gradFunc: (dy: T, [ps]: T[]) => [tf.mul(tf.sub(ps!, oneHot), tf.div(dy, n))],
    };
  }) as never) as (z: T) => tf.Scalar;
  return op(logits);
}

/** Sum of per-token negative log-likelihoods (no gradient), for evaluation. */
export function nllSum(logits: T, targets: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => {
    const logp = tf.logSoftmax(logits);
    const oh = tf.oneHot(targets, logits.shape[1]!);
    return tf.neg(tf.sum(tf.mul(logp, oh))) as tf.Scalar;
  });
}

/**
 * Below this length attention uses tfjs's batched matMul; from it on, one 2-D
 * matMul per (sequence, head). wasm runs 2-D products through XNNPACK and
 * batched ones through a generic loop: at T = 1024 the 2-D path is ~6× faster
 * for q·kᵀ and ~2× for p·v, while at T = 64 the per-call overhead of 64 small
 * products makes it ~2× slower (measured on the wasm SIMD backend).
 */
export const SLICED_ATTENTION_LENGTH = 256;

/**
 * The same product as `attention`, without a gradient: for evaluation, where
 * long contexts make the attention products most of the time.
 */
export function attentionInference(q: T, kt: T, v: T, table: tf.Tensor3D, batch: number, scale: number): T {
  const [bh, t] = q.shape as [number, number, number];
  if (t < SLICED_ATTENTION_LENGTH) {
    return tf.tidy(() => {
      const s = tf.reshape(tf.matMul(tf.mul(q, scale) as tf.Tensor3D, kt as tf.Tensor3D), [batch, bh / batch, t, t]);
      return tf.matMul(tf.reshape(tf.softmax(tf.add(s, table)), [bh, t, t]) as tf.Tensor3D, v as tf.Tensor3D);
    });
  }
  return tf.tidy(() => {
    const heads = bh / batch;
    const qs = tf.unstack(tf.mul(q, scale));
    const ks = tf.unstack(kt);
    const vs = tf.unstack(v);
    const bias = tf.unstack(table);
    const out = qs.map((qi, i) => {
      const p = tf.softmax(tf.add(tf.matMul(qi as tf.Tensor2D, ks[i] as tf.Tensor2D), bias[i % heads]!));
      return tf.matMul(p as tf.Tensor2D, vs[i] as tf.Tensor2D);
    });
    return tf.stack(out);
  });
}

/**
 * Multi-head attention core with a fused bias+mask table.
 * q, v: [B·H, T, dh]; kt: [B·H, dh, T] (keys already transposed); table: [H, T, T].
 * Returns softmax(q·kᵀ·scale + table)·v, [B·H, T, dh].
 */
export function attention(q: T, kt: T, v: T, table: tf.Tensor3D, batch: number, scale: number): T {
  const [bh, t] = q.shape as [number, number, number];
  const heads = bh / batch;
  const op = tf.customGrad(((qq: T, kk: T, vv: T, save: SaveFn) => {
    const qs = tf.mul(qq, scale);
    const s = tf.reshape(tf.matMul(qs as tf.Tensor3D, kk as tf.Tensor3D), [batch, heads, t, t]);
    const p = tf.reshape(tf.softmax(tf.add(s, table)), [bh, t, t]);
    save([qs, kk, vv, p]);
    return {
      value: tf.matMul(p as tf.Tensor3D, vv as tf.Tensor3D),
      gradFunc: (dO: T, [qsS, ktS, vS, pS]: T[]) => {
        const P = pS as tf.Tensor3D;
        const dy = dO as tf.Tensor3D;
        const dv = tf.matMul(P, dy, true, false);
        const dP = tf.matMul(dy, tf.transpose(vS!, [0, 2, 1]) as tf.Tensor3D);
        const dS = tf.mul(P, tf.sub(dP, tf.sum(tf.mul(dP, P), -1, true)));
        const dq = tf.mul(tf.matMul(dS, tf.transpose(ktS!, [0, 2, 1]) as tf.Tensor3D), scale);
        const dkt = tf.matMul(qsS as tf.Tensor3D, dS, true, false);
        return [dq, dkt, dv];
      },
    };
  }) as never) as (a: T, b: T, c: T) => T;
  return op(q, kt, v);
}
