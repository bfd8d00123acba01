/**
 * Case analysis over parameter regions: run an analysis on a region; when it needs
 * a sign the region cannot give, re-run it on each piece of the split. Then merge
 * neighbouring regions with the same outcome and print conditions in mathjs syntax.
 *
 * Owns: the exploration budget, merging, and condition printing (in lowest terms
 * through lowest-terms.ts; the raw form stays as the fallback and as the reference
 * the property test compares against).
 */
import type Fraction from 'fraction.js';
import * as I from './interval.js';
import { conjunctionText, knowledge, mergeConjunctions, simplifyRegion, type Conjunction } from './lowest-terms.js';
import { NeedSplit, Region, setsEqual, unionSets, type IntervalSet } from './region.js';

export interface Leaf<T> { readonly region: Region; readonly result: T }

export const MAX_REGIONS = 48;

export function explore<T>(roots: readonly Region[], run: (r: Region) => T, overBudget: (r: Region) => T): Leaf<T>[] {
  const work = [...roots];
  const leaves: Leaf<T>[] = [];
  let runs = 0;
  while (work.length) {
    const region = work.shift()!;
    if (region.isEmpty()) continue;
    if (++runs > MAX_REGIONS * 4 || leaves.length + work.length >= MAX_REGIONS) { leaves.push({ region, result: overBudget(region) }); continue; }
    try {
      leaves.push({ region, result: run(region) });
    } catch (e) {
      if (!(e instanceof NeedSplit)) throw e;
      work.unshift(...e.pieces);
    }
  }
  return leaves;
}

/** Merge leaves with equal keys whose regions differ in one parameter only. */
export function mergeLeaves<T>(leaves: readonly Leaf<T>[], key: (t: T) => string, combine: (a: T, b: T) => T): Leaf<T>[] {
  const out = [...leaves];
  let changed = true;
  while (changed) {
    changed = false;
    outer: for (let i = 0; i < out.length; i++) for (let j = i + 1; j < out.length; j++) {
      const a = out[i]!, b = out[j]!;
      if (key(a.result) !== key(b.result)) continue;
      const merged = mergeRegions(a.region, b.region);
      if (!merged) continue;
      out[i] = { region: merged, result: combine(a.result, b.result) };
      out.splice(j, 1);
      changed = true;
      break outer;
    }
  }
  return out;
}

function mergeRegions(a: Region, b: Region): Region | null {
  if (a.facts.size !== b.facts.size) return null;
  let differingFact: string | null = null;
  for (const [k, f] of a.facts) {
    const g = b.facts.get(k);
    if (!g) return null;
    if ([...f.signs].sort().join() !== [...g.signs].sort().join()) {
      if (differingFact !== null) return null;
      differingFact = k;
    }
  }
  const names = new Set([...a.params.keys(), ...b.params.keys()]);
  let differing: string | null = null;
  for (const n of names) {
    if (setsEqual(a.set(n), b.set(n))) continue;
    if (differing !== null) return null;
    differing = n;
  }
  if (differing !== null && differingFact !== null) return null;
  if (differingFact !== null) {
    const f = a.facts.get(differingFact)!;
    const signs = [...new Set([...f.signs, ...b.facts.get(differingFact)!.signs])];
    const facts = new Map(a.facts);
    if (signs.length === 3) facts.delete(differingFact); else facts.set(differingFact, { coef: f.coef, signs });
    return new Region(a.params, facts);
  }
  if (differing === null) return a;
  const next = new Map(a.params);
  next.set(differing, unionSets(a.set(differing), b.set(differing)));
  return new Region(next, a.facts);
}

const num = (f: Fraction): string => f.toFraction();

function intervalCondition(name: string, i: I.RationalInterval): string {
  const p = I.isPoint(i);
  if (p) return `${name} == ${num(p)}`;
  const parts: string[] = [];
  if (i.lo !== null) parts.push(`${name} ${i.loOpen ? '>' : '>='} ${num(i.lo)}`);
  if (i.hi !== null) parts.push(`${name} ${i.hiOpen ? '<' : '<='} ${num(i.hi)}`);
  return parts.join(' and ') || 'true';
}

function setCondition(name: string, s: IntervalSet): string {
  if (s.length === 0) return 'false';
  // (−∞, a) ∪ (a, ∞) reads better as name != a
  if (s.length === 2 && s[0]!.lo === null && s[1]!.hi === null && s[0]!.hi && s[1]!.lo && s[0]!.hi.equals(s[1]!.lo) && s[0]!.hiOpen && s[1]!.loOpen) return `${name} != ${num(s[0]!.hi)}`;
  const parts = s.map((i) => intervalCondition(name, i));
  return parts.length === 1 ? parts[0]! : parts.map((p) => `(${p})`).join(' or ');
}

const SIGN_WORDS: Record<string, string> = { '-1': '< 0', '0': '== 0', '1': '> 0', '-1,0': '<= 0', '0,1': '>= 0', '-1,1': '!= 0' };

/** The region as a mathjs boolean expression in lowest terms, leaving out what the root (the assumptions) already says. */
export function describeRegion(r: Region, root: Region): string {
  const k = knowledge(root);
  const c = k && simplifyRegion(r, k);
  return c ? conjunctionText(c) : describeRegionRaw(r, root);
}

/** Several regions joined with `or`, in lowest terms: regions that differ in one parameter merge into one set. */
export function describeUnion(regions: readonly Region[], root: Region): string {
  const k = knowledge(root);
  const cs = k && regions.map((r) => simplifyRegion(r, k));
  const merged = k && cs && cs.every((c): c is Conjunction => c !== null) ? mergeConjunctions(cs, k) : null;
  if (!merged) return describeUnionRaw(regions, root);
  const ds = merged.map(conjunctionText).filter((d) => d !== 'false');
  if (ds.includes('true')) return 'true';
  if (ds.length === 0) return 'false';
  return ds.length === 1 ? ds[0]! : ds.map((d) => (d.includes(' and ') || d.includes(' or ') ? `(${d})` : d)).join(' or ');
}

/** The region printed as it is (intervals and sign facts, nothing solved or dropped). */
export function describeRegionRaw(r: Region, root: Region): string {
  const parts: string[] = [];
  const names = [...new Set([...r.params.keys()])].sort();
  for (const n of names) {
    const s = r.set(n);
    if (setsEqual(s, root.set(n))) continue;
    const c = setCondition(n, s);
    if (c !== 'true') parts.push(c);
  }
  for (const [k, f] of r.facts) {
    if (root.facts.get(k)?.signs.length === f.signs.length) continue;
    const w = SIGN_WORDS[[...f.signs].sort().join()];
    if (w) parts.push(`${f.coef.toString()} ${w}`);
  }
  // `and` binds tighter than `or`: a union of intervals joined with more is parenthesised
  return parts.length === 0 ? 'true' : parts.length === 1 ? parts[0]! : parts.map(wrapOr).join(' and ');
}

const wrapOr = (c: string): string => (c.includes(' or ') ? `(${c})` : c);

/** Several regions joined with `or`, printed raw. */
export function describeUnionRaw(regions: readonly Region[], root: Region): string {
  const ds = regions.map((r) => describeRegionRaw(r, root));
  if (ds.includes('true')) return 'true';
  return ds.length === 1 ? ds[0]! : ds.map((d) => (d.includes(' and ') || d.includes(' or ') ? `(${d})` : d)).join(' or ');
}
