/**
 * The Cauchy-condensation proof: the terms decrease on a tail, the condensed
 * series Σ 2^k a_{2^k} is written out, the test that decides it, and the
 * condensation theorem.
 *
 * Owns: the wording and checks of this proof.
 */
import { toTex } from '../../parse/print.js';
import type { CondensationDetail } from '../../convergence/cauchy-condensation.js';
import type { TestRecord } from '../../types.js';
import type { ProofStep } from '../proof.js';
import type { SpotCheck } from '../proof.js';
import { CheckDecimal, fmt, valueAt } from '../spot-check.js';
import { definitionStep } from './common.js';
import { inRegion, type StepContext } from './context.js';
import { monotonicityStep } from './monotone.js';

export function condensationSteps(d: CondensationDetail, r: TestRecord, ctx: StepContext): ProofStep[] {
  const v = ctx.variable;
  const k = v;
  const inner = d.inner;
  const bTex = ctx.term ? `b_{${k}} = ${toTex(d.condensed)}` : `b_{${k}} = 2^{${k}} a_{2^{${k}}} = e^{p_c(${k})},\\quad p_c(${k}) = ${toTex(d.condensed)}`;
  const bAt = (n: number) => { const x = valueAt(d.condensed, ctx.point, n); return x === null ? null : ctx.term ? x.abs() : x.exp(); };
  const ks = [5, 10, 20, 40];
  return [
    definitionStep(ctx),
    monotonicityStep(d.monotone, ctx),
    {
      claimTex: bTex,
      claimText: `the condensed series has terms b_${k} = 2^${k}·a(2^${k})${ctx.term ? '' : ` = exp(p_c(${k}))`}`,
      justification: { kind: 'definition', name: 'condensed series', text: ctx.term ? 'Substitute $n = 2^k$ and multiply by $2^k$.' : 'Substitute $n = 2^k$ in $p$; the factor $2^k = e^{k \\log 2}$ adds $k \\log 2$ to the exponent.' },
    },
    {
      claimTex: `${inner.asymptoticTex ?? ''}\\quad\\Longrightarrow\\quad \\sum_{${k}} b_{${k}}\\ \\text{${inner.verdict ?? 'undecided'}}`,
      claimText: `${inner.summary}: Σ b_${k} ${inner.verdict}`,
      justification: {
        kind: 'test', name: inner.test === 'nth-term' ? 'nth-term test on the condensed series' : 'comparison on the logarithmic scale', ref: inner.test,
        text: `${inner.summary}${inner.family ? ` (compared with $${inner.family.termTex}$)` : ''}.`,
      },
      check: condensedCheck(inner.verdict === 'converges', ctx, ks, bAt),
    },
    {
      claimTex: `\\sum_{${v} \\ge ${ctx.from}} a_{${v}}\\ \\text{${r.verdict}}${ctx.condition === 'true' ? '' : `\\quad\\text{for } ${ctx.conditionTex}`}`,
      claimText: `Σ a_${v} ${r.verdict}${inRegion(ctx)}`,
      justification: {
        kind: 'test', name: 'Cauchy condensation test', ref: 'cauchy-condensation',
        text: 'For positive non-increasing $a_n$ ($n \\ge N_0$): $\\sum_{n=2^j}^{2^{j+1}-1} a_n$ lies between $2^{j} a_{2^{j+1}}$ and $2^{j} a_{2^j}$, so $\\tfrac12 \\sum_{k > j_0} 2^{k} a_{2^{k}} \\le \\sum_{n \\ge 2^{j_0}} a_n \\le \\sum_{k \\ge j_0} 2^k a_{2^k}$ and both series converge or diverge together.',
      },
    },
  ];
}

/** b_k at a few k: shrinking towards 0 for convergence, not shrinking for divergence. */
function condensedCheck(converges: boolean, ctx: StepContext, ks: readonly number[], bAt: (k: number) => InstanceType<typeof CheckDecimal> | null): SpotCheck {
  const vals = ks.map(bAt);
  const rows = ks.map((k, i) => ({ at: `k = ${k}`, value: `b_k = ${fmt(vals[i]!)}`, ok: vals[i] !== null }));
  const first = vals[0], last = vals[vals.length - 1];
  const ok = !!first && !!last && (converges ? last.lt(first) : last.gte(first.mul(0.5)));
  return { what: converges ? 'the condensed terms b_k decrease towards 0' : 'the condensed terms b_k do not decrease towards 0', params: ctx.paramsText, rows, ok };
}
