/**
 * Certified tail integrals J(U) = ∫_U^∞ e^{g(u)} du over the whole unbounded range, for
 * tails too slow for one power-law sandwich (Bertrand-type: e^p ~ 1/(n·log²n)).
 *
 * Owns: a block cover [U0, B] (validated Taylor-model integration, ./tail-integral.ts)
 * closed beyond B by either
 *   - the power-law sandwich of ./tail-closure.ts in the variable u (with its bounded
 *     perturbation split off), ∫_B^∞ e^{g0} ∈ e^{g0(B)}·B·[1/(s_hi−1), 1/(s_lo−1)]; or
 *   - one more change of variables u = e^v (./log-scale.ts), an exact identity
 *     ∫_B^∞ e^{g(u)} du = ∫_{ln B}^∞ e^{g(e^v)+v} dv, modelled the same way one level
 *     down (at most three levels: log n, log log n, log log log n).
 * J is non-increasing in U (the integrand is positive), so J over an interval of lower
 * limits is bracketed by its values at the two ends.
 */
import type { Expr } from '../parse/expr.js';
import { evalInterval } from '../numeric/expr-interval.js';
import * as Ins from '../numeric/interval.js';
import type { Interval } from '../numeric/interval.js';
import { logScale } from './log-scale.js';
import { perturb, powerLawIntegral, powerLawSides } from './tail-closure.js';
import { BlockIntegrator, X_MAX } from './tail-integral.js';

const I = { ...Ins };

/** levels of u = e^v below the first one */
export const MAX_LOG_DEPTH = 3;

type Close =
  | { readonly kind: 'power'; readonly B: number; readonly main: Expr; readonly r: Interval; readonly sLo: number; readonly sHi: number; readonly total: Interval }
  | { readonly kind: 'nested'; readonly B: number; readonly inner: IntegralTail; readonly total: Interval };

export class IntegralTail {
  readonly integrator: BlockIntegrator;
  private close: Close | null = null;
  openReason: string | null = null;

  constructor(readonly g: Expr, readonly variable: string, readonly U0: number, readonly depth: number, private readonly maxBlocks = 80) {
    this.integrator = new BlockIntegrator(g, variable, U0);
  }

  /** extend until the tail beyond the blocks is bracketed within relTol × (the whole integral); false when it never is */
  build(relTol: number): boolean {
    let running = 0;
    let nestedTries = 0;
    for (;;) {
      if (this.integrator.blocks.length >= this.maxBlocks || this.integrator.end >= X_MAX / 16) {
        this.openReason = `the log-scale tail (level ${this.depth}) did not close within ${this.integrator.blocks.length} blocks`;
        return false;
      }
      let block;
      try {
        block = this.integrator.extendOne(Math.max(running, Number.MIN_VALUE));
      } catch (err) {
        this.openReason = `the log-scale integrand (level ${this.depth}) is not certifiably smooth: ${err instanceof Error ? err.message : String(err)}`;
        return false;
      }
      running += Math.max(0, block.integral.lo);
      const B = block.x1;
      if (!(B > 1)) continue;
      const power = this.powerAt(B);
      // the bracket's width against the whole integral (the part beyond B usually dominates)
      if (power && power.total.hi - power.total.lo <= relTol * (running + power.total.lo)) {
        this.close = power;
        return true;
      }
      // one level down, a few times at most (each try builds a model)
      if (!power && this.depth < MAX_LOG_DEPTH && B >= 16 && this.integrator.blocks.length % 8 === 0 && nestedTries < 3) {
        nestedTries++;
        const V = I.log(I.exact(B));
        const inner = new IntegralTail(logScale(this.g, this.variable), this.variable, V.lo, this.depth + 1, this.maxBlocks);
        if (inner.build(relTol)) {
          const total = inner.integralAt(V);
          if (total.hi - total.lo <= relTol * (running + total.lo)) {
            this.close = { kind: 'nested', B, inner, total };
            return true;
          }
        }
      }
    }
  }

  private powerAt(B: number): Close | null {
    const X = I.exact(B);
    const sides = powerLawSides(this.g, this.variable, X);
    if (!sides) return null;
    try {
      const f0 = I.exp(evalInterval(sides.main, { variable: this.variable, x: X }));
      const total = perturb(sides.r, powerLawIntegral(sides, X, f0));
      if (!Number.isFinite(total.hi)) return null;
      return { kind: 'power', B, ...sides, total };
    } catch {
      return null;
    }
  }

  /** ∫_u^∞ e^g for a double u ≥ U0 */
  private at(u: number): Interval {
    const c = this.close;
    if (c === null) throw new Error('the log-scale tail is open');
    if (u < this.U0) throw new RangeError('log-scale tail queried below its start');
    if (u <= c.B) return I.add(this.integrator.integral(I.exact(u), I.exact(c.B)), c.total);
    const X = I.exact(u);
    if (c.kind === 'power') {
      const f0 = I.exp(evalInterval(c.main, { variable: this.variable, x: X }));
      return perturb(c.r, powerLawIntegral(c, X, f0));
    }
    return c.inner.integralAt(I.log(X));
  }

  /** ∫_U^∞ e^g for an interval of lower limits U (U.lo ≥ U0) */
  integralAt(U: Interval): Interval {
    if (U.lo === U.hi) return this.at(U.lo);
    return { lo: this.at(U.hi).lo, hi: this.at(U.lo).hi };
  }

  describe(): string {
    const c = this.close;
    const blocks = `${this.integrator.blocks.length} blocks in u = log${this.depth === 1 ? '' : `^(${this.depth})`} n`;
    if (c === null) return blocks;
    if (c.kind === 'power') {
      const sHi = c.sHi === Infinity ? '∞' : Number(c.sHi.toPrecision(6)).toString();
      return `${blocks}, closed beyond u = ${Number(c.B.toPrecision(6))} by ${Number(c.sLo.toPrecision(6))} ≤ −u·q'(u) ≤ ${sHi}` +
        (c.r.lo === 0 && c.r.hi === 0 ? '' : ` with a bounded remainder in [${c.r.lo.toExponential(2)}, ${c.r.hi.toExponential(2)}]`);
    }
    return `${blocks}, then ${c.inner.describe()}`;
  }
}
