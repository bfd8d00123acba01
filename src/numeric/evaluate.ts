/**
 * Exact-semantics evaluation of an Expr on the reals with decimal.js.
 *
 * Owns: `evaluateDecimal` (a value at a chosen precision, DomainError where the
 * expression is undefined) and re-exports `compileFloat` (the float64 twin).
 *
 * Semantics: log needs x > 0; division by 0, 0 to a negative power, a negative
 * base with a non-integer exponent (sqrt of a negative included), gamma at 0, −1,
 * −2, …, factorial of anything but 0, 1, 2, … are DomainErrors. cbrt is the real
 * cube root. `c ? a : b` evaluates only the taken branch; and/or short-circuit.
 * sum needs integer bounds, is 0 when hi < lo, and allows at most 1e6 terms.
 * Work is done with 10 guard digits and rounded to `precision` significant digits.
 */
import { Decimal } from 'decimal.js';
import type { Expr } from '../parse/expr.js';
import { decimalClass, MAX_PRECISION, restoreDecimalState } from './decimal.js';
import { DomainError, EvaluationLimitError } from './errors.js';
import { gammaDecimal } from './gamma.js';

export { DomainError, EvaluationLimitError } from './errors.js';
export { compileFloat } from './float.js';

export interface DecimalPoint {
  /** the summation variable's name (must match the tree's var nodes) */
  readonly variable: string;
  readonly n: Decimal.Value;
  readonly params?: Readonly<Record<string, Decimal.Value>>;
}

export interface DecimalOptions {
  /** significant digits of the result, default 40, at most 500 */
  readonly precision?: number;
  /** most nodes to evaluate before giving up with EvaluationLimitError (default: no limit) */
  readonly maxSteps?: number;
}

/** Most terms one finite sum may have. */
export const MAX_SUM_TERMS = 1_000_000;

class DecimalEvaluator {
  private readonly D: Decimal.Constructor;
  private readonly n: Decimal;
  private readonly indices = new Map<string, Decimal>();
  private steps = 0;
  private piValue: Decimal | undefined;
  private eValue: Decimal | undefined;

  constructor(
    private readonly precision: number,
    private readonly point: DecimalPoint,
    private readonly maxSteps: number,
  ) {
    this.D = decimalClass(precision + 10);
    this.n = new this.D(point.n);
  }

  num(e: Expr): Decimal {
    if (++this.steps > this.maxSteps) throw new EvaluationLimitError(`evaluation stopped after ${this.maxSteps} steps`);
    const D = this.D;
    switch (e.kind) {
      case 'num': {
        const v = new D(e.value.n.toString()).div(e.value.d.toString());
        return e.value.s < 0n ? v.neg() : v;
      }
      case 'const':
        if (e.name === 'pi') return (this.piValue ??= D.acos(-1));
        return (this.eValue ??= D.exp(1));
      case 'var':
        if (e.name !== this.point.variable) throw new Error(`the expression's variable is ${e.name}, not ${this.point.variable}`);
        return this.n;
      case 'param': {
        const params = this.point.params;
        if (params === undefined || !Object.hasOwn(params, e.name)) throw new Error(`no value given for the parameter ${e.name}`);
        return new D(params[e.name]!);
      }
      case 'index': {
        const v = this.indices.get(e.name);
        if (v === undefined) throw new Error(`the sum index ${e.name} is not bound`);
        return v;
      }
      case 'add': {
        let acc = new D(0);
        for (const t of e.terms) acc = acc.plus(this.num(t));
        return acc;
      }
      case 'mul': {
        let acc = new D(1);
        for (const f of e.factors) acc = acc.times(this.num(f));
        return acc;
      }
      case 'neg': return this.num(e.arg).neg();
      case 'div': {
        const a = this.num(e.num);
        const b = this.num(e.den);
        if (b.isZero()) throw new DomainError('division by zero', a);
        return a.div(b);
      }
      case 'pow': return this.pow(e.base, e.exp);
      case 'call': return this.call(e.fn, e.args);
      case 'cond': return this.bool(e.test) ? this.num(e.then) : this.num(e.else);
      case 'sum': return this.sum(e);
      case 'cmp': case 'logic':
        throw new Error('a comparison has no numeric value');
    }
  }

  bool(e: Expr): boolean {
    if (++this.steps > this.maxSteps) throw new EvaluationLimitError(`evaluation stopped after ${this.maxSteps} steps`);
    if (e.kind === 'cmp') {
      const a = this.num(e.left);
      const b = this.num(e.right);
      if (a.isNaN() || b.isNaN()) throw new DomainError('comparison with an undefined value', 'NaN');
      switch (e.op) {
        case '<': return a.lt(b);
        case '<=': return a.lte(b);
        case '>': return a.gt(b);
        case '>=': return a.gte(b);
        case '==': return a.eq(b);
        case '!=': return !a.eq(b);
      }
    }
    if (e.kind === 'logic') {
      if (e.op === 'not') return !this.bool(e.args[0]!);
      if (e.op === 'and') return e.args.every((a) => this.bool(a));
      return e.args.some((a) => this.bool(a));
    }
    throw new Error(`${e.kind} is not a condition`);
  }

  private pow(baseExpr: Expr, expExpr: Expr): Decimal {
    const b = this.num(baseExpr);
    const half = expExpr.kind === 'num' && expExpr.value.n === 1n && expExpr.value.d === 2n && expExpr.value.s > 0n;
    if (half) {
      if (b.isNeg() && !b.isZero()) throw new DomainError('square root of a negative number', b);
      return b.sqrt();
    }
    const x = this.num(expExpr);
    if (b.isZero() && x.isNeg() && !x.isZero()) throw new DomainError('zero to a negative power', x);
    if (!x.isInteger() && b.isNeg() && !b.isZero() && x.isFinite()) {
      throw new DomainError('negative number to a non-integer power', `(${b.toString()})^${x.toString()}`);
    }
    return b.pow(x);
  }

  private call(fn: string, args: readonly Expr[]): Decimal {
    const D = this.D;
    const xs = args.map((a) => this.num(a));
    const x = xs[0]!;
    switch (fn) {
      case 'log':
        if (x.lte(0)) throw new DomainError('log of a non-positive number', x);
        return x.ln();
      case 'exp': return x.exp();
      case 'abs': return x.abs();
      case 'sign': return new D(x.isZero() ? 0 : x.isNeg() ? -1 : x.isNaN() ? NaN : 1);
      case 'floor': return x.floor();
      case 'ceil': return x.ceil();
      case 'min': return D.min(...xs);
      case 'max': return D.max(...xs);
      case 'sin': return x.sin();
      case 'cos': return x.cos();
      case 'tan': return x.tan();
      case 'atan': return x.atan();
      case 'tanh': return x.tanh();
      case 'cosh': return x.cosh();
      case 'sinh': return x.sinh();
      case 'cbrt': return x.cbrt();
      case 'gamma': return new D(gammaDecimal(x, this.precision + 5));
      case 'factorial':
        if (!x.isInteger() || x.isNeg()) throw new DomainError('factorial of a negative or non-integer number', x);
        return new D(gammaDecimal(x.plus(1), this.precision + 5));
      default:
        throw new Error(`unknown function ${fn}`);
    }
  }

  private sum(e: Extract<Expr, { kind: 'sum' }>): Decimal {
    const lo = this.num(e.lo);
    const hi = this.num(e.hi);
    if (!lo.isInteger()) throw new DomainError('sum bound that is not an integer', lo);
    if (!hi.isInteger()) throw new DomainError('sum bound that is not an integer', hi);
    let acc = new this.D(0);
    if (hi.lt(lo)) return acc;
    const count = hi.minus(lo).plus(1);
    if (count.gt(MAX_SUM_TERMS)) throw new EvaluationLimitError(`sum with ${count.toString()} terms (at most ${MAX_SUM_TERMS})`);
    const saved = this.indices.get(e.index);
    const terms = count.toNumber();
    for (let k = 0; k < terms; k++) {
      this.indices.set(e.index, lo.plus(k));
      acc = acc.plus(this.num(e.body));
    }
    if (saved === undefined) this.indices.delete(e.index); else this.indices.set(e.index, saved);
    return acc;
  }
}

/**
 * Value of `expr` at the point, with `precision` significant digits (default 40).
 * Throws DomainError where the expression is undefined, EvaluationLimitError when
 * the value cannot be computed within the limits.
 */
export function evaluateDecimal(expr: Expr, point: DecimalPoint, options: DecimalOptions = {}): Decimal {
  const precision = options.precision ?? 40;
  if (!Number.isInteger(precision) || precision < 1 || precision > MAX_PRECISION) {
    throw new Error(`precision must be an integer from 1 to ${MAX_PRECISION}`);
  }
  restoreDecimalState(); // in case a caller caught a decimal.js error and left a class at a raised precision
  const ev = new DecimalEvaluator(precision, point, options.maxSteps ?? Infinity);
  let v: Decimal;
  try {
    v = ev.num(expr);
  } catch (err) {
    if (err instanceof Error && err.message.startsWith('[DecimalError]')) {
      restoreDecimalState();
      throw new EvaluationLimitError(`decimal.js could not evaluate this: ${err.message}`);
    }
    throw err;
  }
  if (v.isNaN()) throw new DomainError('undefined value (such as ∞ − ∞)', 'NaN');
  const Out = decimalClass(precision);
  return new Out(v.toSignificantDigits(precision));
}
