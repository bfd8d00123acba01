/**
 * The one code generator from a parsed Expr to executable float64 code.
 *
 * Owns: the walk over the tree and everything that must not differ between the
 * places a bias is computed — which variable is the distance, how sum indices are
 * bound (innermost binding wins, one slot each), which exponent is a square root,
 * which nodes are numbers and which are conditions, and the function whitelist.
 * A `Target` owns only how each operation is written for one platform: closures for
 * the validator's float64 (`../float.ts`), source text for Python (torch, numpy) in
 * `python.ts`. The targets implement the same float semantics, stated once in
 * `../float.ts`; the exported-module tests check them against each other, so the
 * formula the decider proved and the formula a user trains with come out of the
 * same walk of the same tree.
 */
import type { CmpOp, Expr, FnName } from '../../parse/expr.js';

/** Functions of one argument (everything in FnName except min and max). */
export type UnaryName = Exclude<FnName, 'min' | 'max'>;

/** How one platform writes each operation; T is the platform's code (a closure, a string, …). */
export interface Target<T> {
  /** a literal (exact rationals arrive as their nearest double) */
  num(value: number): T;
  /** the distance variable */
  variable(): T;
  param(name: string): T;
  /** the sum index bound in `slot` */
  index(slot: number): T;
  add(terms: readonly T[]): T;
  mul(factors: readonly T[]): T;
  neg(a: T): T;
  /** a / b, NaN where b = 0 */
  div(a: T, b: T): T;
  /** b^y, NaN for 0 to a negative power */
  pow(b: T, y: T): T;
  /** x^(1/2) written as a square root */
  sqrt(x: T): T;
  unary(fn: UnaryName, x: T): T;
  minmax(fn: 'min' | 'max', args: readonly T[]): T;
  /** test is a condition (1, 0 or NaN); NaN makes the result NaN */
  cond(test: T, then: T, otherwise: T): T;
  /** a condition: 1, 0, or NaN when an operand is NaN */
  cmp(op: CmpOp, a: T, b: T): T;
  not(a: T): T;
  /** left to right; the first operand that is not the neutral value decides (NaN included) */
  logic(op: 'and' | 'or', args: readonly T[]): T;
  /** Σ_{slot = lo}^{hi} body: integer bounds, 0 when hi < lo, NaN past MAX_SUM_TERMS terms */
  sum(slot: number, lo: T, hi: T, body: T): T;
}

/** Most terms one finite sum may have (the decimal evaluator's limit too). */
export const MAX_SUM_TERMS = 1_000_000;

const UNARY: ReadonlySet<string> = new Set<UnaryName>([
  'log', 'exp', 'abs', 'sign', 'floor', 'ceil', 'sin', 'cos', 'tan', 'atan', 'tanh', 'cosh', 'sinh',
  'cbrt', 'gamma', 'factorial',
]);

export interface Generated<T> {
  readonly root: T;
  /** number of sum-index slots used */
  readonly slots: number;
}

const isHalf = (e: Expr): boolean => e.kind === 'num' && e.value.n === 1n && e.value.d === 2n && e.value.s > 0n;

class Walker<T> {
  /** sum index name -> slot, innermost binding last */
  private readonly scope: { name: string; slot: number }[] = [];
  slots = 0;

  constructor(private readonly variable: string, private readonly t: Target<T>) {}

  num(e: Expr): T {
    const t = this.t;
    switch (e.kind) {
      case 'num': return t.num(Number(e.value.valueOf()));
      case 'const': return t.num(e.name === 'pi' ? Math.PI : Math.E);
      case 'var':
        if (e.name !== this.variable) throw new Error(`the expression's variable is ${e.name}, not ${this.variable}`);
        return t.variable();
      case 'param': return t.param(e.name);
      case 'index': {
        const b = [...this.scope].reverse().find((x) => x.name === e.name);
        if (b === undefined) throw new Error(`the sum index ${e.name} is not bound`);
        return t.index(b.slot);
      }
      case 'add': return t.add(e.terms.map((x) => this.num(x)));
      case 'mul': return t.mul(e.factors.map((x) => this.num(x)));
      case 'neg': return t.neg(this.num(e.arg));
      case 'div': return t.div(this.num(e.num), this.num(e.den));
      case 'pow': return isHalf(e.exp) ? t.sqrt(this.num(e.base)) : t.pow(this.num(e.base), this.num(e.exp));
      case 'call': {
        const xs = e.args.map((a) => this.num(a));
        if (e.fn === 'min' || e.fn === 'max') return t.minmax(e.fn, xs);
        if (!UNARY.has(e.fn)) throw new Error(`unknown function ${e.fn}`);
        return t.unary(e.fn, xs[0]!);
      }
      case 'cond': return t.cond(this.bool(e.test), this.num(e.then), this.num(e.else));
      case 'sum': {
        const lo = this.num(e.lo);
        const hi = this.num(e.hi);
        const slot = this.slots++;
        this.scope.push({ name: e.index, slot });
        const body = this.num(e.body);
        this.scope.pop();
        return t.sum(slot, lo, hi, body);
      }
      case 'cmp': case 'logic': throw new Error('a comparison has no numeric value');
    }
  }

  bool(e: Expr): T {
    if (e.kind === 'cmp') return this.t.cmp(e.op, this.num(e.left), this.num(e.right));
    if (e.kind === 'logic') {
      const args = e.args.map((a) => this.bool(a));
      return e.op === 'not' ? this.t.not(args[0]!) : this.t.logic(e.op, args);
    }
    throw new Error(`${e.kind} is not a condition`);
  }
}

/** Walk `expr` (a number-valued tree in `variable`) into the target's code. */
export function generate<T>(expr: Expr, variable: string, target: Target<T>): Generated<T> {
  const w = new Walker(variable, target);
  const root = w.num(expr);
  return { root, slots: w.slots };
}
