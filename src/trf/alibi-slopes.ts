/**
 * Per-head ALiBi slopes as real models use them, exactly: slope_h = 2^(−e_h) with a
 * rational exponent e_h, for any head count H.
 *
 * Owns the two slope rules:
 * - `alibi` — the reference implementation's rule (Press et al.'s `get_slopes`, used by
 *   BLOOM; MPT's `gen_slopes` with `alibi_bias_max = B` is the same rule with 8 → B):
 *   for H a power of 2, e_h = B·h/H; otherwise, with p the largest power of 2 below H,
 *   the p slopes of p heads, then every other slope of 2p heads,
 *   e = B·(2k+1)/(2p) for k = 0 … H−p−1. For H = 12, B = 8: 2^−1 … 2^−8, then
 *   2^−0.5, 2^−1.5, 2^−2.5, 2^−3.5.
 * - `geometric` — the paper's 2^(−B·h/H) for every H (equal to `alibi` when H is a power of 2).
 *
 * Exponents are Fractions so that the slopes stay exact expressions for the decider,
 * the TRF and the exported code; `slopeValue` gives the double.
 */
import Fraction from 'fraction.js';
import { InputError } from '../parse/errors.js';

export type SlopeRule = 'alibi' | 'geometric';

export const SLOPE_RULES: readonly SlopeRule[] = ['alibi', 'geometric'];

export interface SlopeOptions {
  /** default `alibi` */
  readonly rule?: SlopeRule;
  /** MPT's alibi_bias_max B (default 8): a positive rational, as a number or exact string */
  readonly biasMax?: number | string;
}

/** The largest head count accepted (bounds the work per input). */
export const MAX_HEADS = 4096;

function checkHeads(H: number): void {
  if (!Number.isSafeInteger(H) || H < 1 || H > MAX_HEADS) {
    throw new InputError('option', `the number of heads must be an integer from 1 to ${MAX_HEADS}, got ${H}`);
  }
}

function biasMaxFraction(b: number | string | undefined): Fraction {
  if (b === undefined) return new Fraction(8);
  let f: Fraction;
  try {
    f = new Fraction(b);
  } catch {
    throw new InputError('option', `the ALiBi bias maximum must be a positive rational number, got ${String(b)}`);
  }
  if (f.s <= 0 || f.n === 0n || (typeof b === 'number' && !Number.isFinite(b))) {
    throw new InputError('option', `the ALiBi bias maximum must be positive, got ${String(b)}`);
  }
  return f;
}

const isPowerOfTwo = (H: number): boolean => (H & (H - 1)) === 0;

/** e_1 … e_H with slope_h = 2^(−e_h), in head order (head h = index + 1). */
export function slopeExponents(H: number, options: SlopeOptions = {}): Fraction[] {
  checkHeads(H);
  const B = biasMaxFraction(options.biasMax);
  const rule = options.rule ?? 'alibi';
  const powerRule = (heads: number): Fraction[] =>
    Array.from({ length: heads }, (_, i) => B.mul(i + 1).div(heads));
  if (rule === 'geometric' || isPowerOfTwo(H)) return powerRule(H);
  const p = 2 ** Math.floor(Math.log2(H));
  const interleaved = Array.from({ length: H - p }, (_, k) => B.mul(2 * k + 1).div(2 * p));
  return [...powerRule(p), ...interleaved];
}

/** The slope 2^(−e) as a double. */
export function slopeValue(e: Fraction): number {
  return 2 ** -e.valueOf();
}
