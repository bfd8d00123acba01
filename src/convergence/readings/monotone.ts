/**
 * Eventual monotonicity of the terms, for the tests that need non-increasing
 * terms (integral test, Cauchy condensation). With f(x) = e^{p(x)} (or |a(x)|)
 * on real x, f'(x) = p'(x)·e^{p(x)}, so f decreases on [N, ∞) as soon as p' < 0
 * there. p' is computed exactly (mathjs derivative on our tree) and its eventual
 * sign is read by the asymptotic engine, never by sampling.
 *
 * Owns: the derivative of the exponent and the monotonicity verdict.
 */
import * as A from '../../asymptotics/approx.js';
import type { Ctx } from '../../asymptotics/context.js';
import { expand } from '../../asymptotics/expand.js';
import { seriesToString } from '../../asymptotics/print.js';
import type { Expr } from '../../parse/expr.js';
import { derivative } from '../cas/mathjs-tree.js';
import type { SeriesFacts } from '../test.js';

export interface Monotonicity {
  /** the function whose sign decides: p'(x) for a bias, s·a'(x) for a term of sign s */
  readonly slope: Expr;
  readonly slopeApprox: A.Approx;
  /** −1: eventually decreasing; 1: eventually increasing; null: undetermined */
  readonly direction: -1 | 1 | null;
  readonly text: string;
  readonly tex: string;
}

export type MonotonicityResult = Monotonicity | { readonly error: string };

export function monotonicity(facts: SeriesFacts, ctx: Ctx): MonotonicityResult {
  if (facts.termSign === null) return { error: 'the terms change sign' };
  let slope: Expr;
  try {
    const d = derivative(facts.expr, facts.variable);
    slope = facts.termMode && facts.termSign === -1 ? { kind: 'neg', arg: d } : d;
  } catch (e) {
    return { error: `the terms are not differentiable in closed form (${e instanceof Error ? e.message : String(e)})` };
  }
  const approx = expand(slope, ctx);
  const s = A.signOf(approx, ctx);
  const direction = s === 1 ? 1 : s === -1 ? -1 : null;
  const v = facts.variable;
  const name = facts.termMode ? (facts.termSign === -1 ? `-a'(${v})` : `a'(${v})`) : `p'(${v})`;
  const nameTex = name;
  const shown = approx.exact ? `${name} = ${seriesToString(approx.lo)}` : `${seriesToString(approx.lo)} ≤ ${name} ≤ ${seriesToString(approx.hi)}`;
  const shownTex = approx.exact ? `${nameTex} = ${seriesToString(approx.lo, true)}` : `${seriesToString(approx.lo, true)} \\le ${nameTex} \\le ${seriesToString(approx.hi, true)}`;
  return { slope, slopeApprox: approx, direction, text: shown, tex: shownTex };
}
