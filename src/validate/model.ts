/**
 * The validator's transformer.
 *
 * Owns: parameters and the forward pass of a small decoder-only transformer:
 * byte embedding (no positional embedding: position enters only through the
 * relative bias), `layers` pre-LayerNorm blocks, each with multi-head causal
 * attention whose logits are q·k/√d_head + B[h, i, j] (the fused bias+mask table
 * of bias-table.ts) and a GELU MLP, then a final LayerNorm and an untied output
 * layer. Linear layers have no bias terms. Parameters are initialised from the
 * seeded PRNG (N(0, 0.02²); the two residual output projections scaled by
 * 1/√(2·layers)); LayerNorm gains 1, biases 0.
 */
import * as tf from '@tensorflow/tfjs';
import { attention, attentionInference, crossEntropy, embedding, gelu, layerNorm, linear } from './ops.js';
import { Rng } from './rng.js';
import { VOCAB_SIZE } from './tokenizer.js';

export interface ModelConfig {
  readonly vocab: number;
  readonly layers: number;
  readonly dModel: number;
  readonly heads: number;
  readonly dMlp: number;
}

export const DEFAULT_MODEL: ModelConfig = { vocab: VOCAB_SIZE, layers: 2, dModel: 64, heads: 4, dMlp: 256 };

/** Parameters by name, in a fixed order (the order of `parameterShapes`). */
export type Params = ReadonlyMap<string, tf.Variable>;

/** Names and shapes of every parameter, in order. */
export function parameterShapes(cfg: ModelConfig): Array<[string, number[]]> {
  const { vocab: V, dModel: d, dMlp: m, layers } = cfg;
  const out: Array<[string, number[]]> = [['emb', [V, d]]];
  for (let l = 0; l < layers; l++) {
    out.push(
      [`l${l}.ln1.g`, [d]], [`l${l}.ln1.b`, [d]],
      [`l${l}.wq`, [d, d]], [`l${l}.wk`, [d, d]], [`l${l}.wv`, [d, d]], [`l${l}.wo`, [d, d]],
      [`l${l}.ln2.g`, [d]], [`l${l}.ln2.b`, [d]],
      [`l${l}.w1`, [d, m]], [`l${l}.w2`, [m, d]],
    );
  }
  out.push(['lnf.g', [d]], ['lnf.b', [d]], ['out', [d, V]]);
  return out;
}

export function validateConfig(cfg: ModelConfig): void {
  for (const [k, v] of Object.entries(cfg)) {
    if (!Number.isInteger(v) || v <= 0) throw new Error(`model ${k} must be a positive integer, got ${v}`);
  }
  if (cfg.dModel % cfg.heads !== 0) throw new Error(`dModel (${cfg.dModel}) must be divisible by heads (${cfg.heads})`);
}

let modelCounter = 0;

/** Fresh parameters, deterministic in `seed`. */
export function initParams(cfg: ModelConfig, seed: number): Params {
  validateConfig(cfg);
  const rng = new Rng(seed);
  const std = 0.02;
  const residStd = std / Math.sqrt(2 * cfg.layers);
  const prefix = `rpe${++modelCounter}/`;
  const params = new Map<string, tf.Variable>();
  for (const [name, shape] of parameterShapes(cfg)) {
    const size = shape.reduce((a, b) => a * b, 1);
    let data: Float32Array;
    if (name.endsWith('.g')) data = new Float32Array(size).fill(1);
    else if (name.endsWith('.b')) data = new Float32Array(size);
    else data = rng.normals(size, name.endsWith('.wo') || name.endsWith('.w2') ? residStd : std);
    params.set(name, tf.variable(tf.tensor(data, shape, 'float32'), true, prefix + name));
  }
  return params;
}

/** Parameters from stored values (see weights.ts). */
export function paramsFromValues(cfg: ModelConfig, values: ReadonlyMap<string, Float32Array>): Params {
  validateConfig(cfg);
  const prefix = `rpe${++modelCounter}/`;
  const params = new Map<string, tf.Variable>();
  for (const [name, shape] of parameterShapes(cfg)) {
    const data = values.get(name);
    const size = shape.reduce((a, b) => a * b, 1);
    if (!data || data.length !== size) throw new Error(`weights: parameter ${name} missing or of wrong size`);
    params.set(name, tf.variable(tf.tensor(data, shape, 'float32'), true, prefix + name));
  }
  return params;
}

export function disposeParams(params: Params): void {
  for (const v of params.values()) v.dispose();
}

export function countParameters(cfg: ModelConfig): number {
  return parameterShapes(cfg).reduce((s, [, sh]) => s + sh.reduce((a, b) => a * b, 1), 0);
}

/** A batch of token ids ready for the model: inputs and (optionally) targets. */
export interface Batch {
  readonly batch: number;
  readonly length: number;
  /** input ids, flattened [B·T] */
  readonly ids: tf.Tensor1D;
  /** transposed one-hot of ids, [V, B·T] (embedding gradient); absent for evaluation */
  readonly idsOneHotT?: tf.Tensor2D;
  /** one-hot targets [B·T, V]; absent for evaluation */
  readonly targetsOneHot?: tf.Tensor2D;
  /** target ids [B·T] */
  readonly targets: tf.Tensor1D;
}

/** Build a batch from B rows of T+1 tokens each (row r: tokens[r·(T+1) …]). */
export function makeBatch(rows: Uint8Array | Int32Array, batch: number, length: number, vocab: number, training: boolean): Batch {
  const n = batch * length;
  const ids = new Int32Array(n);
  const tg = new Int32Array(n);
  for (let r = 0; r < batch; r++) {
    for (let t = 0; t < length; t++) {
      ids[r * length + t] = rows[r * (length + 1) + t]!;
      tg[r * length + t] = rows[r * (length + 1) + t + 1]!;
    }
  }
  const out: Batch = {
    batch, length,
    ids: tf.tensor1d(ids, 'int32'),
    targets: tf.tensor1d(tg, 'int32'),
  };
  if (!training) return out;
  const ohT = new Float32Array(vocab * n);
  const oh = new Float32Array(n * vocab);
  for (let i = 0; i < n; i++) {
    ohT[ids[i]! * n + i] = 1;
    oh[i * vocab + tg[i]!] = 1;
  }
  return { ...out, idsOneHotT: tf.tensor2d(ohT, [vocab, n]), targetsOneHot: tf.tensor2d(oh, [n, vocab]) };
}

export function disposeBatch(b: Batch): void {
  b.ids.dispose(); b.targets.dispose(); b.idsOneHotT?.dispose(); b.targetsOneHot?.dispose();
}

/**
 * Logits [B·T, V] for a batch. `table` is the [H, T, T] fused bias+mask table.
 * Differentiable with respect to the parameters when the batch carries
 * `idsOneHotT` (training); evaluation uses a plain gather.
 */
export function forward(params: Params, cfg: ModelConfig, b: Batch, table: tf.Tensor3D): tf.Tensor2D {
  const emb = params.get('emb')!;
  const x = b.idsOneHotT ? embedding(emb, b.ids, b.idsOneHotT) : tf.gather(emb, b.ids);
  return forwardEmbedded(params, cfg, x, b.batch, b.length, table, b.idsOneHotT !== undefined);
}

/**
 * Logits [B·T, V] from input embeddings x [B·T, d] (the model after its
 * embedding lookup). Differentiable with respect to x: the gradient ERF
 * (grad-erf.ts) differentiates a position's loss with respect to these inputs.
 */
export function forwardEmbedded(
  params: Params, cfg: ModelConfig, x0: tf.Tensor, B: number, T: number, table: tf.Tensor3D, differentiable = true,
): tf.Tensor2D {
  const P = (name: string): tf.Variable => params.get(name)!;
  const { heads: H, dModel: d, layers } = cfg;
  const dh = d / H;
  const scale = 1 / Math.sqrt(dh);
  let x: tf.Tensor = x0;
  for (let l = 0; l < layers; l++) {
    const h = layerNorm(x, P(`l${l}.ln1.g`), P(`l${l}.ln1.b`));
    const heads4 = (w: string): tf.Tensor => tf.reshape(linear(h, P(`l${l}.${w}`)), [B, T, H, dh]);
    const q = tf.reshape(tf.transpose(heads4('wq'), [0, 2, 1, 3]), [B * H, T, dh]);
    const kt = tf.reshape(tf.transpose(heads4('wk'), [0, 2, 3, 1]), [B * H, dh, T]);
    const v = tf.reshape(tf.transpose(heads4('wv'), [0, 2, 1, 3]), [B * H, T, dh]);
    const o = (differentiable ? attention : attentionInference)(q, kt, v, table, B, scale);
    const merged = tf.reshape(tf.transpose(tf.reshape(o, [B, H, T, dh]), [0, 2, 1, 3]), [B * T, d]);
    x = tf.add(x, linear(merged, P(`l${l}.wo`)));
    const h2 = layerNorm(x, P(`l${l}.ln2.g`), P(`l${l}.ln2.b`));
    x = tf.add(x, linear(gelu(linear(h2, P(`l${l}.w1`))), P(`l${l}.w2`)));
  }
  const hf = layerNorm(x, P('lnf.g'), P('lnf.b'));
  return linear(hf, P('out')) as tf.Tensor2D;
}

/** Mean cross-entropy (nats per token) of a training batch. */
export function loss(params: Params, cfg: ModelConfig, b: Batch, table: tf.Tensor3D): tf.Scalar {
  if (!b.targetsOneHot) throw new Error('loss needs a training batch');
  return crossEntropy(forward(params, cfg, b, table), b.targetsOneHot);
}
