/**
 * Parameter substitution for `at` (`--at name=value`) and `alibiHeads` (`--alibi-heads`).
 *
 * Owns: replacing param nodes of an Expr by exact constant sub-trees (a rational
 * literal, or an exact constant expression such as 2^(-8/3)), and reading the
 * values users give: the CLI's "name=v1,v2" strings, or the API's objects
 * ({m: 0.5}, {m: [0.5, 0.25]}, [{m: 0.5}, {m: 0.25}]) with numbers or exact
 * strings ("1/3", "2^(-1/2)"). Values stay exact: a JS number is read from its
 * shortest decimal form (0.1 is 1/10), nothing is rounded to a float here.
 * Errors are OptionErrors naming `at`, so the CLI can say `--at`.
 */
import Fraction from 'fraction.js';
import { InputError } from '../parse/errors.js';
import { OptionError } from '../parse/option-error.js';
import type { Expr } from '../parse/expr.js';
import { parseExpression } from '../parse/parse.js';
import { toAscii } from '../parse/print.js';
import { freeParameters, usesVariable } from '../parse/walk.js';
import { MAX_HEADS, type SlopeOptions, slopeExponents } from './alibi-slopes.js';

/** A substituted value: the exact constant expression and how to show it. */
export interface ParamValue {
  readonly expr: Expr;
  /** the value as text (the user's text, or e.g. 2^(-8/3)) */
  readonly text: string;
}

/** Parse one value: a number, a fraction p/q, or a constant expression such as 2^(-1/3) or 1/log(2). */
export function parseValue(text: string, name: string): ParamValue {
  const t = text.trim();
  if (t === '') throw new OptionError('at', (o) => `${o}: empty value for ${name}`);
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) {
    try {
      return { expr: { kind: 'num', value: new Fraction(t) }, text: t };
    } catch {
      // fall through to the expression parser
    }
  }
  let parsed;
  try {
    parsed = parseExpression(t);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    // "--at r1=2,r2=1": the second parameter was read as a value of the first
    const hint = (o: string): string => (t.includes('=') ? `; give each parameter its own ${o}` : '');
    throw new OptionError('at', (o) => `${o}: cannot read the value "${t}" for ${name}: ${msg}${hint(o)}`);
  }
  if (freeParameters(parsed.expr).length > 0 || usesVariable(parsed.expr)) {
    throw new OptionError('at', (o) => `${o}: the value for ${name} must be a constant, got "${t}"`);
  }
  return { expr: parsed.expr, text: toAscii(parsed.expr) };
}

const PARAM_NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u;

/** Parse "name=v1,v2,…" (commas at depth 0 separate values). */
export function parseAtOption(text: string): { name: string; values: ParamValue[] } {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new OptionError('at', (o) => `${o} expects name=value[,value…], got "${text}"`);
  const name = text.slice(0, eq).trim();
  if (!PARAM_NAME.test(name)) throw new OptionError('at', (o) => `invalid parameter name "${name}" in ${o}`);
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text.slice(eq + 1)) {
    if (ch === '(' || ch === '[') depth++;
    if (ch === ')' || ch === ']') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else {
      cur += ch;
    }
  }
  parts.push(cur);
  return { name, values: parts.map((p) => parseValue(p, name)) };
}

/**
 * The H ALiBi slopes 2^(−e_h) as exact expressions, by the rule of ./alibi-slopes.ts
 * (default: the reference implementation's rule, alibi_bias_max 8; for H a power of 2
 * both rules give 2^(−8h/H)).
 */
export function alibiSlopes(H: number, options: SlopeOptions = {}): ParamValue[] {
  if (!Number.isSafeInteger(H) || H < 1 || H > MAX_HEADS) throw new OptionError('alibiHeads', (o) => `${o} expects an integer from 1 to ${MAX_HEADS}, got ${String(H)}`);
  return slopeExponents(H, options).map((e) => {
    // an integer exponent is a plain dyadic literal (0.5, 0.25, …); otherwise 2^(−e) stays symbolic
    const expr: Expr = e.d === 1n
      ? { kind: 'num', value: new Fraction(1n, 2n ** e.n) }
      : { kind: 'pow', base: { kind: 'num', value: new Fraction(2) }, exp: { kind: 'num', value: e.neg() } };
    return { expr, text: toAscii(expr) };
  });
}

/** "alibi rule, bias max 8, 12 heads" — the slope rule in words, for the outputs that use it. */
export function slopeRuleText(H: number, options: SlopeOptions = {}): string {
  const rule = options.rule ?? 'alibi';
  const B = options.biasMax === undefined ? '8' : String(options.biasMax);
  return rule === 'alibi'
    ? `${H} ALiBi slopes by the reference rule (alibi, bias max ${B}${(H & (H - 1)) === 0 ? '' : ': the nearest lower power of 2, then every other slope of the next'})`
    : `${H} ALiBi slopes by the geometric rule 2^(-${B}h/${H})`;
}

/**
 * Combine per-parameter value lists into points: lists of equal length are zipped
 * (one point per head); a single value is used at every point.
 */
export function combineAt(lists: ReadonlyArray<{ name: string; values: ParamValue[] }>): Record<string, ParamValue>[] {
  if (lists.length === 0) return [{}];
  const merged = new Map<string, ParamValue[]>();
  for (const l of lists) {
    if (merged.has(l.name)) throw new OptionError('at', (o) => `${o}: parameter ${l.name} is given twice`);
    merged.set(l.name, l.values);
  }
  const lengths = [...merged.values()].map((v) => v.length).filter((n) => n > 1);
  const len = lengths.length === 0 ? 1 : lengths[0]!;
  if (lengths.some((n) => n !== len)) {
    throw new OptionError('at', (o) => `${o}: value lists of different lengths (${[...new Set(lengths)].join(', ')}); give one value or the same number of values per parameter`);
  }
  const points: Record<string, ParamValue>[] = [];
  for (let i = 0; i < len; i++) {
    const pt: Record<string, ParamValue> = {};
    for (const [name, vals] of merged) pt[name] = vals.length === 1 ? vals[0]! : vals[i]!;
    points.push(pt);
  }
  return points;
}

/** A decimal such as "1.5", "-2.5e-3" or a fraction "p/q" as an exact Fraction (fraction.js reads no exponents). */
export function decimalFraction(text: string): Fraction {
  const t = text.trim();
  const m = /^([+-]?)(\d+\.?\d*|\.\d+)(?:e([+-]?\d+))?(?:\/(\d+))?$/i.exec(t);
  if (!m || (m[3] !== undefined && m[4] !== undefined)) throw new InputError('option', `expected a decimal or a fraction p/q, got "${text}"`);
  const [whole = '', frac = ''] = m[2]!.split('.');
  let f = new Fraction(BigInt(`${whole || '0'}${frac}`), 10n ** BigInt(frac.length));
  const e = m[3] === undefined ? 0 : Number(m[3]);
  if (!Number.isSafeInteger(e) || Math.abs(e) > 10000) throw new InputError('option', `exponent out of range in "${text}"`);
  if (e > 0) f = f.mul(new Fraction(10n ** BigInt(e)));
  if (e < 0) f = f.div(new Fraction(10n ** BigInt(-e)));
  if (m[4] !== undefined) {
    if (BigInt(m[4]) === 0n) throw new InputError('option', `division by zero in "${text}"`);
    f = f.div(new Fraction(BigInt(m[4])));
  }
  return m[1] === '-' ? f.neg() : f;
}

/** One value of an `at` object: a number, a bigint or an exact string. */
export type AtValue = number | string | bigint;
/** Parameter values as an object: one value, or a list (one result per entry, lists zipped). */
export type AtPoint = Readonly<Record<string, AtValue | readonly AtValue[]>>;
/**
 * What `at` accepts: "name=v1,v2" strings (the CLI's --at), one object
 * ({m: 0.5, k: "1/3"} or {m: [0.5, 0.25]}), or an array of objects, one point each.
 */
export type AtInput = readonly string[] | AtPoint | readonly AtPoint[];

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

function scalar(v: unknown, where: string, name: string): ParamValue {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new OptionError('at', (o) => `${o}${where}: the value for ${name} must be a finite number, got ${String(v)}`);
    return parseValue(String(v), name);
  }
  if (typeof v === 'bigint') return parseValue(v.toString(), name);
  if (typeof v === 'string') return parseValue(v, name);
  throw new OptionError('at', (o) => `${o}${where}: the value for ${name} must be a number or a string such as "1/3", got ${v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v}`);
}

function checkName(name: string, where: string): void {
  if (!PARAM_NAME.test(name)) throw new OptionError('at', (o) => `${o}${where}: invalid parameter name "${name}"`);
}

/** The value lists of `at`, however it was given; combineAt turns them into points. */
export function atLists(at: unknown): { name: string; values: ParamValue[] }[] {
  if (at === undefined || at === null) return [];
  const shape = (o: string): string => `${o} must be an object such as {m: 0.5}, an array of such objects, or strings such as "m=0.5"`;
  if (Array.isArray(at)) {
    if (at.every((x) => typeof x === 'string')) return at.map(parseAtOption);
    if (!at.every(isPlainObject)) throw new OptionError('at', shape);
    // one point per object: the same parameters in each
    const names = [...new Set(at.flatMap((p) => Object.keys(p)))];
    return names.map((name) => {
      checkName(name, '');
      return {
        name,
        values: at.map((p, i) => {
          if (!(name in p)) throw new OptionError('at', (o) => `${o}[${i}] has no value for ${name} (every point needs the same parameters)`);
          return scalar(p[name], `[${i}]`, name);
        }),
      };
    });
  }
  if (!isPlainObject(at)) throw new OptionError('at', shape);
  return Object.entries(at).map(([name, v]) => {
    checkName(name, '');
    if (Array.isArray(v)) {
      if (v.length === 0) throw new OptionError('at', (o) => `${o}: the list for ${name} is empty`);
      return { name, values: v.map((x: unknown, i) => scalar(x, `.${name}[${i}]`, name)) };
    }
    return { name, values: [scalar(v, `.${name}`, name)] };
  });
}
