/**
 * The log-scale change of variables for tail integrals: x = e^u.
 *
 * Owns: building q(u) = p(e^u) + u, so that ∫_a^∞ e^{p(x)} dx = ∫_{ln a}^∞ e^{q(u)} du,
 * written so that interval and elasticity arithmetic over u ∈ [U, ∞) stay sharp.
 * Plain substitution leaves log(1 + e^u) and u − u, which interval arithmetic over an
 * unbounded range turns into [U, ∞] − [U, ∞] = ℝ. The rewrites below are identities
 * wherever the original is defined (every factor e^A is positive):
 *   log(e^A) = A,    log(c·e^A) = A + log(c),
 *   log(T + c·e^A) = A + log(c + T·e^{−A}),          (the term with the largest rate in u)
 *   (c·e^A)^b = c^b·e^{b·A},  (T + c·e^A)^b = e^{b·A}·(c + T·e^{−A})^b,
 *   e^A·e^B = e^{A+B},
 * and sums are collected with exact rational coefficients (u − 1.001·u = −0.001·u).
 * Bertrand tails become power laws one level down: for p = −log n − 2·log log n,
 * q(u) = −log(1 + e^{−u}) − 2·log(u + …) ~ −2·log u. Applied again (u = e^v) it reaches
 * the next log level.
 */
import Fraction from 'fraction.js';
import * as E from '../parse/expr.js';
import type { Expr } from '../parse/expr.js';
import { toAscii } from '../parse/print.js';
import { substituteVariable } from '../parse/substitute.js';

const dependsOnVar = (e: Expr, v: string): boolean => {
  switch (e.kind) {
    case 'var': return e.name === v;
    case 'num': case 'const': case 'param': case 'index': return false;
    case 'add': return e.terms.some((t) => dependsOnVar(t, v));
    case 'mul': return e.factors.some((t) => dependsOnVar(t, v));
    case 'neg': return dependsOnVar(e.arg, v);
    case 'div': return dependsOnVar(e.num, v) || dependsOnVar(e.den, v);
    case 'pow': return dependsOnVar(e.base, v) || dependsOnVar(e.exp, v);
    case 'call': return e.args.some((t) => dependsOnVar(t, v));
    case 'cond': return dependsOnVar(e.test, v) || dependsOnVar(e.then, v) || dependsOnVar(e.else, v);
    case 'cmp': return dependsOnVar(e.left, v) || dependsOnVar(e.right, v);
    case 'logic': return e.args.some((t) => dependsOnVar(t, v));
    case 'sum': return dependsOnVar(e.body, v) || dependsOnVar(e.lo, v) || dependsOnVar(e.hi, v);
  }
};

type Term = { c: Fraction; t: Expr | null };

/** e as Σ c_i·t_i (t = null is the constant 1), numbers distributed over sums */
function linear(e: Expr, scale: Fraction, out: Term[]): void {
  if (e.kind === 'num') { out.push({ c: scale.mul(e.value), t: null }); return; }
  if (e.kind === 'neg') { linear(e.arg, scale.neg(), out); return; }
  if (e.kind === 'add') { for (const t of e.terms) linear(t, scale, out); return; }
  if (e.kind === 'mul') {
    let c = scale;
    const rest: Expr[] = [];
    for (const f of e.factors) if (f.kind === 'num') c = c.mul(f.value); else rest.push(f);
    if (rest.length === 1 && (rest[0]!.kind === 'add' || rest[0]!.kind === 'neg')) { linear(rest[0]!, c, out); return; }
    if (rest.length === 0) { out.push({ c, t: null }); return; }
    out.push({ c, t: rest.length === 1 ? rest[0]! : E.mul(...rest) });
    return;
  }
  out.push({ c: scale, t: e });
}

/** Σ terms collected: equal terms (by their printed form) add their coefficients */
function collect(e: Expr): Expr {
  const terms: Term[] = [];
  linear(e, new Fraction(1), terms);
  const map = new Map<string, Term>();
  for (const t of terms) {
    const key = t.t === null ? '' : toAscii(t.t);
    const prev = map.get(key);
    map.set(key, prev ? { c: prev.c.add(t.c), t: t.t } : t);
  }
  const out: Expr[] = [];
  for (const { c, t } of map.values()) {
    if (c.equals(0)) continue;
    if (t === null) out.push(E.num(c));
    else if (c.equals(1)) out.push(t);
    else if (c.equals(-1)) out.push(E.neg(t));
    else out.push(E.mul(E.num(c), t));
  }
  return out.length === 0 ? E.num(0) : out.length === 1 ? out[0]! : E.add(...out);
}

/** the coefficient of u in a collected expression (its rate), 0 when it has no u term */
function rate(A: Expr, u: string): Fraction {
  const terms: Term[] = [];
  linear(A, new Fraction(1), terms);
  let k = new Fraction(0);
  for (const t of terms) if (t.t?.kind === 'var' && t.t.name === u) k = k.add(t.c);
  return k;
}

const isExp = (e: Expr): e is Extract<Expr, { kind: 'call' }> => e.kind === 'call' && e.fn === 'exp';

/** a product split into c·e^A with A the sum of its exp arguments; null without an exp factor in u */
function splitExp(e: Expr, u: string): { A: Expr; rest: Expr } | null {
  const factors = e.kind === 'mul' ? e.factors : e.kind === 'neg' ? [E.num(-1), e.arg] : [e];
  const exps: Expr[] = [];
  const rest: Expr[] = [];
  for (const f of factors) {
    if (f.kind === 'neg') {
      const inner = splitExp(f.arg, u);
      if (inner) { exps.push(inner.A); rest.push(E.num(-1), inner.rest); continue; }
    }
    if (isExp(f) && dependsOnVar(f.args[0]!, u)) exps.push(f.args[0]!);
    else rest.push(f);
  }
  if (exps.length === 0) return null;
  return { A: collect(E.add(...exps)), rest: rest.length === 0 ? E.num(1) : rest.length === 1 ? rest[0]! : E.mul(...rest) };
}

/** T + c·e^A → the dominant exp term (largest positive rate in u) and the others */
function dominant(sum: Extract<Expr, { kind: 'add' }>, u: string): { A: Expr; c: Expr; others: Expr[] } | null {
  let best: { i: number; A: Expr; c: Expr; k: Fraction } | null = null;
  sum.terms.forEach((t, i) => {
    const s = splitExp(t, u);
    if (!s) return;
    const k = rate(s.A, u);
    if (k.compare(0) > 0 && (best === null || k.compare(best.k) > 0)) best = { i, A: s.A, c: s.rest, k };
  });
  if (best === null) return null;
  const b = best as { i: number; A: Expr; c: Expr };
  return { A: b.A, c: b.c, others: sum.terms.filter((_, i) => i !== b.i) };
}

const expOf = (A: Expr): Expr => E.call('exp', A);

/** A → −∞ as u → ∞ (judged by its fastest term: c·e^{k·u} with k > 0, else c·u); a heuristic for sharpness only */
function tendsToMinusInf(A: Expr, u: string): boolean {
  const terms: Term[] = [];
  linear(A, new Fraction(1), terms);
  let best: { k: Fraction; c: Fraction } | null = null;
  let lin = new Fraction(0);
  for (const t of terms) {
    if (t.t?.kind === 'var' && t.t.name === u) lin = lin.add(t.c);
    else if (t.t && isExp(t.t)) {
      const k = rate(t.t.args[0]!, u);
      if (k.compare(0) > 0 && (best === null || k.compare(best.k) > 0)) best = { k, c: t.c };
    }
  }
  return best !== null ? best.c.compare(0) < 0 : lin.compare(0) < 0;
}

/** e contains a factor e^A with A → −∞: it vanishes as u → ∞ */
function isSmall(e: Expr, u: string): boolean {
  if (isExp(e) && tendsToMinusInf(e.args[0]!, u)) return true;
  switch (e.kind) {
    case 'mul': return e.factors.some((f) => isSmall(f, u));
    case 'neg': return isSmall(e.arg, u);
    case 'div': return isSmall(e.num, u);
    case 'call': return e.fn === 'log' && e.args[0]!.kind === 'add' && e.args[0]!.terms.length === 2 &&
      e.args[0]!.terms.some((t) => t.kind === 'num' && t.value.equals(1)) && e.args[0]!.terms.some((t) => isSmall(t, u));
    default: return false;
  }
}

/** D + T with T the vanishing terms: (D, T), or null when there is no such split */
function splitSmall(sum: Extract<Expr, { kind: 'add' }>, u: string): { D: Expr; T: Expr } | null {
  const small = sum.terms.filter((t) => isSmall(t, u));
  const big = sum.terms.filter((t) => !isSmall(t, u));
  if (small.length === 0 || big.length === 0 || !big.some((t) => dependsOnVar(t, u))) return null;
  return { D: big.length === 1 ? big[0]! : E.add(...big), T: small.length === 1 ? small[0]! : E.add(...small) };
}

/** c + Σ others·e^{−A}, each product's exps merged */
function scaledRest(c: Expr, others: readonly Expr[], A: Expr, u: string): Expr {
  return collect(E.add(c, ...others.map((o) => mergeExps(E.mul(o, expOf(E.neg(A))), u))));
}

function mergeExps(e: Expr, u: string): Expr {
  const s = splitExp(e, u);
  if (!s) return e;
  const A = collect(s.A);
  const r = s.rest;
  const ex = A.kind === 'num' && A.value.equals(0) ? null : expOf(A);
  if (ex === null) return r;
  return r.kind === 'num' && r.value.equals(1) ? ex : E.mul(r, ex);
}

function simplify(e: Expr, u: string): Expr {
  switch (e.kind) {
    case 'num': case 'const': case 'var': case 'param': case 'index': return e;
    case 'add': return collect(E.add(...e.terms.map((t) => simplify(t, u))));
    case 'neg': return collect(E.neg(simplify(e.arg, u)));
    case 'mul': return mergeExps(E.mul(...e.factors.map((t) => simplify(t, u))), u);
    case 'div': {
      const n = simplify(e.num, u);
      const d = simplify(e.den, u);
      // x/c = x·(1/c) for a constant c, so that exps inside x stay visible
      if (!dependsOnVar(d, u)) return mergeExps(d.kind === 'num' && !d.value.equals(0) ? E.mul(E.num(d.value.inverse()), n) : E.mul(n, E.div(E.num(1), d)), u);
      const s = splitExp(d, u);
      // 1/(c·e^A) = e^{−A}/c
      if (s) return mergeExps(E.mul(n, expOf(E.neg(s.A)), s.rest.kind === 'num' && s.rest.value.equals(1) ? E.num(1) : E.div(E.num(1), s.rest)), u);
      return E.div(n, d);
    }
    case 'pow': {
      const base = simplify(e.base, u);
      const ex = simplify(e.exp, u);
      if (dependsOnVar(ex, u)) return E.pow(base, ex);
      const s = splitExp(base, u);
      if (s) {
        const r = s.rest.kind === 'num' && s.rest.value.equals(1) ? null : E.pow(s.rest, ex);
        const g = expOf(collect(E.mul(ex, s.A)));
        return r === null ? g : E.mul(r, g);
      }
      if (base.kind === 'add') {
        const d = dominant(base, u);
        if (d) return E.mul(expOf(collect(E.mul(ex, d.A))), E.pow(scaledRest(d.c, d.others, d.A, u), ex));
        // (D + T)^b = D^b·(1 + T/D)^b for a vanishing T
        const sm = splitSmall(base, u);
        if (sm) return E.mul(simplify(E.pow(sm.D, ex), u), E.pow(E.add(E.num(1), E.div(sm.T, sm.D)), ex));
      }
      return E.pow(base, ex);
    }
    case 'call': {
      const args = e.args.map((a) => simplify(a, u));
      if (e.fn === 'log' && args.length === 1) {
        const a = args[0]!;
        if (isExp(a)) return a.args[0]!;
        const s = splitExp(a, u);
        if (s) return collect(E.add(s.A, E.call('log', s.rest)));
        if (a.kind === 'add') {
          const d = dominant(a, u);
          if (d) return collect(E.add(d.A, E.call('log', scaledRest(d.c, d.others, d.A, u))));
          // log(D + T) = log(D) + log(1 + T/D) for a vanishing T: the second term is a bounded perturbation
          const sm = splitSmall(a, u);
          if (sm) return collect(E.add(simplify(E.call('log', sm.D), u), E.call('log', E.add(E.num(1), E.div(sm.T, sm.D)))));
        }
      }
      if (e.fn === 'exp') return mergeExps(E.call('exp', args[0]!), u);
      return { kind: 'call', fn: e.fn, args };
    }
    default: return e;
  }
}

/** q(u) = p(e^u) + u in the variable u (the same name as p's variable), rewritten for sharp bounds */
export function logScale(p: Expr, variable: string): Expr {
  const substituted = substituteVariable(p, variable, expOf(E.variable(variable)));
  return simplify(E.add(substituted, E.variable(variable)), variable);
}
