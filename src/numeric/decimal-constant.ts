/**
 * Certified decimal enclosures of constant expressions (no summation variable).
 *
 * Owns: evaluating a parameter-free, variable-free Expr to a DInterval at
 * 40 digits, for the places where double precision could leave a decision open
 * (the ceiling in the ALiBi closed form). Unsupported nodes throw, and callers
 * fall back to double intervals.
 */
import type { Expr } from '../parse/expr.js';
import * as DIns from './decimal-interval.js';
import type { DInterval } from './decimal-interval.js';

// plain-object copies: cheap property access on hot paths (no module-namespace getters)
const DI = { ...DIns };

export class ConstantEvalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConstantEvalError';
  }
}

export function evalConstantDecimal(e: Expr): DInterval {
  switch (e.kind) {
    case 'num': {
      const v = e.value as unknown as { s: bigint; n: bigint; d: bigint };
      return DI.div(DI.point((v.s * v.n).toString()), DI.point(v.d.toString()));
    }
    case 'const': {
      if (e.name === 'e') return DI.exp(DI.point(1));
      const lo = DI.Decimal.acos(-1);
      const slack = lo.abs().times('1e-36');
      return { lo: lo.minus(slack), hi: lo.plus(slack) };
    }
    case 'add': return e.terms.map(evalConstantDecimal).reduce(DI.add);
    case 'mul': return e.factors.map(evalConstantDecimal).reduce(DI.mul);
    case 'neg': return DI.neg(evalConstantDecimal(e.arg));
    case 'div': return DI.div(evalConstantDecimal(e.num), evalConstantDecimal(e.den));
    case 'pow': {
      const base = evalConstantDecimal(e.base);
      if (e.exp.kind === 'num') {
        const v = e.exp.value as unknown as { s: bigint; n: bigint; d: bigint };
        if (v.d === 1n && v.n <= 64n) {
          let acc = DI.point(1);
          for (let i = 0n; i < v.n; i++) acc = DI.mul(acc, base);
          return v.s < 0n ? DI.div(DI.point(1), acc) : acc;
        }
      }
      if (!base.lo.gt(0)) throw new ConstantEvalError('real power of a non-positive constant');
      return DI.pow(base, evalConstantDecimal(e.exp));
    }
    case 'call': {
      const a = evalConstantDecimal(e.args[0]!);
      if (e.fn === 'log') return DI.ln(a);
      if (e.fn === 'exp') return DI.exp(a);
      if (e.fn === 'abs') return a.lo.gte(0) ? a : a.hi.lte(0) ? DI.neg(a) : { lo: DI.Decimal.max(0, 0), hi: DI.Decimal.max(a.hi, a.lo.neg()) };
      throw new ConstantEvalError(`no decimal evaluation for ${e.fn}()`);
    }
    default:
      throw new ConstantEvalError(`not a constant expression (${e.kind})`);
  }
}
