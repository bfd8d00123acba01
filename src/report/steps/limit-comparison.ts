/**
 * The limit-comparison proof: b_n from a family, q − g → ℓ, a_n/b_n → L, and
 * the limit comparison theorem.
 *
 * Owns: the wording and checks of this proof.
 */
import { seriesToString } from '../../asymptotics/print.js';
import type { LimitComparisonDetail } from '../../convergence/limit-comparison.js';
import { limitText } from '../../convergence/readings/limit.js';
import type { ProofStep } from '../proof.js';
import { CheckDecimal, coefValue, limitCheck, seriesValue } from '../spot-check.js';
import { aAt, definitionStep, expansionStep, familyStep, qAt } from './common.js';
import { inRegion, type StepContext } from './context.js';

export function limitComparisonSteps(d: LimitComparisonDetail, ctx: StepContext): ProofStep[] {
  const v = ctx.variable;
  const q = ctx.facts.q!;
  const ref = d.reference;
  const finite = d.limit.kind === 'finite';
  const claimedDiff = d.limit.kind === 'finite' ? { kind: 'finite' as const, value: coefValue(d.limit.value, ctx.params) } : d.limit;
  const diffAt = (n: number) => { const x = qAt(ctx, n); return x === null ? null : x.sub(seriesValue(ref.g, n, ctx.params)); };
  const ratioAt = (n: number) => { const a = aAt(ctx, n); return a === null ? null : a.div(new CheckDecimal(-seriesValue(ref.g, n, ctx.params)).exp()); };
  const L = d.ratioLimitTex;
  const rel = finite ? `0 < L = ${L} < \\infty` : d.limit.kind === 'inf' && d.limit.sign > 0 ? 'L = 0' : 'L = \\infty';
  const verdict = (finite ? ref.converges : d.limit.kind === 'inf' && d.limit.sign > 0) ? 'converges' : 'diverges';
  return [
    definitionStep(ctx),
    expansionStep(ctx, q.lo, null),
    familyStep(ctx, ref),
    {
      claimTex: `q(${v}) - g(${v}) = ${seriesToString(d.difference, true)} \\to ${limitText(d.limit, true)}\\quad (${v} \\to \\infty),\\qquad g(${v}) = -\\log b_{${v}} = ${seriesToString(ref.g, true)}`,
      claimText: `q(${v}) − g(${v}) = ${seriesToString(d.difference)} → ${limitText(d.limit)}, where g = −log b = ${seriesToString(ref.g)}`,
      justification: { kind: 'expansion', name: 'subtraction of expansions', text: `Subtract the exponent of $b_n$ from the expansion of $q$ term by term; ${d.exactMatch ? 'the unbounded terms cancel exactly, and what remains is a constant plus terms that tend to 0' : 'the leading remaining term decides the limit'}${inRegion(ctx)}.` },
      check: limitCheck('q(n) − g(n) approaches the claimed limit', ctx.paramsText, ctx.ns, diffAt, claimedDiff, 'q(n) − g(n)'),
    },
    {
      claimTex: `\\frac{a_{${v}}}{b_{${v}}} = e^{-(q(${v}) - g(${v}))} \\to ${rel}`,
      claimText: `a_${v}/b_${v} = exp(−(q(${v}) − g(${v}))) → L = ${d.ratioLimit}`,
      justification: { kind: 'computation', name: 'continuity of exp', text: finite ? '$x \\mapsto e^{-x}$ is continuous, so the limit passes through it; $e^{-\\ell}$ is positive and finite for finite $\\ell$.' : 'If $q - g \\to +\\infty$ then $e^{-(q-g)} \\to 0$; if $q - g \\to -\\infty$ then $e^{-(q-g)} \\to \\infty$.' },
      check: limitCheck('a_n / b_n approaches L', ctx.paramsText, ctx.ns, ratioAt, claimedDiff.kind === 'finite' ? { kind: 'finite', value: Math.exp(-claimedDiff.value) } : claimedDiff.sign > 0 ? { kind: 'finite', value: 0 } : { kind: 'inf', sign: 1 }, 'a_n/b_n'),
    },
    {
      claimTex: `\\sum_{${v} \\ge ${ctx.from}} a_{${v}}\\ \\text{${verdict}}${ctx.condition === 'true' ? '' : `\\quad\\text{for } ${ctx.conditionTex}`}`,
      claimText: `Σ a_${v} ${verdict}${inRegion(ctx)}`,
      justification: {
        kind: 'test', name: 'limit comparison test', ref: 'limit-comparison',
        text: finite
          ? 'For positive $a_n, b_n$ with $a_n/b_n \\to L \\in (0,\\infty)$ there is $N_0$ with $\\tfrac{L}{2} b_n \\le a_n \\le 2L\\, b_n$ for all $n \\ge N_0$, so $\\sum a_n$ and $\\sum b_n$ converge or diverge together. Finitely many terms do not change convergence.'
          : verdict === 'converges'
            ? 'If $a_n/b_n \\to 0$ there is $N_0$ with $a_n \\le b_n$ for all $n \\ge N_0$; $\\sum b_n$ converges, hence so does $\\sum a_n$.'
            : 'If $a_n/b_n \\to \\infty$ there is $N_0$ with $a_n \\ge b_n$ for all $n \\ge N_0$; $\\sum b_n$ diverges, hence so does $\\sum a_n$.',
      },
    },
  ];
}
