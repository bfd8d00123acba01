/**
 * Parameter substitution for `--at name=value` and `--alibi-heads`.
 *
 * Owns: replacing param nodes of an Expr by exact constant sub-trees (a rational
 * literal, or an exact constant expression such as 2^(-8/3)), and parsing the
 * value lists users type. Values stay exact: nothing is rounded to a float here.
 */
import Fraction from 'fraction.js';
import { InputError } from '../parse/errors.js';
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
  if (t === '') throw new InputError('option', `empty value for ${name}`);
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
    throw new InputError('option', `cannot read the value "${t}" for ${name}: ${msg}`);
  }
  if (freeParameters(parsed.expr).length > 0 || usesVariable(parsed.expr)) {
    throw new InputError('option', `the value for ${name} must be a constant, got "${t}"`);
  }
  return { expr: parsed.expr, text: toAscii(parsed.expr) };
}

/** Parse "name=v1,v2,…" (commas at depth 0 separate values). */
export function parseAtOption(text: string): { name: string; values: ParamValue[] } {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new InputError('option', `--at expects name=value[,value…], got "${text}"`);
  const name = text.slice(0, eq).trim();
  if (!/^[\p{L}_][\p{L}\p{N}_]*$/u.test(name)) throw new InputError('option', `invalid parameter name "${name}" in --at`);
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
  if (!Number.isSafeInteger(H) || H < 1 || H > MAX_HEADS) throw new InputError('option', `--alibi-heads expects an integer from 1 to ${MAX_HEADS}, got ${H}`);
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
    if (merged.has(l.name)) throw new InputError('option', `parameter ${l.name} is given twice`);
    merged.set(l.name, l.values);
  }
  const lengths = [...merged.values()].map((v) => v.length).filter((n) => n > 1);
  const len = lengths.length === 0 ? 1 : lengths[0]!;
  if (lengths.some((n) => n !== len)) {
    throw new InputError('option', `value lists of different lengths (${[...new Set(lengths)].join(', ')}); give one value or the same number of values per parameter`);
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
