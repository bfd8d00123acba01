/**
 * Several assumptions in one text: "a > 0, b > 0" (or "a > 0; b > 0"), as the CLI's
 * --assume, the API's `assume` (a string or an array of strings), batch lines and
 * the playground's field accept them.
 *
 * Owns: splitting at top-level commas and semicolons (not inside brackets, so
 * "max(a, b) > 1" stays one), each item's offset in its text, numbering the
 * assumptions, and attributing an error to the assumption it is in: the message
 * names it (`in assumption 2 "b >> 0": …`), the column counts in the assumption's
 * own text, and `source` is that text, for a caret under it.
 */
import { InputError, isInputError } from './errors.js';
import type { Expr } from './expr.js';
import { parseCondition } from './parse.js';

export interface AssumptionItem {
  /** the assumption, trimmed */
  readonly text: string;
  /** 0-based code-point offset of `text` in the text it was split from (code points, like columns) */
  readonly offset: number;
}

const OPEN = new Set(['(', '[', '{']);
const CLOSE = new Set([')', ']', '}']);

/** Split at top-level commas and semicolons; blank items are dropped. */
export function splitAssumptions(text: string): AssumptionItem[] {
  const cps = Array.from(text);
  const out: AssumptionItem[] = [];
  let depth = 0, start = 0;
  const push = (end: number): void => {
    const raw = cps.slice(start, end).join('');
    const lead = Array.from(raw).length - Array.from(raw.trimStart()).length;
    if (raw.trim() !== '') out.push({ text: raw.trim(), offset: start + lead });
  };
  for (let i = 0; i < cps.length; i++) {
    const ch = cps[i]!;
    if (OPEN.has(ch)) depth++;
    else if (CLOSE.has(ch)) depth = Math.max(0, depth - 1);
    else if ((ch === ',' || ch === ';') && depth === 0) { push(i); start = i + 1; }
  }
  push(cps.length);
  return out;
}

/**
 * The individual assumptions of an `assume` option: a string, or an array of strings,
 * each of which may hold several separated by commas. Anything else is an option error.
 */
export function assumptionTexts(assume: unknown): string[] {
  if (assume === undefined) return [];
  const parts = typeof assume === 'string' ? [assume] : Array.isArray(assume) ? assume : undefined;
  if (parts === undefined || !parts.every((a) => typeof a === 'string')) {
    throw new InputError('option', 'assume must be a string such as "a > 0, b > 0" or an array of such strings');
  }
  return (parts as string[]).flatMap((p) => splitAssumptions(p).map((item) => item.text));
}

export interface ParsedAssumption {
  /** 1-based position among all the assumptions */
  readonly index: number;
  readonly text: string;
  readonly expr: Expr;
}

/** `in assumption 2 "b >> 0"` (or `in the assumption "…"` when there is only one). */
function label(index: number, count: number, text: string): string {
  const shown = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return count === 1 ? `in the assumption "${shown}"` : `in assumption ${index} "${shown}"`;
}

/** The error `err` (about the assumption `text`) restated so that it names the assumption and points into it. */
export function inAssumption(err: InputError, index: number, count: number, text: string): InputError {
  return new InputError(err.kind, `${label(index, count, text)}: ${err.message}`, err.column, text);
}

/**
 * Run `f` on the assumption; an InputError from it is restated by `inAssumption`.
 * For work on an assumption after parsing (turning it into regions).
 */
export function withinAssumption<T>(item: Pick<ParsedAssumption, 'index' | 'text'>, count: number, f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (isInputError(err) && err.source === undefined) throw inAssumption(err, item.index, count, item.text);
    throw err;
  }
}

/**
 * Parse every assumption of an `assume` option against the expression's parameters;
 * `variable` is the summation variable, which an assumption may not name.
 */
export function parseAssumptions(assume: unknown, parameters: readonly string[], variable: string): ParsedAssumption[] {
  const texts = assumptionTexts(assume);
  return texts.map((text, k) => {
    const item = { index: k + 1, text };
    return { ...item, expr: withinAssumption(item, texts.length, () => parseCondition(text, parameters, variable)) };
  });
}
