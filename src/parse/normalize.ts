/**
 * Unicode normalisation of pasted text before mathjs sees it.
 *
 * Owns: rewriting − · × ÷ √ ∛ ∜ ⌊⌋ ⌈⌉ ≤ ≥ ≠ ∧ ∨ ¬, superscripts, subscripts, Greek
 * letters, `**`, `&&`/`||`, `|x|`, `^{…}` and exotic spaces into mathjs ASCII syntax, and
 * the map from each normalised character back to the user's original column.
 *
 * Columns are counted in code points (what a user sees), 1-based. Mapping:
 *  - dashes (U+2010–2015, U+2212, U+FE63, …) -> `-`; · ⋅ × ∗ ∙ • ✕ -> `*`; ÷ ∕ ⁄ -> `/`; `**` -> `^`
 *  - ≤ ≥ ≠ -> `<=` `>=` `!=`; ∧ ∨ ¬ and `&&` `||` -> `and` `or` `not`
 *  - superscript runs (⁰–⁹ ⁺ ⁻ ⁽ ⁾ ⁿ ⁱ) -> `^(…)`: n² -> n^(2), n⁻¹ -> n^(-1); `^{…}` -> `^(…)`
 *  - subscripts: digits only -> digits (r₁ -> r1); with letters -> `_…` (λₕ -> lambda_h);
 *    a subscript ends the name, so a letter or digit after it starts a new factor
 *    (r₂n -> r2 n, which mathjs multiplies) and a `(` after it multiplies
 *    (r₂(1+n) -> r2*(1+n)) unless the name is a function (log₂(n) -> log2(n))
 *  - `|x|` -> abs(x), `a || b` -> a or b (see abs-bars.ts for the rule); ∣ and ‖ -> | (‖x‖ of a number is |x|)
 *  - √x / ∛x / ∜x -> sqrt(x) / cbrt(x) / sqrt(sqrt(x)); the root binds to the next
 *    atom only: a number, a name, a function call, a parenthesised group, or
 *    another root (√n² is sqrt(n)^(2)); √(…) keeps its group
 *  - ⌊x⌋ -> floor(x), ⌈x⌉ -> ceil(x)
 *  - Greek letters -> ASCII names (see GREEK_TO_ASCII in names.ts: γ -> gam, Γ -> gamma
 *    the function, λ -> lambda, Λ -> Lambda, π -> pi). A space is inserted between a
 *    Greek name and an adjacent letter (αn -> alpha n), digits and _ attach (λ1 ->
 *    lambda1, λ_h -> lambda_h), and a Greek letter directly before `(` multiplies
 *    it (λ(…) -> lambda*(…)).
 *  - every Unicode space -> ` `; zero-width characters and soft hyphens are dropped
 *  - any other character whose NFKC form is ASCII (full-width forms, mathematical
 *    italic letters, ½) is replaced by that form; anything else is left alone for the
 *    scanner to reject with its column.
 */
import { rewriteAbsBars } from './abs-bars.js';
import { InputError } from './errors.js';
import { GREEK_TO_ASCII, isFunctionName } from './names.js';

export interface NormalizedText {
  /** mathjs-ready text (ASCII unless an unsupported character was left in) */
  readonly text: string;
  /**
   * origin[i] is the 0-based code-point index, in the original text, of the
   * character that produced text[i]; origin[text.length] is the original length.
   */
  readonly origin: readonly number[];
}

/** 1-based column in the original text of the normalised character at `index` (0-based). */
export function originalColumn(norm: NormalizedText, index: number): number {
  const i = Math.max(0, Math.min(index, norm.text.length));
  return norm.origin[i]! + 1;
}

const SUPERSCRIPT: Readonly<Record<string, string>> = {
  '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9',
  '⁺': '+', '⁻': '-', '⁽': '(', '⁾': ')', 'ⁿ': 'n', 'ⁱ': 'i',
};

const SUBSCRIPT: Readonly<Record<string, string>> = {
  '₀': '0', '₁': '1', '₂': '2', '₃': '3', '₄': '4', '₅': '5', '₆': '6', '₇': '7', '₈': '8', '₉': '9',
  'ₐ': 'a', 'ₑ': 'e', 'ₒ': 'o', 'ₓ': 'x', 'ₕ': 'h', 'ₖ': 'k', 'ₗ': 'l', 'ₘ': 'm', 'ₙ': 'n',
  'ₚ': 'p', 'ₛ': 's', 'ₜ': 't', 'ᵢ': 'i', 'ⱼ': 'j', 'ᵣ': 'r', 'ᵤ': 'u', 'ᵥ': 'v',
};

/** Characters replaced one-for-one (or by a short ASCII string). */
const SIMPLE: Readonly<Record<string, string>> = {
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-',
  '\u2212': '-', '\u2043': '-', '\uFE58': '-', '\uFE63': '-', '\uFF0D': '-',
  '\u00B7': '*', '\u22C5': '*', '\u00D7': '*', '\u2217': '*', '\u2219': '*', '\u2022': '*',
  '\u2715': '*', '\u2A09': '*',
  '\u00F7': '/', '\u2215': '/', '\u2044': '/',
  '\u2264': '<=', '\u2A7D': '<=', '\u2266': '<=', '\u2265': '>=', '\u2A7E': '>=', '\u2267': '>=',
  '\u2260': '!=',
  '\u2227': ' and ', '\u2228': ' or ', '\u00AC': ' not ',
  '\u2223': '|', '\u2016': '|',
  '\u230A': 'floor(', '\u230B': ')', '\u2308': 'ceil(', '\u2309': ')',
};

const DROPPED = new Set(['\u200B', '\u200C', '\u200D', '\u2060', '\u00AD', '\uFEFF']);

interface RootSpelling {
  /** before and after an atom operand */
  readonly atomOpen: string;
  readonly atomClose: string;
  /** before and after a parenthesised operand */
  readonly groupOpen: string;
  readonly groupClose: string;
}

const ROOTS: Readonly<Record<string, RootSpelling>> = {
  '√': { atomOpen: 'sqrt(', atomClose: ')', groupOpen: 'sqrt', groupClose: '' },
  '∛': { atomOpen: 'cbrt(', atomClose: ')', groupOpen: 'cbrt', groupClose: '' },
  '∜': { atomOpen: 'sqrt(sqrt(', atomClose: '))', groupOpen: 'sqrt(sqrt', groupClose: ')' },
};

const IDENT_TAIL = /[A-Za-z0-9_]/;
const LETTER = /[A-Za-z]/;

/** Accumulates output code units with their origins. */
class Builder {
  private readonly parts: string[] = [];
  readonly origin: number[] = [];
  private lastChar = '';
  private lastSolid = '';
  /** set after a Greek name: the next emission gets a space first if it starts with a matching char */
  private separate: RegExp | undefined;

  emit(s: string, origin: number): void {
    if (s.length === 0) return;
    if (this.separate !== undefined && this.separate.test(s[0]!)) this.push(' ', origin);
    this.separate = undefined;
    this.push(s, origin);
  }

  /** emit a name that must not fuse with the identifier characters around it */
  emitName(name: string, origin: number, separateAfter: RegExp): void {
    if (IDENT_TAIL.test(this.lastChar) && this.lastChar !== '_') this.emit(' ', origin);
    this.emit(name, origin);
    this.separate = separateAfter;
  }

  /** the next emission gets a space first if it starts with a character matching `re` */
  separateNext(re: RegExp): void {
    this.separate = re;
  }

  /** the identifier at the end of what was emitted so far ('' when it does not end in one) */
  trailingName(): string {
    let name = '';
    for (let p = this.parts.length - 1; p >= 0; p--) {
      const m = /[A-Za-z0-9_]*$/.exec(this.parts[p]!)![0];
      name = m + name;
      if (m.length < this.parts[p]!.length) break;
    }
    return /^[0-9]*([A-Za-z_][A-Za-z0-9_]*)?$/.exec(name)?.[1] ?? '';
  }

  last(): string {
    return this.lastChar;
  }

  lastNonSpace(): string {
    return this.lastSolid;
  }

  text(): string {
    return this.parts.join('');
  }

  private push(s: string, origin: number): void {
    this.parts.push(s);
    for (let i = 0; i < s.length; i++) this.origin.push(origin);
    this.lastChar = s[s.length - 1]!;
    for (let i = s.length - 1; i >= 0; i--) if (s[i] !== ' ') { this.lastSolid = s[i]!; break; }
  }
}

function nextNonSpace(cps: readonly string[], i: number): string {
  while (i < cps.length && /\s/.test(cps[i]!)) i++;
  return i < cps.length ? cps[i]! : '';
}

/** Pass 1: character-level rewriting over code points. */
function rewriteCharacters(input: string): { text: string; origin: number[] } {
  const cps = Array.from(input);
  const b = new Builder();
  const braces: boolean[] = [];
  let i = 0;
  while (i < cps.length) {
    const c = cps[i]!;
    if (DROPPED.has(c)) { i++; continue; }
    if (/\s/.test(c)) { b.emit(' ', i); i++; continue; }
    if (c === '*' && cps[i + 1] === '*') { b.emit('^', i); i += 2; continue; }
    if (c === '&' && cps[i + 1] === '&') { b.emit(' and ', i); i += 2; continue; }
    if (c === '{') {
      const converted = b.lastNonSpace() === '^';
      braces.push(converted);
      b.emit(converted ? '(' : '{', i); i++; continue;
    }
    if (c === '}') {
      const converted = braces.pop() ?? false;
      b.emit(converted ? ')' : '}', i); i++; continue;
    }
    if (Object.hasOwn(SUPERSCRIPT, c)) {
      b.emit('^(', i);
      let last = i;
      while (i < cps.length && Object.hasOwn(SUPERSCRIPT, cps[i]!)) { b.emit(SUPERSCRIPT[cps[i]!]!, i); last = i; i++; }
      b.emit(')', last);
      continue;
    }
    if (Object.hasOwn(SUBSCRIPT, c)) {
      let j = i;
      let sub = '';
      while (j < cps.length && Object.hasOwn(SUBSCRIPT, cps[j]!)) sub += SUBSCRIPT[cps[j++]!]!;
      if (/[a-z]/.test(sub) && b.last() !== '_') b.emit('_', i);
      for (let k = i; k < j; k++) b.emit(SUBSCRIPT[cps[k]!]!, k);
      // the subscript ends the name: r₂n is r2·n, and r₂(…) a product unless the name is a function (log₂(n))
      if (nextNonSpace(cps, j) === '(' && !isFunctionName(b.trailingName())) b.emit('*', j - 1);
      else b.separateNext(/[A-Za-z0-9]/);
      i = j;
      continue;
    }
    if (Object.hasOwn(SIMPLE, c)) {
      const s = SIMPLE[c]!;
      if (/^[a-z]/.test(s) && IDENT_TAIL.test(b.last())) b.emit(' ', i);
      b.emit(s, i); i++; continue;
    }
    const greek = greekName(c);
    if (greek !== undefined) {
      emitGreek(b, greek, i, nextNonSpace(cps, i + 1));
      i++;
      continue;
    }
    if (c.charCodeAt(0) > 0x7e) {
      const nfkc = c.normalize('NFKC');
      if (nfkc !== c && /^[\x20-\x7e]+$/.test(nfkc)) { b.emit(nfkc, i); i++; continue; }
      if (nfkc !== c && /^[0-9]+\u2044[0-9]+$/.test(nfkc)) { b.emit(`(${nfkc.replace('\u2044', '/')})`, i); i++; continue; }
    }
    b.emit(c, i);
    i++;
  }
  return { text: b.text(), origin: b.origin };
}

function greekName(c: string): string | undefined {
  if (Object.hasOwn(GREEK_TO_ASCII, c)) return GREEK_TO_ASCII[c];
  if (c.charCodeAt(0) > 0x7e) {
    const nfkc = c.normalize('NFKC');
    if (nfkc !== c && Object.hasOwn(GREEK_TO_ASCII, nfkc)) return GREEK_TO_ASCII[nfkc];
  }
  return undefined;
}

function emitGreek(b: Builder, name: string, origin: number, next: string): void {
  const isConst = name === 'pi';
  b.emitName(name, origin, isConst ? /[A-Za-z0-9]/ : LETTER);
  // λ(…) is a product, not a call; Γ(…) (gamma) stays a call
  if (next === '(' && !isFunctionName(name)) b.emit('*', origin);
}

/** Pass 2: radicals, which need the operand's extent. */
function rewriteRoots(text: string, origin0: readonly number[]): { text: string; origin: number[] } {
  if (!/[√∛∜]/.test(text)) return { text, origin: origin0.slice(0, text.length) };
  const match = matchParens(text);
  const memo = new Map<number, number>();
  const b = new Builder();
  const pending: { at: number; text: string; origin: number }[] = [];
  const flush = (k: number): void => {
    while (pending.length > 0 && pending[pending.length - 1]!.at === k) {
      const p = pending.pop()!;
      b.emit(p.text, p.origin);
    }
  };
  for (let k = 0; k < text.length; k++) {
    flush(k);
    const c = text[k]!;
    const root = Object.hasOwn(ROOTS, c) ? ROOTS[c] : undefined;
    if (root === undefined) { b.emit(c, origin0[k]!); continue; }
    const j = skipSpaces(text, k + 1);
    const end = operandEnd(text, j, match, memo);
    if (end < 0) {
      throw new InputError('syntax', `${c} must be followed by a number, a name, a function call or a parenthesised expression`, origin0[k]! + 1);
    }
    if (IDENT_TAIL.test(b.last()) || b.last() === '.') b.emit(' ', origin0[k]!);
    const group = text[j] === '(';
    b.emit(group ? root.groupOpen : root.atomOpen, origin0[k]!);
    const close = group ? root.groupClose : root.atomClose;
    if (close.length > 0) pending.push({ at: end, text: close, origin: origin0[end - 1]! });
    k = j - 1;
  }
  flush(text.length);
  while (pending.length > 0) { const p = pending.pop()!; b.emit(p.text, p.origin); }
  return { text: b.text(), origin: b.origin };
}

function skipSpaces(s: string, i: number): number {
  while (i < s.length && s[i] === ' ') i++;
  return i;
}

function matchParens(s: string): Int32Array {
  const match = new Int32Array(s.length).fill(-1);
  const stack: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '(') stack.push(i);
    else if (s[i] === ')' && stack.length > 0) { const o = stack.pop()!; match[o] = i; match[i] = o; }
  }
  return match;
}

/** End (exclusive) of the operand of a radical whose operand starts at j; -1 if none. Iterative. */
function operandEnd(s: string, j: number, match: Int32Array, memo: Map<number, number>): number {
  const cached = memo.get(j);
  if (cached !== undefined) return cached;
  const chain: number[] = [];
  let k = j;
  while (k < s.length && Object.hasOwn(ROOTS, s[k]!)) { chain.push(k); k = skipSpaces(s, k + 1); }
  const end = atomEnd(s, k, match);
  memo.set(j, end);
  for (const r of chain) memo.set(r, end);
  return end;
}

function atomEnd(s: string, k: number, match: Int32Array): number {
  if (k >= s.length) return -1;
  const c = s[k]!;
  if (c === '(') return match[k]! >= 0 ? match[k]! + 1 : s.length;
  if (/[0-9.]/.test(c)) {
    const m = /^(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/.exec(s.slice(k, k + 400));
    return m ? k + m[0].length : -1;
  }
  if (/[A-Za-z_]/.test(c)) {
    let e = k + 1;
    while (e < s.length && IDENT_TAIL.test(s[e]!)) e++;
    const p = skipSpaces(s, e);
    if (isFunctionName(s.slice(k, e)) && s[p] === '(') return match[p]! >= 0 ? match[p]! + 1 : s.length;
    return e;
  }
  return -1;
}

/** Normalise pasted text; see the module header for the mapping. */
export function normalizeText(input: string): NormalizedText {
  const pass1 = rewriteCharacters(input);
  const bars = rewriteAbsBars(pass1.text, pass1.origin);
  const pass2 = rewriteRoots(bars.text, bars.origin);
  const total = Array.from(input).length;
  const origin = pass2.origin;
  origin.push(total);
  return { text: pass2.text, origin };
}
