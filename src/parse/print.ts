/**
 * Printers for Expr: `toAscii` (re-parsable mathjs syntax, minimal parentheses,
 * spaces around binary operators: "-m * log(1 + n)") and `toTex` (LaTeX).
 *
 * Owns: operator precedence as mathjs reads it, number formatting, and the LaTeX
 * spelling of functions and names. Round trip: parseExpression(toAscii(e)) prints
 * the same text again (sqrt is printed for x^(1/2); nested sums/products are
 * flattened; a negative literal prints like a negated one).
 */
import type { CmpOp, Expr, Fraction } from './expr.js';
import { nameToTex } from './names.js';

const enum P { Cond = 1, Or = 2, And = 3, Cmp = 4, Add = 5, Mul = 6, Unary = 7, Pow = 8, Postfix = 9, Atom = 10 }

interface Printed { readonly s: string; readonly p: P }

// ---------------------------------------------------------------- numbers

/** Decimal text of a non-negative rational with a terminating expansion; undefined otherwise. */
function terminatingDecimal(f: Fraction): string | undefined {
  let d = f.d;
  let twos = 0;
  let fives = 0;
  while (d % 2n === 0n) { d /= 2n; twos++; }
  while (d % 5n === 0n) { d /= 5n; fives++; }
  if (d !== 1n) return undefined;
  const k = Math.max(twos, fives);
  const scaled = (f.n * 10n ** BigInt(k)) / f.d;
  let digits = scaled.toString();
  if (k === 0) {
    const zeros = /0*$/.exec(digits)![0].length;
    if (digits.length > 21 && zeros > 0) {
      const mant = digits.slice(0, digits.length - zeros);
      const exp = digits.length - 1;
      return `${mant[0]}${mant.length > 1 ? '.' + mant.slice(1) : ''}e${exp}`;
    }
    return digits;
  }
  if (k > 20) {
    const exp = digits.length - 1 - k;
    return `${digits[0]}${digits.length > 1 ? '.' + digits.slice(1) : ''}e${exp}`;
  }
  digits = digits.padStart(k + 1, '0');
  return `${digits.slice(0, digits.length - k)}.${digits.slice(digits.length - k)}`;
}

function absFraction(f: Fraction): Fraction {
  return f.s < 0n ? f.neg() : f;
}

function numAscii(f: Fraction): Printed {
  const negative = f.s < 0n && f.n !== 0n;
  const a = absFraction(f);
  const dec = terminatingDecimal(a);
  if (dec !== undefined) return negative ? { s: `-${dec}`, p: P.Unary } : { s: dec, p: P.Atom };
  return { s: `${negative ? '-' : ''}${a.n} / ${a.d}`, p: P.Mul };
}

function isNegativeNum(e: Expr): e is Extract<Expr, { kind: 'num' }> {
  return e.kind === 'num' && e.value.s < 0n && e.value.n !== 0n;
}

function isHalf(e: Expr): boolean {
  return e.kind === 'num' && e.value.n === 1n && e.value.d === 2n && e.value.s > 0n;
}

// ---------------------------------------------------------------- flattening

function flatten(e: Expr, kind: 'add' | 'mul' | 'and' | 'or'): Expr[] {
  const out: Expr[] = [];
  const stack: Expr[] = [e];
  const parts = (x: Expr): readonly Expr[] | undefined =>
    kind === 'add' ? (x.kind === 'add' ? x.terms : undefined)
      : kind === 'mul' ? (x.kind === 'mul' ? x.factors : undefined)
        : x.kind === 'logic' && x.op === kind ? x.args : undefined;
  while (stack.length > 0) {
    const x = stack.pop()!;
    const ps = parts(x);
    if (ps === undefined) out.push(x);
    else for (let i = ps.length - 1; i >= 0; i--) stack.push(ps[i]!);
  }
  return out;
}

// ---------------------------------------------------------------- ASCII

const paren = (x: Printed): string => `(${x.s})`;
/** wrap when the child binds less tightly than `min`, or (strict) not more tightly */
function wrapBelow(x: Printed, min: P): string { return x.p < min ? paren(x) : x.s; }
function wrapAtOrBelow(x: Printed, max: P): string { return x.p <= max ? paren(x) : x.s; }
function wrapSigned(x: Printed, max: P): string { return x.p <= max || x.s.startsWith('-') ? paren(x) : x.s; }

function ascii(e: Expr): Printed {
  switch (e.kind) {
    case 'num': return numAscii(e.value);
    case 'const': case 'var': case 'param': case 'index': return { s: e.name, p: P.Atom };
    case 'add': {
      const terms = flatten(e, 'add');
      if (terms.length === 0) return { s: '0', p: P.Atom };
      if (terms.length === 1) return ascii(terms[0]!);
      let s = wrapBelow(ascii(terms[0]!), P.Add);
      for (let i = 1; i < terms.length; i++) {
        const t = terms[i]!;
        if (t.kind === 'neg') s += ` - ${wrapSigned(ascii(t.arg), P.Add)}`;
        else if (isNegativeNum(t)) s += ` - ${wrapAtOrBelow(numAscii(absFraction(t.value)), P.Add)}`;
        else s += ` + ${wrapSigned(ascii(t), P.Add)}`;
      }
      return { s, p: P.Add };
    }
    case 'mul': {
      const fs = flatten(e, 'mul');
      if (fs.length === 0) return { s: '1', p: P.Atom };
      if (fs.length === 1) return ascii(fs[0]!);
      const parts = fs.map((f, i) => (i === 0 ? wrapBelow(ascii(f), P.Mul) : wrapSigned(ascii(f), P.Mul)));
      return { s: parts.join(' * '), p: P.Mul };
    }
    case 'neg': {
      const x = ascii(e.arg);
      return { s: `-${wrapSigned(x, P.Unary)}`, p: P.Unary };
    }
    case 'div':
      return { s: `${wrapBelow(ascii(e.num), P.Mul)} / ${wrapSigned(ascii(e.den), P.Mul)}`, p: P.Mul };
    case 'pow': {
      if (isHalf(e.exp)) return { s: `sqrt(${ascii(e.base).s})`, p: P.Atom };
      const b = ascii(e.base);
      return { s: `${wrapSigned(b, P.Pow)}^${wrapSigned(ascii(e.exp), P.Pow - 1)}`, p: P.Pow };
    }
    case 'call': {
      if (e.fn === 'factorial' && e.args.length === 1) {
        return { s: `${wrapSigned(ascii(e.args[0]!), P.Pow)}!`, p: P.Postfix };
      }
      return { s: `${e.fn}(${e.args.map((a) => ascii(a).s).join(', ')})`, p: P.Atom };
    }
    case 'cond': {
      const s = `${wrapAtOrBelow(ascii(e.test), P.Cond)} ? ${wrapAtOrBelow(ascii(e.then), P.Cond)} : ${ascii(e.else).s}`;
      return { s, p: P.Cond };
    }
    case 'cmp':
      return { s: `${wrapAtOrBelow(ascii(e.left), P.Cmp)} ${e.op} ${wrapAtOrBelow(ascii(e.right), P.Cmp)}`, p: P.Cmp };
    case 'logic': {
      if (e.op === 'not') return { s: `not ${wrapBelow(ascii(e.args[0]!), P.Unary)}`, p: P.Unary };
      const prec = e.op === 'and' ? P.And : P.Or;
      const args = flatten(e, e.op).map((a) => wrapBelow(ascii(a), prec + 1 as P));
      return { s: args.join(` ${e.op} `), p: prec };
    }
    case 'sum':
      return { s: `sum(${ascii(e.body).s}, ${e.index}, ${ascii(e.lo).s}, ${ascii(e.hi).s})`, p: P.Atom };
  }
}

/** Re-parsable mathjs syntax with minimal parentheses, e.g. "-m * log(1 + n)". */
export function toAscii(e: Expr): string {
  return ascii(e).s;
}

// ---------------------------------------------------------------- LaTeX

const TEX_FN: Readonly<Record<string, string>> = {
  log: '\\log', sin: '\\sin', cos: '\\cos', tan: '\\tan', atan: '\\arctan', tanh: '\\tanh',
  cosh: '\\cosh', sinh: '\\sinh', min: '\\min', max: '\\max', sign: '\\operatorname{sign}', gamma: '\\Gamma',
};

const TEX_CMP: Readonly<Record<CmpOp, string>> = { '<': '<', '<=': '\\le', '>': '>', '>=': '\\ge', '==': '=', '!=': '\\ne' };

const texParen = (s: string): string => `\\left(${s}\\right)`;
function texBelow(x: Printed, min: P): string { return x.p < min ? texParen(x.s) : x.s; }
function texSigned(x: Printed, max: P): string { return x.p <= max || x.s.startsWith('-') ? texParen(x.s) : x.s; }

function numTex(f: Fraction, inline: boolean): Printed {
  const negative = f.s < 0n && f.n !== 0n;
  const a = absFraction(f);
  const dec = terminatingDecimal(a);
  const sign = negative ? '-' : '';
  if (dec !== undefined) {
    const m = /^([0-9.]+)e(-?[0-9]+)$/.exec(dec);
    const body = m ? `${m[1]} \\times 10^{${m[2]}}` : dec;
    return { s: sign + body, p: negative ? P.Unary : m ? P.Mul : P.Atom };
  }
  if (inline) return { s: `${sign}${a.n}/${a.d}`, p: P.Mul };
  return { s: `${sign}\\frac{${a.n}}{${a.d}}`, p: negative ? P.Unary : P.Atom };
}

function tex(e: Expr, inline: boolean): Printed {
  const t = (x: Expr): Printed => tex(x, inline);
  switch (e.kind) {
    case 'num': return numTex(e.value, inline);
    case 'const': return { s: e.name === 'pi' ? '\\pi' : 'e', p: P.Atom };
    case 'var': case 'param': case 'index': return { s: nameToTex(e.name), p: P.Atom };
    case 'add': {
      const terms = flatten(e, 'add');
      if (terms.length === 0) return { s: '0', p: P.Atom };
      if (terms.length === 1) return t(terms[0]!);
      let s = texBelow(t(terms[0]!), P.Add);
      for (let i = 1; i < terms.length; i++) {
        const x = terms[i]!;
        if (x.kind === 'neg') s += ` - ${texSigned(t(x.arg), P.Add)}`;
        else if (isNegativeNum(x)) s += ` - ${numTex(absFraction(x.value), inline).s}`;
        else s += ` + ${texSigned(t(x), P.Add)}`;
      }
      return { s, p: P.Add };
    }
    case 'mul': {
      const fs = flatten(e, 'mul');
      if (fs.length === 0) return { s: '1', p: P.Atom };
      if (fs.length === 1) return t(fs[0]!);
      let s = '';
      fs.forEach((f, i) => {
        const x = i === 0 ? texBelow(t(f), P.Mul) : texSigned(t(f), P.Mul);
        s += i === 0 ? x : /^[0-9.-]/.test(x) ? ` \\cdot ${x}` : ` ${x}`;
      });
      return { s, p: P.Mul };
    }
    case 'neg': return { s: `-${texSigned(t(e.arg), P.Add)}`, p: P.Unary };
    case 'div':
      if (inline) return { s: `${texBelow(t(e.num), P.Mul)}/${texSigned(t(e.den), P.Mul)}`, p: P.Mul };
      return { s: `\\frac{${t(e.num).s}}{${t(e.den).s}}`, p: P.Atom };
    case 'pow': {
      if (isHalf(e.exp)) return { s: `\\sqrt{${t(e.base).s}}`, p: P.Atom };
      const b = t(e.base);
      const base = b.p <= P.Pow || b.s.startsWith('-') || (e.base.kind === 'div' && !inline) || e.base.kind === 'num' && /\\/.test(b.s)
        ? texParen(b.s) : b.s;
      return { s: `${base}^{${tex(e.exp, true).s}}`, p: P.Pow };
    }
    case 'call': return texCall(e.fn, e.args.map(t));
    case 'cond': {
      const rows: string[] = [];
      let cur: Expr = e;
      while (cur.kind === 'cond') {
        rows.push(`${t(cur.then).s} & \\text{if } ${t(cur.test).s}`);
        cur = cur.else;
      }
      rows.push(`${t(cur).s} & \\text{otherwise}`);
      return { s: `\\begin{cases} ${rows.join(' \\\\ ')} \\end{cases}`, p: P.Atom };
    }
    case 'cmp':
      return { s: `${texBelow(t(e.left), P.Add)} ${TEX_CMP[e.op]} ${texBelow(t(e.right), P.Add)}`, p: P.Cmp };
    case 'logic': {
      if (e.op === 'not') return { s: `\\lnot ${texBelow(t(e.args[0]!), P.Unary)}`, p: P.Unary };
      const prec = e.op === 'and' ? P.And : P.Or;
      const args = flatten(e, e.op).map((a) => texBelow(t(a), prec + 1 as P));
      return { s: args.join(e.op === 'and' ? ' \\land ' : ' \\lor '), p: prec };
    }
    case 'sum': {
      const body = texBelow(tex(e.body, inline), P.Mul);
      return { s: `\\sum_{${nameToTex(e.index)}=${tex(e.lo, true).s}}^{${tex(e.hi, true).s}} ${body}`, p: P.Add };
    }
  }
}

function texCall(fn: string, args: readonly Printed[]): Printed {
  const a0 = args[0]!;
  switch (fn) {
    case 'exp': return { s: `e^{${a0.s}}`, p: P.Pow };
    case 'abs': return { s: `\\left|${a0.s}\\right|`, p: P.Atom };
    case 'floor': return { s: `\\left\\lfloor ${a0.s} \\right\\rfloor`, p: P.Atom };
    case 'ceil': return { s: `\\left\\lceil ${a0.s} \\right\\rceil`, p: P.Atom };
    case 'cbrt': return { s: `\\sqrt[3]{${a0.s}}`, p: P.Atom };
    case 'factorial': return { s: `${texSigned(a0, P.Pow)}!`, p: P.Postfix };
    default: {
      const name = TEX_FN[fn] ?? `\\operatorname{${fn}}`;
      return { s: `${name}\\left(${args.map((a) => a.s).join(', ')}\\right)`, p: P.Atom };
    }
  }
}

/** LaTeX, e.g. "-m \\log\\left(1 + n\\right)", "\\sum_{i=1}^{d/2} …", "\\frac{n}{4}". */
export function toTex(e: Expr): string {
  return tex(e, false).s;
}
