/**
 * The first terms of a parametric bias, checked for being defined throughout a
 * parameter region. The concrete domain check (src/numeric/domain/input.ts) evaluates
 * n = from, …, from + 7 when there are no parameters; with parameters, whether
 * log(n + m) is defined at n = 0 depends on m. Here each partial operation
 * outside piecewise branches and finite sums — log (argument > 0), division
 * (denominator ≠ 0), a power with a non-integer or negative exponent — has its
 * argument at each of those n turned into a coefficient in the parameters, and
 * the region decides its sign: a sign the region does not fix splits it
 * (NeedSplit), a wrong sign makes the region's series undefined. Like the
 * concrete check, this refutes; it does not prove the later terms defined.
 *
 * Owns: `headDomainProblem`.
 */
import Fraction from 'fraction.js';
import { InputError } from '../parse/errors.js';
import type { Expr } from '../parse/expr.js';
import { substituteVariable } from '../parse/substitute.js';
import { coefFromExpr } from './assumptions.js';
import type { Coef } from './coef.js';
import { type Region, type Sign, UndecidableSign } from './region.js';

/** One requirement on a sub-expression: its value's sign must be one of `signs`. */
interface Requirement {
  readonly arg: Expr;
  readonly signs: readonly Sign[];
  readonly what: string;
  /** for a power with a symbolic exponent: a zero base is allowed where this exponent is ≥ 0 (0^0 = 1, as in the evaluator) */
  readonly zeroIfNonnegative?: Expr;
}

function requirements(e: Expr, out: Requirement[]): Requirement[] {
  switch (e.kind) {
    case 'cond': case 'sum': return out; // branches and summands are not all evaluated: left to the concrete check
    case 'add': e.terms.forEach((t) => requirements(t, out)); return out;
    case 'mul': e.factors.forEach((f) => requirements(f, out)); return out;
    case 'neg': return requirements(e.arg, out);
    case 'div':
      requirements(e.num, out); requirements(e.den, out);
      out.push({ arg: e.den, signs: [-1, 1], what: 'division by zero' });
      return out;
    case 'pow': {
      requirements(e.base, out); requirements(e.exp, out);
      if (e.exp.kind === 'num') {
        const x = e.exp.value;
        const integer = x.d === 1n;
        if (integer && x.s >= 0n) return out;
        if (integer) out.push({ arg: e.base, signs: [-1, 1], what: 'division by zero' });
        else out.push({ arg: e.base, signs: x.s < 0n ? [1] : [0, 1], what: 'a non-integer power of a negative number' });
      } else {
        out.push({ arg: e.base, signs: [1], what: 'a power with a variable exponent of a non-positive number', zeroIfNonnegative: e.exp });
      }
      return out;
    }
    case 'call':
      e.args.forEach((a) => requirements(a, out));
      if (e.fn === 'log') out.push({ arg: e.args[0]!, signs: [1], what: 'log of a non-positive number' });
      return out;
    default: return out;
  }
}

/** The parameter-only coefficient of a sub-expression at n = n0, or null where it is not one (min, floor of a parameter, …). */
function coefAt(arg: Expr, variable: string, n0: number): Coef | null {
  try {
    return coefFromExpr(substituteVariable(arg, variable, { kind: 'num', value: new Fraction(n0) }));
  } catch (e) {
    if (e instanceof InputError) return null;
    throw e;
  }
}

/** The sign throughout the region (NeedSplit escapes), or null where a constant's sign cannot be certified. */
function signIn(region: Region, c: Coef): Sign | null {
  try {
    return region.sign(c);
  } catch (e) {
    if (e instanceof UndecidableSign) return null;
    throw e;
  }
}

/**
 * Where in the region the first `count` terms fail to be defined: a description
 * ("log of a non-positive number at n = 0"), or null. Throws NeedSplit where the
 * answer depends on the parameters within the region.
 */
export function headDomainProblem(expr: Expr, variable: string, from: number, count: number, region: Region): string | null {
  const reqs = requirements(expr, []);
  if (reqs.length === 0) return null;
  for (let n0 = from; n0 < from + count; n0++) {
    for (const r of reqs) {
      const c = coefAt(r.arg, variable, n0);
      if (c === null || c.parameters().size === 0 && c.asFraction() === null) continue; // not a coefficient, or an irrational constant: the engine's business
      const s = signIn(region, c);
      if (s === null || r.signs.includes(s)) continue;
      if (s === 0 && r.zeroIfNonnegative) {
        const ex = coefAt(r.zeroIfNonnegative, variable, n0);
        if (ex === null || signIn(region, ex) !== -1) continue;
      }
      return `${r.what} at ${variable} = ${n0}`;
    }
  }
  return null;
}
