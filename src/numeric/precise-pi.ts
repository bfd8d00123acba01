/**
 * π to any number of digits, as a certified interval.
 *
 * Owns: Machin's formula π = 16·atan(1/5) − 4·atan(1/239) in bigint fixed point,
 * with an explicit error count, cached at the largest precision asked for. decimal.js
 * knows π only to about 1025 digits; reducing sin(10^2000) mod 2π needs more.
 */
import { Arith, type PInterval } from './precise-interval.js';

/** digits past which π is not computed (the caller gives up instead) */
export const MAX_PI_DIGITS = 60000;

interface Cached { readonly digits: number; readonly value: bigint; readonly err: bigint }
let cached: Cached | null = null;

/**
 * Σ_k (−1)^k / ((2k+1)·x^(2k+1)) scaled by `scale`, each term truncated toward 0.
 * Returns the sum and a bound on its error in units (one per term, plus the tail,
 * which is below the first term that truncates to 0).
 */
function atanInverse(x: bigint, scale: bigint): { sum: bigint; err: bigint } {
  const x2 = x * x;
  let power = scale / x; // scale / x^(2k+1)
  let sum = 0n, terms = 0n;
  for (let k = 0n; power !== 0n; k++) {
    const t = power / (2n * k + 1n);
    sum += k % 2n === 0n ? t : -t;
    power /= x2;
    terms++;
  }
  // each truncated quotient (power and t) is off by < 1 unit: 2 per term, plus the tail (< 1)
  return { sum, err: 2n * terms + 1n };
}

function compute(digits: number): Cached {
  const scale = 10n ** BigInt(digits);
  const a = atanInverse(5n, scale), b = atanInverse(239n, scale);
  return { digits, value: 16n * a.sum - 4n * b.sum, err: 16n * a.err + 4n * b.err };
}

/** π enclosed with `digits` significant digits (more are computed, for the error count). */
export function piInterval(digits: number): PInterval {
  if (digits > MAX_PI_DIGITS) throw new RangeError(`π beyond ${MAX_PI_DIGITS} digits`);
  const need = digits + 10;
  if (cached === null || cached.digits < need) cached = compute(Math.max(need, cached ? Math.ceil(cached.digits * 1.5) : 64));
  const A = Arith.at(digits);
  const scale = 10n ** BigInt(cached.digits);
  const lo = A.rational(cached.value - cached.err, scale).lo;
  const hi = A.rational(cached.value + cached.err, scale).hi;
  return { lo, hi };
}
