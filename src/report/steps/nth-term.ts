/**
 * The nth-term (divergence) proof: q is bounded above on a tail (or tends to
 * −∞), so the terms stay above a positive constant and cannot tend to 0.
 *
 * Owns: the wording and check of this proof.
 */
import { seriesToString } from '../../asymptotics/print.js';
import type { TestRecord } from '../../types.js';
import type { ProofStep } from '../proof.js';
import type { Series } from '../../asymptotics/series.js';
import type { SpotCheck } from '../proof.js';
import { CheckDecimal, fmt, fmtN, seriesValue } from '../spot-check.js';
import { aAt, definitionStep, expansionStep } from './common.js';
import { inRegion, type StepContext } from './context.js';

export function nthTermSteps(r: TestRecord, ctx: StepContext): ProofStep[] {
  const v = ctx.variable;
  const q = ctx.facts.q;
  const vals = ctx.ns.map((n) => aAt(ctx, n));
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
      check: boundCheck(ctx, q ? q.hi : null, vals),
    },
    {
      claimTex: `a_{${v}} \\not\\to 0,\\qquad \\sum_{${v} \\ge ${ctx.from}} a_{${v}}\\ \\text{diverges}${ctx.condition === 'true' ? '' : `\\quad\\text{for } ${ctx.conditionTex}`}`,
      claimText: `a_${v} does not tend to 0, so Σ a_${v} diverges${inRegion(ctx)}`,
      justification: { kind: 'test', name: 'nth-term test', ref: 'nth-term', text: 'If $\\sum a_n$ converges, its partial sums $s_N$ form a Cauchy sequence and $a_N = s_N - s_{N-1} \\to 0$.' },
    },
  ];
}

/** |a_n| against the lower bound e^{−q_hi(n)} the proof uses (explicit terms of q_hi). */
function boundCheck(ctx: StepContext, qHi: Series | null, vals: readonly (InstanceType<typeof CheckDecimal> | null)[]): SpotCheck {
  const rows = ctx.ns.map((n, i) => {
    const a = vals[i] ?? null;
    if (!qHi) return { at: `n = ${fmtN(n)}`, value: `|a_n| = ${fmt(a)}`, ok: a !== null && a.gt(0) };
    const bound = new CheckDecimal(-seriesValue(qHi, n, ctx.params)).exp();
    return { at: `n = ${fmtN(n)}`, value: `|a_n| = ${fmt(a)}, e^{−q_hi(n)} = ${fmt(bound)}`, ok: a !== null && a.gte(bound.mul(0.999999)) };
  });
  return { what: qHi ? 'the terms stay above the bound e^{−q_hi(n)} (explicit terms of the upper bound of q), which does not tend to 0' : 'the terms are positive', params: ctx.paramsText, rows, ok: rows.every((r) => r.ok) };
}
