/**
 * A linear token scan of normalised text, run before mathjs parses it.
 *
 * Owns: rejecting characters and operators outside the input language with their
 * column (matrices, objects, strings, assignment, `%`, bitwise operators, comments,
 * hex literals, …), capping numeric exponents, and capping the nesting depth so
 * that mathjs's recursive-descent parser (and every recursive pass after it) never
 * sees input deep enough to exhaust the stack. It also returns the token list that
 * the converter uses to find the column of a node.
 */
import { InputError } from './errors.js';
import { originalColumn, type NormalizedText } from './normalize.js';

export interface Token {
  readonly kind: 'number' | 'name' | 'op';
  /** the token text: a name, a number literal or an operator such as `<=` */
  readonly text: string;
  /** 0-based index in the normalised text */
  readonly start: number;
}

/** Most nesting levels accepted: brackets plus chains of ^, unary signs, `/`, `!` and `?`. */
export const MAX_NESTING = 100;
/** Largest decimal exponent accepted in a number literal. */
export const MAX_LITERAL_EXPONENT = 1000;

const NUMBER = /(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/y;
const NAME = /[A-Za-z_$][A-Za-z0-9_$]*/y;
const TWO_CHAR = new Set(['<=', '>=', '==', '!=']);
const ONE_CHAR = new Set(['+', '-', '*', '/', '^', '!', '<', '>', '?', ':', '(', ')', ',']);
const COMPARISONS = new Set(['<', '<=', '>', '>=', '==', '!=']);

const REJECTED_OPERATOR_WORDS: Readonly<Record<string, string>> = {
  xor: 'the xor operator is not supported',
  mod: 'the mod operator is not supported',
  to: 'unit conversion ("to") is not supported',
  in: 'unit conversion ("in") is not supported',
};
const REJECTED_LITERALS = new Set(['true', 'false', 'null', 'undefined', 'NaN', 'Infinity']);

const REJECTED_CHARS: Readonly<Record<string, string>> = {
  '[': 'matrices and indexing ([…]) are not supported',
  ']': 'matrices and indexing ([…]) are not supported',
  '{': 'objects ({…}) are not supported',
  '}': 'objects ({…}) are not supported',
  ';': 'only one expression is allowed (no ";")',
  '=': 'assignment is not supported (use == to compare)',
  '"': 'strings are not supported',
  "'": 'strings and the transpose operator are not supported',
  '`': 'strings are not supported',
  '%': 'the % operator (modulo / percent) is not supported',
  '&': 'bitwise operators are not supported (use "and")',
  '|': 'the | operator is not supported (use "or", or abs(x) for |x|)',
  '~': 'bitwise operators are not supported (use "not")',
  '.': 'property access and element-wise operators (".") are not supported',
  '#': 'comments ("#") are not supported',
  '\\': 'LaTeX commands are not supported; write mathjs syntax such as log(1 + n)',
};

interface Frame { chain: number; cond: number }

/** Scan `norm.text`; throws InputError with the original column on anything outside the language. */
export function scanTokens(norm: NormalizedText): Token[] {
  const s = norm.text;
  const tokens: Token[] = [];
  const frames: Frame[] = [{ chain: 0, cond: 0 }];
  let extra = 0;
  const col = (i: number): number => originalColumn(norm, i);
  const fail = (kind: 'syntax' | 'unsupported' | 'too-large', message: string, i: number): never => {
    throw new InputError(kind, `${message} (column ${col(i)})`, col(i));
  };
  const bump = (field: 'chain' | 'cond', at: number): void => {
    frames[frames.length - 1]![field]++;
    extra++;
    if (frames.length - 1 + extra > MAX_NESTING) {
      fail('too-large', `the expression is nested too deeply (more than ${MAX_NESTING} levels)`, at);
    }
  };
  const reset = (field: 'chain' | 'cond'): void => {
    const f = frames[frames.length - 1]!;
    extra -= f[field];
    f[field] = 0;
  };
  /** whether a + or - at this point is a prefix (unary) operator */
  const prefixPosition = (): boolean => {
    const prev = tokens[tokens.length - 1];
    if (prev === undefined) return true;
    if (prev.kind !== 'op') return prev.kind === 'name' && (prev.text === 'and' || prev.text === 'or' || prev.text === 'not');
    return prev.text !== ')' && prev.text !== '!';
  };

  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === ' ') { i++; continue; }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(s[i + 1] ?? ''))) {
      NUMBER.lastIndex = i;
      const text = NUMBER.exec(s)![0];
      if (text === '0' && /[xXbBoO]/.test(s[i + 1] ?? '') && /[0-9A-Fa-f]/.test(s[i + 2] ?? '')) {
        fail('unsupported', 'hexadecimal, binary and octal literals are not supported', i);
      }
      const exp = /[eE]([+-]?[0-9]+)$/.exec(text);
      if (exp && Math.abs(Number(exp[1])) > MAX_LITERAL_EXPONENT) {
        fail('too-large', `the number ${text} is too large or too small (exponent beyond ±${MAX_LITERAL_EXPONENT})`, i);
      }
      tokens.push({ kind: 'number', text, start: i });
      i += text.length;
      continue;
    }
    if (/[A-Za-z_$]/.test(c)) {
      NAME.lastIndex = i;
      const text = NAME.exec(s)![0];
      const dollar = text.indexOf('$');
      if (dollar >= 0) fail('syntax', 'unexpected character "$"', i + dollar);
      if (Object.hasOwn(REJECTED_OPERATOR_WORDS, text)) fail('unsupported', REJECTED_OPERATOR_WORDS[text]!, i);
      if (REJECTED_LITERALS.has(text)) fail('unsupported', `the literal "${text}" is not supported`, i);
      if (text === 'and' || text === 'or') { reset('chain'); }
      else if (text === 'not') { bump('chain', i); }
      tokens.push({ kind: 'name', text, start: i });
      i += text.length;
      continue;
    }
    const two = s.slice(i, i + 2);
    if (two === '<<' || two === '>>') fail('unsupported', 'bit shifts are not supported', i);
    if (two === '??' || two === '?.') fail('unsupported', `the ${two} operator is not supported`, i);
    const op = TWO_CHAR.has(two) ? two : ONE_CHAR.has(c) ? c : undefined;
    if (op === undefined) {
      if (Object.hasOwn(REJECTED_CHARS, c)) fail('unsupported', REJECTED_CHARS[c]!, i);
      const cp = s.codePointAt(i)!;
      const shown = String.fromCodePoint(cp);
      fail('syntax', `unexpected character "${shown}" (U+${cp.toString(16).toUpperCase().padStart(4, '0')})`, i);
    }
    const text = op!;
    if (text === '(') {
      frames.push({ chain: 0, cond: 0 });
      if (frames.length - 1 + extra > MAX_NESTING) {
        fail('too-large', `the expression is nested too deeply (more than ${MAX_NESTING} levels)`, i);
      }
    } else if (text === ')') {
      if (frames.length > 1) { const f = frames.pop()!; extra -= f.chain + f.cond; }
    } else if (text === '+' || text === '-') {
      if (prefixPosition()) bump('chain', i); else reset('chain');
    } else if (text === '/' || text === '^' || text === '!') {
      bump('chain', i);
    } else if (COMPARISONS.has(text) || text === ':') {
      reset('chain');
    } else if (text === '?') {
      reset('chain');
      bump('cond', i);
    } else if (text === ',') {
      reset('chain');
      reset('cond');
    }
    tokens.push({ kind: 'op', text, start: i });
    i += text.length;
  }
  return tokens;
}
