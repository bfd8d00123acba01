/**
 * Sound interval evaluation of an Expr (src/parse/expr.ts).
 *
 * Owns: turning the tree into an enclosure of its value when the summation
 * variable ranges over an interval (a point, a block [a, b], or [M, +∞]).
 * Exact rationals become thin intervals; every operation is the outward-rounded
 * one from ./interval.ts. Conditionals take the branch the test decides over the
 * whole input interval, and the hull of both branches when it is undecided.
 * Parameters must already be substituted (or given as intervals in `params`).
 */
import type { Expr } from '../parse/expr.js';
import * as Ins from './interval.js';
import type { Interval } from './interval.js';

// plain-object copies: cheap property access on hot paths (no module-namespace getters)
const I = { ...Ins };

export interface IntervalEnv {
  /** name of the summation variable */
  readonly variable: string;
  /** its range */
  readonly x: Interval;
  /** enclosures of free parameters, if any are left */
  readonly params?: Readonly<Record<string, Interval>>;
}

/** The expression uses something this evaluator cannot bound (e.g. gamma of a wide interval). */
export class UnsupportedExprError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedExprError';
  }
}

/** A Fraction-like exact rational as a thin interval. */
export function rationalInterval(value: { s: bigint | number; n: bigint | number; d: bigint | number }): Interval {
  const s = BigInt(value.s);
  const n = BigInt(value.n);
  const d = BigInt(value.d);
  return I.fromRational(s * n, d);
}

type Tri = boolean | undefined;

function cmpInterval(op: string, a: Interval, b: Interval): Tri {
  switch (op) {
    case '<': return a.hi < b.lo ? true : a.lo >= b.hi ? false : undefined;
    case '<=': return a.hi <= b.lo ? true : a.lo > b.hi ? false : undefined;
    case '>': return a.lo > b.hi ? true : a.hi <= b.lo ? false : undefined;
    case '>=': return a.lo >= b.hi ? true : a.hi < b.lo ? false : undefined;
    case '==':
      if (a.lo === a.hi && b.lo === b.hi && a.lo === b.lo) return true;
      return a.hi < b.lo || a.lo > b.hi ? false : undefined;
    case '!=': {
      const eq = cmpInterval('==', a, b);
      return eq === undefined ? undefined : !eq;
    }
    default: return undefined;
  }
}

/** Truth of a boolean expression over the environment: true, false or undecided. */
export function evalCondition(expr: Expr, env: IntervalEnv, index: ReadonlyMap<string, Interval> = new Map()): Tri {
  if (expr.kind === 'cmp') return cmpInterval(expr.op, evalInterval(expr.left, env, index), evalInterval(expr.right, env, index));
  if (expr.kind === 'logic') {
    const vals = expr.args.map((a) => evalCondition(a, env, index));
    if (expr.op === 'not') return vals[0] === undefined ? undefined : !vals[0];
    if (expr.op === 'and') return vals.some((v) => v === false) ? false : vals.every((v) => v === true) ? true : undefined;
    return vals.some((v) => v === true) ? true : vals.every((v) => v === false) ? false : undefined;
  }
  // a number used as a condition: nonzero is true
  const v = evalInterval(expr, env, index);
  if (v.lo > 0 || v.hi < 0) return true;
  if (v.lo === 0 && v.hi === 0) return false;
  return undefined;
}

/** enclosures of literals, by node: converting a bigint fraction is the costliest step of small evaluations */
const literalCache = new WeakMap<Expr, Interval>();

export function evalInterval(expr: Expr, env: IntervalEnv, index: ReadonlyMap<string, Interval> = new Map()): Interval {
  const ev = (e: Expr): Interval => evalInterval(e, env, index);
  switch (expr.kind) {
    case 'num': {
      let v = literalCache.get(expr);
      if (v === undefined) literalCache.set(expr, (v = rationalInterval(expr.value as never)));
      return v;
    }
    case 'const': return expr.name === 'pi' ? I.PI : I.E;
    case 'var':
      if (expr.name !== env.variable) throw new UnsupportedExprError(`unknown variable ${expr.name}`);
      return env.x;
    case 'param': {
      const p = env.params?.[expr.name];
      if (!p) throw new UnsupportedExprError(`parameter ${expr.name} has no value; give it with --at ${expr.name}=…`);
      return p;
    }
    case 'index': {
      const v = index.get(expr.name);
      if (!v) throw new UnsupportedExprError(`unbound index ${expr.name}`);
      return v;
    }
    case 'add': return expr.terms.map(ev).reduce(I.add);
    case 'mul': return expr.factors.map(ev).reduce(I.mul);
    case 'neg': return I.neg(ev(expr.arg));
    case 'div': return I.div(ev(expr.num), ev(expr.den));
    case 'pow': {
      const b = ev(expr.base);
      const e = ev(expr.exp);
      if (b.lo < 0 && !(e.lo === e.hi && Number.isInteger(e.lo))) {
        // negative base with a rational odd-denominator exponent (cube roots…)
        if (expr.exp.kind === 'num' && BigInt((expr.exp.value as unknown as { d: bigint }).d) % 2n === 1n) {
          const n = BigInt((expr.exp.value as unknown as { n: bigint }).n);
          const absPow = I.pow(I.abs(b), e);
          if (b.hi <= 0) return n % 2n === 0n ? absPow : I.neg(absPow);
          return n % 2n === 0n ? { lo: 0, hi: absPow.hi } : { lo: -absPow.hi, hi: absPow.hi };
        }
        throw new I.IntervalDomainError('real power of a negative base');
      }
      return I.pow(b, e);
    }
    case 'call': return evalCall(expr.fn, expr.args.map(ev));
    case 'cond': {
      const t = evalCondition(expr.test, env, index);
      if (t === true) return ev(expr.then);
      if (t === false) return ev(expr.else);
      return I.hull(ev(expr.then), ev(expr.else));
    }
    case 'cmp':
    case 'logic': {
      const t = evalCondition(expr, env, index);
      return t === true ? I.ONE : t === false ? I.ZERO : { lo: 0, hi: 1 };
    }
    case 'sum': {
      const lo = ev(expr.lo);
      const hi = ev(expr.hi);
      if (lo.lo !== lo.hi || hi.lo !== hi.hi || !Number.isInteger(lo.lo) || !Number.isInteger(hi.lo)) {
        throw new UnsupportedExprError('a finite sum needs constant integer bounds');
      }
      if (hi.lo - lo.lo > 100000) throw new UnsupportedExprError('a finite sum with more than 100000 terms');
      let acc: Interval = I.ZERO;
      const inner = new Map(index);
      for (let i = lo.lo; i <= hi.lo; i++) {
        inner.set(expr.index, I.exact(i));
        acc = I.add(acc, evalInterval(expr.body, env, inner));
      }
      return acc;
    }
  }
}

function evalCall(fn: string, args: Interval[]): Interval {
  const a = args[0]!;
  switch (fn) {
    case 'log': return I.log(a);
    case 'exp': return I.exp(a);
    case 'abs': return I.abs(a);
    case 'sign': return I.sign(a);
    case 'floor': return I.floor(a);
    case 'ceil': return I.ceil(a);
    case 'min': return args.reduce(I.min);
    case 'max': return args.reduce(I.max);
    case 'sin': return I.sin(a);
    case 'cos': return I.cos(a);
    case 'tan': return I.tan(a);
    case 'atan': return I.atan(a);
    case 'tanh': return I.tanh(a);
    case 'sinh': return I.sinh(a);
    case 'cosh': return I.cosh(a);
    case 'cbrt': {
      const third = I.div(I.ONE, I.exact(3));
      const m = I.pow(I.abs(a), third);
      if (a.lo >= 0) return m;
      if (a.hi <= 0) return I.neg(m);
      return { lo: -m.hi, hi: m.hi };
    }
    default:
      throw new UnsupportedExprError(`no certified interval evaluation for ${fn}()`);
  }
}
