/**
 * decimal.js classes by precision (cached clones), so evaluation never changes
 * the global Decimal configuration.
 */
import { Decimal } from 'decimal.js';

/** Highest precision a caller may ask for (decimal.js knows π and ln 10 to ~1025 digits). */
export const MAX_PRECISION = 500;

const classes = new Map<number, Decimal.Constructor>();

/** A Decimal class with `precision` significant digits, rounding half-even. */
export function decimalClass(precision: number): Decimal.Constructor {
  const p = Math.max(1, Math.min(Math.ceil(precision), 1000));
  let D = classes.get(p);
  if (D === undefined) {
    D = Decimal.clone({ defaults: true, precision: p, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -7, toExpPos: 21 });
    classes.set(p, D);
  }
  return D;
}
