/**
 * Interval evaluation over an unbounded range x ∈ [M, +∞) that keeps track of
 * log-derivatives ("elasticity arithmetic").
 *
 * Owns: for every node v of an Expr, sound enclosures over [M, ∞) of
 *   V = v(x),  D = x·v'(x) = dv/d(log x),  E = D/v (only when v has one sign),
 * plus VM = v(M). Plain interval evaluation over [M, ∞] loses everything to the
 * dependency problem (x/(1+x) gives [0, ∞]); these rules avoid it:
 *   - elasticities of products and quotients add and subtract (E(ab) = E(a)+E(b));
 *   - the elasticity of a sum of same-sign terms is a weighted mean of theirs,
 *     with the weight of a term bounded by its ratio to the dominant term; that
 *     ratio is bounded by its value at M when its elasticity is not larger
 *     (then the ratio is non-increasing on [M, ∞));
 *   - the chain rule D(φ(a)) = φ'(a)·D(a) for log, exp, powers and the rest.
 * Two enclosures of the same quantity are intersected. This is a derivative-sign
 * argument over the whole unbounded range: no sampling anywhere.
 */
import type { Expr } from '../parse/expr.js';
import { evalCondition, evalInterval, rationalInterval, UnsupportedExprError } from './expr-interval.js';
import { dependsOn } from './expr-taylor.js';
import * as Ins from './interval.js';
import type { Interval } from './interval.js';

// plain-object copies: cheap property access on hot paths (no module-namespace getters)
const I = { ...Ins };

export interface Elastic {
  /** enclosure of v over [M, ∞) */
  readonly V: Interval;
  /** enclosure of v(M) */
  readonly VM: Interval;
  /** enclosure of x·v'(x) over [M, ∞) */
  readonly D: Interval;
  /** enclosure of x·v'(x)/v(x) over [M, ∞), when v has one sign there */
  readonly E?: Interval;
}

/** The node is not smooth (or not known to be) on [M, ∞). */
export class ElasticityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ElasticityError';
  }
}

const definite = (v: Interval): boolean => v.lo > 0 || v.hi < 0;

function safeIntersect(a: Interval, b: Interval): Interval {
  const lo = Math.max(a.lo, b.lo);
  const hi = Math.min(a.hi, b.hi);
  // two sound enclosures always overlap; keep the first if rounding ever disagrees
  return lo <= hi ? { lo, hi } : a;
}

function tryDiv(a: Interval, b: Interval): Interval | undefined {
  try {
    return I.div(a, b);
  } catch {
    return undefined;
  }
}

function withE(V0: Interval, VM: Interval, D: Interval, E?: Interval): Elastic {
  let V = V0;
  // monotonicity on [M, ∞): a non-negative log-derivative means |v| never drops below |v(M)|, and so on
  if (E && V.lo > 0) {
    if (E.lo >= 0) V = safeIntersect(V, { lo: VM.lo, hi: Infinity });
    else if (E.hi <= 0) V = safeIntersect(V, { lo: 0, hi: VM.hi });
  } else if (E && V.hi < 0) {
    if (E.lo >= 0) V = safeIntersect(V, { lo: -Infinity, hi: VM.hi });
    else if (E.hi <= 0) V = safeIntersect(V, { lo: VM.lo, hi: 0 });
  }
  if (D.lo >= 0) V = safeIntersect(V, { lo: VM.lo, hi: Infinity });
  else if (D.hi <= 0) V = safeIntersect(V, { lo: -Infinity, hi: VM.hi });
  let e = E;
  if (definite(V)) {
    const q = tryDiv(D, V);
    if (q) e = e ? safeIntersect(e, q) : q;
  } else {
    e = undefined;
  }
  let d = D;
  if (e) d = safeIntersect(d, I.mul(V, e));
  return e ? { V, VM, D: d, E: e } : { V, VM, D: d };
}

export interface ElasticEnv {
  readonly variable: string;
  /** the left end M > 0 of the range */
  readonly M: Interval;
}

export function evalElastic(expr: Expr, env: ElasticEnv, index: ReadonlyMap<string, Interval> = new Map()): Elastic {
  const X: Interval = { lo: env.M.lo, hi: Infinity };
  const pointEnv = { variable: env.variable, x: env.M };
  const rangeEnv = { variable: env.variable, x: X };
  if (!dependsOn(expr, env.variable)) {
    const c = evalInterval(expr, pointEnv, index);
    return { V: c, VM: c, D: I.ZERO, ...(definite(c) ? { E: I.ZERO } : {}) };
  }
  const ev = (e: Expr): Elastic => evalElastic(e, env, index);
  switch (expr.kind) {
    case 'var':
      return { V: X, VM: env.M, D: X, E: I.ONE };
    case 'neg': {
      const a = ev(expr.arg);
      return { V: I.neg(a.V), VM: I.neg(a.VM), D: I.neg(a.D), ...(a.E ? { E: a.E } : {}) };
    }
    case 'add': return addRule(expr.terms.map(ev));
    case 'mul': return mulRule(expr.factors.map(ev));
    case 'div': {
      const a = ev(expr.num);
      const b = ev(expr.den);
      if (!definite(b.V)) throw new ElasticityError('a denominator may vanish on the tail');
      const V = I.div(a.V, b.V);
      const VM = I.div(a.VM, b.VM);
      const Dchain = I.div(I.sub(I.mul(a.D, b.V), I.mul(a.V, b.D)), I.sqr(b.V));
      const E = a.E && b.E ? I.sub(a.E, b.E) : undefined;
      return withE(V, VM, E ? safeIntersect(Dchain, I.mul(V, E)) : Dchain, E);
    }
    case 'pow': {
      if (dependsOn(expr.exp, env.variable)) {
        // b^e = exp(e·log b)
        const base = ev(expr.base);
        if (!(base.V.lo > 0)) throw new ElasticityError('a variable power of a base that is not positive');
        const lb = logRule(base);
        return expRule(mulRule([ev(expr.exp), lb]));
      }
      const c = expr.exp.kind === 'num' ? rationalInterval(expr.exp.value as never) : evalInterval(expr.exp, pointEnv, index);
      return powRule(ev(expr.base), c);
    }
    case 'call': return callRule(expr.fn, expr.args.map(ev));
    case 'cond': {
      const t = evalCondition(expr.test, rangeEnv, index);
      if (t === true) return ev(expr.then);
      if (t === false) return ev(expr.else);
      throw new ElasticityError('a condition is not settled on the tail');
    }
    case 'sum': {
      const lo = evalInterval(expr.lo, pointEnv, index);
      const hi = evalInterval(expr.hi, pointEnv, index);
      if (lo.lo !== lo.hi || hi.lo !== hi.hi) throw new UnsupportedExprError('a finite sum needs constant integer bounds');
      const parts: Elastic[] = [];
      const inner = new Map(index);
      for (let i = lo.lo; i <= hi.lo; i++) {
        inner.set(expr.index, I.exact(i));
        parts.push(evalElastic(expr.body, env, inner));
      }
      return parts.length === 0 ? { V: I.ZERO, VM: I.ZERO, D: I.ZERO } : addRule(parts);
    }
    default:
      throw new ElasticityError(`no tail rule for ${expr.kind}`);
  }
}

function addRule(terms: Elastic[]): Elastic {
  const V = terms.map((t) => t.V).reduce(I.add);
  const VM = terms.map((t) => t.VM).reduce(I.add);
  const D = terms.map((t) => t.D).reduce(I.add);
  const allPos = terms.every((t) => t.V.lo > 0);
  const allNeg = terms.every((t) => t.V.hi < 0);
  let E: Interval | undefined;
  if ((allPos || allNeg) && terms.every((t) => t.E)) {
    // weighted mean of elasticities, weights v_i / Σ v
    const es = terms.map((t) => t.E!);
    E = es.reduce(I.hull);
    let j = 0;
    for (let i = 1; i < terms.length; i++) {
      if (es[i]!.lo > es[j]!.lo || (es[i]!.lo === es[j]!.lo && I.mag(terms[i]!.VM) > I.mag(terms[j]!.VM))) j = i;
    }
    let acc = es[j]!;
    for (let i = 0; i < terms.length; i++) {
      if (i === j) continue;
      let rho = 1;
      const abs = (v: Interval): Interval => I.abs(v);
      if (es[i]!.hi <= es[j]!.lo) {
        // v_i/v_j is non-increasing on the tail: bounded by its value at M
        const r = tryDiv(abs(terms[i]!.VM), abs(terms[j]!.VM));
        if (r) rho = Math.min(rho, r.hi);
      }
      const r2 = tryDiv(abs(terms[i]!.V), abs(terms[j]!.V));
      if (r2 && Number.isFinite(r2.hi)) rho = Math.min(rho, r2.hi);
      const w: Interval = { lo: 0, hi: rho };
      acc = I.add(acc, I.mul(w, I.sub(es[i]!, es[j]!)));
    }
    E = safeIntersect(E, acc);
  }
  return withE(V, VM, D, E);
}

function mulRule(factors: Elastic[]): Elastic {
  const V = factors.map((t) => t.V).reduce(I.mul);
  const VM = factors.map((t) => t.VM).reduce(I.mul);
  let Dchain: Interval = I.ZERO;
  for (let i = 0; i < factors.length; i++) {
    let term = factors[i]!.D;
    for (let k = 0; k < factors.length; k++) if (k !== i) term = I.mul(term, factors[k]!.V);
    Dchain = I.add(Dchain, term);
  }
  const E = factors.every((t) => t.E && definite(t.V)) ? factors.map((t) => t.E!).reduce(I.add) : undefined;
  return withE(V, VM, E ? safeIntersect(Dchain, I.mul(V, E)) : Dchain, E);
}

function powRule(base: Elastic, c: Interval): Elastic {
  const isInt = c.lo === c.hi && Number.isInteger(c.lo);
  if (!isInt && !(base.V.lo > 0)) {
    if (!(base.V.lo >= 0 && c.lo > 0)) throw new ElasticityError('a real power of a base that is not positive on the tail');
  }
  const V = I.pow(base.V, c);
  const VM = I.pow(base.VM, c);
  const E = base.E && definite(base.V) ? I.mul(c, base.E) : undefined;
  let D: Interval;
  try {
    D = I.mul(I.mul(c, I.pow(base.V, I.sub(c, I.ONE))), base.D);
  } catch {
    D = I.ENTIRE;
  }
  return withE(V, VM, E ? safeIntersect(D, I.mul(V, E)) : D, E);
}

function expRule(a: Elastic): Elastic {
  const V = I.exp(a.V);
  return withE(V, I.exp(a.VM), I.mul(V, a.D), a.D);
}

function logRule(a: Elastic): Elastic {
  if (!(a.V.lo > 0)) throw new ElasticityError('log of a value that is not positive on the tail');
  const D = a.E ?? I.div(a.D, a.V);
  return withE(I.log(a.V), I.log(a.VM), D);
}

function callRule(fn: string, args: Elastic[]): Elastic {
  const a = args[0]!;
  switch (fn) {
    case 'exp': return expRule(a);
    case 'log': return logRule(a);
    case 'cbrt': {
      if (a.V.lo > 0) return powRule(a, I.div(I.ONE, I.exact(3)));
      if (a.V.hi < 0) {
        const r = powRule({ V: I.neg(a.V), VM: I.neg(a.VM), D: I.neg(a.D), ...(a.E ? { E: a.E } : {}) }, I.div(I.ONE, I.exact(3)));
        return { V: I.neg(r.V), VM: I.neg(r.VM), D: I.neg(r.D), ...(r.E ? { E: r.E } : {}) };
      }
      throw new ElasticityError('cbrt of a value that may vanish on the tail');
    }
    case 'abs': {
      if (a.V.lo >= 0) return a;
      if (a.V.hi <= 0) return { V: I.neg(a.V), VM: I.neg(a.VM), D: I.neg(a.D), ...(a.E ? { E: a.E } : {}) };
      throw new ElasticityError('abs of a value that changes sign on the tail');
    }
    case 'sin': return withE(I.sin(a.V), I.sin(a.VM), I.mul(I.cos(a.V), a.D));
    case 'cos': return withE(I.cos(a.V), I.cos(a.VM), I.neg(I.mul(I.sin(a.V), a.D)));
    case 'atan': return withE(I.atan(a.V), I.atan(a.VM), I.div(a.D, I.add(I.ONE, I.sqr(a.V))));
    case 'tanh': {
      const t = I.tanh(a.V);
      return withE(t, I.tanh(a.VM), I.mul(I.sub(I.ONE, I.sqr(t)), a.D));
    }
    case 'sinh': return withE(I.sinh(a.V), I.sinh(a.VM), I.mul(I.cosh(a.V), a.D));
    case 'cosh': return withE(I.cosh(a.V), I.cosh(a.VM), I.mul(I.sinh(a.V), a.D));
    case 'min':
    case 'max': {
      for (let i = 0; i < args.length; i++) {
        const wins = args.every((w, j) => j === i || (fn === 'min' ? args[i]!.V.hi <= w.V.lo : args[i]!.V.lo >= w.V.hi));
        if (wins) return args[i]!;
      }
      throw new ElasticityError(`${fn} is not settled on the tail`);
    }
    default:
      throw new ElasticityError(`no tail rule for ${fn}()`);
  }
}
