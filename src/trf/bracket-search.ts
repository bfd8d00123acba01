/**
 * Bracket search for the least w with a monotone certified predicate.
 *
 * Owns: finding TRF = min{w ≥ from : tail(w) ≤ ε·S} when each test of a w can
 * only say "certainly yes", "certainly no" or "cannot tell" (intervals overlap).
 * The truth is monotone in w (false … false, true … true), so every certified
 * answer moves one end of the bracket [L+1, H]. The search grows w geometrically (×16)
 * until a certified "yes", then bisects — on a log scale (geometric midpoints)
 * while the bracket spans more than a factor 2 — first pushing L up to the end of
 * the "no" region, then H down to the start of the "yes" region. Undecidable
 * points (where tail(w) is within rounding of ε·S) stay inside the bracket.
 * A huge TRF therefore costs ~100 evaluations, never a sum of 10^18 terms.
 */
import { integerRoot } from '../numeric/bigint-math.js';

export type Decision = boolean | undefined;

export interface SearchOptions {
  /** stop when (H − L) ≤ relWidth · H (default 1e-11) */
  readonly relWidth?: number;
  /** give up beyond this w (H stays null) */
  readonly maxW?: bigint;
  /** a hint where the answer is (an estimate); only speeds things up */
  readonly guess?: bigint;
}

export interface SearchResult {
  /** the least w is ≥ lo */
  readonly lo: bigint;
  /** the least w is ≤ hi; null if no certified "yes" was found below maxW */
  readonly hi: bigint | null;
  readonly evaluations: number;
}

const DOUBLE_SAFE = 2n ** 1000n;
const TWO60 = 2n ** 60n;

function midpoint(L: bigint, R: bigint): bigint {
  // geometric mean when the range spans more than a factor 2, arithmetic otherwise
  if (L >= 1n && R > 2n * L) {
    // doubles while they hold the ends; exact integer square roots beyond (TRFs near 10^2000)
    const g = R < DOUBLE_SAFE
      ? BigInt(Math.floor(Math.sqrt(Number(L)) * Math.sqrt(Number(R))))
      : integerRoot(L * R, 2);
    if (g > L && g < R) return g;
  }
  return L + (R - L) / 2n;
}

/** rel as an exact fraction num/2^60 (rounded down: the test below only gets stricter) */
function relFraction(rel: number): bigint {
  return BigInt(Math.floor(rel * 2 ** 60));
}

function closeEnough(L: bigint, R: bigint, rel: number): boolean {
  if (R - L <= 1n) return true;
  // (R − L) ≤ rel·R and R > 1/rel, in exact integer arithmetic (R may exceed the double range)
  const q = relFraction(rel);
  return (R - L) * TWO60 <= q * R && R * q > TWO60;
}

export function searchLeast(from: bigint, decide: (w: bigint) => Decision, options: SearchOptions = {}): SearchResult {
  const rel = options.relWidth ?? 1e-11;
  const maxW = options.maxW ?? 10n ** 300n;
  let evaluations = 0;
  const test = (w: bigint): Decision => {
    evaluations++;
    return decide(w);
  };
  // L: largest certified "no" (from − 1 means none yet); H: smallest certified "yes"
  let L = from - 1n;
  let H: bigint | null = null;
  const first = test(from);
  if (first === true) return { lo: from, hi: from, evaluations };
  if (first === false) L = from;
  // the first undecided point, if any: the boundary is at or after it
  let undecided: bigint | null = first === undefined ? from : null;

  // grow the distance from `from` geometrically (from a guess when there is one)
  let w = from;
  if (options.guess !== undefined && options.guess > from) {
    const g = options.guess;
    const d = test(g);
    if (d === true) H = g;
    else if (d === false) {
      L = g;
      w = g;
    } else {
      undecided ??= g;
      // the hint is within rounding of the answer: look for a certified "no" below it
      // (by factors of 16) and grow from the hint, instead of from `from`
      w = g;
      for (let below = from + (g - from) / 16n; below > L; below = from + (below - from) / 16n) {
        const e = test(below);
        if (e === false) {
          L = below;
          break;
        }
        if (e === true) {
          H = below;
          break;
        }
      }
    }
  }
  while (H === null) {
    w = from + (w - from + 1n) * 16n;
    if (w > maxW) return { lo: L + 1n, hi: null, evaluations };
    const d = test(w);
    if (d === true) H = w;
    else if (d === false) L = w;
    else undecided ??= w;
  }

  // push L up: unknown counts as "not known to be no"
  let R: bigint = H;
  while (!closeEnough(L, R, rel)) {
    const m = midpoint(L, R);
    const d = test(m);
    if (d === false) L = m;
    else {
      R = m;
      if (d === true) H = m;
    }
  }
  // pull H down: unknown counts as "not known to be yes"
  let Lh = L;
  while (!closeEnough(Lh, H, rel)) {
    const m = midpoint(Lh, H);
    const d = test(m);
    if (d === true) H = m;
    else {
      Lh = m;
      if (d === false) L = m;
    }
  }
  void undecided;
  return { lo: L + 1n, hi: H, evaluations };
}
