/**
 * Per-head parameter values from a file, for `rpe heads`.
 *
 * Owns: reading the three formats into one column per parameter, one entry per head,
 * each value kept exactly:
 *  - JSON `{"r1": [..], "r2": [..]}` (a single number is used for every head) or an
 *    array of head objects `[{"r1": .., "r2": ..}, …]`; a value is the shortest decimal
 *    that reads back as the double JSON gave;
 *  - CSV with a header row of names and one row per head (a column `head` is ignored);
 *    the decimal text as written;
 *  - safetensors (./safetensors.ts) with a mapping parameter → tensor name; the exact
 *    value of the stored float as a finite decimal (every binary float is one).
 * NaN, ±inf, ragged columns and anything that is not a number are input errors that
 * name the head and the parameter (and the line and column in a CSV).
 */
import { InputError } from '../parse/errors.js';
import { readHeader, readTensor } from './safetensors.js';

export interface ParamEntry {
  /** the exact value as a decimal string */
  readonly text: string;
  readonly value: number;
}

export type ParamColumns = Record<string, ParamEntry[]>;

export type ParamFormat = 'json' | 'csv' | 'safetensors';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

const err = (msg: string): InputError => new InputError('option', msg);

/** The exact decimal expansion of a finite double. */
export function exactDecimal(x: number): string {
  if (!Number.isFinite(x)) throw err(`not a finite number: ${x}`);
  if (Number.isInteger(x)) return BigInt(x).toString();
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const sign = hi >>> 31 ? '-' : '';
  const e = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp: number;
  if (e === 0) exp = -1074;
  else { mant |= 1n << 52n; exp = e - 1075; }
  // x = mant·2^exp with exp < 0 (x is not an integer): mant·5^(−exp) / 10^(−exp)
  const k = -exp;
  const digits = (mant * 5n ** BigInt(k)).toString().padStart(k + 1, '0');
  const whole = digits.slice(0, digits.length - k);
  const frac = digits.slice(digits.length - k).replace(/0+$/, '');
  return `${sign}${whole}${frac ? `.${frac}` : ''}`;
}

function finiteEntry(x: number, where: string): ParamEntry {
  if (Number.isNaN(x)) throw err(`${where} is NaN`);
  if (!Number.isFinite(x)) throw err(`${where} is ${x > 0 ? '+' : '-'}infinite`);
  return { text: String(x), value: x };
}

/** JSON, as described above. */
export function parseParamsJson(text: string): ParamColumns {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw err(`the parameter file is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const cols: ParamColumns = {};
  if (Array.isArray(data)) {
    data.forEach((row, h) => {
      if (typeof row !== 'object' || row === null || Array.isArray(row)) throw err(`head ${h + 1}: expected an object of parameter values`);
      for (const [k, v] of Object.entries(row as Record<string, unknown>)) {
        if (typeof v !== 'number') throw err(`head ${h + 1}: ${k} must be a number, got ${JSON.stringify(v)}`);
        (cols[k] ??= [])[h] = finiteEntry(v, `head ${h + 1}: ${k}`);
      }
    });
    for (const [k, v] of Object.entries(cols)) {
      if (v.length !== data.length || v.some((x) => x === undefined)) throw err(`${k} is missing in some heads`);
    }
    return cols;
  }
  if (typeof data !== 'object' || data === null) throw err('the parameter file must be a JSON object {"name": [values…]} or an array of head objects');
  const entries = Object.entries(data as Record<string, unknown>);
  const lengths = entries.map(([, v]) => (Array.isArray(v) ? v.length : 1));
  const H = Math.max(1, ...lengths);
  for (const [k, v] of entries) {
    const list = Array.isArray(v) ? v : [v];
    if (list.length !== 1 && list.length !== H) throw err(`${k} has ${list.length} values, other parameters ${H}; give one value or one per head`);
    cols[k] = Array.from({ length: H }, (_, h) => {
      const x = list.length === 1 ? list[0] : list[h];
      // JSON has no NaN or infinity; null is what writers emit for them
      if (x === null) throw err(`head ${h + 1}: ${k} is null (NaN or infinite in the writer?)`);
      if (typeof x !== 'number') throw err(`head ${h + 1}: ${k} must be a number, got ${JSON.stringify(x)}`);
      return finiteEntry(x, `head ${h + 1}: ${k}`);
    });
  }
  return cols;
}

/** CSV, as described above. */
export function parseParamsCsv(text: string): ParamColumns {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).map((l, i) => ({ l, line: i + 1 })).filter((x) => x.l.trim() !== '');
  if (lines.length < 2) throw err('the CSV needs a header row of parameter names and one row per head');
  const unquote = (s: string): string => s.trim().replace(/^"(.*)"$/, '$1').trim();
  const names = lines[0]!.l.split(',').map(unquote);
  names.forEach((n, i) => {
    if (!/^[\p{L}_][\p{L}\p{N}_]*$/u.test(n)) throw err(`CSV line ${lines[0]!.line}, column ${i + 1}: "${n}" is not a parameter name`);
  });
  if (new Set(names).size !== names.length) throw err('the CSV header names a parameter twice');
  const cols: ParamColumns = {};
  for (const n of names) if (n.toLowerCase() !== 'head') cols[n] = [];
  lines.slice(1).forEach(({ l, line }, h) => {
    const cells = l.split(',').map(unquote);
    if (cells.length !== names.length) throw err(`CSV line ${line}: ${cells.length} values for ${names.length} columns`);
    cells.forEach((c, i) => {
      const name = names[i]!;
      if (name.toLowerCase() === 'head') return;
      if (/^[+-]?(nan|inf|infinity)$/i.test(c)) throw err(`CSV line ${line}, column ${i + 1}: head ${h + 1}: ${name} is ${c}`);
      if (!NUMBER.test(c)) throw err(`CSV line ${line}, column ${i + 1}: "${c}" is not a number`);
      cols[name]!.push({ text: c.replace(/^\+/, ''), value: Number(c) });
    });
  });
  return cols;
}

/** safetensors: `mapping` is parameter → tensor name (default: the tensor of the same name). */
export function parseParamsSafetensors(bytes: Uint8Array, parameters: readonly string[], mapping: Readonly<Record<string, string>>): ParamColumns {
  const { tensors } = readHeader(bytes);
  const cols: ParamColumns = {};
  const wanted = Object.keys(mapping).length > 0 ? Object.keys(mapping) : parameters.filter((p) => tensors.some((t) => t.name === p));
  if (wanted.length === 0) throw err(`map parameters to tensors with --tensor ${parameters[0] ?? 'name'}=TENSOR (the file has ${tensors.map((t) => t.name).join(', ') || 'no tensors'})`);
  for (const p of wanted) {
    const { values, info } = readTensor(bytes, mapping[p] ?? p);
    const big = info.shape.filter((d) => d > 1);
    if (big.length > 1) throw err(`tensor "${info.name}" has shape [${info.shape.join(', ')}]: expected one value per head (one dimension larger than 1)`);
    cols[p] = values.map((v, h) => {
      if (Number.isNaN(v)) throw err(`head ${h + 1}: ${p} (tensor "${info.name}", ${info.dtype}) is NaN`);
      if (!Number.isFinite(v)) throw err(`head ${h + 1}: ${p} (tensor "${info.name}", ${info.dtype}) is ${v > 0 ? '+' : '-'}infinite`);
      return { text: exactDecimal(v), value: v };
    });
  }
  return cols;
}

/** The format from the file name, else from the first bytes. */
export function detectFormat(name: string, bytes: Uint8Array): ParamFormat {
  const lower = name.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.safetensors') || lower.endsWith('.st')) return 'safetensors';
  if (bytes.length >= 9 && bytes[8] === 0x7b && bytes[7] === 0 && bytes[6] === 0) return 'safetensors';
  const first = new TextDecoder().decode(bytes.subarray(0, 64)).trimStart()[0];
  return first === '{' || first === '[' ? 'json' : 'csv';
}
