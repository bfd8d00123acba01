/** Hand-written gradients (ops.ts) against tfjs autodiff, and the whole model against finite differences. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { attention, attentionInference, crossEntropy, gelu, layerNorm, linear, SLICED_ATTENTION_LENGTH } from '../../src/validate/ops.js';
import { BiasTables } from '../../src/validate/bias-table.js';
import { disposeBatch, disposeParams, initParams, loss, makeBatch } from '../../src/validate/model.js';
import { Rng } from '../../src/validate/rng.js';
import { backend, rows, TINY } from './helpers.js';

await backend();

function rand(shape: number[], seed: number): tf.Tensor {
  const rng = new Rng(seed);
  return tf.tensor(rng.normals(shape.reduce((a, b) => a * b, 1), 1), shape);
}

function assertClose(a: tf.Tensor, b: tf.Tensor, tol: number, what: string): void {
  assert.deepEqual(a.shape, b.shape, `${what}: shape`);
  const x = a.dataSync();
  const y = b.dataSync();
  for (let i = 0; i < x.length; i++) {
    assert.ok(Math.abs(x[i]! - y[i]!) <= tol * (1 + Math.abs(y[i]!)), `${what}[${i}]: ${x[i]} vs ${y[i]}`);
  }
}

/** Compare d/dinputs of sum(f(...)·w) between the custom op and a reference written with plain tf ops. */
function checkOp(name: string, custom: (...xs: tf.Tensor[]) => tf.Tensor, ref: (...xs: tf.Tensor[]) => tf.Tensor, inputs: tf.Tensor[]): void {
  const out = custom(...inputs);
  const w = rand(out.shape, 99);
  const g1 = tf.grads((...xs: tf.Tensor[]) => tf.sum(tf.mul(custom(...xs), w)))(inputs);
  const g2 = tf.grads((...xs: tf.Tensor[]) => tf.sum(tf.mul(ref(...xs), w)))(inputs);
  assertClose(out, ref(...inputs), 1e-4, `${name} value`);
  g1.forEach((g, i) => assertClose(g, g2[i]!, 1e-3, `${name} grad ${i}`));
}

test('linear: gradient equals autodiff of matMul', () => {
  tf.tidy(() => checkOp('linear', (x, w) => linear(x!, w!), (x, w) => tf.matMul(x as tf.Tensor2D, w as tf.Tensor2D), [rand([6, 4], 1), rand([4, 3], 2)]));
});

test('layerNorm: gradient equals autodiff of the plain formula', () => {
  tf.tidy(() => checkOp('layerNorm', (x, g, b) => layerNorm(x!, g!, b!), (x, g, b) => {
    const { mean, variance } = tf.moments(x!, -1, true);
    return tf.add(tf.mul(tf.div(tf.sub(x!, mean), tf.sqrt(tf.add(variance, 1e-5))), g!), b!);
  }, [rand([5, 6], 3), rand([6], 4), rand([6], 5)]));
});

test('gelu: gradient equals autodiff of the tanh formula', () => {
  tf.tidy(() => checkOp('gelu', (x) => gelu(x!), (x) => {
    const c = Math.sqrt(2 / Math.PI);
    return tf.mul(tf.mul(x!, 0.5), tf.add(1, tf.tanh(tf.mul(c, tf.add(x!, tf.mul(0.044715, tf.pow(x!, 3)))))));
  }, [rand([4, 7], 6)]));
});

test('crossEntropy: value and gradient equal softmaxCrossEntropy', () => {
  tf.tidy(() => {
    const oh = tf.oneHot(tf.tensor1d([1, 0, 3, 2, 2], 'int32'), 4).toFloat() as tf.Tensor2D;
    checkOp('crossEntropy', (z) => crossEntropy(z!, oh), (z) => tf.losses.softmaxCrossEntropy(oh, z!), [rand([5, 4], 7)]);
  });
});

test('attention: gradient equals autodiff of softmax(q·kᵀ·s + B)·v', () => {
  tf.tidy(() => {
    const B = 2, H = 2, T = 5, dh = 3;
    const tables = new BiasTables((n, h) => -(h + 1) * 0.3 * n, H, T);
    const table = tables.get(T);
    const scale = 1 / Math.sqrt(dh);
    checkOp('attention', (q, kt, v) => attention(q!, kt!, v!, table, B, scale), (q, kt, v) => {
      const s = tf.reshape(tf.mul(tf.matMul(q as tf.Tensor3D, kt as tf.Tensor3D), scale), [B, H, T, T]);
      return tf.matMul(tf.reshape(tf.softmax(tf.add(s, table)), [B * H, T, T]) as tf.Tensor3D, v as tf.Tensor3D);
    }, [rand([B * H, T, dh], 8), rand([B * H, dh, T], 9), rand([B * H, T, dh], 10)]);
    tables.dispose();
  });
});

test('attentionInference equals attention on both of its paths (batched below the sliced length, per-head 2-D products from it)', () => {
  for (const T of [7, SLICED_ATTENTION_LENGTH, SLICED_ATTENTION_LENGTH + 3]) {
    tf.tidy(() => {
      const B = 2, H = 3, dh = 4;
      // heads with different slopes and a window, so that a head or batch mix-up changes the result
      const tables = new BiasTables((n, h) => -(h + 1) * 0.05 * n + (h === 1 ? Math.sin(n) : 0), H, T);
      const table = tables.get(T, T - 2);
      const args = [rand([B * H, T, dh], 11), rand([B * H, dh, T], 12), rand([B * H, T, dh], 13)] as const;
      assertClose(attentionInference(...args, table, B, 0.5), attention(...args, table, B, 0.5), 1e-5, `T = ${T}`);
      tables.dispose();
    });
  }
});

test('model: parameter gradients match central finite differences', () => {
  const cfg = TINY;
  const T = 6, Bn = 2;
  const params = initParams(cfg, 3);
  // larger weights than the 0.02 init, so that every path carries signal
  for (const [name, v] of params) if (!name.endsWith('.b') && !name.endsWith('.g')) v.assign(tf.mul(v, 20));
  const tables = new BiasTables((n, h) => -0.5 * (h + 1) * n, cfg.heads, T);
  const batch = makeBatch(rows(Bn, T, cfg.vocab), Bn, T, cfg.vocab, true);
  const f = (): tf.Scalar => loss(params, cfg, batch, tables.get(T));
  const { grads } = tf.variableGrads(f, [...params.values()]);
  const rng = new Rng(5);
  const h = 1e-2;
  let checked = 0;
  for (const [name, v] of params) {
    const g = grads[v.name]!.dataSync();
    const data = Float32Array.from(v.dataSync());
    for (let k = 0; k < 2; k++) {
      const i = rng.int(data.length);
      const at = (delta: number): number => {
        const d = Float32Array.from(data);
        d[i] = d[i]! + delta;
        v.assign(tf.tensor(d, v.shape));
        return tf.tidy(() => f().dataSync()[0]!);
      };
      const fd = (at(h) - at(-h)) / (2 * h);
      v.assign(tf.tensor(data, v.shape));
      assert.ok(Math.abs(fd - g[i]!) <= 2e-3 + 0.05 * Math.abs(fd), `${name}[${i}]: finite difference ${fd} vs gradient ${g[i]}`);
      checked++;
    }
  }
  assert.ok(checked >= 20);
  tf.dispose(grads);
  disposeBatch(batch);
  disposeParams(params);
  tables.dispose();
});
