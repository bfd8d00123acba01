/**
 * Sound interval arithmetic in decimal.js with directed rounding.
 *
 * Owns: the DInterval type (two Decimals), exact conversion of double intervals
 * into it, and + − × ÷, exp, ln, pow with the lower end rounded toward −∞ and the
 * upper end toward +∞. Used where a certified quantity needs more than double
 * precision or exact accumulation: adding up head terms, the closed forms (ALiBi,
 * Hurwitz zeta), and the final comparison T(w) ≤ ε·S.
 *
 * decimal.js rounds + − × ÷ exactly under the current rounding mode; exp, ln and
 * pow are correctly rounded "almost always", so their results are pushed out by
 * TRANSCENDENTAL_SLACK units in the last place before use.
 */
import { Decimal } from 'decimal.js';
import { registeredClass } from './decimal.js';
import { down, type Interval, up } from './interval.js';

export const DEFAULT_PRECISION = 40;

// registered, so that restoreDecimalState can repair them after an aborted decimal.js routine
const LoCtor = registeredClass({ precision: DEFAULT_PRECISION, rounding: Decimal.ROUND_FLOOR, toExpNeg: -30, toExpPos: 40 });
const HiCtor = registeredClass({ precision: DEFAULT_PRECISION, rounding: Decimal.ROUND_CEIL, toExpNeg: -30, toExpPos: 40 });

export interface DInterval {
  readonly lo: Decimal;
  readonly hi: Decimal;
}

/** relative push-out for transcendental results */
const TRANSCENDENTAL_SLACK = new Decimal(10).pow(-(DEFAULT_PRECISION - 4));

const lo = (x: Decimal.Value): Decimal => new LoCtor(x);
const hi = (x: Decimal.Value): Decimal => new HiCtor(x);

export function point(x: Decimal.Value): DInterval {
  return { lo: lo(x), hi: hi(x) };
}

export function fromBigInt(n: bigint): DInterval {
  return point(n.toString());
}

/** A number ≤ x as a Decimal (exact for safe integers). */
export function decimalBelow(x: number): Decimal {
  if (x === -Infinity) throw new RangeError('unbounded interval cannot become a decimal interval');
  if (Number.isSafeInteger(x)) return lo(x);
  return lo(String(down(x)));
}

/** A number ≥ x as a Decimal (exact for safe integers). */
export function decimalAbove(x: number): Decimal {
  if (x === Infinity) throw new RangeError('unbounded interval cannot become a decimal interval');
  if (Number.isSafeInteger(x)) return hi(x);
  return hi(String(up(x)));
}

/** A double interval as a decimal interval that contains it. */
export function fromInterval(a: Interval): DInterval {
  return { lo: decimalBelow(a.lo), hi: decimalAbove(a.hi) };
}

/** A decimal interval as a double interval that contains it. */
export function toInterval(a: DInterval): Interval {
  return { lo: down(a.lo.toNumber()), hi: up(a.hi.toNumber()) };
}

export const ZERO: DInterval = point(0);

export function add(a: DInterval, b: DInterval): DInterval {
  return { lo: lo(a.lo).plus(b.lo), hi: hi(a.hi).plus(b.hi) };
}

export function sub(a: DInterval, b: DInterval): DInterval {
  return { lo: lo(a.lo).minus(b.hi), hi: hi(a.hi).minus(b.lo) };
}

export function neg(a: DInterval): DInterval {
  return { lo: a.hi.neg(), hi: a.lo.neg() };
}

export function mul(a: DInterval, b: DInterval): DInterval {
  const ps = [[a.lo, b.lo], [a.lo, b.hi], [a.hi, b.lo], [a.hi, b.hi]] as const;
  let l = lo(ps[0][0]).times(ps[0][1]);
  let h = hi(ps[0][0]).times(ps[0][1]);
  for (let i = 1; i < 4; i++) {
    const pl = lo(ps[i]![0]).times(ps[i]![1]);
    const ph = hi(ps[i]![0]).times(ps[i]![1]);
    if (pl.lt(l)) l = pl;
    if (ph.gt(h)) h = ph;
  }
  return { lo: l, hi: h };
}

export function div(a: DInterval, b: DInterval): DInterval {
  if (!(b.lo.gt(0) || b.hi.lt(0))) throw new RangeError('decimal division by an interval that contains 0');
  const r = { lo: new LoCtor(1).div(b.hi), hi: new HiCtor(1).div(b.lo) };
  return mul(a, r);
}

function slackDown(x: Decimal): Decimal {
  return lo(x).minus(x.abs().times(TRANSCENDENTAL_SLACK));
}

function slackUp(x: Decimal): Decimal {
  return hi(x).plus(x.abs().times(TRANSCENDENTAL_SLACK));
}

export function exp(a: DInterval): DInterval {
  return { lo: Decimal.max(0, slackDown(lo(a.lo).exp())), hi: slackUp(hi(a.hi).exp()) };
}

export function ln(a: DInterval): DInterval {
  if (!a.lo.gt(0)) throw new RangeError('ln of a decimal interval that reaches 0');
  return { lo: slackDown(lo(a.lo).ln()), hi: slackUp(hi(a.hi).ln()) };
}

/** a^b with a > 0, as exp(b·ln a) */
export function pow(a: DInterval, b: DInterval): DInterval {
  return exp(mul(b, ln(a)));
}

export function hull(a: DInterval, b: DInterval): DInterval {
  return { lo: Decimal.min(a.lo, b.lo), hi: Decimal.max(a.hi, b.hi) };
}

export function isPositive(a: DInterval): boolean {
  return a.lo.gt(0);
}

/** midpoint and a bound on the distance of any point of the interval from it */
export function midRad(a: DInterval): { mid: Decimal; rad: Decimal } {
  const m = hi(a.lo).plus(a.hi).div(2);
  const r = Decimal.max(hi(a.hi).minus(m), hi(m).minus(a.lo));
  return { mid: m, rad: r };
}

/** relative width (hi − lo)/|mid|, as a number */
export function relWidth(a: DInterval): number {
  const m = a.lo.plus(a.hi).div(2).abs();
  if (m.isZero()) return a.hi.minus(a.lo).isZero() ? 0 : Infinity;
  return a.hi.minus(a.lo).div(m).toNumber();
}

export { Decimal };
