/**
 * Exact linear constraints over the rationals: Σ aᵢ·xᵢ + c > 0 or ≥ 0, and their
 * feasibility by Fourier–Motzkin elimination (exact for strict and non-strict
 * inequalities together). Used to drop regions that the assumptions exclude
 * (H ≥ h ≥ 1 and H = 0) and conjuncts that the others imply (m + s > 0 given
 * m + s − 1 > 0).
 *
 * Owns: linear forms read off coefficients, constraints from a region's intervals
 * and facts, and the feasibility decision. Every answer is exact or "gave up"
 * (null); callers treat "gave up" as "maybe feasible", which is the safe side for
 * both uses (nothing is dropped that is not proved away).
 */
import Fraction from 'fraction.js';
import type { Coef } from './coef.js';
import type { Sign } from './constant-sign.js';
import type * as I from './interval.js';

/** Σ coeffs[x]·x + c, no zero coefficients */
export interface LinForm { readonly coeffs: ReadonlyMap<string, Fraction>; readonly c: Fraction }
/** form > 0 (strict) or form ≥ 0 */
export interface LinConstraint { readonly form: LinForm; readonly strict: boolean }

/** Fourier–Motzkin gives up past this many constraints (the answer is then null). */
const MAX_CONSTRAINTS = 4000;
/** and a region's constraints branch into at most this many combinations of interval pieces and ≠ facts */
export const MAX_BRANCHES = 64;

const ZERO = new Fraction(0);

/** The coefficient as a linear form in its parameters, or null when it is not linear (log m, m·s, π·m). */
export function linearForm(c: Coef): LinForm | null {
  const coeffs = new Map<string, Fraction>();
  let k = ZERO;
  for (const t of c.termList()) {
    if (t.factors.length === 0) { k = t.c; continue; }
    if (t.factors.length !== 1) return null;
    const f = t.factors[0]!;
    if (f.exp !== 1 || f.atom.kind !== 'param') return null;
    coeffs.set(f.atom.name, t.c);
  }
  return { coeffs, c: k };
}

export const negForm = (f: LinForm): LinForm => ({ coeffs: new Map([...f.coeffs].map(([k, v]) => [k, v.neg()])), c: f.c.neg() });

/**
 * `form ⋈ 0` for the allowed signs as a disjunction of conjunctions of constraints
 * ([] = false; [[]] = true).
 */
export function signConstraints(form: LinForm, signs: readonly Sign[]): LinConstraint[][] {
  const has = (s: Sign): boolean => signs.includes(s);
  const n = negForm(form);
  if (has(-1) && has(0) && has(1)) return [[]];
  if (has(1) && has(0)) return [[{ form, strict: false }]];
  if (has(-1) && has(0)) return [[{ form: n, strict: false }]];
  if (has(1) && has(-1)) return [[{ form, strict: true }], [{ form: n, strict: true }]];
  if (has(1)) return [[{ form, strict: true }]];
  if (has(-1)) return [[{ form: n, strict: true }]];
  if (has(0)) return [[{ form, strict: false }, { form: n, strict: false }]];
  return [];
}

/** x ∈ iv as constraints (x − lo > 0, hi − x ≥ 0, …) */
export function intervalConstraints(name: string, iv: I.RationalInterval): LinConstraint[] {
  const out: LinConstraint[] = [];
  if (iv.lo !== null) out.push({ form: { coeffs: new Map([[name, new Fraction(1)]]), c: iv.lo.neg() }, strict: iv.loOpen });
  if (iv.hi !== null) out.push({ form: { coeffs: new Map([[name, new Fraction(-1)]]), c: iv.hi }, strict: iv.hiOpen });
  return out;
}

/**
 * Is the conjunction satisfiable over the reals? true/false exactly, null when
 * elimination grew past the bound.
 */
export function feasible(constraints: readonly LinConstraint[]): boolean | null {
  let cs = dedupe(constraints.map(normalize));
  for (;;) {
    const vars = new Map<string, { pos: number; neg: number }>();
    const rest: LinConstraint[] = [];
    for (const k of cs) {
      if (k.form.coeffs.size === 0) {
        const s = k.form.c.compare(0);
        if (s < 0 || (s === 0 && k.strict)) return false;
        continue;
      }
      rest.push(k);
      for (const [x, a] of k.form.coeffs) {
        const v = vars.get(x) ?? { pos: 0, neg: 0 };
        if (a.compare(0) > 0) v.pos++; else v.neg++;
        vars.set(x, v);
      }
    }
    if (vars.size === 0) return true;
    // eliminate the variable that makes the fewest new constraints
    let best: string | null = null, cost = Infinity;
    for (const [x, v] of vars) { const c = v.pos * v.neg - v.pos - v.neg; if (c < cost) { cost = c; best = x; } }
    const x = best!;
    const pos: LinConstraint[] = [], neg: LinConstraint[] = [], next: LinConstraint[] = [];
    for (const k of rest) {
      const a = k.form.coeffs.get(x);
      if (a === undefined) next.push(k); else (a.compare(0) > 0 ? pos : neg).push(k);
    }
    if (next.length + pos.length * neg.length > MAX_CONSTRAINTS) return null;
    // a lower bound and an upper bound on x give one constraint without x
    for (const p of pos) for (const q of neg) {
      const ap = p.form.coeffs.get(x)!, aq = q.form.coeffs.get(x)!.neg();
      next.push(normalize({ form: combine(p.form, aq, q.form, ap, x), strict: p.strict || q.strict }));
    }
    cs = dedupe(next);
  }
}

/** How many feasibility decisions a caller may still spend (implication answers "not proved" when none are left). */
export interface Budget { left: number }

/** Feasibility decisions one implication may make when the caller gives no budget. */
const DEFAULT_BUDGET = 2000;

/**
 * Does the conjunction imply the disjunction-of-conjunctions `goal`? true only
 * when proved: premise ∧ ¬goal₁ ∧ ¬goal₂ ∧ … is refuted by a search that picks
 * one negated constraint of each disjunct and stops a branch as soon as it is
 * infeasible.
 */
export function implies(premise: readonly LinConstraint[], goal: readonly LinConstraint[][], budget: Budget = { left: DEFAULT_BUDGET }): boolean {
  if (goal.some((conj) => conj.length === 0)) return true; // a disjunct that is `true`
  const refuted = (branch: readonly LinConstraint[], i: number): boolean => {
    if (budget.left <= 0) return false;
    budget.left--;
    const f = feasible(branch);
    if (f === false) return true;
    if (f === null || i === goal.length) return false;
    return goal[i]!.every((g) => refuted([...branch, { form: negForm(g.form), strict: !g.strict }], i + 1));
  };
  return refuted(premise, 0);
}

function combine(f: LinForm, a: Fraction, g: LinForm, b: Fraction, drop: string): LinForm {
  const coeffs = new Map<string, Fraction>();
  for (const [k, v] of f.coeffs) coeffs.set(k, v.mul(a));
  for (const [k, v] of g.coeffs) coeffs.set(k, (coeffs.get(k) ?? ZERO).add(v.mul(b)));
  coeffs.delete(drop);
  for (const [k, v] of [...coeffs]) if (v.n === 0n) coeffs.delete(k);
  return { coeffs, c: f.c.mul(a).add(g.c.mul(b)) };
}

/** scale by a positive number so that the largest |coefficient| is 1 (equal constraints get equal keys) */
function normalize(k: LinConstraint): LinConstraint {
  const coeffs = new Map([...k.form.coeffs].filter(([, v]) => v.n !== 0n));
  let m = ZERO;
  for (const v of coeffs.values()) if (v.abs().compare(m) > 0) m = v.abs();
  if (m.n === 0n) return { form: { coeffs, c: k.form.c }, strict: k.strict };
  return { form: { coeffs: new Map([...coeffs].map(([x, v]) => [x, v.div(m)])), c: k.form.c.div(m) }, strict: k.strict };
}

function dedupe(cs: readonly LinConstraint[]): LinConstraint[] {
  // among constraints with equal left sides keep only the tightest
  const byLhs = new Map<string, LinConstraint>();
  for (const k of cs) {
    const lhs = [...k.form.coeffs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([x, v]) => `${v.toFraction()}·${x}`).join(' ');
    const prev = byLhs.get(lhs);
    if (!prev) { byLhs.set(lhs, k); continue; }
    const c = k.form.c.compare(prev.form.c);
    if (c < 0 || (c === 0 && k.strict && !prev.strict)) byLhs.set(lhs, k);
  }
  return [...byLhs.values()];
}
