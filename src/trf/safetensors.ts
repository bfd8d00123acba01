/**
 * A minimal safetensors reader, written by hand (no dependency): enough to read the
 * per-head parameter tensors of a checkpoint for `rpe heads`.
 *
 * Owns: the container format and the float decoders. A file is
 *   8 bytes  N, the header length, unsigned 64-bit little-endian;
 *   N bytes  a UTF-8 JSON object {name: {"dtype", "shape", "data_offsets": [begin, end]}, "__metadata__"?: {…}};
 *   the data: tensor bytes at [begin, end) counted from the first byte after the header,
 *            little-endian, row-major.
 * Decoded dtypes: F64, F32, F16 (IEEE binary16: subnormals, ±inf and NaN kept as such)
 * and BF16 (the upper half of a binary32). Every length and offset is checked against
 * the file before a byte is read, so a malformed file is an input error, never a crash.
 */
import { InputError } from '../parse/errors.js';

export type Dtype = 'F64' | 'F32' | 'F16' | 'BF16';

const SIZES: Record<Dtype, number> = { F64: 8, F32: 4, F16: 2, BF16: 2 };

export interface TensorInfo {
  readonly name: string;
  readonly dtype: string;
  readonly shape: readonly number[];
  readonly begin: number;
  readonly end: number;
}

/** The largest header accepted (the format's reference reader uses 100 MB). */
const MAX_HEADER = 100_000_000;

const bad = (msg: string): InputError => new InputError('option', `safetensors: ${msg}`);

/** IEEE binary16 bits → the number (exact: every binary16 is a double). */
export function decodeF16(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exp = (bits >> 10) & 0x1f;
  const frac = bits & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24; // zero and subnormals
  if (exp === 0x1f) return frac === 0 ? sign * Infinity : Number.NaN;
  return sign * (1024 + frac) * 2 ** (exp - 25);
}

/** bfloat16 bits → the number: the bits are the upper half of a binary32. */
export function decodeBF16(bits: number): number {
  const view = new DataView(new ArrayBuffer(4));
  view.setUint32(0, (bits & 0xffff) << 16 >>> 0, false);
  return view.getFloat32(0, false);
}

/** The header's tensors (without __metadata__), validated against the file length. */
export function readHeader(bytes: Uint8Array): { tensors: TensorInfo[]; dataStart: number } {
  if (bytes.length < 8) throw bad(`the file has ${bytes.length} bytes, fewer than the 8-byte header length`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = view.getBigUint64(0, true);
  if (n > BigInt(MAX_HEADER) || n > BigInt(bytes.length - 8)) throw bad(`header length ${n} exceeds the file (${bytes.length} bytes) or the ${MAX_HEADER}-byte limit`);
  const N = Number(n);
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + N)));
  } catch (err) {
    throw bad(`the header is not UTF-8 JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) throw bad('the header must be a JSON object');
  const dataStart = 8 + N;
  const dataLength = bytes.length - dataStart;
  const tensors: TensorInfo[] = [];
  for (const [name, raw] of Object.entries(header as Record<string, unknown>)) {
    if (name === '__metadata__') continue;
    const t = raw as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
    if (typeof t !== 'object' || t === null || typeof t.dtype !== 'string' || !Array.isArray(t.shape) || !Array.isArray(t.data_offsets) || t.data_offsets.length !== 2) {
      throw bad(`tensor "${name}" needs dtype, shape and data_offsets [begin, end]`);
    }
    const shape = t.shape as unknown[];
    if (!shape.every((d) => Number.isSafeInteger(d) && (d as number) >= 0)) throw bad(`tensor "${name}": the shape must be non-negative integers`);
    const [begin, end] = t.data_offsets as unknown[];
    if (!Number.isSafeInteger(begin) || !Number.isSafeInteger(end) || (begin as number) < 0 || (end as number) < (begin as number) || (end as number) > dataLength) {
      throw bad(`tensor "${name}": data_offsets [${String(begin)}, ${String(end)}] do not lie in the ${dataLength} data bytes`);
    }
    tensors.push({ name, dtype: t.dtype, shape: shape as number[], begin: begin as number, end: end as number });
  }
  return { tensors, dataStart };
}

/** The elements of one tensor, flattened in row-major order. */
export function readTensor(bytes: Uint8Array, name: string): { values: number[]; info: TensorInfo } {
  const { tensors, dataStart } = readHeader(bytes);
  const info = tensors.find((t) => t.name === name);
  if (!info) throw bad(`no tensor "${name}" (the file has ${tensors.map((t) => t.name).join(', ') || 'none'})`);
  if (!(info.dtype in SIZES)) throw bad(`tensor "${name}" has dtype ${info.dtype}; F64, F32, F16 and BF16 are read`);
  const dtype = info.dtype as Dtype;
  const count = info.shape.reduce((a, b) => a * b, 1);
  if (!Number.isSafeInteger(count) || count * SIZES[dtype] !== info.end - info.begin) {
    throw bad(`tensor "${name}": shape [${info.shape.join(', ')}] of ${dtype} needs ${count * SIZES[dtype]} bytes, data_offsets give ${info.end - info.begin}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset + dataStart + info.begin, info.end - info.begin);
  const values: number[] = new Array<number>(count);
  for (let i = 0; i < count; i++) {
    switch (dtype) {
      case 'F64': values[i] = view.getFloat64(8 * i, true); break;
      case 'F32': values[i] = view.getFloat32(4 * i, true); break;
      case 'F16': values[i] = decodeF16(view.getUint16(2 * i, true)); break;
      case 'BF16': values[i] = decodeBF16(view.getUint16(2 * i, true)); break;
    }
  }
  return { values, info };
}

/** Encode tensors as a safetensors file (for tests and fixtures): values given as raw little-endian bytes. */
export function writeSafetensors(tensors: ReadonlyArray<{ name: string; dtype: string; shape: readonly number[]; data: Uint8Array }>, metadata?: Record<string, string>): Uint8Array {
  const header: Record<string, unknown> = metadata ? { __metadata__: metadata } : {};
  let offset = 0;
  for (const t of tensors) {
    header[t.name] = { dtype: t.dtype, shape: t.shape, data_offsets: [offset, offset + t.data.length] };
    offset += t.data.length;
  }
  let json = JSON.stringify(header);
  while ((8 + json.length) % 8 !== 0) json += ' '; // the reference writer pads the header to 8 bytes
  const head = new TextEncoder().encode(json);
  const out = new Uint8Array(8 + head.length + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(head.length), true);
  out.set(head, 8);
  let at = 8 + head.length;
  for (const t of tensors) {
    out.set(t.data, at);
    at += t.data.length;
  }
  return out;
}
