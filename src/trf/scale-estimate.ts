/**
 * A rough, uncertified estimate of S used only to set tolerances.
 *
 * Owns: choosing how precise each integration block must be. The estimate is a
 * float64 trapezoid rule for ∫ f(e^u)·e^u du on a coarse grid in u = log x plus
 * the head; it never enters a certified result (a bad estimate only makes the
 * certified brackets wider or the computation slower).
 */
import type { Expr } from '../parse/expr.js';
import { compileFloat } from '../numeric/float.js';

export function estimateScale(p: Expr, variable: string, from: number, headEnd: number): number {
  const f = compileFloat(p, variable);
  const term = (x: number): number => {
    const v = Math.exp(f(x));
    return Number.isFinite(v) ? v : 0;
  };
  let head = 0;
  for (let n = from; n < headEnd; n++) head += term(n);
  let tail = 0;
  let peak = 0;
  const step = 0.25;
  for (let u = Math.log(headEnd); u < 690; u += step) {
    const h = term(Math.exp(u)) * Math.exp(u);
    tail += h * step;
    peak = Math.max(peak, h);
    // far past the peak and negligible: stop (only a tolerance depends on it)
    if (peak > 0 && h < peak * 1e-30 && u > Math.log(headEnd) + 5) break;
  }
  const s = head + tail;
  return Number.isFinite(s) && s > 0 ? s : Number.MIN_VALUE;
}
