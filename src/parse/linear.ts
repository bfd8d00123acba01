/**
 * Reading p(n) = c·n off the tree: the ALiBi shape, whose per-head c kernels such as
 * flash-attention take as an `alibi_slopes` tensor (slope = −c).
 *
 * Owns: the structural test only. It answers with the coefficient c (free of n)
 * when the tree is built from n by products with n-free factors, division by
 * n-free denominators, negation and sums of such terms — so c·n equals p(n) for
 * every n where both are defined — and null otherwise (a constant term, n inside a
 * function, a power of n, …), even when p happens to be linear after simplifying.
 */
import * as E from './expr.js';
import type { Expr } from './expr.js';
import { usesVariable } from './walk.js';

/** c with p ≡ c·variable, or null when the tree does not have that shape. */
export function linearCoefficient(e: Expr, variable: string): Expr | null {
  switch (e.kind) {
    case 'var': return e.name === variable ? E.num(1) : null;
    case 'neg': { const c = linearCoefficient(e.arg, variable); return c === null ? null : E.neg(c); }
    case 'div': {
      if (usesVariable(e.den)) return null;
      const c = linearCoefficient(e.num, variable);
      return c === null ? null : E.div(c, e.den);
    }
    case 'mul': {
      const withVar = e.factors.filter((f) => usesVariable(f));
      if (withVar.length !== 1) return null;
      const c = linearCoefficient(withVar[0]!, variable);
      if (c === null) return null;
      const rest = e.factors.filter((f) => f !== withVar[0]);
      const one = c.kind === 'num' && c.value.equals(1);
      if (rest.length === 0) return c;
      if (one) return rest.length === 1 ? rest[0]! : E.mul(...rest);
      return E.mul(...rest, c);
    }
    case 'add': {
      const cs = e.terms.map((t) => linearCoefficient(t, variable));
      return cs.some((c) => c === null) ? null : E.add(...(cs as Expr[]));
    }
    default: return null;
  }
}
