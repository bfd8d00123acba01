/**
 * A concrete parameter point inside a parameter region, for numerical spot checks
 * (and the sample curves of reports). Prefers the caller's candidates (e.g. the
 * catalog's samples or `--at` values) when they lie in the region; otherwise
 * picks simple rationals: the pinned value, 1 above an open lower end, the
 * midpoint of a bounded interval. Sign facts on non-linear coefficients are
 * checked with exact interval enclosures.
 *
 * Owns: choosing points; it proves nothing.
 */
import Fraction from 'fraction.js';
import * as I from './interval.js';
import type { Region } from './region.js';
import { Decimal } from 'decimal.js';

export type ParamPoint = ReadonlyMap<string, Fraction>;

function inSet(set: readonly I.RationalInterval[], v: Fraction): boolean {
  return set.some((i) => !I.isEmpty(I.intersect(i, I.point(v))));
}

function candidatesFor(set: readonly I.RationalInterval[]): Fraction[] {
  const out: Fraction[] = [];
  for (const i of set) {
    const p = I.isPoint(i);
    if (p) { out.push(p); continue; }
    if (i.lo !== null && i.hi !== null) {
      const mid = i.lo.add(i.hi).div(2);
      out.push(mid, i.lo.add(i.hi.sub(i.lo).div(4)), i.lo.add(i.hi.sub(i.lo).mul(3).div(4)));
    } else if (i.lo !== null) {
      out.push(i.lo.floor().add(1), i.lo.add(1), i.lo.add(new Fraction(1, 2)), i.lo.add(2));
    } else if (i.hi !== null) out.push(i.hi.ceil().sub(1), i.hi.sub(1), i.hi.sub(new Fraction(1, 2)));
    else out.push(new Fraction(1), new Fraction(2), new Fraction(-1), new Fraction(0));
  }
  return out;
}

function satisfiesFacts(region: Region, point: ParamPoint): boolean {
  for (const f of region.facts.values()) {
    if ([...f.coef.parameters()].some((name) => !point.has(name))) continue; // about other symbols (finite-sum indices): cannot be checked here
    const enc = f.coef.enclose((name) => { const v = point.get(name); return v ? I.point(v) : I.REALS; });
    const s = I.signOf(enc);
    if (s === null || !f.signs.includes(s)) return false;
  }
  return true;
}

/** A point of the region for the given parameters; null when none of the candidates fits. */
export function samplePoint(region: Region, parameters: readonly string[], preferred: readonly ParamPoint[] = []): ParamPoint | null {
  for (const p of preferred) {
    if (parameters.every((n) => p.has(n) && inSet(region.set(n), p.get(n)!)) && satisfiesFacts(region, p)) return new Map(parameters.map((n) => [n, p.get(n)!]));
  }
  const options = parameters.map((n) => candidatesFor(region.set(n)).filter((v) => inSet(region.set(n), v)));
  // try combinations in order, at most a few hundred
  const pick = (i: number, acc: Map<string, Fraction>, budget: { left: number }): ParamPoint | null => {
    if (i === parameters.length) return satisfiesFacts(region, acc) ? new Map(acc) : null;
    for (const v of options[i]!) {
      if (--budget.left < 0) return null;
      acc.set(parameters[i]!, v);
      const r = pick(i + 1, acc, budget);
      if (r) return r;
    }
    acc.delete(parameters[i]!);
    return null;
  };
  return pick(0, new Map(), { left: 400 });
}

/** The point as decimal.js values (exact quotients at 60 digits) for evaluateDecimal. */
export function decimalParams(point: ParamPoint): Record<string, Decimal> {
  const D = Decimal.clone({ precision: 60 });
  return Object.fromEntries([...point].map(([k, f]) => {
    const v = new D(f.n.toString()).div(f.d.toString());
    return [k, f.s < 0n ? v.neg() : v];
  }));
}
