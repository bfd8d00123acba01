/**
 * Saving and loading trained weights.
 *
 * Owns: the on-disk format of one trained model, independent of the backend:
 *   NAME.json  {format, model, rpe, trainLength, seed, params: [{name, shape, offset}]}
 *   NAME.bin   every parameter as little-endian float32, concatenated in order.
 * `rpe validate --weights DIR` reloads every model saved under DIR and evaluates
 * it again without training.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parameterShapes, paramsFromValues, type ModelConfig, type Params } from './model.js';
import type { RpeSpec } from './rpe.js';

export const WEIGHTS_FORMAT = 'rpe-validate-weights/1';

export interface WeightsManifest {
  readonly format: string;
  readonly model: ModelConfig;
  readonly rpe: RpeSpec;
  readonly trainLength: number;
  readonly seed: number;
  readonly params: ReadonlyArray<{ readonly name: string; readonly shape: readonly number[]; readonly offset: number }>;
}

export interface SavedModel {
  readonly manifest: WeightsManifest;
  readonly params: Params;
}

/** A file-name-safe slug. */
export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'model';
}

/** Write NAME.json and NAME.bin into dir; returns the manifest path. */
export function saveWeights(
  dir: string, name: string, params: Params, model: ModelConfig, rpe: RpeSpec, trainLength: number, seed: number,
): string {
  mkdirSync(dir, { recursive: true });
  const entries: Array<{ name: string; shape: number[]; offset: number }> = [];
  const chunks: Float32Array[] = [];
  let offset = 0;
  for (const [pname, shape] of parameterShapes(model)) {
    const data = params.get(pname)!.dataSync() as Float32Array;
    entries.push({ name: pname, shape, offset });
    chunks.push(Float32Array.from(data));
    offset += data.length;
  }
  const all = new Float32Array(offset);
  let at = 0;
  for (const c of chunks) { all.set(c, at); at += c.length; }
  const buf = Buffer.alloc(all.length * 4);
  for (let i = 0; i < all.length; i++) buf.writeFloatLE(all[i]!, i * 4);
  writeFileSync(join(dir, `${name}.bin`), buf);
  const manifest: WeightsManifest = { format: WEIGHTS_FORMAT, model, rpe, trainLength, seed, params: entries };
  const path = join(dir, `${name}.json`);
  writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
  return path;
}

/** Read and check a manifest (NAME.json). */
export function loadManifest(manifestPath: string): WeightsManifest {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as WeightsManifest;
  if (manifest.format !== WEIGHTS_FORMAT) throw new Error(`${manifestPath}: not a ${WEIGHTS_FORMAT} file`);
  return manifest;
}

/** Load one model from its manifest path (NAME.json beside NAME.bin). */
export function loadWeights(manifestPath: string): SavedModel {
  const manifest = loadManifest(manifestPath);
  const buf = readFileSync(manifestPath.replace(/\.json$/, '.bin'));
  const values = new Map<string, Float32Array>();
  for (const p of manifest.params) {
    const size = p.shape.reduce((a, b) => a * b, 1);
    const arr = new Float32Array(size);
    for (let i = 0; i < size; i++) arr[i] = buf.readFloatLE((p.offset + i) * 4);
    values.set(p.name, arr);
  }
  return { manifest, params: paramsFromValues(manifest.model, values) };
}

/** Manifest paths of every model saved in dir (sorted). */
export function listWeights(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => join(dir, f));
}
