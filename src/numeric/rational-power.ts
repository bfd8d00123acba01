/**
 * Exact powers of rationals, within a size bound.
 *
 * Owns: writing a positive rational as b0^j with b0 not a perfect power (so that
 * √8 = 2^(3/2) and √(10^400) = 10^200 are recognised), exact integer powers when
 * the result stays under MAX_EXACT_BITS, and the size estimate that says when they
 * would not (2^(2^20) must stay symbolic rather than be expanded digit by digit).
 */
import Fraction from 'fraction.js';
import { bitLength, exactRoot } from './bigint-math.js';

/** Exact rationals above this many bits (numerator plus denominator) stay symbolic. */
export const MAX_EXACT_BITS = 8192;

/** prime root indices tried when reducing a base; larger prime powers are left alone */
const PRIMES = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97, 101, 103, 107, 109, 113, 127];

export const fractionBits = (f: Fraction): number => bitLength(f.n) + bitLength(f.d);

/** log2 of a positive bigint, to a few bits */
function log2(n: bigint): number {
  if (n <= 0n) return 0;
  const b = bitLength(n);
  if (b <= 53) return Math.log2(Number(n));
  return b - 53 + Math.log2(Number(n >> BigInt(b - 53)));
}

const reduced = new Map<string, { root: Fraction; j: number }>();

/** f = root^j for a positive f, with j as large as the prime indices allow (j = 1 when f is no perfect power). */
export function perfectPower(f: Fraction): { root: Fraction; j: number } {
  if (f.compare(0) <= 0) throw new RangeError('perfectPower of a non-positive number');
  const key = f.toFraction();
  const hit = reduced.get(key);
  if (hit) return hit;
  let n = f.n, d = f.d, j = 1;
  if (bitLength(n) + bitLength(d) <= MAX_EXACT_BITS && !(n === 1n && d === 1n)) {
    for (const p of PRIMES) {
      for (;;) {
        if ((n > 1n && bitLength(n) < p) || (d > 1n && bitLength(d) < p)) break;
        const rn = n === 1n ? 1n : exactRoot(n, p);
        if (rn === null) break;
        const rd = d === 1n ? 1n : exactRoot(d, p);
        if (rd === null) break;
        n = rn; d = rd; j *= p;
      }
    }
  }
  const out = { root: new Fraction(n, d), j };
  if (reduced.size > 4096) reduced.clear();
  reduced.set(key, out);
  return out;
}

/** b^k for an integer k, or null when the result would exceed MAX_EXACT_BITS */
export function exactIntPow(b: Fraction, k: bigint): Fraction | null {
  if (k === 0n) return new Fraction(1);
  if (b.equals(0)) return k > 0n ? new Fraction(0) : null;
  const m = k < 0n ? -k : k;
  if (b.n === 1n && b.d === 1n) return new Fraction(b.s < 0n && m % 2n === 1n ? -1 : 1);
  if (m > BigInt(MAX_EXACT_BITS) || Number(m) * (log2(b.n) + log2(b.d)) > MAX_EXACT_BITS) return null;
  const sign = b.s < 0n && m % 2n === 1n ? -1n : 1n;
  const n = b.n ** m, d = b.d ** m;
  return k < 0n ? new Fraction(sign * d, n) : new Fraction(sign * n, d);
}
