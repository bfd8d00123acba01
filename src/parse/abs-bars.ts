/**
 * Absolute-value bars as papers write them: `|n|`, `|i − j|`, `m|n|`, `||x| − 1|`.
 *
 * Owns: deciding, for every `|` of the (already character-normalised) text, whether
 * it opens `abs(`, closes it with `)`, or, doubled between two operands, is the
 * logical `or` (`a > 0 || b > 0`); and the errors for a bar without its partner.
 *
 * The rule, left to right, with a stack of open brackets and bars:
 *  - a `|` right after an operand (a name, a number, `)`, `!`) closes the innermost
 *    open bar when that bar is the innermost open bracket: `|a||b|` is |a|·|b|,
 *    `||x| − |y||` is abs(abs(x) − abs(y));
 *  - otherwise a `||` right after an operand is `or`;
 *  - any other `|` opens a bar; after an operand that is implicit multiplication
 *    (`m|n|` is m·|n|), so `|a|b|c|` reads as |a|·b·|c|: write abs(…) when in doubt;
 *  - a bracket closed while a bar inside it is open, or a bar still open at the end,
 *    is an error with the bar's column.
 */
import { InputError } from './errors.js';

const OPERAND_END = /[A-Za-z0-9_.)!\]}]/;
const OPENERS = new Set(['(', '[', '{']);
const CLOSERS = new Set([')', ']', '}']);
const PREFIX_WORDS = new Set(['and', 'or', 'not']);

interface Open { readonly bar: boolean; readonly at: number }

/** Rewrite the bars of `text`; origin[k] is the 0-based original code-point index of text[k]. */
export function rewriteAbsBars(text: string, origin: readonly number[]): { text: string; origin: number[] } {
  if (!text.includes('|')) return { text, origin: origin.slice(0, text.length) };
  const out: string[] = [];
  const outOrigin: number[] = [];
  const emit = (s: string, o: number): void => {
    for (const ch of s) { out.push(ch); outOrigin.push(o); }
  };
  const column = (k: number): number => origin[k]! + 1;
  /** whether what was emitted so far ends with an operand (not an operator, bracket or and/or/not) */
  const afterOperand = (): boolean => {
    let k = out.length - 1;
    while (k >= 0 && out[k] === ' ') k--;
    if (k < 0 || !OPERAND_END.test(out[k]!)) return false;
    let w = k;
    while (w >= 0 && /[A-Za-z]/.test(out[w]!)) w--;
    return !PREFIX_WORDS.has(out.slice(w + 1, k + 1).join(''));
  };
  const stack: Open[] = [];
  for (let k = 0; k < text.length; k++) {
    const c = text[k]!;
    if (OPENERS.has(c)) { stack.push({ bar: false, at: k }); emit(c, origin[k]!); continue; }
    if (CLOSERS.has(c)) {
      const top = stack[stack.length - 1];
      if (top?.bar) {
        throw new InputError('syntax', `the |…| opened at column ${column(top.at)} is not closed before the "${c}" at column ${column(k)}`, column(top.at));
      }
      stack.pop();
      emit(c, origin[k]!);
      continue;
    }
    if (c !== '|') { emit(c, origin[k]!); continue; }
    const operand = afterOperand();
    if (operand && stack[stack.length - 1]?.bar) {
      stack.pop();
      emit(')', origin[k]!);
    } else if (operand && text[k + 1] === '|') {
      emit(' or ', origin[k]!);
      k++;
    } else {
      stack.push({ bar: true, at: k });
      emit(operand ? ' abs(' : 'abs(', origin[k]!);
    }
  }
  for (let s = stack.length - 1; s >= 0; s--) {
    const open = stack[s]!;
    if (open.bar) {
      throw new InputError(
        'syntax',
        `the "|" at column ${column(open.at)} has no closing "|" (|x| is abs(x); the logical or is "or")`,
        column(open.at),
      );
    }
  }
  return { text: out.join(''), origin: outOrigin };
}
