/**
 * Solving a sign condition on a function of one parameter: {x : c(x) ⋈ 0} as an
 * exact union of intervals, when c is built from x by steps whose inverse is
 * known exactly: k·u + b (k, b constants), u^e for an integer e ≥ 1, log u, exp u,
 * B^u for a constant B > 0. So `-log(x) > 0` is x ∈ (0, 1), `-log(x) - 1 > 0` is
 * x ∈ (0, exp(-1)), `x^2 - 1 > 0` is x ∈ (−∞, −1) ∪ (1, ∞).
 *
 * Owns: these preimages. Each step maps the target set through the exact inverse
 * and keeps the step's domain (log needs u > 0), so the answer is exactly where c
 * is defined and has an allowed sign. Anything else answers null (not solved).
 */
import Fraction from 'fraction.js';
import { applyFn, Coef, type Atom } from './coef.js';
import { constantSign, type Sign, UndecidableSign } from './constant-sign.js';
import { cmp, intersectSets, type End, type SymInterval, type SymSet, unionSets } from './sym-interval.js';

const POSITIVE: SymSet = [{ lo: { v: Coef.of(0), open: true }, hi: null }];
const NONNEGATIVE: SymSet = [{ lo: { v: Coef.of(0), open: false }, hi: null }];

/** the values with the given signs: [1] is (0, ∞), [-1, 0] is (−∞, 0], … */
export function signSet(signs: readonly Sign[]): SymSet {
  const zero = Coef.of(0);
  const parts: SymInterval[] = [];
  if (signs.includes(-1)) parts.push({ lo: null, hi: { v: zero, open: true } });
  if (signs.includes(0)) parts.push({ lo: { v: zero, open: false }, hi: { v: zero, open: false } });
  if (signs.includes(1)) parts.push({ lo: { v: zero, open: true }, hi: null });
  return unionSets(parts, []);
}

/**
 * {x : c(x) has one of `signs`} for the one parameter x of c, or null when c is
 * not of the solvable shape or an order of constants cannot be certified.
 */
export function solveSign(c: Coef, signs: readonly Sign[]): { name: string; set: SymSet } | null {
  const params = [...c.parameters()];
  if (params.length !== 1) return null;
  try {
    const set = preimage(c, signSet(signs));
    return set === null ? null : { name: params[0]!, set };
  } catch (e) {
    if (e instanceof UndecidableSign) return null;
    throw e;
  }
}

/** Where c (of one parameter) takes values in `target`; null when not solvable. */
function preimage(c: Coef, target: SymSet): SymSet | null {
  const atom = c.asAtom();
  if (atom) return atomPreimage(atom, target);
  // c = b + k·F^e with constants b, k and a single factor F holding the parameter
  let varTerm: Coef | null = null, k: Coef | null = null, factor: { atom: Atom; exp: number } | null = null;
  for (const t of c.termList()) {
    const moving = t.factors.filter((f) => !f.constant);
    if (moving.length === 0) continue;
    if (varTerm !== null || moving.length !== 1) return null;
    factor = { atom: moving[0]!.atom, exp: moving[0]!.exp };
    k = t.factors.filter((f) => f.constant).reduce((acc, f) => acc.mul(Coef.atom(f.atom).powInt(f.exp)), Coef.of(t.c));
    varTerm = k.mul(Coef.atom(factor.atom).powInt(factor.exp));
  }
  if (varTerm === null || k === null || factor === null) return null;
  const b = c.sub(varTerm);
  const ks = constantSign(k);
  if (ks === 0) return null;
  // u = F^e takes values in (target − b)/k
  const kInv = k.inv();
  const u = mapMonotone(target, (v) => v.sub(b).mul(kInv), ks > 0);
  const e = factor.exp;
  if (e === 1) return atomPreimage(factor.atom, u);
  if (e < 1) return null;
  const inner = e % 2 === 1 ? mapMonotone(u, (v) => oddRoot(v, e), true) : evenRootPreimage(u, e);
  return atomPreimage(factor.atom, inner);
}

function atomPreimage(a: Atom, target: SymSet): SymSet | null {
  switch (a.kind) {
    case 'param': return target;
    case 'const': return null;
    case 'fn':
      if (a.fn === 'log') {
        // log is an increasing bijection (0, ∞) → ℝ
        const v = target.map((i) => ({ lo: i.lo === null ? { v: Coef.of(0), open: true } : { v: applyFn('exp', i.lo.v), open: i.lo.open }, hi: i.hi === null ? null : { v: applyFn('exp', i.hi.v), open: i.hi.open } }));
        return preimage(a.arg, v);
      }
      if (a.fn === 'exp') return preimage(a.arg, logOfPositive(intersectSets(target, POSITIVE), Coef.of(1), true));
      return null;
    case 'pow': {
      if (!a.base.isConstant() || a.exp.isConstant()) return null;
      // B^u = exp(u·log B) for a constant B > 0, B ≠ 1: monotone in u
      if (constantSign(a.base) !== 1) return null;
      const dir = constantSign(a.base.sub(Coef.of(1)));
      if (dir === 0) return null;
      return preimage(a.exp, logOfPositive(intersectSets(target, POSITIVE), applyFn('log', a.base), dir > 0));
    }
  }
}

/** {log(y)/L : y ∈ s} for s ⊂ (0, ∞) and a constant L, increasing when L > 0 */
function logOfPositive(s: SymSet, L: Coef, increasing: boolean): SymSet {
  const inv = L.inv();
  // an end at 0 or at ∞ maps to an infinite end (null), on the side the orientation gives below
  const f = (e: End | null): End | null => (e === null || cmp(e.v, Coef.of(0)) === 0 ? null : { v: applyFn('log', e.v).mul(inv), open: e.open });
  const mapped = s.map((i) => ({ lo: f(i.lo), hi: f(i.hi) }));
  return increasing ? unionSets(mapped, []) : unionSets(mapped.map((i) => ({ lo: i.hi, hi: i.lo })), []);
}

/** the image of s under a monotone bijection of ℝ given on the ends */
function mapMonotone(s: SymSet, f: (v: Coef) => Coef, increasing: boolean): SymSet {
  const end = (e: End | null): End | null => (e === null ? null : { v: f(e.v), open: e.open });
  const mapped = s.map((i) => (increasing ? { lo: end(i.lo), hi: end(i.hi) } : { lo: end(i.hi), hi: end(i.lo) }));
  return unionSets(mapped, []);
}

function oddRoot(v: Coef, e: number): Coef {
  const r = Coef.of(new Fraction(1, e));
  const s = constantSign(v);
  return s === 0 ? Coef.of(0) : s > 0 ? v.pow(r) : v.neg().pow(r).neg();
}

/** {u : u^e ∈ s} for an even e ≥ 2 */
function evenRootPreimage(s: SymSet, e: number): SymSet {
  const r = Coef.of(new Fraction(1, e));
  const root = (x: End): End => ({ v: cmp(x.v, Coef.of(0)) === 0 ? Coef.of(0) : x.v.pow(r), open: x.open });
  const neg = (x: End | null): End | null => (x === null ? null : { v: x.v.neg(), open: x.open });
  const parts: SymInterval[] = [];
  for (const i of intersectSets(s, NONNEGATIVE)) {
    const lo = root(i.lo!), hi = i.hi === null ? null : root(i.hi);
    // |u| ∈ (lo, hi): u ∈ (−hi, −lo) ∪ (lo, hi); when lo = 0 is closed the two meet at 0
    parts.push({ lo, hi }, { lo: neg(hi), hi: neg(lo) });
  }
  return unionSets(parts, []);
}
