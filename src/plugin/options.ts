/**
 * Reading arguments that host math engines hand to our functions: mathjs
 * passes Matrix objects for arrays and BigNumber or Fraction objects for numbers
 * (depending on its config); nerdamer passes its Symbols. Both become the plain
 * strings, numbers and arrays that classify() and trf() take.
 *
 * Owns: the conversion of host values; it never evaluates their text.
 */
import { InputError } from '../parse/errors.js';
import type { ClassifyOptions } from '../types.js';

type HostValue = unknown;

/** A host value as plain JS: Matrix → array (recursively), BigNumber/Fraction → number. */
export function plain(v: HostValue): unknown {
  if (v === null || v === undefined) return v;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map(plain);
  const o = v as { toArray?: () => unknown[]; isBigNumber?: boolean; isFraction?: boolean; toNumber?: () => number; valueOf?: () => unknown };
  if (typeof o.toArray === 'function') return o.toArray().map(plain);
  if (o.isBigNumber || o.isFraction) return Number(o.valueOf?.() ?? String(v));
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [k, plain(x)]));
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, plain(x)]));
  return v;
}

/** The expression text: a string, or a host object that prints as one. */
export function exprText(v: HostValue, what = 'the expression'): string {
  if (typeof v === 'string') return v;
  if (v !== null && typeof v === 'object' && typeof (v as { toString?: unknown }).toString === 'function') {
    const s = String(v);
    if (s && s !== '[object Object]') return s;
  }
  throw new InputError('syntax', `${what} must be a string`);
}

/** ClassifyOptions from a plain object {var, from, assume, term}. */
export function classifyOptions(v: HostValue): ClassifyOptions {
  if (v === undefined || v === null) return {};
  const o = plain(v);
  if (typeof o !== 'object' || o === null || Array.isArray(o)) throw new InputError('option', 'options must be an object such as {assume: ["m > 0"]}');
  const r = o as Record<string, unknown>;
  const assume = r.assume === undefined ? undefined : Array.isArray(r.assume) ? r.assume.map((a) => exprText(a, 'an assumption')) : [exprText(r.assume, 'an assumption')];
  return {
    ...(r.var !== undefined ? { var: exprText(r.var, 'var') } : {}),
    ...(r.from !== undefined ? { from: Number(r.from) } : {}),
    ...(assume ? { assume } : {}),
    ...(r.term !== undefined ? { term: Boolean(r.term) } : {}),
  };
}

/** {m: 0.5, k: "1/8"} → ["m=0.5", "k=1/8"] (the --at syntax of trf()). */
export function atStrings(v: HostValue): string[] {
  if (v === undefined || v === null) return [];
  const o = plain(v);
  if (typeof o !== 'object' || o === null || Array.isArray(o)) throw new InputError('option', 'parameter values must be an object such as {m: 0.5}');
  return Object.entries(o as Record<string, unknown>).map(([k, x]) => `${k}=${Array.isArray(x) ? x.join(',') : String(x)}`);
}
