/**
 * The monotonicity step shared by the integral test and Cauchy condensation:
 * f'(x) = p'(x)·f(x), so f decreases where p' < 0; the sign of p' is read on its
 * expansion.
 *
 * Owns: the wording and check of this step.
 */
import { toTex } from '../../parse/print.js';
import type { Monotonicity } from '../../convergence/readings/monotone.js';
import type { ProofStep } from '../proof.js';
import { signCheck, valueAt } from '../spot-check.js';
import { inRegion, type StepContext } from './context.js';

export function monotonicityStep(m: Monotonicity, ctx: StepContext): ProofStep {
  const v = ctx.variable;
  const name = ctx.term ? (ctx.facts.termSign === -1 ? `-a'(${v})` : `a'(${v})`) : `p'(${v})`;
  return {
    claimTex: `${name} = ${toTex(m.slope)} < 0\\quad\\text{for all } ${v} \\ge N_0,\\qquad\\text{so } f \\text{ is decreasing on } [N_0, \\infty)`,
    claimText: `${name} = ${m.text.replace(/^.*?= /, '')} < 0 for all ${v} ≥ N₀, so f is decreasing on [N₀, ∞)`,
    justification: {
      kind: 'expansion', name: 'sign of the derivative',
      text: `The derivative is exact (mathjs, on the expression tree). Its expansion is $${m.tex}$ as $${v} \\to \\infty$; its leading term is negative${inRegion(ctx)}, so there is $N_0$ beyond which ${ctx.term ? "the derivative of $|a|$" : "$p'$"} is negative${ctx.term ? '' : ", and $f' = p' f < 0$ there because $f > 0$"}.`,
    },
    check: signCheck(`${name} < 0 at sample points`, ctx.paramsText, ctx.ns, (n) => valueAt(m.slope, ctx.point, n), -1, name),
  };
}
