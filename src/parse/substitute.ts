/**
 * Rewriting expression trees: replace the summation variable by another expression
 * (n → n+1, n → 2^n) or parameters by constant expressions (`--at`, pinned regions).
 *
 * Owns: the tree rewrite only; it does not simplify.
 */
import type { Fraction } from './expr.js';
import * as E from './expr.js';
import type { Expr } from './expr.js';

/** Rewrite every node for which `f` returns a replacement (replacements are not revisited). */
export function rewrite(e: Expr, f: (node: Expr) => Expr | undefined): Expr {
  const r = f(e);
  if (r !== undefined) return r;
  const go = (x: Expr): Expr => rewrite(x, f);
  switch (e.kind) {
    case 'num': case 'const': case 'var': case 'param': case 'index': return e;
    case 'add': return { kind: 'add', terms: e.terms.map(go) };
    case 'mul': return { kind: 'mul', factors: e.factors.map(go) };
    case 'neg': return { kind: 'neg', arg: go(e.arg) };
    case 'div': return { kind: 'div', num: go(e.num), den: go(e.den) };
    case 'pow': return { kind: 'pow', base: go(e.base), exp: go(e.exp) };
    case 'call': return { kind: 'call', fn: e.fn, args: e.args.map(go) };
    case 'cond': return { kind: 'cond', test: go(e.test), then: go(e.then), else: go(e.else) };
    case 'cmp': return { kind: 'cmp', op: e.op, left: go(e.left), right: go(e.right) };
    case 'logic': return { kind: 'logic', op: e.op, args: e.args.map(go) };
    case 'sum': return { kind: 'sum', body: go(e.body), index: e.index, lo: go(e.lo), hi: go(e.hi) };
  }
}

/** e with the variable replaced by `by`. */
export function substituteVariable(e: Expr, variable: string, by: Expr): Expr {
  return rewrite(e, (x) => (x.kind === 'var' && x.name === variable ? by : undefined));
}

/** e with the named parameters replaced by exact numbers (a Map) or constant expressions (a record). */
export function substituteParameters(e: Expr, values: ReadonlyMap<string, Fraction> | Readonly<Record<string, Expr>>): Expr {
  const lookup = (name: string): Expr | undefined => {
    if (values instanceof Map) { const v = values.get(name); return v === undefined ? undefined : E.num(v); }
    return Object.prototype.hasOwnProperty.call(values, name) ? (values as Readonly<Record<string, Expr>>)[name] : undefined;
  };
  return rewrite(e, (x) => (x.kind === 'param' ? lookup(x.name) : undefined));
}
