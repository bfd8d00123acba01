/**
 * Decodes one batch line into a classify request: either a bare expression or a JSON
 * object {"expr", "var"?, "from"?, "assume"?: "a > 0, b > 0" or [..], "term"?}. Fields given on the line
 * replace the command-line defaults. Bad lines throw InputError.
 */
import { InputError } from '../parse/errors.js';
import type { ClassifyOptions } from '../types.js';

export interface BatchRequest {
  readonly expr: string;
  readonly options: ClassifyOptions;
}

const FIELDS = new Set(['expr', 'var', 'from', 'assume', 'term']);

/** Column (1-based) of a JSON.parse failure, when the engine reports a position. */
function jsonErrorColumn(message: string): number | undefined {
  const m = /position (\d+)/.exec(message);
  return m ? Number(m[1]) + 1 : undefined;
}

function parseJsonLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new InputError('syntax', `invalid JSON request: ${message.replace(/\s*\(line \d+ column \d+\)$/, '')}`, jsonErrorColumn(message));
  }
}

function fail(message: string): never {
  throw new InputError('option', message);
}

function decodeObject(value: unknown, defaults: ClassifyOptions): BatchRequest {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail('a JSON request must be an object with an "expr" field');
  const obj = value as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!FIELDS.has(key)) fail(`unknown field "${key}" in JSON request (allowed: expr, var, from, assume, term)`);
  }
  const { expr, var: variable, from, assume, term } = obj;
  if (typeof expr !== 'string' || expr.trim() === '') fail('"expr" must be a non-empty string');
  if (variable !== undefined && (typeof variable !== 'string' || variable.trim() === '')) fail('"var" must be a non-empty string');
  if (from !== undefined && !(typeof from === 'number' && Number.isSafeInteger(from))) fail('"from" must be an integer');
  if (assume !== undefined && typeof assume !== 'string' && !(Array.isArray(assume) && assume.every((a) => typeof a === 'string'))) {
    fail('"assume" must be a string ("a > 0, b > 0") or an array of strings');
  }
  if (term !== undefined && typeof term !== 'boolean') fail('"term" must be true or false');
  const options: ClassifyOptions = {
    ...defaults,
    ...(variable !== undefined ? { var: variable as string } : {}),
    ...(from !== undefined ? { from: from as number } : {}),
    ...(assume !== undefined ? { assume: typeof assume === 'string' ? assume : [...(assume as string[])] } : {}),
    ...(term !== undefined ? { term: term as boolean } : {}),
  };
  return { expr, options };
}

/** Decode a non-blank line. */
export function decodeBatchLine(line: string, defaults: ClassifyOptions): BatchRequest {
  const text = line.trim();
  if (text.startsWith('{')) return decodeObject(parseJsonLine(text), defaults);
  return { expr: text, options: defaults };
}
