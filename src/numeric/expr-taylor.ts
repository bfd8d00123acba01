/**
 * Taylor-mode evaluation of an Expr over interval coefficients.
 *
 * Owns: mapping each node kind to a recurrence of ./taylor-interval.ts, and the
 * smoothness decisions for the non-smooth kinds. Branches (cond, abs, min, max,
 * floor, ceil, sign) are decided by interval evaluation over a whole `domain`
 * (the block the caller works on), never at the expansion point alone, so the
 * point expansion and the block enclosure always describe the same smooth
 * function. When a branch is undecided on the domain the function may not be
 * smooth there and NonSmoothError is thrown: the caller splits the block or sums
 * its terms directly.
 */
import type { Expr } from '../parse/expr.js';
import { evalCondition, evalInterval, rationalInterval, UnsupportedExprError } from './expr-interval.js';
import * as Ins from './interval.js';
import type { Interval } from './interval.js';
import * as Tns from './taylor-interval.js';
import type { TaylorSeries } from './taylor-interval.js';

// plain-object copies: cheap property access on hot paths (no module-namespace getters)
const I = { ...Ins };
const T = { ...Tns };

/** The function is not (known to be) smooth on the requested domain. */
export class NonSmoothError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NonSmoothError';
  }
}

export interface TaylorEnv {
  readonly variable: string;
  /** the series of the variable (the identity, or exp of the log-variable) */
  readonly x: TaylorSeries;
  /** the range of the variable over which branch decisions must hold */
  readonly domain: Interval;
}

/** Does the expression mention the summation variable? */
export function dependsOn(expr: Expr, variable: string): boolean {
  switch (expr.kind) {
    case 'var': return expr.name === variable;
    case 'num': case 'const': case 'param': case 'index': return false;
    case 'add': return expr.terms.some((t) => dependsOn(t, variable));
    case 'mul': return expr.factors.some((t) => dependsOn(t, variable));
    case 'neg': return dependsOn(expr.arg, variable);
    case 'div': return dependsOn(expr.num, variable) || dependsOn(expr.den, variable);
    case 'pow': return dependsOn(expr.base, variable) || dependsOn(expr.exp, variable);
    case 'call': return expr.args.some((t) => dependsOn(t, variable));
    case 'cond': return dependsOn(expr.test, variable) || dependsOn(expr.then, variable) || dependsOn(expr.else, variable);
    case 'cmp': return dependsOn(expr.left, variable) || dependsOn(expr.right, variable);
    case 'logic': return expr.args.some((t) => dependsOn(t, variable));
    case 'sum': return dependsOn(expr.body, variable) || dependsOn(expr.lo, variable) || dependsOn(expr.hi, variable);
  }
}

type Compiled = (x: TaylorSeries, domain: Interval, index: ReadonlyMap<string, Interval>) => TaylorSeries;

const compiledCache = new WeakMap<Expr, Map<string, Compiled>>();
const dependsCache = new WeakMap<Expr, Map<string, boolean>>();
const indexFree = new WeakMap<Expr, boolean>();

function depends(e: Expr, variable: string): boolean {
  let m = dependsCache.get(e);
  if (!m) dependsCache.set(e, (m = new Map()));
  let d = m.get(variable);
  if (d === undefined) m.set(variable, (d = dependsOn(e, variable)));
  return d;
}

function usesIndex(e: Expr): boolean {
  let u = indexFree.get(e);
  if (u === undefined) {
    u = !JSON.stringify(e, (k, v) => (k === 'value' ? undefined : v)).includes('"index"');
    indexFree.set(e, u);
  }
  return !u;
}

/** The Taylor evaluator of an expression, compiled once per (expression, variable). */
export function compileTaylor(expr: Expr, variable: string): Compiled {
  let m = compiledCache.get(expr);
  if (!m) compiledCache.set(expr, (m = new Map()));
  let c = m.get(variable);
  if (!c) m.set(variable, (c = compile(expr, variable)));
  return c;
}

function compile(expr: Expr, variable: string): Compiled {
  if (!depends(expr, variable)) {
    if (!usesIndex(expr)) {
      let value: Interval | undefined;
      return (x) => {
        value ??= evalInterval(expr, { variable, x: I.ZERO });
        return T.constant(value, T.orderOf(x));
      };
    }
    return (x, domain, index) => T.constant(evalInterval(expr, { variable, x: domain }, index), T.orderOf(x));
  }
  const sub = (e: Expr): Compiled => compileTaylor(e, variable);
  switch (expr.kind) {
    case 'var': return (x) => x;
    case 'add': {
      const parts = expr.terms.map(sub);
      return (x, d, i) => {
        let acc = parts[0]!(x, d, i);
        for (let k = 1; k < parts.length; k++) acc = T.add(acc, parts[k]!(x, d, i));
        return acc;
      };
    }
    case 'mul': {
      const parts = expr.factors.map(sub);
      return (x, d, i) => {
        let acc = parts[0]!(x, d, i);
        for (let k = 1; k < parts.length; k++) acc = T.mul(acc, parts[k]!(x, d, i));
        return acc;
      };
    }
    case 'neg': {
      const a = sub(expr.arg);
      return (x, d, i) => T.neg(a(x, d, i));
    }
    case 'div': {
      const a = sub(expr.num);
      const b = sub(expr.den);
      return (x, d, i) => T.div(a(x, d, i), b(x, d, i));
    }
    case 'pow': {
      const base = sub(expr.base);
      if (depends(expr.exp, variable)) {
        const e = sub(expr.exp);
        // b^e = exp(e · log b)
        return (x, d, i) => T.exp(T.mul(e(x, d, i), T.log(base(x, d, i))));
      }
      const expNode = expr.exp;
      const oddDen = expNode.kind === 'num' && BigInt((expNode.value as unknown as { d: bigint }).d) % 2n === 1n;
      const oddNum = expNode.kind === 'num' && BigInt((expNode.value as unknown as { n: bigint }).n) % 2n !== 0n;
      let e: Interval | undefined;
      return (x, d, i) => {
        e ??= expNode.kind === 'num' ? rationalInterval(expNode.value as never) : evalInterval(expNode, { variable, x: d }, i);
        const b = base(x, d, i);
        if (e.lo === e.hi && Number.isInteger(e.lo) && Math.abs(e.lo) <= 64) return T.powInt(b, e.lo);
        if (b[0]! > 0) return T.powReal(b, e);
        if (b[1]! < 0 && oddDen) {
          const r = T.powReal(T.neg(b), e);
          return oddNum ? T.neg(r) : r;
        }
        throw new NonSmoothError('a real power of a base that is not positive on the block');
      };
    }
    case 'call': {
      const args = expr.args.map(sub);
      const fn = expr.fn;
      const argExprs = expr.args;
      return (x, d, i) => evalCall(fn, argExprs, args.map((a) => a(x, d, i)), variable, d, i);
    }
    case 'cond': {
      const th = sub(expr.then);
      const el = sub(expr.else);
      const test = expr.test;
      return (x, d, i) => {
        const t = evalCondition(test, { variable, x: d }, i);
        if (t === true) return th(x, d, i);
        if (t === false) return el(x, d, i);
        throw new NonSmoothError('a condition changes its truth value on the block');
      };
    }
    case 'cmp':
    case 'logic':
      return (x, d, i) => {
        const t = evalCondition(expr, { variable, x: d }, i);
        if (t === undefined) throw new NonSmoothError('a comparison changes its value on the block');
        return T.constant(t ? I.ONE : I.ZERO, T.orderOf(x));
      };
    case 'sum': {
      const body = sub(expr.body);
      const loE = expr.lo;
      const hiE = expr.hi;
      const name = expr.index;
      return (x, d, index) => {
        const lo = evalInterval(loE, { variable, x: d }, index);
        const hi = evalInterval(hiE, { variable, x: d }, index);
        if (lo.lo !== lo.hi || hi.lo !== hi.hi || !Number.isInteger(lo.lo) || !Number.isInteger(hi.lo)) {
          throw new UnsupportedExprError('a finite sum needs constant integer bounds');
        }
        if (hi.lo - lo.lo > 10000) throw new UnsupportedExprError('a finite sum with more than 10000 terms');
        let acc = T.constant(I.ZERO, T.orderOf(x));
        const inner = new Map(index);
        for (let k = lo.lo; k <= hi.lo; k++) {
          inner.set(name, I.exact(k));
          acc = T.add(acc, body(x, d, inner));
        }
        return acc;
      };
    }
    default:
      throw new UnsupportedExprError(`unexpected node ${expr.kind}`);
  }
}

const NO_INDEX: ReadonlyMap<string, Interval> = new Map();

/** The Taylor series of expr when the variable is the series env.x (branches decided over env.domain). */
export function evalTaylor(expr: Expr, env: TaylorEnv, index: ReadonlyMap<string, Interval> = NO_INDEX): TaylorSeries {
  return compileTaylor(expr, env.variable)(env.x, env.domain, index);
}

function evalCall(
  fn: string,
  argExprs: readonly Expr[],
  argSeries: readonly TaylorSeries[],
  variable: string,
  domain: Interval,
  index: ReadonlyMap<string, Interval>,
): TaylorSeries {
  const a = argSeries[0]!;
  const K = T.orderOf(a);
  const domainValue = (e: Expr): Interval => evalInterval(e, { variable, x: domain }, index);
  const args = argExprs;
  switch (fn) {
    case 'exp': return T.exp(a);
    case 'log': return T.log(a);
    case 'sin': return T.sinCos(a)[0];
    case 'cos': return T.sinCos(a)[1];
    case 'tan': {
      const [s, c] = T.sinCos(a);
      const cd = domainValue(args[0]!);
      const cosRange = I.cos(cd);
      if (cosRange.lo <= 0 && cosRange.hi >= 0) throw new NonSmoothError('tan near a pole on the block');
      return T.div(s, c);
    }
    case 'atan': return T.atan(a);
    case 'tanh': {
      // tanh u = (1 − e^{−2u})/(1 + e^{−2u}) for u ≥ 0 (no overflow), and the mirror image for u ≤ 0
      const v = domainValue(args[0]!);
      const one = T.constant(I.ONE, K);
      if (v.lo >= 0) {
        const t = T.exp(T.scale(a, I.exact(-2)));
        return T.div(T.sub(one, t), T.add(one, t));
      }
      if (v.hi <= 0) {
        const t = T.exp(T.scale(a, I.exact(2)));
        return T.div(T.sub(t, one), T.add(t, one));
      }
      const e2 = T.exp(T.scale(a, I.exact(2)));
      return T.sub(one, T.div(T.constant(I.exact(2), K), T.add(e2, one)));
    }
    case 'sinh':
    case 'cosh': {
      const ep = T.exp(a);
      const em = T.exp(T.neg(a));
      const s = fn === 'sinh' ? T.sub(ep, em) : T.add(ep, em);
      return T.scale(s, I.exact(0.5));
    }
    case 'cbrt': {
      const v = domainValue(args[0]!);
      const third = I.div(I.ONE, I.exact(3));
      if (v.lo > 0) return T.powReal(a, third);
      if (v.hi < 0) return T.neg(T.powReal(T.neg(a), third));
      throw new NonSmoothError('cbrt of a value that may be 0 on the block');
    }
    case 'abs': {
      const v = domainValue(args[0]!);
      if (v.lo >= 0) return a;
      if (v.hi <= 0) return T.neg(a);
      throw new NonSmoothError('abs of a value that changes sign on the block');
    }
    case 'sign': {
      const v = domainValue(args[0]!);
      if (v.lo > 0) return T.constant(I.ONE, K);
      if (v.hi < 0) return T.constant(I.exact(-1), K);
      throw new NonSmoothError('sign of a value that changes sign on the block');
    }
    case 'floor':
    case 'ceil': {
      const v = domainValue(args[0]!);
      const r = fn === 'floor' ? I.floor(v) : I.ceil(v);
      if (r.lo === r.hi) return T.constant(r, K);
      throw new NonSmoothError(`${fn} jumps on the block`);
    }
    case 'min':
    case 'max': {
      const vals = args.map(domainValue);
      // the argument that is certainly smallest (largest) on the whole block
      for (let i = 0; i < vals.length; i++) {
        const wins = vals.every((w, j) => j === i || (fn === 'min' ? vals[i]!.hi <= w.lo : vals[i]!.lo >= w.hi));
        if (wins) return argSeries[i]!;
      }
      throw new NonSmoothError(`${fn} switches argument on the block`);
    }
    default:
      throw new UnsupportedExprError(`no Taylor expansion for ${fn}()`);
  }
}
