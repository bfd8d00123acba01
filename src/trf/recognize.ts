/**
 * Recognising the bias families that have closed forms.
 *
 * Owns: structural matching of a concrete (parameter-free) Expr against
 *   geometric               p(n) = c + β·n                 (ALiBi, β = −m)
 *   log-linear (Hurwitz)    p(n) = c + γ·log(b + r·n)      (KERPLE log, p-series)
 *   stretched exponential   p(n) = c − k·(b + r·n)^a       (KERPLE power, −sqrt(n) …)
 * Constants are kept as Exprs (exact) and as double-interval enclosures.
 * Anything else is `generic`, handled by the certified series model.
 */
import Fraction from 'fraction.js';
import type { Expr } from '../parse/expr.js';
import { dependsOn } from '../numeric/expr-taylor.js';
import { evalInterval } from '../numeric/expr-interval.js';
import * as Ins from '../numeric/interval.js';
import type { Interval } from '../numeric/interval.js';

// plain-object copies: cheap property access on hot paths (no module-namespace getters)
const I = { ...Ins };

/** a + b·n with constant a, b */
interface Affine {
  readonly a: Expr;
  readonly b: Expr;
}

const ZERO: Expr = { kind: 'num', value: new Fraction(0) };
const ONE: Expr = { kind: 'num', value: new Fraction(1) };

const isZero = (e: Expr): boolean => e.kind === 'num' && BigInt((e.value as unknown as { n: bigint }).n) === 0n;
const plus = (x: Expr, y: Expr): Expr => (isZero(x) ? y : isZero(y) ? x : { kind: 'add', terms: [x, y] });
const times = (x: Expr, y: Expr): Expr => (isZero(x) || isZero(y) ? ZERO : { kind: 'mul', factors: [x, y] });
const negate = (x: Expr): Expr => (isZero(x) ? ZERO : { kind: 'neg', arg: x });

/** The exact rational value of a constant built from literals with + − × ÷ and integer powers; null otherwise. */
export function constRational(e: Expr): Fraction | null {
  try {
    switch (e.kind) {
      case 'num': return new Fraction(e.value as never);
      case 'neg': {
        const x = constRational(e.arg);
        return x && x.neg();
      }
      case 'add': {
        let acc = new Fraction(0);
        for (const t of e.terms) {
          const x = constRational(t);
          if (!x) return null;
          acc = acc.add(x);
        }
        return acc;
      }
      case 'mul': {
        let acc = new Fraction(1);
        for (const t of e.factors) {
          const x = constRational(t);
          if (!x) return null;
          acc = acc.mul(x);
        }
        return acc;
      }
      case 'div': {
        const x = constRational(e.num);
        const y = constRational(e.den);
        return x && y && !y.equals(0) ? x.div(y) : null;
      }
      case 'pow': {
        const x = constRational(e.base);
        const y = constRational(e.exp);
        if (!x || !y || y.d !== 1n || y.abs().compare(64) > 0) return null;
        if (x.equals(0) && y.s < 0n) return null;
        return x.pow(y);
      }
      default: return null;
    }
  } catch {
    return null;
  }
}

/** Sign of a constant: exact for rationals, from the enclosure otherwise (0 = undecided or zero). */
export function constSign(e: Expr): -1 | 0 | 1 {
  const q = constRational(e);
  if (q) return q.s < 0n && !q.equals(0) ? -1 : q.equals(0) ? 0 : 1;
  try {
    const v = constValue(e);
    return v.lo > 0 ? 1 : v.hi < 0 ? -1 : 0;
  } catch {
    return 0;
  }
}

export function constValue(e: Expr): Interval {
  return evalInterval(e, { variable: '\u0000', x: I.ZERO });
}

function affine(e: Expr, v: string): Affine | null {
  if (!dependsOn(e, v)) return { a: e, b: ZERO };
  switch (e.kind) {
    case 'var': return { a: ZERO, b: ONE };
    case 'neg': {
      const x = affine(e.arg, v);
      return x && { a: negate(x.a), b: negate(x.b) };
    }
    case 'add': {
      let a: Expr = ZERO;
      let b: Expr = ZERO;
      for (const t of e.terms) {
        const x = affine(t, v);
        if (!x) return null;
        a = plus(a, x.a);
        b = plus(b, x.b);
      }
      return { a, b };
    }
    case 'mul': {
      const dep = e.factors.filter((f) => dependsOn(f, v));
      if (dep.length !== 1) return null;
      const x = affine(dep[0]!, v);
      if (!x) return null;
      const k = e.factors.filter((f) => !dependsOn(f, v)).reduce<Expr>((acc, f) => times(acc, f), ONE);
      return { a: times(k, x.a), b: times(k, x.b) };
    }
    case 'div': {
      if (dependsOn(e.den, v)) return null;
      const x = affine(e.num, v);
      if (!x) return null;
      const inv: Expr = { kind: 'div', num: ONE, den: e.den };
      return { a: times(x.a, inv), b: times(x.b, inv) };
    }
    default: return null;
  }
}

/** c + k·g(n) with one var-dependent "atom" g, recognised by `atom` */
interface ScaledAtom<A> {
  readonly c: Expr;
  readonly k: Expr;
  readonly atom: A;
}

function scaledAtom<A>(e: Expr, v: string, atom: (e: Expr) => A | null): ScaledAtom<A> | null {
  if (!dependsOn(e, v)) return null;
  const direct = atom(e);
  if (direct) return { c: ZERO, k: ONE, atom: direct };
  switch (e.kind) {
    case 'neg': {
      const x = scaledAtom(e.arg, v, atom);
      return x && { c: negate(x.c), k: negate(x.k), atom: x.atom };
    }
    case 'add': {
      const dep = e.terms.filter((t) => dependsOn(t, v));
      if (dep.length !== 1) return null;
      const x = scaledAtom(dep[0]!, v, atom);
      if (!x) return null;
      const c = e.terms.filter((t) => !dependsOn(t, v)).reduce<Expr>((acc, t) => plus(acc, t), x.c);
      return { c, k: x.k, atom: x.atom };
    }
    case 'mul': {
      const dep = e.factors.filter((f) => dependsOn(f, v));
      if (dep.length !== 1) return null;
      const x = scaledAtom(dep[0]!, v, atom);
      if (!x) return null;
      const k = e.factors.filter((f) => !dependsOn(f, v)).reduce<Expr>((acc, f) => times(acc, f), ONE);
      return { c: times(k, x.c), k: times(k, x.k), atom: x.atom };
    }
    case 'div': {
      if (dependsOn(e.den, v)) return null;
      const x = scaledAtom(e.num, v, atom);
      if (!x) return null;
      const inv: Expr = { kind: 'div', num: ONE, den: e.den };
      return { c: times(x.c, inv), k: times(x.k, inv), atom: x.atom };
    }
    default: return null;
  }
}

export interface Geometric {
  readonly kind: 'geometric';
  /** p(n) = c − m·n, m > 0 */
  readonly c: Expr;
  readonly m: Expr;
}

export interface LogLinear {
  readonly kind: 'log-linear';
  /** p(n) = c − s·log(b + r·n); r > 0 */
  readonly c: Expr;
  readonly s: Expr;
  readonly b: Expr;
  readonly r: Expr;
}

export interface Stretched {
  readonly kind: 'stretched-exponential';
  /** p(n) = c − k·(b + r·n)^a; k > 0, a > 0, r > 0 */
  readonly c: Expr;
  readonly k: Expr;
  readonly b: Expr;
  readonly r: Expr;
  readonly a: Expr;
}

export type ClosedFormFamily = Geometric | LogLinear | Stretched | { readonly kind: 'generic' };

/**
 * Match p against the families. With `symbolic`, constants may contain free
 * parameters and sign conditions are not checked (the caller states them).
 */
export function recognize(p: Expr, variable: string, symbolic = false): ClosedFormFamily {
  const certainlyPositive = (e: Expr): boolean => symbolic || constSign(e) === 1;
  const lin = affine(p, variable);
  if (lin && !isZero(lin.b) && certainlyPositive(negate(lin.b))) return { kind: 'geometric', c: lin.a, m: negate(lin.b) };

  const logAtom = (e: Expr): Affine | null => {
    if (e.kind !== 'call' || e.fn !== 'log') return null;
    const arg = e.args[0]!;
    const x = affine(arg, variable);
    if (x && !isZero(x.b)) return x;
    return null;
  };
  // log(L^q) = q·log L
  const logPowAtom = (e: Expr): { L: Affine; q: Expr } | null => {
    const direct = logAtom(e);
    if (direct) return { L: direct, q: ONE };
    if (e.kind === 'call' && e.fn === 'log' && e.args[0]!.kind === 'pow' && !dependsOn(e.args[0]!.exp, variable)) {
      const x = affine(e.args[0]!.base, variable);
      if (x && !isZero(x.b)) return { L: x, q: e.args[0]!.exp };
    }
    return null;
  };
  const ll = scaledAtom(p, variable, logPowAtom);
  if (ll && certainlyPositive(ll.atom.L.b)) {
    return { kind: 'log-linear', c: ll.c, s: negate(times(ll.k, ll.atom.q)), b: ll.atom.L.a, r: ll.atom.L.b };
  }

  const powAtom = (e: Expr): { L: Affine; a: Expr } | null => {
    if (e.kind !== 'pow' || dependsOn(e.exp, variable)) return null;
    const x = affine(e.base, variable);
    if (x && !isZero(x.b)) return { L: x, a: e.exp };
    return null;
  };
  const st = scaledAtom(p, variable, powAtom);
  if (st && certainlyPositive(st.atom.L.b) && certainlyPositive(st.atom.a) && certainlyPositive(negate(st.k))) {
    return { kind: 'stretched-exponential', c: st.c, k: negate(st.k), b: st.atom.L.a, r: st.atom.L.b, a: st.atom.a };
  }
  return { kind: 'generic' };
}


/** A light simplification of constant expressions for display: fold numbers, signs and unit factors. */
export function simplifyConstant(e: Expr): Expr {
  switch (e.kind) {
    case 'neg': {
      const x = simplifyConstant(e.arg);
      if (x.kind === 'num') return { kind: 'num', value: new Fraction(x.value as never).neg() };
      if (x.kind === 'neg') return x.arg;
      return { kind: 'neg', arg: x };
    }
    case 'mul': {
      let coef = new Fraction(1);
      const rest: Expr[] = [];
      const visit = (f: Expr): void => {
        const x = simplifyConstant(f);
        if (x.kind === 'num') coef = coef.mul(new Fraction(x.value as never));
        else if (x.kind === 'neg') {
          coef = coef.neg();
          visit(x.arg);
        } else if (x.kind === 'mul') x.factors.forEach(visit);
        else rest.push(x);
      };
      e.factors.forEach(visit);
      if (coef.equals(0)) return ZERO;
      const body: Expr = rest.length === 0 ? ONE : rest.length === 1 ? rest[0]! : { kind: 'mul', factors: rest };
      if (rest.length === 0) return { kind: 'num', value: coef };
      if (coef.equals(1)) return body;
      if (coef.equals(-1)) return { kind: 'neg', arg: body };
      return { kind: 'mul', factors: [{ kind: 'num', value: coef }, ...rest] };
    }
    case 'add': {
      let sum = new Fraction(0);
      const rest: Expr[] = [];
      for (const t of e.terms) {
        const x = simplifyConstant(t);
        if (x.kind === 'num') sum = sum.add(new Fraction(x.value as never));
        else if (x.kind === 'add') rest.push(...x.terms);
        else rest.push(x);
      }
      if (!sum.equals(0)) rest.push({ kind: 'num', value: sum });
      return rest.length === 0 ? ZERO : rest.length === 1 ? rest[0]! : { kind: 'add', terms: rest };
    }
    case 'div': {
      const n = simplifyConstant(e.num);
      const d = simplifyConstant(e.den);
      if (d.kind === 'num' && n.kind === 'num' && !new Fraction(d.value as never).equals(0)) {
        return { kind: 'num', value: new Fraction(n.value as never).div(new Fraction(d.value as never)) };
      }
      if (d.kind === 'num' && new Fraction(d.value as never).equals(1)) return n;
      return { kind: 'div', num: n, den: d };
    }
    case 'pow': return { kind: 'pow', base: simplifyConstant(e.base), exp: simplifyConstant(e.exp) };
    case 'call': return { kind: 'call', fn: e.fn, args: e.args.map(simplifyConstant) };
    default: return e;
  }
}
