/**
 * Region conditions in lowest terms, printed in mathjs syntax: what the JSON's
 * `condition` says. A region's intervals and sign facts become a conjunction in
 * which
 *  - a fact on a monotone function of one parameter is solved into an interval
 *    (solve.ts: `-log(x) > 0` is `x < 1` given x > 0; `-log(x) - 1 > 0` is
 *    `x < exp(-1)`),
 *  - a parameter's set is given only as far as the assumptions do not already say
 *    it (x > 3 assumed: `x > 3 and x < 4` prints `x < 4`),
 *  - a conjunct that the assumptions and the other conjuncts imply is dropped,
 *    decided exactly over the rationals for linear ones (`m + s > 0 and
 *    m + s - 1 > 0` is `m + s > 1`; H ≥ h ≥ 1 leaves `H != 0` nothing to say),
 * and a union of regions that differ in one parameter is merged into one set.
 *
 * Soundness: every step is exact (rational arithmetic, exact signs of constants);
 * the printed condition P satisfies P ∧ A ⇔ R ∧ A for the region R and the
 * assumptions A. Where an order of constants cannot be certified the caller prints
 * the region unsimplified (null here).
 */
import { Coef, WorkLimitError } from './coef.js';
import { type Sign, UndecidableSign } from './constant-sign.js';
import { type Budget, implies, intervalConstraints, linearForm, MAX_BRANCHES, signConstraints, type LinConstraint, type LinForm } from './linear.js';
import type * as I from './interval.js';
import type { Region } from './region.js';
import { solveSign } from './solve.js';
import * as S from './sym-interval.js';

export interface FactPart { readonly coef: Coef; readonly signs: readonly Sign[]; readonly lin: LinForm | null }
/** A conjunction: each parameter in a set (absent: unrestricted), and the facts left over. */
export interface Conjunction {
  readonly sets: ReadonlyMap<string, S.SymSet>;
  readonly facts: readonly FactPart[];
}

/** What the assumptions say: per parameter a set, and their linear facts as branches. */
export interface Knowledge {
  readonly sets: ReadonlyMap<string, S.SymSet>;
  readonly branches: readonly LinConstraint[][];
  readonly root: Region;
}

export function knowledge(root: Region): Knowledge | null {
  return guarded(() => {
    const sets = new Map<string, S.SymSet>();
    for (const [n, s] of root.params) sets.set(n, S.fromRationalSet(s));
    for (const f of root.facts.values()) {
      const sol = solveSign(f.coef, f.signs);
      if (sol) sets.set(sol.name, S.intersectSets(sets.get(sol.name) ?? S.REALS_SET, sol.set));
    }
    return { sets, branches: root.linearBranches() ?? [[]], root };
  });
}

/** Fourier–Motzkin runs one simplification may spend; past it, what is left is printed as it is (still exact). */
const FEASIBILITY_BUDGET = 1500;

const sameSigns = (a: readonly Sign[], b: readonly Sign[]): boolean => a.length === b.length && a.every((s) => b.includes(s));

/** The region as a conjunction in lowest terms relative to the assumptions, or null (undecidable order: print it raw). */
export function simplifyRegion(r: Region, k: Knowledge): Conjunction | null {
  return guarded(() => {
    const sets = new Map<string, S.SymSet>();
    for (const [n, s] of r.params) sets.set(n, S.fromRationalSet(s));
    let facts: FactPart[] = [];
    for (const f of r.facts.values()) {
      const rf = k.root.facts.get(f.coef.key);
      if (rf && sameSigns(rf.signs, f.signs)) continue; // the assumptions say it
      const sol = solveSign(f.coef, f.signs);
      if (sol) { sets.set(sol.name, S.intersectSets(sets.get(sol.name) ?? S.REALS_SET, sol.set)); continue; }
      facts.push({ coef: f.coef, signs: f.signs, lin: linearForm(f.coef) });
    }
    for (const [n, s] of [...sets]) setRelaxed(sets, n, S.intersectSets(s, k.sets.get(n) ?? S.REALS_SET), k);
    const multiLinear = facts.some((f) => f.lin !== null && f.lin.coeffs.size >= 2) || k.branches.some((b) => b.some((c) => c.form.coeffs.size >= 2));
    if (multiLinear) facts = dropImplied(sets, facts, k, { left: FEASIBILITY_BUDGET });
    return { sets, facts };
  });
}

/** Store s for n, leaving out the bounds the assumptions give (nothing when s is all they allow). */
function setRelaxed(sets: Map<string, S.SymSet>, n: string, s: S.SymSet, k: Knowledge): void {
  const K = k.sets.get(n) ?? S.REALS_SET;
  let out = s;
  if (S.setsEqual(s, K)) out = S.REALS_SET;
  else if (s.length === 1) {
    const only = s[0]!;
    const noLo: S.SymSet = [{ lo: null, hi: only.hi }];
    if (only.lo !== null && S.setsEqual(S.intersectSets(noLo, K), s)) out = noLo;
    const cur = out[0]!;
    const noHi: S.SymSet = [{ lo: cur.lo, hi: null }];
    if (cur.hi !== null && S.setsEqual(S.intersectSets(noHi, K), s)) out = noHi;
  }
  if (S.isReals(out)) sets.delete(n); else sets.set(n, out);
}

/** rational pieces of a set as constraint branches, or null when an end is not rational */
function setBranches(n: string, s: S.SymSet): LinConstraint[][] | null {
  const out: LinConstraint[][] = [];
  for (const i of s) {
    const lo = S.rationalEnd(i.lo), hi = S.rationalEnd(i.hi);
    if ((i.lo !== null && lo === null) || (i.hi !== null && hi === null)) return null;
    out.push(intervalConstraints(n, rationalInterval(lo, i.lo?.open ?? true, hi, i.hi?.open ?? true)));
  }
  return out;
}

const rationalInterval = (lo: I.RationalInterval['lo'], loOpen: boolean, hi: I.RationalInterval['hi'], hiOpen: boolean): I.RationalInterval =>
  ({ lo, hi, loOpen: lo === null ? true : loOpen, hiOpen: hi === null ? true : hiOpen });

/** Does every branch of the conjunction of these disjunctions imply `goal`? false when there are too many branches. */
function impliedBy(disjunctions: readonly (readonly LinConstraint[][])[], goal: LinConstraint[][], budget: Budget): boolean {
  let branches: LinConstraint[][] = [[]];
  for (const d of disjunctions) {
    const next: LinConstraint[][] = [];
    for (const b of branches) for (const o of d) next.push([...b, ...o]);
    if (next.length > MAX_BRANCHES) return false;
    branches = next;
  }
  return branches.every((b) => implies(b, goal, budget));
}

/**
 * Greedy: drop each linear fact, piece of a parameter's set and bound that the
 * assumptions and the conjuncts still kept imply. Each step keeps
 * (kept ∧ assumptions) equivalent to (region ∧ assumptions).
 */
function dropImplied(sets: Map<string, S.SymSet>, facts: FactPart[], k: Knowledge, budget: Budget): FactPart[] {
  const kept = [...facts];
  const premise = (skipFact: FactPart | null, skipSet: string | null): LinConstraint[][][] => {
    const out: LinConstraint[][][] = [k.branches as LinConstraint[][]];
    for (const f of kept) if (f !== skipFact && f.lin) out.push(signConstraints(f.lin, f.signs));
    for (const [n, s] of sets) if (n !== skipSet) { const b = setBranches(n, s); if (b) out.push(b); }
    return out;
  };
  for (const f of [...kept]) {
    if (!f.lin) continue;
    if (impliedBy(premise(f, null), signConstraints(f.lin, f.signs), budget)) kept.splice(kept.indexOf(f), 1);
  }
  for (const n of [...sets.keys()].sort()) {
    let s = sets.get(n)!;
    if (setBranches(n, s) === null) continue;
    // pieces the rest excludes
    if (s.length > 1) {
      const others = premise(null, n);
      s = s.filter((piece) => !impliedBy([...others, [setBranches(n, [piece])![0]!]], [], budget));
    }
    if (s.length === 1) {
      const only = s[0]!;
      const others = premise(null, n);
      const [loC, hiC] = [only.lo ? setBranches(n, [{ lo: only.lo, hi: null }])![0]! : null, only.hi ? setBranches(n, [{ lo: null, hi: only.hi }])![0]! : null];
      let lo = only.lo, hi = only.hi;
      if (loC && impliedBy([...others, ...(hiC ? [[hiC]] : [])], [loC], budget)) lo = null;
      if (hiC && impliedBy([...others, ...(lo && loC ? [[loC]] : [])], [hiC], budget)) hi = null;
      s = [{ lo, hi }];
    }
    if (S.isReals(s)) sets.delete(n); else sets.set(n, s);
  }
  return kept;
}

function guarded<T>(f: () => T): T | null {
  try {
    return f();
  } catch (e) {
    if (e instanceof UndecidableSign || e instanceof WorkLimitError) return null;
    throw e;
  }
}

/**
 * Merge conjunctions that differ in one parameter's set only (the facts printed
 * alike): (A and x in S1) or (A and x in S2) is A and x in S1 ∪ S2; or in the
 * signs of one fact only; then reduce the union (reduceUnion). Exact.
 */
export function mergeConjunctions(cs: readonly Conjunction[], k: Knowledge): Conjunction[] | null {
  return guarded(() => {
    let out = mergePairs(cs, k);
    // reducing can leave disjuncts that merge again ((a + b < 1) or (a + b == 1)); each round is shorter
    for (;;) {
      const reduced = reduceUnion(out, k);
      if (reduced.length === out.length) return out;
      out = mergePairs(reduced, k);
    }
  });
}

/** the pairwise merges, to a fixed point */
function mergePairs(cs: readonly Conjunction[], k: Knowledge): Conjunction[] {
  const out = cs.map((c) => ({ sets: new Map(c.sets), facts: c.facts }));
  let changed = true;
  while (changed) {
    changed = false;
    outer: for (let i = 0; i < out.length; i++) for (let j = i + 1; j < out.length; j++) {
      const a = out[i]!, b = out[j]!;
      if (factsText(a.facts) !== factsText(b.facts)) {
        // (A and f < 0) or (A and f == 0) is A and f <= 0
        const facts = mergeOneFact(a.facts, b.facts);
        if (facts === null || !sameSets(a.sets, b.sets)) continue;
        out[i] = { sets: a.sets, facts };
        out.splice(j, 1);
        changed = true;
        break outer;
      }
      const names = new Set([...a.sets.keys(), ...b.sets.keys()]);
      const differing = [...names].filter((n) => !S.setsEqual(a.sets.get(n) ?? S.REALS_SET, b.sets.get(n) ?? S.REALS_SET));
      if (differing.length > 1) continue;
      if (differing.length === 1) {
        const n = differing[0]!;
        setRelaxed(a.sets, n, S.intersectSets(S.unionSets(a.sets.get(n) ?? S.REALS_SET, b.sets.get(n) ?? S.REALS_SET), k.sets.get(n) ?? S.REALS_SET), k);
      }
      out.splice(j, 1);
      changed = true;
      break outer;
    }
  }
  return out;
}

/** one conjunct of a linear conjunction: a bound, a whole set of pieces, or a linear fact */
type Unit =
  | { readonly kind: 'lo' | 'hi'; readonly name: string; readonly end: S.End; readonly disj: LinConstraint[][] }
  | { readonly kind: 'set'; readonly name: string; readonly set: S.SymSet; readonly disj: LinConstraint[][] }
  | { readonly kind: 'fact'; readonly fact: FactPart; readonly disj: LinConstraint[][] };

/** the conjunction's conjuncts when all of them are linear with rational ends, else null */
function units(c: Conjunction): Unit[] | null {
  const out: Unit[] = [];
  for (const [name, set] of c.sets) {
    const b = setBranches(name, set);
    if (b === null) return null;
    if (set.length === 1) {
      const i = set[0]!;
      if (i.lo) out.push({ kind: 'lo', name, end: i.lo, disj: setBranches(name, [{ lo: i.lo, hi: null }])! });
      if (i.hi) out.push({ kind: 'hi', name, end: i.hi, disj: setBranches(name, [{ lo: null, hi: i.hi }])! });
    } else out.push({ kind: 'set', name, set, disj: b });
  }
  for (const f of c.facts) {
    if (!f.lin) return null;
    out.push({ kind: 'fact', fact: f, disj: signConstraints(f.lin, f.signs) });
  }
  return out;
}

function fromUnits(us: readonly Unit[]): Conjunction {
  const sets = new Map<string, S.SymSet>();
  const ends = new Map<string, { lo: S.End | null; hi: S.End | null }>();
  const facts: FactPart[] = [];
  for (const u of us) {
    if (u.kind === 'fact') facts.push(u.fact);
    else if (u.kind === 'set') sets.set(u.name, u.set);
    else { const e = ends.get(u.name) ?? { lo: null, hi: null }; ends.set(u.name, u.kind === 'lo' ? { ...e, lo: u.end } : { ...e, hi: u.end }); }
  }
  for (const [n, e] of ends) sets.set(n, [e]);
  return { sets, facts };
}

/** the conjunction of the units as a disjunction of constraint sets, or null past MAX_BRANCHES */
function dnf(us: readonly Unit[]): LinConstraint[][] | null {
  let branches: LinConstraint[][] = [[]];
  for (const u of us) {
    const next: LinConstraint[][] = [];
    for (const b of branches) for (const o of u.disj) next.push([...b, ...o]);
    if (next.length > MAX_BRANCHES) return null;
    branches = next;
  }
  return branches;
}

/** MAX_UNION_DISJUNCTS disjuncts at most go through reduceUnion (it compares all of them with each other) */
const MAX_UNION_DISJUNCTS = 16;

/**
 * A union of linear conjunctions with fewer disjuncts, where one exists: relax a
 * disjunct by dropping conjuncts while it stays inside the union, then drop the
 * disjuncts another one covers. `m + s <= 0 or (m + s > 0 and m + s <= 1)` is
 * `m + s <= 1`. Exact (every implication decided over the rationals); the input
 * is returned when nothing gets shorter.
 */
export function reduceUnion(cs: readonly Conjunction[], k: Knowledge): Conjunction[] {
  if (cs.length < 2 || cs.length > MAX_UNION_DISJUNCTS) return [...cs];
  const us = cs.map(units);
  if (us.some((u) => u === null)) return [...cs];
  const ds = us as Unit[][];
  const budget: Budget = { left: FEASIBILITY_BUDGET };
  const union = (list: readonly Unit[][]): LinConstraint[][] | null => {
    const out: LinConstraint[][] = [];
    for (const d of list) { const f = dnf(d); if (f === null) return null; out.push(...f); }
    return out;
  };
  // premise ∧ assumptions ⇒ goal, for a premise given as units
  const within = (premise: readonly Unit[], goal: LinConstraint[][]): boolean => {
    const p = dnf(premise);
    if (p === null) return false;
    return p.every((b) => k.branches.every((kb) => implies([...kb, ...b], goal, budget)));
  };
  const all = union(ds);
  if (all === null) return [...cs];
  const relaxed = ds.map((d) => {
    let cur = [...d];
    for (const u of d) {
      const without = cur.filter((x) => x !== u);
      if (within(without, all)) cur = without;
    }
    return cur;
  });
  // drop disjuncts the others cover (one at a time, so two equal ones do not drop each other)
  const kept = [...relaxed];
  for (let i = kept.length - 1; i >= 0; i--) {
    const others = union(kept.filter((_, j) => j !== i));
    if (others !== null && within(kept[i]!, others)) kept.splice(i, 1);
  }
  return kept.length < cs.length ? kept.map(fromUnits) : [...cs];
}

function sameSets(a: ReadonlyMap<string, S.SymSet>, b: ReadonlyMap<string, S.SymSet>): boolean {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].every((n) => S.setsEqual(a.get(n) ?? S.REALS_SET, b.get(n) ?? S.REALS_SET));
}

/** the facts of two conjunctions that differ only in the signs of one fact, with those signs joined; else null */
function mergeOneFact(a: readonly FactPart[], b: readonly FactPart[]): FactPart[] | null {
  if (a.length !== b.length) return null;
  let differing: number | null = null;
  const out: FactPart[] = [];
  for (let i = 0; i < a.length; i++) {
    const f = a[i]!, g = b.find((x) => x.coef.key === f.coef.key);
    if (!g) return null;
    if (sameSigns(f.signs, g.signs)) { out.push(f); continue; }
    if (differing !== null) return null;
    differing = i;
    const signs = [...new Set([...f.signs, ...g.signs])].sort();
    if (signs.length < 3) out.push({ ...f, signs });
  }
  return differing === null ? null : out;
}

// ---------- printing (mathjs syntax) ----------

const SIGN_WORDS: Record<string, string> = { '-1': '< 0', '0': '== 0', '1': '> 0', '-1,0': '<= 0', '0,1': '>= 0', '-1,1': '!= 0' };
const OPS: Record<string, string> = { '-1': '<', '0': '==', '1': '>', '-1,0': '<=', '0,1': '>=', '-1,1': '!=' };

const endText = (v: Coef): string => v.asFraction()?.toFraction() ?? v.toString();

function intervalText(name: string, i: S.SymInterval): string {
  if (i.lo && i.hi && !i.lo.open && !i.hi.open && S.cmp(i.lo.v, i.hi.v) === 0) return `${name} == ${endText(i.lo.v)}`;
  const parts: string[] = [];
  if (i.lo) parts.push(`${name} ${i.lo.open ? '>' : '>='} ${endText(i.lo.v)}`);
  if (i.hi) parts.push(`${name} ${i.hi.open ? '<' : '<='} ${endText(i.hi.v)}`);
  return parts.join(' and ') || 'true';
}

function setText(name: string, s: S.SymSet): string {
  if (s.length === 0) return 'false';
  // (−∞, a) ∪ (a, ∞) reads better as name != a
  const [a, b] = s;
  if (s.length === 2 && a!.lo === null && b!.hi === null && a!.hi && b!.lo && a!.hi.open && b!.lo.open && S.cmp(a!.hi.v, b!.lo.v) === 0) return `${name} != ${endText(a!.hi.v)}`;
  const parts = s.map((i) => intervalText(name, i));
  return parts.length === 1 ? parts[0]! : parts.map((p) => (p.includes(' and ') ? `(${p})` : p)).join(' or ');
}

function factText(f: FactPart): string {
  const key = [...f.signs].sort().join();
  if (f.lin && f.lin.coeffs.size >= 1 && OPS[key]) {
    // a linear fact reads as "left op right": m + s > 1, H >= h
    const terms = [...f.lin.coeffs].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    const pos = terms.filter(([, a]) => a.compare(0) > 0), neg = terms.filter(([, a]) => a.compare(0) < 0);
    const sum = (ts: typeof terms, flip: boolean): Coef => ts.reduce((acc, [x, a]) => acc.add(Coef.param(x).scale(flip ? a.neg() : a)), Coef.of(0));
    if (f.lin.c.n === 0n && pos.length > 0 && neg.length > 0) return `${sum(pos, false).toString()} ${OPS[key]} ${sum(neg, true).toString()}`;
    return `${sum(terms, false).toString()} ${OPS[key]} ${f.lin.c.neg().toFraction()}`;
  }
  const w = SIGN_WORDS[key];
  return w ? `${f.coef.toString()} ${w}` : 'true';
}

const factsText = (fs: readonly FactPart[]): string => fs.map(factText).filter((t) => t !== 'true').join(' and ');

/** The conjunction in mathjs syntax ('true' when it says nothing). */
export function conjunctionText(c: Conjunction): string {
  const parts: string[] = [];
  for (const n of [...c.sets.keys()].sort()) parts.push(setText(n, c.sets.get(n)!));
  for (const f of c.facts) { const t = factText(f); if (t !== 'true') parts.push(t); }
  if (parts.includes('false')) return 'false';
  if (parts.length === 0) return 'true';
  return parts.length === 1 ? parts[0]! : parts.map((p) => (p.includes(' or ') ? `(${p})` : p)).join(' and ');
}
