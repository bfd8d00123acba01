/**
 * The sign of an integer polynomial at every integer n ≥ from, exactly.
 *
 * Owns: `integerSignRanges`, which splits [from, ∞) into maximal runs of
 * integers on which F has one sign (−1, 0 or +1). The real roots of F are
 * isolated with a Sturm sequence of its square-free part, bisecting only at
 * integers: a cell (a, a+1] with roots in it contributes the single integer
 * a+1, evaluated exactly, and between cells the sign is constant, read off one
 * exact evaluation. Beyond the Cauchy root bound the sign is that of the leading
 * coefficient. Irrational roots therefore never produce a false alarm (n² − 2
 * has no integer zero), and roots far out (n − 10⁶, n − 10³⁰⁰) are found after
 * a logarithmic number of Sturm evaluations. The work is capped; past the cap
 * the answer is PolyLimit, and the caller falls back to enclosures.
 */
import { checkSize, degree, derivative, evaluate, lead, neg, type Poly, PolyLimit, primitive, pseudoDivide, squareFree } from './poly.js';

export type Sign = -1 | 0 | 1;

/** A run of consecutive integers lo, …, hi (hi null: unbounded) with one sign. */
export interface SignRange {
  readonly lo: bigint;
  /** inclusive; null for +∞ */
  readonly hi: bigint | null;
  readonly sign: Sign;
}

/** Most polynomial evaluations (counted per Sturm-sequence member) one call may do. */
const MAX_EVALUATIONS = 20_000;

/** Work left for several calls together (one domain check shares one), in polynomial evaluations. */
export interface ExactBudget { evaluations: number }

const signOf = (x: bigint): Sign => (x > 0n ? 1 : x < 0n ? -1 : 0);

function sturmSequence(s: Poly, charge: (work: number) => void): Poly[] {
  const seq: Poly[] = [s, primitive(derivative(s))];
  while (degree(seq[seq.length - 1]!) > 0) {
    // a pseudo-division costs about deg² coefficient products: charged as that many evaluations' worth
    charge(Math.ceil((degree(seq[seq.length - 2]!) * degree(seq[seq.length - 1]!)) / 8) + 1);
    const { r } = pseudoDivide(seq[seq.length - 2]!, seq[seq.length - 1]!);
    if (r.length === 0) break; // cannot happen for a square-free s; harmless otherwise
    seq.push(primitive(neg(r)));
  }
  return seq;
}

/** 1 + max |a_i / a_d|, rounded up: every real root lies in (−B, B). */
function cauchyBound(f: Poly): bigint {
  const ld = lead(f) < 0n ? -lead(f) : lead(f);
  let m = 0n;
  for (let i = 0; i < f.length - 1; i++) {
    const a = f[i]! < 0n ? -f[i]! : f[i]!;
    const q = (a + ld - 1n) / ld;
    if (q > m) m = q;
  }
  return m + 1n;
}

/**
 * Maximal runs of integers n ≥ from on which F(n) has a constant sign, in
 * increasing order; the last run is unbounded. Throws PolyLimit past the caps.
 */
export function integerSignRanges(f: Poly, from: bigint, shared?: ExactBudget): SignRange[] {
  checkSize(f);
  if (f.length === 0) return [{ lo: from, hi: null, sign: 0 }];
  if (f.length === 1) return [{ lo: from, hi: null, sign: signOf(f[0]!) }];
  const bound = cauchyBound(f);
  const tailSign = signOf(lead(f));
  if (from >= bound) return [{ lo: from, hi: null, sign: tailSign }];

  let evaluations = 0;
  const charge = (work: number): void => {
    evaluations += work;
    if (shared) shared.evaluations -= work;
    if (evaluations > MAX_EVALUATIONS || (shared && shared.evaluations < 0)) throw new PolyLimit('too many Sturm evaluations');
  };
  const seq = sturmSequence(squareFree(f), charge);
  const variations = (x: bigint): number => {
    charge(seq.length);
    let count = 0;
    let last: Sign = 0;
    for (const p of seq) {
      const s = signOf(evaluate(p, x));
      if (s === 0) continue;
      if (last !== 0 && s !== last) count++;
      last = s;
    }
    return count;
  };

  // cells (a, a+1] that hold at least one root, found by bisection over integers
  const cells: bigint[] = [];
  const stack: { a: bigint; b: bigint; va: number; vb: number }[] = [];
  const a0 = from - 1n;
  const b0 = bound;
  stack.push({ a: a0, b: b0, va: variations(a0), vb: variations(b0) });
  while (stack.length > 0) {
    const { a, b, va, vb } = stack.pop()!;
    if (va - vb <= 0) continue;
    if (b - a === 1n) { cells.push(a); continue; }
    const m = a + (b - a) / 2n;
    const vm = variations(m);
    // right half first on the stack, so cells come out in increasing order
    stack.push({ a: m, b, va: vm, vb });
    stack.push({ a, b: m, va, vb: vm });
  }

  const out: SignRange[] = [];
  const push = (lo: bigint, hi: bigint | null, sign: Sign): void => {
    if (hi !== null && hi < lo) return;
    const prev = out[out.length - 1];
    if (prev && prev.sign === sign && prev.hi !== null && prev.hi + 1n === lo) out[out.length - 1] = { lo: prev.lo, hi, sign };
    else out.push({ lo, hi, sign });
  };
  let next = from; // the first integer not yet described
  for (const a of cells) {
    // integers next … a hold no root: one sign, read at a
    if (a >= next) push(next, a, signOf(evaluate(f, a)));
    const r = a + 1n;
    push(r, r, signOf(evaluate(f, r)));
    next = r + 1n;
  }
  // past the last cell no root remains; the sign is that of the leading coefficient
  push(next, null, tailSign);
  return out;
}
