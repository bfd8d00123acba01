/**
 * Validated integration of f(x) = exp(p(x)) over long ranges, on a log scale.
 *
 * Owns: the block cover of [u_start, u_end] in the variable u = log x, one Taylor
 * model per block, and integral queries. With x = e^u,
 *     ∫ f(x) dx = ∫ h(u) du,   h(u) = exp(p(e^u) + u),
 * and h is smooth on a scale of order 1 in u for every bias of practical
 * interest, so ~1 block per e-fold of x covers [32, 10^30] in about a hundred
 * blocks, whatever the size of the TRF. On each block [u0, u1] with centre c,
 *     h(c + t) = Σ_{k≤K} h_k t^k + h_{K+1}(ξ) t^{K+1},
 * with the h_k enclosed at the point c and h_{K+1} enclosed over the whole
 * block (Taylor-mode AD in interval arithmetic). Integrating the polynomial
 * exactly and the remainder by its bound gives a certified enclosure of any
 * sub-integral; blocks are halved until the remainder is below tolerance.
 */
import type { Expr } from '../parse/expr.js';
import { evalTaylor } from '../numeric/expr-taylor.js';
import * as I from '../numeric/interval.js';
import type { Interval } from '../numeric/interval.js';
import * as T from '../numeric/taylor-interval.js';

export interface LogBlock {
  readonly u0: number;
  readonly u1: number;
  readonly c: number;
  /** Taylor coefficients of h at c, orders 0..K */
  readonly coeffs: T.Series;
  /** bound on |h^{(K+1)}(ξ)/(K+1)!| over the block */
  readonly remainder: number;
  /** enclosure of ∫_{u0}^{u1} h */
  readonly integral: Interval;
  /** the x-range exp([u0, u1]) */
  readonly X: Interval;
}

export interface IntegratorOptions {
  /** Taylor order K */
  readonly order?: number;
  /** accepted remainder relative to max(block integral, scale) */
  readonly relTol?: number;
  /** first trial block width in u */
  readonly initialWidth?: number;
  readonly maxWidth?: number;
  readonly minWidth?: number;
}

/** Why a block could not be modelled (not smooth, domain, overflow). */
export class BlockFailure extends Error {
  readonly u: number;
  constructor(message: string, u: number) {
    super(message);
    this.name = 'BlockFailure';
    this.u = u;
  }
}

/** the largest u we integrate to: e^690 is still a double */
export const U_MAX = 690;

export class LogBlockIntegrator {
  readonly blocks: LogBlock[] = [];
  private readonly K: number;
  private readonly relTol: number;
  private nextWidth: number;
  private readonly maxWidth: number;
  private readonly minWidth: number;

  constructor(
    private readonly p: Expr,
    private readonly variable: string,
    readonly start: number,
    options: IntegratorOptions = {},
  ) {
    this.K = options.order ?? 14;
    this.relTol = options.relTol ?? 1e-16;
    this.nextWidth = options.initialWidth ?? 0.5;
    this.maxWidth = options.maxWidth ?? 2;
    this.minWidth = options.minWidth ?? 1e-6;
  }

  get end(): number {
    return this.blocks.length === 0 ? this.start : this.blocks[this.blocks.length - 1]!.u1;
  }

  /** Build the model of one block (throws when h is not analytic there). */
  build(u0: number, u1: number): LogBlock & { readonly errorBound: number } {
    const K = this.K;
    const c = u0 / 2 + u1 / 2;
    const U: Interval = { lo: u0, hi: u1 };
    const X = I.exp(U);
    const us = T.identity(I.exact(c), K);
    const hs = T.exp(T.add(evalTaylor(this.p, { variable: this.variable, x: T.exp(us), domain: X }), us));
    const uB = T.identity(U, K + 1);
    const hB = T.exp(T.add(evalTaylor(this.p, { variable: this.variable, x: T.exp(uB), domain: X }), uB));
    const remainder = I.mag(T.coef(hB, K + 1));
    const tA = I.sub(I.exact(u0), I.exact(c));
    const tB = I.sub(I.exact(u1), I.exact(c));
    const block = { u0, u1, c, coeffs: hs, remainder, integral: I.ZERO, X };
    const integral = partialIntegral(block, K, tA, tB);
    const errorBound = remainderIntegral(remainder, K, tA, tB);
    return { ...block, integral, errorBound };
  }

  /** Append one block after `end`, adapting its width; `scale` sets the absolute tolerance. */
  extendOne(scale: number): LogBlock {
    let width = this.nextWidth;
    const u0 = this.end;
    for (;;) {
      const u1 = u0 + width;
      if (!(u1 > u0)) throw new BlockFailure('block width below double resolution', u0);
      let built: ReturnType<LogBlockIntegrator['build']> | undefined;
      let failure: unknown;
      try {
        built = this.build(u0, u1);
      } catch (err) {
        failure = err;
      }
      if (built) {
        const tol = this.relTol * Math.max(built.integral.hi, scale);
        const ok = built.errorBound <= tol && Number.isFinite(built.integral.hi);
        if (ok || width <= this.minWidth) {
          if (!Number.isFinite(built.integral.hi)) throw new BlockFailure('overflow in the integrand', u0);
          const { errorBound, ...block } = built;
          this.blocks.push(block);
          // grow when comfortably inside tolerance
          this.nextWidth = errorBound < tol * 1e-3 ? Math.min(this.maxWidth, width * 1.5) : width;
          return block;
        }
      } else if (width <= this.minWidth) {
        const message = failure instanceof Error ? failure.message : String(failure);
        throw new BlockFailure(message, u0);
      }
      width /= 2;
    }
  }

  /** ∫_u^v h for doubles start ≤ u ≤ v ≤ end. */
  integralBetween(u: number, v: number): Interval {
    if (u < this.start || v > this.end || u > v) throw new RangeError(`integral outside the covered range [${this.start}, ${this.end}]`);
    if (u === v) return I.ZERO;
    const j = this.blockIndex(u);
    const k = this.blockIndex(v, true);
    const K = this.K;
    const part = (b: LogBlock, a: number, z: number): Interval => {
      const tA = I.sub(I.exact(a), I.exact(b.c));
      const tB = I.sub(I.exact(z), I.exact(b.c));
      return I.add(partialIntegral(b, K, tA, tB), { lo: -remainderIntegral(b.remainder, K, tA, tB), hi: remainderIntegral(b.remainder, K, tA, tB) });
    };
    if (j === k) return nonNegative(part(this.blocks[j]!, u, v));
    let acc = part(this.blocks[j]!, u, this.blocks[j]!.u1);
    for (let i = j + 1; i < k; i++) acc = I.add(acc, this.blocks[i]!.integral);
    acc = I.add(acc, part(this.blocks[k]!, this.blocks[k]!.u0, v));
    return nonNegative(acc);
  }

  /** ∫_A^B h for interval endpoints (e.g. A = log a for an integer a), using h ≥ 0. */
  integral(A: Interval, B: Interval): Interval {
    const lo0 = Math.max(A.lo, this.start);
    const hi0 = Math.min(B.hi, this.end);
    const outer = this.integralBetween(lo0, hi0);
    const left = this.integralBetween(lo0, Math.min(Math.max(A.hi, lo0), hi0));
    const right = this.integralBetween(Math.max(Math.min(B.lo, hi0), lo0), hi0);
    return nonNegative({ lo: I.sub(I.sub(outer, left), right).lo, hi: outer.hi });
  }

  /** index of the block containing u (the later one at a shared boundary unless `preferEarlier`) */
  blockIndex(u: number, preferEarlier = false): number {
    let lo = 0;
    let hi = this.blocks.length - 1;
    while (lo < hi) {
      const m = (lo + hi + 1) >> 1;
      const b = this.blocks[m]!;
      if (preferEarlier ? b.u0 < u : b.u0 <= u) lo = m;
      else hi = m - 1;
    }
    return lo;
  }
}

function nonNegative(a: Interval): Interval {
  return { lo: Math.max(0, a.lo), hi: Math.max(0, a.hi) };
}

/** ∫_{tA}^{tB} Σ_k h_k t^k dt with interval endpoints */
function partialIntegral(b: { coeffs: T.Series }, K: number, tA: Interval, tB: Interval): Interval {
  let acc: Interval = I.ZERO;
  let pA: Interval = tA;
  let pB: Interval = tB;
  for (let k = 0; k <= K; k++) {
    // pA = tA^{k+1}, pB = tB^{k+1}
    const term = I.div(I.mul(T.coef(b.coeffs, k), I.sub(pB, pA)), I.exact(k + 1));
    acc = I.add(acc, term);
    pA = I.mul(pA, tA);
    pB = I.mul(pB, tB);
  }
  return acc;
}

/** bound on |∫_{tA}^{tB} h_{K+1}(ξ) t^{K+1} dt| */
function remainderIntegral(remainder: number, K: number, tA: Interval, tB: Interval): number {
  const a = I.powInt({ lo: I.mag(tA), hi: I.mag(tA) }, K + 2).hi;
  const b = I.powInt({ lo: I.mag(tB), hi: I.mag(tB) }, K + 2).hi;
  return I.div(I.mul(I.exact(remainder), I.add(I.exact(a), I.exact(b))), I.exact(K + 2)).hi;
}
