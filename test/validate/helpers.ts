/** Shared fixtures for the validator tests: a tiny model and a ready backend. */
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../../src/validate/backend.js';
import type { ModelConfig } from '../../src/validate/model.js';

export const TINY: ModelConfig = { vocab: 13, layers: 2, dModel: 8, heads: 2, dMlp: 16 };

export async function backend(): Promise<string> {
  const info = await selectBackend('wasm');
  return info.name;
}

/** Deterministic token rows for B sequences of T+1 tokens. */
export function rows(batch: number, length: number, vocab: number, salt = 1): Uint8Array {
  const out = new Uint8Array(batch * (length + 1));
  for (let i = 0; i < out.length; i++) out[i] = (i * 7 + salt * 3 + ((i * i) % 5)) % vocab;
  return out;
}

export function values(t: tf.Tensor): Float32Array {
  return t.dataSync() as Float32Array;
}
