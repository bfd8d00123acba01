/**
 * Assumptions on the parameters ("b > 0", "r1 > 0 and r2 <= 2", "m != 0") as
 * regions: a disjunction of conjunctions, one Region per disjunct. Linear
 * constraints in one parameter become intervals; others become sign facts.
 */
import { InputError } from '../parse/errors.js';
import type { Expr } from '../parse/expr.js';
import { applyFn, Coef, type AtomFn } from './coef.js';
import { Region, type Sign } from './region.js';

/** A parameter-only expression as a coefficient. */
export function coefFromExpr(e: Expr): Coef {
  switch (e.kind) {
    case 'num': return Coef.of(e.value);
    case 'const': return Coef.atom({ kind: 'const', name: e.name });
    case 'param': case 'var': return Coef.param(e.name);
    case 'add': return e.terms.map(coefFromExpr).reduce((a, b) => a.add(b));
    case 'mul': return e.factors.map(coefFromExpr).reduce((a, b) => a.mul(b));
    case 'neg': return coefFromExpr(e.arg).neg();
    case 'div': return coefFromExpr(e.num).div(coefFromExpr(e.den));
    case 'pow': return coefFromExpr(e.base).pow(coefFromExpr(e.exp));
    case 'call':
      if (e.args.length === 1 && ['log', 'exp', 'sin', 'cos', 'atan', 'tanh', 'sinh', 'cosh', 'tan', 'abs', 'floor', 'ceil', 'sign'].includes(e.fn))
        return applyFn(e.fn as AtomFn, coefFromExpr(e.args[0]!));
      break;
    default: break;
  }
  throw new InputError('assumption', `unsupported expression in an assumption (${e.kind === 'call' ? e.fn : e.kind})`);
}

const OP_SIGNS: Record<string, Sign[]> = { '<': [-1], '<=': [-1, 0], '>': [1], '>=': [0, 1], '==': [0], '!=': [-1, 1] };
const NEGATED: Record<string, string> = { '<': '>=', '<=': '>', '>': '<=', '>=': '<', '==': '!=', '!=': '==' };

/** Refine each region by the condition; returns the disjuncts. */
export function applyCondition(regions: readonly Region[], cond: Expr, negate = false): Region[] {
  if (cond.kind === 'logic') {
    const op = negate ? ({ and: 'or', or: 'and', not: 'not' } as const)[cond.op] : cond.op;
    if (cond.op === 'not') return applyCondition(regions, cond.args[0]!, !negate);
    if (op === 'and') return cond.args.reduce<Region[]>((rs, a) => applyCondition(rs, a, negate), [...regions]);
    return cond.args.flatMap((a) => applyCondition(regions, a, negate));
  }
  if (cond.kind === 'cmp') {
    const op = negate ? NEGATED[cond.op]! : cond.op;
    const diff = coefFromExpr(cond.left).sub(coefFromExpr(cond.right));
    return regions.flatMap((r) => r.withSign(diff, OP_SIGNS[op]!));
  }
  throw new InputError('assumption', 'an assumption must be a comparison such as "b > 0", possibly joined with and/or/not');
}
