/**
 * Sound sign sets of an expression while the summation variable ranges over an
 * interval (and parameters over their enclosures).
 *
 * Owns: `signMask` — which of <0, =0, >0 the expression's value can take, at
 * the points of the range where it is defined — and `isIntegerValued`. The
 * mask combines structural facts, which interval arithmetic loses to the
 * dependency problem (exp and cosh are positive, a positive base to any power
 * is positive, a square is ≥ 0, a sum of positives is positive), with the
 * enclosure of ../expr-interval.ts, which settles the rest; the two are sound
 * supersets of the truth, so their intersection is too. Exact signs of
 * parameter expressions free of n come from an optional oracle (a parameter
 * region's sign, for instance), because a float hull of r > 0 reaches 0.
 */
import type { Expr } from '../../parse/expr.js';
import { evalInterval, UnsupportedExprError } from '../expr-interval.js';
import * as I from '../interval.js';
import type { Interval } from '../interval.js';
import { isIntegerPolynomial, rationalFunction, rationalValue } from './rational-expr.js';
import { ALL, mentions, NEG, POS, type SignMask, ZERO } from './requirements.js';

export type Sign = -1 | 0 | 1;

export interface RangeEnv {
  readonly variable: string;
  /** the range of the summation variable */
  readonly x: Interval;
  /** enclosures of the parameters, if any */
  readonly params?: Readonly<Record<string, Interval>>;
  /** ranges of the indices of enclosing sums */
  readonly index: ReadonlyMap<string, Interval>;
  /** the exact sign of an expression in parameters only (free of n and of indices), where known */
  readonly coefSign?: (e: Expr) => Sign | null;
  /** the variable's value when the range is a single integer (x is then an enclosure of it) */
  readonly point?: bigint;
}

/** The enclosure of e over the environment, or null where interval arithmetic cannot bound it. */
export function enclosure(e: Expr, env: RangeEnv): Interval | null {
  try {
    return evalInterval(e, env.params ? { variable: env.variable, x: env.x, params: env.params } : { variable: env.variable, x: env.x }, env.index);
  } catch (err) {
    if (err instanceof I.IntervalDomainError || err instanceof UnsupportedExprError || err instanceof RangeError) return null;
    throw err;
  }
}

export function maskOfInterval(v: Interval): SignMask {
  let m = 0;
  if (v.lo < 0) m |= NEG;
  if (v.lo <= 0 && v.hi >= 0) m |= ZERO;
  if (v.hi > 0) m |= POS;
  return m;
}

const bit = (s: Sign): SignMask => (s < 0 ? NEG : s > 0 ? POS : ZERO);
const flip = (m: SignMask): SignMask => ((m & NEG ? POS : 0) | (m & ZERO) | (m & POS ? NEG : 0));
const single = (m: SignMask): boolean => m === NEG || m === ZERO || m === POS;

function product(a: SignMask, b: SignMask): SignMask {
  let m = 0;
  for (const x of [NEG, ZERO, POS]) {
    if (!(a & x)) continue;
    for (const y of [NEG, ZERO, POS]) {
      if (!(b & y)) continue;
      m |= x === ZERO || y === ZERO ? ZERO : x === y ? POS : NEG;
    }
  }
  return m;
}

/** The exponent as an exact rational constant, or null. */
function rationalConstant(e: Expr, variable: string): { p: bigint; q: bigint } | null {
  if (e.kind === 'num') return { p: e.value.s * e.value.n, q: e.value.d };
  if (mentions(e, 'var') || mentions(e, 'param') || mentions(e, 'index')) return null;
  const r = rationalFunction(e, variable);
  if (!r || r.num.length > 1 || r.den.length !== 1) return null;
  const p = r.num[0] ?? 0n;
  const q = r.den[0]!;
  return q < 0n ? { p: -p, q: -q } : { p, q };
}

function powMask(base: SignMask, k: { p: bigint; q: bigint } | null): SignMask {
  if (k === null) {
    // x^y with y not a rational constant: > 0 for x > 0, 0 or 1 for x = 0, anything for x < 0
    if (base & NEG) return ALL;
    return (base & POS ? POS : 0) | (base & ZERO ? ZERO | POS : 0);
  }
  if (k.p === 0n) return POS;
  if (k.q === 1n) {
    const nonzero = base & (NEG | POS);
    const zero = k.p > 0n ? base & ZERO : 0;
    if (k.p % 2n === 0n) return (nonzero ? POS : 0) | zero;
    return (base & (NEG | POS)) | zero;
  }
  // a non-integer power is defined for x ≥ 0 only (x > 0 for a negative exponent)
  return (base & POS ? POS : 0) | (k.p > 0n ? base & ZERO : 0);
}

/** Ranges of the indices of `bindings`, innermost last; null where a sum is certainly empty. */
export function indexRanges(bindings: readonly { index: string; lo: Expr; hi: Expr }[], env: RangeEnv): Map<string, Interval> | null {
  const index = new Map(env.index);
  for (const b of bindings) {
    const inner = { ...env, index };
    const lo = enclosure(b.lo, inner);
    const hi = enclosure(b.hi, inner);
    const range = { lo: lo ? lo.lo : -Infinity, hi: hi ? hi.hi : Infinity };
    if (range.lo > range.hi) return null;
    index.set(b.index, range);
  }
  return index;
}

/** Which signs e can take on the environment (a superset; 0 where it is nowhere defined). */
export function signMask(e: Expr, env: RangeEnv): SignMask {
  if (env.coefSign && !mentions(e, 'var') && !mentions(e, 'index') && mentions(e, 'param')) {
    const s = env.coefSign(e);
    if (s !== null) return bit(s);
  }
  if (env.point !== undefined && !mentions(e, 'param') && !mentions(e, 'index')) {
    // at one integer a rational function of n has an exact value
    const r = rationalFunction(e, env.variable);
    const v = r && rationalValue(r, env.point);
    if (v === 'undefined') return 0;
    if (v) return v.p > 0n ? POS : v.p < 0n ? NEG : ZERO;
  }
  const structural = structuralMask(e, env);
  if (single(structural) || structural === 0) return structural;
  const v = enclosure(e, env);
  return v ? structural & maskOfInterval(v) : structural;
}

function structuralMask(e: Expr, env: RangeEnv): SignMask {
  const m = (x: Expr): SignMask => signMask(x, env);
  switch (e.kind) {
    case 'num': return e.value.n === 0n ? ZERO : e.value.s < 0n ? NEG : POS;
    case 'const': return POS;
    case 'neg': return flip(m(e.arg));
    case 'mul': return e.factors.map(m).reduce(product, POS);
    case 'div': return product(m(e.num), m(e.den) & ~ZERO);
    case 'pow': return powMask(m(e.base), rationalConstant(e.exp, env.variable));
    case 'add': {
      const ms = e.terms.map(m);
      if (ms.every((x) => !(x & NEG))) return ms.some((x) => x === POS) ? POS : ms.reduce((a, b) => a | b, 0);
      if (ms.every((x) => !(x & POS))) return ms.some((x) => x === NEG) ? NEG : ms.reduce((a, b) => a | b, 0);
      return ALL;
    }
    case 'call': {
      const a = (): SignMask => m(e.args[0]!);
      switch (e.fn) {
        case 'exp': case 'cosh': case 'factorial': return POS;
        // log x has the sign of x − 1: exact where x is (log 1 = 0 is not a tiny enclosure around 0)
        case 'log': return compareWithOne(e.args[0]!, env);
        case 'abs': { const x = a(); return (x & (NEG | POS) ? POS : 0) | (x & ZERO); }
        // odd, increasing, 0 at 0: the sign of the argument
        case 'sign': case 'sinh': case 'tanh': case 'atan': case 'cbrt': return a();
        case 'gamma': return a() === POS ? POS : ALL;
        case 'min': case 'max': {
          const ms = e.args.map(m);
          const lowFirst = e.fn === 'min';
          // min is positive when all are; max when one is (and the mirror images)
          if (lowFirst ? ms.every((x) => x === POS) : ms.some((x) => x === POS)) return POS;
          if (lowFirst ? ms.some((x) => x === NEG) : ms.every((x) => x === NEG)) return NEG;
          return ALL;
        }
        default: return ALL;
      }
    }
    case 'cond': return m(e.then) | m(e.else);
    case 'cmp': case 'logic': return ZERO | POS;
    case 'sum': {
      const index = indexRanges([{ index: e.index, lo: e.lo, hi: e.hi }], env);
      if (index === null) return ZERO;
      const body = signMask(e.body, { ...env, index });
      // an empty sum is 0
      if (!(body & NEG)) return ZERO | (body & POS);
      if (!(body & POS)) return ZERO | (body & NEG);
      return ALL;
    }
    default: return ALL;
  }
}

/** The sign of x − 1 where x > 0: exactly for a rational x at a point, else from x's enclosure. */
function compareWithOne(x: Expr, env: RangeEnv): SignMask {
  if (env.point !== undefined && !mentions(x, 'param') && !mentions(x, 'index')) {
    const r = rationalFunction(x, env.variable);
    const v = r && rationalValue(r, env.point);
    if (v === 'undefined') return 0;
    if (v) return v.p > v.q ? POS : v.p < v.q ? NEG : ZERO;
  }
  const v = enclosure(x, env);
  if (!v) return ALL;
  return (v.lo < 1 ? NEG : 0) | (v.lo <= 1 && v.hi >= 1 ? ZERO : 0) | (v.hi > 1 ? POS : 0);
}

/** Is e an integer wherever it is defined, for integer n and indices? (Structural; false when unsure.) */
export function isIntegerValued(e: Expr, variable: string): boolean {
  const r = rationalFunction(e, variable);
  if (r && isIntegerPolynomial(r)) return true;
  const go = (x: Expr): boolean => isIntegerValued(x, variable);
  switch (e.kind) {
    case 'num': return e.value.d === 1n;
    case 'var': return e.name === variable;
    case 'index': return true;
    case 'add': return e.terms.every(go);
    case 'mul': return e.factors.every(go);
    case 'neg': return go(e.arg);
    case 'pow': return e.exp.kind === 'num' && e.exp.value.d === 1n && e.exp.value.s > 0n && go(e.base);
    case 'call':
      if (e.fn === 'floor' || e.fn === 'ceil' || e.fn === 'sign' || e.fn === 'factorial') return true;
      if (e.fn === 'abs' || e.fn === 'min' || e.fn === 'max') return e.args.every(go);
      return false;
    case 'cond': return go(e.then) && go(e.else);
    case 'cmp': case 'logic': return true;
    case 'sum': return go(e.body);
    default: return false;
  }
}
