/**
 * RPE specifications: which bias each run trains with.
 *
 * Owns: `--rpe EXPR [--at NAME=VALUE,…]` → a per-head numeric bias. The
 * expression is parsed with the same parser `classify` uses and compiled with
 * `compileFloat`; each head h (1-based) of H gets its own parameter values.
 * An `--at` value is an arithmetic expression in h, H and D (the head
 * dimension), e.g. `m=2^(-8*h/H)` (the paper's slopes), or `alibi` / `alibi(B)` /
 * `geometric` for the slope rules of src/trf/alibi-slopes.ts. Parameters named h or H in
 * the bias itself are bound to the head index and the head count when `--at`
 * does not give them. Any other free parameter must be given.
 */
import { InputError } from '../parse/errors.js';
import { parseExpression } from '../parse/parse.js';
import type { ParsedExpression } from '../parse/expr.js';
import { compileFloat } from '../numeric/evaluate.js';
import type { BiasFn } from './bias-table.js';
import { type SlopeRule, slopeExponents, slopeValue } from '../trf/alibi-slopes.js';

export interface RpeSpec {
  /** display name; default: the expression and its --at values */
  readonly name?: string;
  readonly expression: string;
  /** parameter → value expression in h, H, D */
  readonly at: Readonly<Record<string, string>>;
}

export interface ResolvedRpe {
  readonly spec: RpeSpec;
  readonly label: string;
  readonly parsed: ParsedExpression;
  /** parameter values of each head (h = 1 … H), including auto-bound h/H */
  readonly headParams: ReadonlyArray<Readonly<Record<string, number>>>;
  /** p_h(n), head 0-based */
  readonly fn: BiasFn;
}

export class RpeError extends Error {
  override name = 'RpeError';
}

/** Split on commas that are not inside parentheses or brackets. */
function splitTopLevel(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(' || ch === '[') depth++;
    if (ch === ')' || ch === ']') depth--;
    if (ch === ',' && depth === 0) { out.push(cur); cur = ''; } else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim()).filter((s) => s.length > 0);
}

/** "m=2^(-8*h/H), r1=2" → {m: "2^(-8*h/H)", r1: "2"}. */
export function parseAt(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of splitTopLevel(text)) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new RpeError(`--at expects NAME=VALUE, got "${item}"`);
    const name = item.slice(0, eq).trim();
    const value = item.slice(eq + 1).trim();
    if (!/^[\p{L}_][\p{L}\p{N}_]*$/u.test(name)) throw new RpeError(`--at: invalid parameter name "${name}"`);
    if (value === '') throw new RpeError(`--at: empty value for ${name}`);
    out[name] = value;
  }
  return out;
}

/**
 * Evaluate an --at value (arithmetic in h, H, D) to a finite number. The text goes
 * through our own parser and evaluator, never mathjs evaluate.
 */
export function evalAtValue(text: string, scope: { h: number; H: number; D: number }): number {
  let v: number;
  try {
    const parsed = parseAtValue(text);
    const unknown = parsed.parameters.filter((p) => !(p in scope));
    if (unknown.length) throw new RpeError(`unknown name${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (only h, H and D may appear)`);
    const at = scope[parsed.variable as keyof typeof scope] ?? 0;
    v = compileFloat(parsed.expr, parsed.variable)(at, { ...scope });
  } catch (err) {
    throw new RpeError(`--at value "${text}": ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!Number.isFinite(v)) throw new RpeError(`--at value "${text}" is not a finite real number (got ${String(v)})`);
  return v;
}

/**
 * `alibi`, `alibi(B)`, `geometric`, `geometric(B)`: head h's ALiBi slope of H heads by that
 * rule (src/trf/alibi-slopes.ts; B is MPT's alibi_bias_max, default 8), the same slopes
 * `rpe trf --alibi-heads H` uses. Null for any other value text.
 */
export function slopeRuleValue(text: string, scope: { h: number; H: number }): number | null {
  const m = /^\s*(alibi|geometric)\s*(?:\(\s*([^()]*?)\s*\))?\s*$/.exec(text);
  if (!m) return null;
  try {
    const exps = slopeExponents(scope.H, { rule: m[1] as SlopeRule, ...(m[2] !== undefined ? { biasMax: m[2] } : {}) });
    return slopeValue(exps[scope.h - 1]!);
  } catch (err) {
    throw new RpeError(`--at value "${text}": ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Parse with whichever of h, H, D occurs as the "variable" (the parser insists on one when names occur). */
function parseAtValue(text: string): ReturnType<typeof parseExpression> {
  let last: unknown;
  for (const variable of ['h', 'H', 'D']) {
    try {
      return parseExpression(text, { variable });
    } catch (e) {
      if (!(e instanceof InputError) || e.kind !== 'variable') throw e;
      last = e;
    }
  }
  throw last;
}

export function rpeLabel(spec: RpeSpec): string {
  if (spec.name) return spec.name;
  const at = Object.entries(spec.at).map(([k, v]) => `${k}=${v}`).join(', ');
  return at ? `${spec.expression} @ ${at}` : spec.expression;
}

/** Compile a spec for a model with `heads` heads of dimension `headDim`. */
export function resolveRpe(spec: RpeSpec, heads: number, headDim: number): ResolvedRpe {
  const parsed = parseExpression(spec.expression, { variable: 'n' });
  const headParams: Array<Record<string, number>> = [];
  for (let h = 1; h <= heads; h++) {
    const scope = { h, H: heads, D: headDim };
    const values: Record<string, number> = {};
    for (const [name, text] of Object.entries(spec.at)) values[name] = slopeRuleValue(text, scope) ?? evalAtValue(text, scope);
    if (parsed.parameters.includes('h') && values.h === undefined) values.h = h;
    if (parsed.parameters.includes('H') && values.H === undefined) values.H = heads;
    headParams.push(values);
  }
  const missing = parsed.parameters.filter((p) => headParams[0]![p] === undefined);
  if (missing.length > 0) {
    throw new RpeError(`bias "${spec.expression}": give a value for ${missing.join(', ')} with --at (e.g. --at ${missing[0]}=1)`);
  }
  const unused = Object.keys(spec.at).filter((k) => !parsed.parameters.includes(k));
  if (unused.length > 0) throw new RpeError(`bias "${spec.expression}" has no parameter ${unused.join(', ')}`);
  const f = compileFloat(parsed.expr, parsed.variable);
  const fn: BiasFn = (n, head) => f(n, headParams[head]);
  return { spec, label: rpeLabel(spec), parsed, headParams, fn };
}
