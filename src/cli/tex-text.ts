/**
 * LaTeX for the terminal: the closed forms of src/trf are LaTeX templates (for the
 * reports); the CLI prints them in Unicode, `S = r_{2}^{-r_{1}}\,\zeta\!\left(r_{1}, \tfrac{1}{r_{2}}\right)`
 * as `S = r2^(−r1)·ζ(r1, 1/r2)`.
 *
 * Owns: `texToText`, a small renderer of the LaTeX subset those templates use
 * (\frac and \tfrac, ^ and _, \left/\right, spacing, Greek letters, relations).
 * An unknown command keeps its name without the backslash, so nothing is lost.
 */

const SYMBOLS: Readonly<Record<string, string>> = {
  varepsilon: 'ε', epsilon: 'ε', zeta: 'ζ', Gamma: 'Γ', gamma: 'γ', alpha: 'α', beta: 'β', delta: 'δ', lambda: 'λ',
  pi: 'π', sigma: 'σ', mu: 'μ', theta: 'θ', rho: 'ρ', tau: 'τ', omega: 'ω', phi: 'φ', psi: 'ψ', eta: 'η', kappa: 'κ', xi: 'ξ', nu: 'ν', chi: 'χ',
  le: '≤', leq: '≤', ge: '≥', geq: '≥', ne: '≠', neq: '≠', approx: '≈', to: '→', infty: '∞', cdot: '·', times: '×', pm: '±',
  sum: 'Σ', int: '∫', lceil: '⌈', rceil: '⌉', lfloor: '⌊', rfloor: '⌋', ln: 'ln', log: 'log', exp: 'exp', min: 'min', max: 'max',
  sin: 'sin', cos: 'cos', tan: 'tan', arctan: 'arctan', tanh: 'tanh', sinh: 'sinh', cosh: 'cosh', sqrt: '√',
  '{': '{', '}': '}', '|': '‖', ldots: '…', dots: '…', cdots: '⋯', quad: '  ', qquad: '    ', ',': '·', ';': ' ', ':': ' ', ' ': ' ', '!': '',
  Rightarrow: '⇒', Leftrightarrow: '⇔', in: '∈', blacksquare: '∎',
};

/** Commands that only size or space what follows. */
const SILENT = new Set(['left', 'right', 'big', 'Big', 'bigg', 'Bigg', 'displaystyle', 'textstyle']);
/** Commands whose one argument is shown as it is. */
const WRAPPERS = new Set(['mathrm', 'operatorname', 'text', 'mathit', 'mathbf', 'textrm']);

const ATOM = /^[\p{L}\p{N}.∞]+$/u;
/** Parenthesise a rendered piece unless it is one symbol, a number, bracketed, or (in a fraction) a call f(…). */
function atom(s: string, calls = false): string {
  if (ATOM.test(s) || /^\(.*\)$/.test(s) && balanced(s.slice(1, -1))) return s;
  if (calls && /^[\p{L}]+\(.*\)$/u.test(s) && balanced(s.slice(s.indexOf('(') + 1, -1))) return s;
  return `(${s})`;
}

function balanced(s: string): boolean {
  let d = 0;
  for (const ch of s) {
    if (ch === '(') d++;
    else if (ch === ')' && --d < 0) return false;
  }
  return d === 0;
}

class Reader {
  i = 0;
  constructor(readonly s: string) {}

  /** Render up to the end or the closing brace of the current group. */
  sequence(): string {
    let out = '';
    while (this.i < this.s.length && this.s[this.i] !== '}') out += this.piece(out);
    return out;
  }

  /** One argument: a braced group, a command, or one character. */
  argument(): string {
    while (this.s[this.i] === ' ') this.i++;
    const ch = this.s[this.i];
    if (ch === undefined) return '';
    if (ch === '{') {
      this.i++;
      const g = this.sequence();
      this.i++;
      return g;
    }
    if (ch === '\\') return this.command();
    this.i++;
    return ch === '-' ? '−' : ch;
  }

  command(): string {
    this.i++; // backslash
    const m = /^([A-Za-z]+|.)/.exec(this.s.slice(this.i));
    const name = m ? m[1]! : '';
    this.i += name.length;
    if (SILENT.has(name)) return '';
    if (WRAPPERS.has(name)) return this.argument();
    if (name === 'frac' || name === 'tfrac' || name === 'dfrac') {
      const num = this.argument();
      const den = this.argument();
      const frac = `${atom(num, true)}/${atom(den, true)}`;
      // \frac{1}{r}\left(…\right) is a product, not a call of r
      return /^\s*(\\left|\\big|\\Big)?\s*\(/.test(this.s.slice(this.i)) ? `(${frac})·` : frac;
    }
    if (name === 'sqrt') return `√${atom(this.argument())}`;
    return SYMBOLS[name] ?? name;
  }

  piece(before: string): string {
    const ch = this.s[this.i]!;
    if (ch === '\\') {
      const c = this.command();
      // a named operator runs into the next letter: \log n keeps its space
      return c;
    }
    if (ch === '^' || ch === '_') {
      this.i++;
      const arg = this.argument();
      // r_{1} is the parameter r1; other subscripts keep their mark
      if (ch === '_' && /^\d+$/.test(arg) && /\p{L}$/u.test(before)) return arg;
      if (ch === '_' && /^[\p{L}\p{N}]$/u.test(arg)) return `_${arg}`;
      if (ch === '_' && before.endsWith('Σ')) return `_{${arg}}`;
      if (ch === '^' && arg === '+') return '⁺';
      return `${ch}${atom(arg)}`;
    }
    if (ch === '{') {
      this.i++;
      const g = this.sequence();
      this.i++;
      return g;
    }
    this.i++;
    return ch === '-' ? '−' : ch;
  }
}

/** LaTeX (the subset of the TRF closed forms) as Unicode text. */
export function texToText(tex: string): string {
  const r = new Reader(tex);
  let out = '';
  // a stray closing brace would stop the reader: keep it and go on
  while (r.i < tex.length) {
    out += r.sequence();
    if (r.i < tex.length) { out += '}'; r.i++; }
  }
  return out
    .replace(/·\s*·/g, '·')
    .replace(/\s*·\s*/g, '·')
    .replace(/ {3,}/g, '  ')
    .replace(/([(⌈⌊])\s+/g, '$1')
    .replace(/\s+([⌉⌋])/g, '$1')
    .replace(/\s+\)/g, ')')
    .trim();
}
