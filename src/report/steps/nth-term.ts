/**
 * The nth-term (divergence) proof: q is bounded above on a tail (or tends to
 * −∞), so the terms stay above a positive constant and cannot tend to 0.
 *
 * Owns: the wording and check of this proof.
 */
import { seriesToString } from '../../asymptotics/print.js';
import type { TestRecord } from '../../types.js';
import type { ProofStep } from '../proof.js';
import { fmt, fmtN } from '../spot-check.js';
import { aAt, definitionStep, expansionStep } from './common.js';
import { inRegion, type StepContext } from './context.js';

export function nthTermSteps(r: TestRecord, ctx: StepContext): ProofStep[] {
  const v = ctx.variable;
  const q = ctx.facts.q;
  const vals = ctx.ns.map((n) => aAt(ctx, n));
  const last = vals[vals.length - 1], first = vals[0];
  const toMinusInf = /−∞|-∞/.test(r.summary);
  return [
    definitionStep(ctx),
    ...(q ? [expansionStep(ctx, q.lo, q.exact ? null : q.hi)] : [{
      claimTex: r.asymptoticTex ?? '', claimText: r.asymptotic ?? '',
      justification: { kind: 'expansion' as const, name: 'lower bound of |a_n|', text: 'The bounded factors of the term are replaced by their bounds.' },
    }]),
    {
      claimTex: toMinusInf
        ? `q(${v}) \\to -\\infty,\\ \\text{so}\\ |a_{${v}}| = e^{-q(${v})} \\ge 1\\quad\\text{for all } ${v} \\ge N_0`
        : `q(${v}) \\le M\\quad\\text{for all } ${v} \\ge N_0,\\ \\text{so}\\ |a_{${v}}| \\ge e^{-M} > 0\\quad\\text{for all } ${v} \\ge N_0`,
      claimText: toMinusInf ? `q(${v}) → −∞, so |a_${v}| ≥ 1 for all ${v} ≥ N₀` : `q(${v}) ≤ M for all ${v} ≥ N₀, so |a_${v}| ≥ e^{−M} > 0 there`,
      justification: { kind: 'computation', name: 'bound on the terms', text: `${q && !q.exact ? `The upper bound of $q$ is $${seriesToString(q.hi, true)}$. ` : ''}${toMinusInf ? 'Its leading term is negative and unbounded' : 'Its terms are constants and terms that tend to 0, so it has a finite limit and is bounded above on a tail'}${inRegion(ctx)}.` },
      check: {
        what: 'the terms do not approach 0', params: ctx.paramsText,
        rows: ctx.ns.map((n, i) => ({ at: `n = ${fmtN(n)}`, value: `|a_n| = ${fmt(vals[i]!)}`, ok: vals[i] !== null && vals[i]!.gt(0) })),
        ok: !!last && !!first && last.gte(first.mul(0.01)),
      },
    },
    {
      claimTex: `a_{${v}} \\not\\to 0,\\qquad \\sum_{${v} \\ge ${ctx.from}} a_{${v}}\\ \\text{diverges}${ctx.condition === 'true' ? '' : `\\quad\\text{for } ${ctx.conditionTex}`}`,
      claimText: `a_${v} does not tend to 0, so Σ a_${v} diverges${inRegion(ctx)}`,
      justification: { kind: 'test', name: 'nth-term test', ref: 'nth-term', text: 'If $\\sum a_n$ converges, its partial sums $s_N$ form a Cauchy sequence and $a_N = s_N - s_{N-1} \\to 0$.' },
    },
  ];
}
