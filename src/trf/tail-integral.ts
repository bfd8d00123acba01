/**
 * Validated integration of f(x) = exp(p(x)) over long ranges with geometric blocks.
 *
 * Owns: the block cover of [x_start, x_end], one Taylor model per block, and
 * integral queries. A block [x0, x1] = c + r·[−1, 1] carries
 *     f(c + r·t) = Σ_{k≤K} f̃_k t^k + f̃_{K+1}(ξ) t^{K+1},   t ∈ [−1, 1],
 * with the f̃_k enclosed at the point c and f̃_{K+1} enclosed over the whole
 * block (Taylor-mode AD in interval arithmetic on the scaled identity
 * x = c + r·t). Integrating the polynomial exactly and the remainder by its bound
 * gives a certified enclosure of any sub-integral. Blocks grow geometrically
 * (x1/x0 up to a few units) and are halved until the remainder is below
 * tolerance, so [32, 10^30] takes on the order of a hundred blocks whatever the
 * size of the TRF. The same block enclosure also yields f^{(j)} over the block
 * for j ≤ K+1, which Euler–Maclaurin needs for its remainder.
 */
import type { Expr } from '../parse/expr.js';
import { compileTaylor } from '../numeric/expr-taylor.js';
import * as Ins from '../numeric/interval.js';
import type { Interval } from '../numeric/interval.js';
import * as Tns from '../numeric/taylor-interval.js';
import type { TaylorSeries } from '../numeric/taylor-interval.js';

// plain-object copies: cheap property access on hot paths (no module-namespace getters)
const I = { ...Ins };
const T = { ...Tns };

export interface Block {
  readonly x0: number;
  readonly x1: number;
  readonly c: number;
  readonly r: number;
  /** scaled Taylor coefficients f̃_k = f^{(k)}(c)·r^k/k!, orders 0..K */
  readonly coeffs: TaylorSeries;
  /** scaled coefficients enclosed over the whole block, orders 0..K+1 */
  readonly range: TaylorSeries;
  /** enclosure of ∫_{x0}^{x1} f */
  readonly integral: Interval;
}

export interface IntegratorOptions {
  /** Taylor order K */
  readonly order?: number;
  /** accepted remainder relative to max(block integral, scale) */
  readonly relTol?: number;
  /** first trial ratio x1/x0 */
  readonly initialRatio?: number;
  readonly maxRatio?: number;
}

/** Why a block could not be modelled (not smooth, domain, overflow). */
export class BlockFailure extends Error {
  readonly x: number;
  constructor(message: string, x: number) {
    super(message);
    this.name = 'BlockFailure';
    this.x = x;
  }
}

/** the largest x we integrate to */
export const X_MAX = 1e300;

const MIN_RELATIVE_WIDTH = 1e-9;

export class BlockIntegrator {
  readonly blocks: Block[] = [];
  private readonly K: number;
  private readonly relTol: number;
  private nextRatio: number;
  private readonly maxRatio: number;
  private readonly f: (x: TaylorSeries, domain: Interval) => TaylorSeries;

  constructor(p: Expr, variable: string, readonly start: number, options: IntegratorOptions = {}) {
    this.K = options.order ?? 20;
    this.relTol = options.relTol ?? 1e-15;
    this.nextRatio = options.initialRatio ?? 1.5;
    this.maxRatio = options.maxRatio ?? 4;
    const compiled = compileTaylor(p, variable);
    const none = new Map<string, Interval>();
    this.f = (x, domain) => T.exp(compiled(x, domain, none));
  }

  get end(): number {
    return this.blocks.length === 0 ? this.start : this.blocks[this.blocks.length - 1]!.x1;
  }

  get order(): number {
    return this.K;
  }

  /** Build the model of one block (throws when f is not analytic there). */
  build(x0: number, x1: number): Block & { readonly errorBound: number } {
    const K = this.K;
    const c = x0 / 2 + x1 / 2;
    const r = (x1 - x0) / 2;
    const X: Interval = { lo: x0, hi: x1 };
    const id = (x: Interval, order: number): TaylorSeries => {
      const s = T.identity(x, order);
      s[2] = r;
      s[3] = r;
      return s;
    };
    const coeffs = this.f(id(I.exact(c), K), X);
    const range = this.f(id(X, K + 1), X);
    const tA = tOf(x0, c, r);
    const tB = tOf(x1, c, r);
    const R = I.mag(T.coef(range, K + 1));
    const integral = I.mul(I.exact(r), polyIntegral(coeffs, K, tA, tB));
    const errorBound = I.mul(I.exact(r), I.exact(remainderIntegral(R, K, tA, tB))).hi;
    return { x0, x1, c, r, coeffs, range, integral, errorBound };
  }

  /** Append one block after `end`, adapting its ratio; `scale` sets the absolute tolerance. */
  extendOne(scale: number): Block {
    let ratio = this.nextRatio;
    const x0 = this.end;
    for (;;) {
      const x1 = x0 * ratio;
      if (!(x1 > x0) || !Number.isFinite(x1)) throw new BlockFailure('block beyond the double range', x0);
      let built: ReturnType<BlockIntegrator['build']> | undefined;
      let failure: unknown;
      try {
        built = this.build(x0, x1);
      } catch (err) {
        failure = err;
      }
      const tooNarrow = ratio - 1 <= MIN_RELATIVE_WIDTH;
      if (built) {
        const tol = this.relTol * Math.max(built.integral.hi, scale);
        const ok = built.errorBound <= tol;
        if (ok || tooNarrow) {
          if (!Number.isFinite(built.integral.hi) || !Number.isFinite(built.errorBound)) throw new BlockFailure('overflow in the integrand', x0);
          const { errorBound, ...rest } = built;
          const block: Block = { ...rest, integral: I.add(rest.integral, { lo: -errorBound, hi: errorBound }) };
          this.blocks.push(block);
          this.nextRatio = errorBound < tol * 1e-4 ? Math.min(this.maxRatio, 1 + (ratio - 1) * 1.6) : ratio;
          return block;
        }
      } else if (tooNarrow) {
        const message = failure instanceof Error ? failure.message : String(failure);
        throw new BlockFailure(message, x0);
      }
      ratio = 1 + (ratio - 1) / 2;
    }
  }

  /** suffix[j] = Σ_{i≥j} integral_i (recomputed when blocks were appended) */
  private suffix: Interval[] = [];

  private suffixSums(): Interval[] {
    if (this.suffix.length !== this.blocks.length + 1) {
      const s: Interval[] = new Array(this.blocks.length + 1);
      s[this.blocks.length] = I.ZERO;
      for (let i = this.blocks.length - 1; i >= 0; i--) s[i] = I.add(s[i + 1]!, this.blocks[i]!.integral);
      this.suffix = s;
    }
    return this.suffix;
  }

  /** Σ_{i=j}^{k−1} integral_i, from suffix sums (tight when the range runs to the end) */
  private blockRange(j: number, k: number): Interval {
    if (k <= j) return I.ZERO;
    if (k - j <= 8) {
      let acc: Interval = I.ZERO;
      for (let i = j; i < k; i++) acc = I.add(acc, this.blocks[i]!.integral);
      return acc;
    }
    const s = this.suffixSums();
    const d = I.sub(s[j]!, s[k]!);
    return { lo: Math.max(0, d.lo), hi: d.hi };
  }

  /** ∫_u^v f for doubles start ≤ u ≤ v ≤ end. */
  integralBetween(u: number, v: number): Interval {
    if (u < this.start || v > this.end || u > v) throw new RangeError(`integral outside the covered range [${this.start}, ${this.end}]`);
    if (u === v) return I.ZERO;
    const j = this.blockIndex(u);
    const k = this.blockIndex(v, true);
    if (j === k) return nonNegative(this.part(this.blocks[j]!, u, v));
    let acc = this.part(this.blocks[j]!, u, this.blocks[j]!.x1);
    acc = I.add(acc, this.blockRange(j + 1, k));
    acc = I.add(acc, this.part(this.blocks[k]!, this.blocks[k]!.x0, v));
    return nonNegative(acc);
  }

  /** ∫_A^B f for interval endpoints (e.g. integers beyond 2^53), using f ≥ 0. */
  integral(A: Interval, B: Interval): Interval {
    const lo0 = Math.max(A.lo, this.start);
    const hi0 = Math.min(B.hi, this.end);
    const outer = this.integralBetween(lo0, hi0);
    const left = this.integralBetween(lo0, Math.min(Math.max(A.hi, lo0), hi0));
    const right = this.integralBetween(Math.max(Math.min(B.lo, hi0), lo0), hi0);
    return nonNegative({ lo: I.sub(I.sub(outer, left), right).lo, hi: outer.hi });
  }

  private part(b: Block, u: number, v: number): Interval {
    if (u === b.x0 && v === b.x1) return b.integral;
    const K = this.K;
    const tA = tOf(u, b.c, b.r);
    const tB = tOf(v, b.c, b.r);
    const R = I.mag(T.coef(b.range, K + 1));
    const rem = remainderIntegral(R, K, tA, tB);
    return I.mul(I.exact(b.r), I.add(polyIntegral(b.coeffs, K, tA, tB), { lo: -rem, hi: rem }));
  }

  /** index of the block containing x (the later one at a shared boundary unless `preferEarlier`) */
  blockIndex(x: number, preferEarlier = false): number {
    let lo = 0;
    let hi = this.blocks.length - 1;
    while (lo < hi) {
      const m = (lo + hi + 1) >> 1;
      const b = this.blocks[m]!;
      if (preferEarlier ? b.x0 < x : b.x0 <= x) lo = m;
      else hi = m - 1;
    }
    return lo;
  }
}

function tOf(x: number, c: number, r: number): Interval {
  return I.div(I.sub(I.exact(x), I.exact(c)), I.exact(r));
}

function nonNegative(a: Interval): Interval {
  return { lo: Math.max(0, a.lo), hi: Math.max(0, a.hi) };
}

/** ∫_{tA}^{tB} Σ_k s_k t^k dt with interval endpoints */
function polyIntegral(s: TaylorSeries, K: number, tA: Interval, tB: Interval): Interval {
  let acc: Interval = I.ZERO;
  let pA: Interval = tA;
  let pB: Interval = tB;
  for (let k = 0; k <= K; k++) {
    const term = I.div(I.mul(T.coef(s, k), I.sub(pB, pA)), I.exact(k + 1));
    acc = I.add(acc, term);
    pA = I.mul(pA, tA);
    pB = I.mul(pB, tB);
  }
  return acc;
}

/** bound on |∫_{tA}^{tB} s_{K+1}(ξ) t^{K+1} dt| given |s_{K+1}| ≤ R */
function remainderIntegral(R: number, K: number, tA: Interval, tB: Interval): number {
  const a = I.powInt({ lo: I.mag(tA), hi: I.mag(tA) }, K + 2).hi;
  const b = I.powInt({ lo: I.mag(tB), hi: I.mag(tB) }, K + 2).hi;
  return I.div(I.mul(I.exact(R), I.add(I.exact(a), I.exact(b))), I.exact(K + 2)).hi;
}

/** The sign of f^{(j)} on the whole block: +1, −1, or 0 when it may change sign (or vanish) there. */
export function derivativeSign(b: Block, j: number): number {
  const c = T.coef(b.range, j);
  return c.lo > 0 ? 1 : c.hi < 0 ? -1 : 0;
}

/** An upper bound of ∫_{x0}^{x1} |f^{(j)}| = mag(f̃_j)·j!·2r / r^j over the block. */
export function absDerivativeIntegral(b: Block, j: number): number {
  let acc: Interval = I.exact(I.mag(T.coef(b.range, j)) * 2);
  acc = { lo: acc.hi, hi: I.up(acc.hi) };
  for (let i = 2; i <= j; i++) acc = I.mul(acc, I.exact(i));
  const rInv = I.recip(I.exact(b.r));
  return I.mul(acc, I.powInt(rInv, j - 1)).hi;
}
