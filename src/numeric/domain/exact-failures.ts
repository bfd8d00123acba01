/**
 * The exact set of integers n ≥ from where one requirement fails, for
 * arguments that are rational functions of n with rational coefficients.
 *
 * Owns: `exactFailures` (a sorted list of integer runs, or null where this
 * route does not apply: parameters, indices, transcendental parts, sizes past
 * the caps, or the call's share of exact work spent) and the run helpers. Guards are not looked at here: the runs say
 * where the condition fails, and the caller decides where it is evaluated.
 */
import type { Expr } from '../../parse/expr.js';
import { PolyLimit } from './poly.js';
import * as P from './poly.js';
import { type ExactBudget, integerSignRanges, type Sign } from './integer-signs.js';
import { isIntegerPolynomial, type RationalFunction, rationalFunction, rationalValue } from './rational-expr.js';
import { mentions, NEG, POS, type Requirement, type SignMask, ZERO } from './requirements.js';
import { isIntegerValued } from './signs.js';

/** Integers lo, …, hi (hi null: unbounded). */
export interface IntRange {
  readonly lo: bigint;
  readonly hi: bigint | null;
}

/** Most single points enumerated for conditions that need a look at each one. */
const MAX_POINTS = 256;

/** Sorted, merged union. */
export function mergeRanges(rs: readonly IntRange[]): IntRange[] {
  const sorted = [...rs].sort((a, b) => (a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : 0));
  const out: IntRange[] = [];
  for (const r of sorted) {
    const prev = out[out.length - 1];
    if (prev && (prev.hi === null || prev.hi + 1n >= r.lo)) {
      const hi = prev.hi === null || r.hi === null ? null : prev.hi > r.hi ? prev.hi : r.hi;
      out[out.length - 1] = { lo: prev.lo, hi };
    } else out.push(r);
  }
  return out;
}

function pointCount(rs: readonly IntRange[]): bigint | null {
  let c = 0n;
  for (const r of rs) {
    if (r.hi === null) return null;
    c += r.hi - r.lo + 1n;
  }
  return c;
}

function* points(rs: readonly IntRange[]): Generator<bigint> {
  for (const r of rs) for (let n = r.lo; n <= r.hi!; n++) yield n;
}

/** Runs where the sign of f is in `signs` (a mask). */
function runsWithSign(f: P.Poly, from: bigint, mask: SignMask, budget: ExactBudget): IntRange[] {
  const bitOf = (s: Sign): SignMask => (s < 0 ? NEG : s > 0 ? POS : ZERO);
  return integerSignRanges(f, from, budget).filter((r) => mask & bitOf(r.sign)).map((r) => ({ lo: r.lo, hi: r.hi }));
}

/** Where the value r(n) has a sign outside `allowed`, or r is undefined. */
function signFailures(r: RationalFunction, from: bigint, allowed: SignMask, budget: ExactBudget): IntRange[] {
  // sign(num/den) = sign(num·den) where den ≠ 0, and num·den = 0 where den = 0
  const f = P.checkSize(P.mul(r.num, r.den));
  const bad = runsWithSign(f, from, ~allowed & (NEG | ZERO | POS), budget);
  // a zero of num·den that is a zero of den is a failure even where 0 is allowed
  if (allowed & ZERO) bad.push(...runsWithSign(r.den, from, ZERO, budget));
  return mergeRanges(bad);
}

const isInteger = (v: { p: bigint; q: bigint }): boolean => v.p % v.q === 0n;

function powerFailures(exponentExpr: Expr, base: RationalFunction, from: bigint, variable: string, budget: ExactBudget): IntRange[] | null {
  const notPositive = signFailures(base, from, POS, budget);
  if (notPositive.length === 0) return [];
  const e = mentions(exponentExpr, 'param') || mentions(exponentExpr, 'index') ? null : rationalFunction(exponentExpr, variable);
  const integerExponent = isIntegerValued(exponentExpr, variable);
  // where the base is negative an integer exponent is fine: only its zeros and poles are left to look at
  const candidates = integerExponent ? signFailures(base, from, NEG | POS, budget) : notPositive;
  const count = pointCount(candidates);
  if (count === null || count > BigInt(MAX_POINTS) || e === null) return null;
  const bad: IntRange[] = [];
  for (const n of points(candidates)) {
    const b = rationalValue(base, n);
    const x = rationalValue(e, n);
    const fails = b === 'undefined' || x === 'undefined'
      || (b.p === 0n ? x.p < 0n : b.p < 0n && !isInteger(x));
    if (fails) bad.push({ lo: n, hi: n });
  }
  return mergeRanges(bad);
}

function gammaFailures(a: RationalFunction, from: bigint, budget: ExactBudget): IntRange[] | null {
  const notPositive = signFailures(a, from, POS, budget);
  if (notPositive.length === 0 || isIntegerPolynomial(a)) return notPositive;
  const count = pointCount(notPositive);
  if (count === null || count > BigInt(MAX_POINTS)) return null;
  const bad: IntRange[] = [];
  for (const n of points(notPositive)) {
    const v = rationalValue(a, n);
    if (v === 'undefined' || isInteger(v)) bad.push({ lo: n, hi: n });
  }
  return mergeRanges(bad);
}

/**
 * The integers n ≥ from where the requirement's condition fails (ignoring its
 * guards), or null where this exact route does not apply.
 */
export function exactFailures(req: Requirement, variable: string, from: bigint, budget: ExactBudget): IntRange[] | null {
  if (mentions(req.arg, 'param') || mentions(req.arg, 'index')) return null;
  const a = rationalFunction(req.arg, variable);
  if (a === null) return null;
  try {
    switch (req.condition.kind) {
      case 'sign': return signFailures(a, from, req.condition.allowed, budget);
      case 'power': return powerFailures(req.condition.exponent, a, from, variable, budget);
      case 'gamma': return gammaFailures(a, from, budget);
      case 'factorial': return isIntegerPolynomial(a) ? signFailures(a, from, ZERO | POS, budget) : null;
      // a rational argument is never a pole (π/2 + kπ is irrational); only its own divisions matter
      case 'tan': return signFailures({ num: [1n], den: a.den }, from, NEG | POS, budget);
      case 'integer': return isIntegerPolynomial(a) ? [] : null;
    }
  } catch (err) {
    if (err instanceof PolyLimit) return null;
    throw err;
  }
}
