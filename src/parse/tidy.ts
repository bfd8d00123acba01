/**
 * Exact tidying of expression trees produced by machines (mathjs derivatives
 * with simplify off, substitutions): 0 + x → x, 1·x → x, x/1 → x, x^1 → x,
 * −(−x) → x, and rational constants folded with exact fractions. Nothing else:
 * the result is the same function, written as a person would.
 *
 * Owns: these local rewrites only.
 */
import Fraction from 'fraction.js';
import * as E from './expr.js';
import type { Expr } from './expr.js';

const isNum = (e: Expr): e is Extract<Expr, { kind: 'num' }> => e.kind === 'num';
const isValue = (e: Expr, v: number): boolean => e.kind === 'num' && e.value.equals(v);

export function tidy(e: Expr): Expr {
  switch (e.kind) {
    case 'add': {
      const terms = e.terms.map(tidy).flatMap((t) => (t.kind === 'add' ? t.terms : [t]));
      let c = new Fraction(0);
      const rest: Expr[] = [];
      for (const t of terms) if (isNum(t)) c = c.add(t.value); else rest.push(t);
      if (!c.equals(0)) rest.push(E.num(c));
      return rest.length === 0 ? E.num(0) : rest.length === 1 ? rest[0]! : { kind: 'add', terms: rest };
    }
    case 'mul': {
      let c = new Fraction(1);
      const rest: Expr[] = [];
      const stack = e.factors.map(tidy);
      while (stack.length) {
        const f = stack.shift()!;
        if (f.kind === 'mul') { stack.unshift(...f.factors); continue; }
        if (f.kind === 'neg') { c = c.neg(); stack.unshift(f.arg); continue; }
        if (isNum(f)) c = c.mul(f.value); else rest.push(f);
      }
      if (c.equals(0)) return E.num(0);
      const body = rest.length === 0 ? null : rest.length === 1 ? rest[0]! : { kind: 'mul' as const, factors: rest };
      if (body === null) return E.num(c);
      if (c.equals(1)) return body;
      if (c.equals(-1)) return E.neg(body);
      return body.kind === 'mul' ? { kind: 'mul', factors: [E.num(c), ...body.factors] } : E.mul(E.num(c), body);
    }
    case 'neg': {
      const a = tidy(e.arg);
      if (isNum(a)) return E.num(a.value.neg());
      if (a.kind === 'neg') return a.arg;
      return E.neg(a);
    }
    case 'div': {
      const n = tidy(e.num), d = tidy(e.den);
      if (isValue(d, 1)) return n;
      if (n.kind === 'num' && n.value.equals(0)) return E.num(0);
      if (n.kind === 'num' && d.kind === 'num' && !d.value.equals(0)) return E.num(n.value.div(d.value));
      return E.div(n, d);
    }
    case 'pow': {
      const b = tidy(e.base), x = tidy(e.exp);
      if (isValue(x, 1)) return b;
      if (isValue(x, 0)) return E.num(1);
      return E.pow(b, x);
    }
    case 'call': return { kind: 'call', fn: e.fn, args: e.args.map(tidy) };
    default: return e;
  }
}
