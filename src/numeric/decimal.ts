/**
 * decimal.js classes by precision (cached clones), so evaluation never changes
 * the global Decimal configuration; and the repair of decimal.js's state after one
 * of its errors.
 *
 * decimal.js's sin, cos, atan, ln, … raise a class's precision while they work
 * (sin(x) works at precision + exponent of x) and clear a module-wide "external"
 * flag (work unrounded). A few of them throw (precision limit exceeded: sin of
 * 2^(2^20) needs π to 315 653 digits) without putting either back. After that the
 * class computes at the raised precision, or every class computes unrounded, and
 * 2^(2^20) at 40 digits takes minutes. So classes are made here, with their
 * intended settings recorded, and whoever catches a decimal.js error calls
 * restoreDecimalState().
 */
import { Decimal } from 'decimal.js';

/** Highest precision a caller may ask for (decimal.js knows π and ln 10 to ~1025 digits). */
export const MAX_PRECISION = 500;

const classes = new Map<number, Decimal.Constructor>();
const intended: { readonly D: Decimal.Constructor; readonly precision: number; readonly rounding: Decimal.Rounding }[] = [
  // the global class is never configured in this project: its defaults are what it should have
  { D: Decimal, precision: Decimal.precision, rounding: Decimal.rounding },
];

/** A Decimal class with these settings (a fresh clone from the defaults), repaired by restoreDecimalState. */
export function registeredClass(config: Decimal.Config & { readonly precision: number; readonly rounding: Decimal.Rounding }): Decimal.Constructor {
  const D = Decimal.clone({ defaults: true, ...config });
  intended.push({ D, precision: config.precision, rounding: config.rounding });
  return D;
}

/** A Decimal class with `precision` significant digits, rounding half-even. */
export function decimalClass(precision: number): Decimal.Constructor {
  const p = Math.max(1, Math.min(Math.ceil(precision), 1000));
  let D = classes.get(p);
  if (D === undefined) {
    D = registeredClass({ precision: p, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -7, toExpPos: 21 });
    classes.set(p, D);
  }
  return D;
}

/** Put back what an aborted decimal.js routine left changed: the "external" flag and each class's precision and rounding. */
export function restoreDecimalState(): void {
  new Decimal(2).sqrt(); // clears the flag and sets it again on its way out
  for (const { D, precision, rounding } of intended) {
    if (D.precision !== precision || D.rounding !== rounding) D.set({ precision, rounding });
  }
}
