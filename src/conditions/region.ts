/**
 * A parameter region: for each parameter a union of intervals, plus sign facts
 * about expressions that are not linear in one parameter. The asymptotic engine
 * asks a region for the sign of a symbolic coefficient; when the region cannot
 * answer, it raises NeedSplit with the pieces to explore (the driver in cases.ts
 * re-runs the analysis on each piece).
 */
import Fraction from 'fraction.js';
import { Coef } from './coef.js';
import { constantSign, type Sign } from './constant-sign.js';
import * as I from './interval.js';
import { feasible, intervalConstraints, linearForm, MAX_BRANCHES, signConstraints, type LinConstraint } from './linear.js';

export { UndecidableSign } from './constant-sign.js';
export type { Sign };

export type IntervalSet = readonly I.RationalInterval[];

export interface Fact { readonly coef: Coef; readonly signs: readonly Sign[] }

/** Thrown when a sign depends on where the parameters are; carries the refined regions. */
export class NeedSplit extends Error {
  constructor(readonly pieces: Region[], readonly coef: Coef) { super(`split on the sign of ${coef.toString()}`); }
}

export class Region {
  constructor(
    readonly params: ReadonlyMap<string, IntervalSet> = new Map(),
    readonly facts: ReadonlyMap<string, Fact> = new Map(),
  ) {}

  set(name: string): IntervalSet { return this.params.get(name) ?? [I.REALS]; }
  hull(name: string): I.RationalInterval {
    const s = this.set(name);
    if (s.length === 0) return I.point(new Fraction(0));
    return I.make(s[0]!.lo, s[0]!.loOpen, s[s.length - 1]!.hi, s[s.length - 1]!.hiOpen);
  }
  /**
   * No parameter value satisfies the region. Besides empty intervals and facts,
   * this decides the linear facts together with the intervals exactly
   * (H − h ≥ 0, h ≥ 1 and H = 0 is empty), and drops a fact whose sign the
   * interval enclosure excludes. Never claims emptiness it has not proved.
   */
  isEmpty(): boolean {
    return (this.emptyCache ??= this.computeEmpty());
  }
  private emptyCache: boolean | undefined;
  private computeEmpty(): boolean {
    for (const s of this.params.values()) if (s.length === 0) return true;
    for (const f of this.facts.values()) if (f.signs.length === 0) return true;
    let multiLinear = false;
    for (const f of this.facts.values()) {
      const lin = linearForm(f.coef);
      if (lin && lin.coeffs.size >= 2) { multiLinear = true; continue; }
      if (lin && lin.coeffs.size === 0) { if (!f.signs.includes(lin.c.compare(0) as Sign)) return true; continue; }
      if (lin) continue;
      try {
        const s = I.signOf(this.enclose(f.coef));
        if (s !== null && !f.signs.includes(s)) return true;
      } catch { /* not enclosable here: no claim */ }
    }
    if (!multiLinear) return false;
    const branches = this.linearBranches();
    return branches !== null && branches.every((b) => feasible(b) === false);
  }

  /**
   * What the region says linearly, as a disjunction of conjunctions: a parameter's
   * union of intervals and a `≠ 0` fact each branch. Non-linear facts are left out
   * (a relaxation: fewer constraints, never a false infeasibility). null when the
   * branches would be more than MAX_BRANCHES.
   */
  linearBranches(): LinConstraint[][] | null {
    let branches: LinConstraint[][] = [[]];
    const grow = (options: LinConstraint[][]): boolean => {
      const next: LinConstraint[][] = [];
      for (const b of branches) for (const o of options) next.push([...b, ...o]);
      if (next.length > MAX_BRANCHES) return false;
      branches = next;
      return true;
    };
    for (const [name, set] of this.params) if (!grow(set.map((iv) => intervalConstraints(name, iv)))) return null;
    for (const f of this.facts.values()) {
      const lin = linearForm(f.coef);
      if (lin && !grow(signConstraints(lin, f.signs))) return null;
    }
    return branches;
  }
  /** parameters fixed to a single value */
  pinned(): Map<string, Fraction> {
    const out = new Map<string, Fraction>();
    for (const [k, s] of this.params) if (s.length === 1) { const p = I.isPoint(s[0]!); if (p) out.set(k, p); }
    return out;
  }

  withInterval(name: string, iv: I.RationalInterval): Region {
    const next = new Map(this.params);
    next.set(name, intersectSet(this.set(name), iv));
    return new Region(next, this.facts);
  }
  withFact(coef: Coef, signs: readonly Sign[]): Region {
    const prev = this.facts.get(coef.key);
    const allowed = prev ? prev.signs.filter((s) => signs.includes(s)) : [...signs];
    const next = new Map(this.facts);
    next.set(coef.key, { coef, signs: allowed });
    return new Region(this.params, next);
  }
  /** restrict to {coef ⋈ 0} for the given signs: one region (empty regions are dropped) */
  withSign(coef: Coef, signs: readonly Sign[]): Region[] {
    const lin = coef.linearIn();
    let r: Region;
    if (lin) {
      const t = lin.b.neg().div(lin.a);
      const allowed: I.RationalInterval[] = signs.map((s) => {
        const want = lin.a.compare(0) > 0 ? s : (-s as Sign);
        return want === 0 ? I.point(t) : want > 0 ? I.make(t, true, null, true) : I.make(null, true, t, true);
      });
      const current = this.set(lin.name);
      const pieces = allowed.flatMap((iv) => intersectSet(current, iv));
      const next = new Map(this.params);
      next.set(lin.name, pieces.reduce<IntervalSet>((acc, p) => unionSets(acc, [p]), []));
      r = new Region(next, this.facts);
    } else r = this.withFact(coef, signs);
    return r.isEmpty() ? [] : [r];
  }

  enclose(c: Coef): I.RationalInterval { return c.enclose((name) => this.hull(name)); }

  /** signs already established in this (immutable) region, by coefficient key */
  private readonly signCache = new Map<string, Sign>();

  /** The sign of c throughout the region, or NeedSplit. */
  sign(c: Coef): Sign {
    const f = c.asFraction();
    if (f !== null) return f.s === 0n || f.n === 0n ? 0 : (Number(f.s) as Sign);
    const cached = this.signCache.get(c.key);
    if (cached !== undefined) return cached;
    const s = this.computeSign(c);
    this.signCache.set(c.key, s);
    return s;
  }

  private computeSign(c: Coef): Sign {
    // a constant's sign comes from its exact value, at whatever precision it takes (or UndecidableSign)
    if (c.isConstant()) return constantSign(c);
    const s = I.signOf(this.enclose(c));
    if (s !== null) return s;
    const known = this.knownSign(c);
    if (known !== null) return known;
    const m = c.monomial();
    if (m && m.factors.length > 0 && !(m.factors.length === 1 && m.factors[0]!.exp === 1 && m.c.abs().equals(1))) {
      let sign: number = m.c.compare(0);
      for (const f of m.factors) {
        const fs = this.sign(f.atom);
        if (fs === 0) return 0;
        sign *= f.exp % 2 === 0 ? 1 : fs;
      }
      return sign as Sign;
    }
    const atom = c.asAtom();
    if (atom && atom.kind === 'fn' && atom.fn === 'log' && this.sign(atom.arg) === 1) return this.sign(atom.arg.sub(Coef.of(1)));
    if (atom && atom.kind === 'fn' && atom.fn === 'exp') return 1;
    if (atom && atom.kind === 'pow' && this.sign(atom.base) === 1) return 1;
    const k = atom && atom.kind === 'pow' ? atom.exp.asFraction() : null;
    if (atom && atom.kind === 'pow' && k !== null && k.d === 1n) {
      // B^k for an integer k ≠ 0 (B ≠ 0 where it is defined): the sign of B, or +1 for even k
      const b = this.sign(atom.base);
      if (b !== 0) return k.n % 2n === 0n ? 1 : b;
    }
    const split = c.constantFactor();
    if (split) {
      const fs = this.sign(split.factor);
      return fs === 0 ? 0 : ((fs * this.sign(split.rest)) as Sign);
    }
    const bySign = ([-1, 0, 1] as Sign[]).map((sg) => ({ sg, rs: this.withSign(c, [sg]) })).filter((x) => x.rs.length > 0);
    // two signs proved impossible (H − h + 1 < 0 and = 0 under H ≥ h): the third holds throughout, no split
    if (bySign.length === 1) return bySign[0]!.sg;
    throw new NeedSplit(bySign.flatMap((x) => x.rs), c);
  }

  private knownSign(c: Coef): Sign | null {
    const f = this.facts.get(c.key);
    if (f && f.signs.length === 1) return f.signs[0]!;
    const g = this.facts.get(c.neg().key);
    if (g && g.signs.length === 1) return (-g.signs[0]!) as Sign;
    if (f && f.signs.length > 1) throw new NeedSplit(f.signs.flatMap((s) => this.withSign(c, [s])), c);
    return null;
  }
}

export function intersectSet(s: IntervalSet, iv: I.RationalInterval): IntervalSet {
  return s.map((x) => I.intersect(x, iv)).filter((x) => !I.isEmpty(x));
}

/** Union of interval sets, coalescing touching pieces: (−∞,1) ∪ [1,1] = (−∞,1]. */
export function unionSets(a: IntervalSet, b: IntervalSet): IntervalSet {
  const all = [...a, ...b].sort((x, y) => {
    if (x.lo === null) return y.lo === null ? 0 : -1;
    if (y.lo === null) return 1;
    const c = x.lo.compare(y.lo);
    return c !== 0 ? c : (x.loOpen ? 1 : 0) - (y.loOpen ? 1 : 0);
  });
  const out: I.RationalInterval[] = [];
  for (const x of all) {
    const last = out[out.length - 1];
    if (last && touches(last, x)) {
      let hi = last.hi, hiOpen = last.hiOpen;
      if (hi !== null && (x.hi === null || x.hi.compare(hi) > 0 || (x.hi.equals(hi) && !x.hiOpen))) { hi = x.hi; hiOpen = x.hiOpen; }
      out[out.length - 1] = I.make(last.lo, last.loOpen, hi, hiOpen);
    } else out.push(x);
  }
  return out;
}

function touches(a: I.RationalInterval, b: I.RationalInterval): boolean {
  if (a.hi === null || b.lo === null) return true;
  const c = a.hi.compare(b.lo);
  return c > 0 || (c === 0 && !(a.hiOpen && b.loOpen));
}

export function setsEqual(a: IntervalSet, b: IntervalSet): boolean {
  return a.length === b.length && a.every((x, i) => I.show(x) === I.show(b[i]!));
}
