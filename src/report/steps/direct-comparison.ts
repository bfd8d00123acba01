/**
 * The direct-comparison proof: b_n from a family, q − g bounded below (or
 * above) on a tail, hence a_n ≤ C·b_n (or a_n ≥ c·b_n) for n ≥ N₀, and the
 * comparison test.
 *
 * Owns: the wording and checks of this proof.
 */
import { seriesToString } from '../../asymptotics/print.js';
import type { DirectComparisonDetail } from '../../convergence/direct-comparison.js';
import { limitText } from '../../convergence/readings/limit.js';
import type { ProofStep } from '../proof.js';
import { CheckDecimal, coefValue, inequalityCheck, limitCheck, seriesValue } from '../spot-check.js';
import { aAt, definitionStep, expansionStep, familyStep, qAt } from './common.js';
import { inRegion, type StepContext } from './context.js';

export function directComparisonSteps(d: DirectComparisonDetail, ctx: StepContext): ProofStep[] {
  const v = ctx.variable;
  const upper = d.direction === 'upper';
  const ref = d.reference;
  const infinite = d.limit.kind === 'inf';
  const q = ctx.facts.q;
  const bAt = (n: number) => new CheckDecimal(-seriesValue(ref.g, n, ctx.params)).exp();
  const claimedDiff = d.limit.kind === 'finite' ? { kind: 'finite' as const, value: coefValue(d.limit.value, ctx.params) } : d.limit;
  const C = infinite ? '' : upper ? 'C\\,' : 'c\\,';
  const abs = d.absolute ? `|a_{${v}}|` : `a_{${v}}`;
  const expansion = d.absolute
    ? { claimTex: `-\\log|a_{${v}}| \\ge ${seriesToString(d.q, true)}`, claimText: `−log|a_${v}| ≥ ${seriesToString(d.q)}`, justification: { kind: 'expansion' as const, name: 'bound on |a_n|', text: 'The bounded factors of the term are replaced by their bounds.' } }
    : expansionStep(ctx, q!.lo, q!.exact ? null : q!.hi);
  return [
    definitionStep(ctx),
    expansion,
    familyStep(ctx, ref),
    {
      claimTex: `${upper ? `q_{\\mathrm{lo}}` : `q_{\\mathrm{hi}}`}(${v}) - g(${v}) = ${seriesToString(d.difference, true)} \\to ${limitText(d.limit, true)},\\qquad g(${v}) = ${seriesToString(ref.g, true)}`,
      claimText: `${upper ? 'the lower' : 'the upper'} bound of q minus g = −log b tends to ${limitText(d.limit)}: ${seriesToString(d.difference)}`,
      justification: { kind: 'expansion', name: 'subtraction of expansions', text: `Term-by-term subtraction; the leading remaining term decides the limit${inRegion(ctx)}.${q && q.exact ? ' Here $q$ is known exactly, so $q_{\\mathrm{lo}} = q_{\\mathrm{hi}} = q$.' : ''}` },
      ...(q && q.exact ? { check: limitCheck('q(n) − g(n) approaches the claimed limit', ctx.paramsText, ctx.ns, (n) => { const x = qAt(ctx, n); return x === null ? null : x.sub(seriesValue(ref.g, n, ctx.params)); }, claimedDiff, 'q(n) − g(n)') } : {}),
    },
    {
      claimTex: `${abs} ${upper ? '\\le' : '\\ge'} ${C}b_{${v}}\\quad\\text{for all } ${v} \\ge N_0`,
      claimText: `${d.absolute ? '|a_n|' : 'a_n'} ${upper ? '≤' : '≥'} ${infinite ? '' : upper ? 'C·' : 'c·'}b_${v} for all ${v} ≥ N₀`,
      justification: {
        kind: 'computation', name: 'exponentiating the bound',
        text: infinite
          ? (upper ? 'Since $q - g \\to +\\infty$ there is $N_0$ with $q(n) - g(n) \\ge 0$, i.e. $a_n = e^{-q(n)} \\le e^{-g(n)} = b_n$, for all $n \\ge N_0$.' : 'Since $q - g \\to -\\infty$ there is $N_0$ with $q(n) - g(n) \\le 0$, i.e. $a_n \\ge b_n$, for all $n \\ge N_0$.')
          : (upper ? 'A function with a finite limit $\\ell$ is at least $\\ell - 1$ on a tail: $q(n) - g(n) \\ge \\ell - 1$ for $n \\ge N_0$, so $a_n \\le C b_n$ with $C = e^{1-\\ell}$.' : 'A function with a finite limit $\\ell$ is at most $\\ell + 1$ on a tail, so $a_n \\ge c\\, b_n$ with $c = e^{-\\ell-1} > 0$ for $n \\ge N_0$.'),
      },
      ...(infinite ? { check: inequalityCheck(`${d.absolute ? '|a_n|' : 'a_n'} ${upper ? '≤' : '≥'} b_n (it must hold from some N₀ on; small n may fail)`, ctx.paramsText, ctx.ns, (n) => aAt(ctx, n), upper ? '<=' : '>=', bAt, ['a_n', 'b_n']) } : {}),
    },
    {
      claimTex: `\\sum_{${v} \\ge ${ctx.from}} a_{${v}}\\ \\text{${upper ? (d.absolute ? 'converges absolutely' : 'converges') : 'diverges'}}${ctx.condition === 'true' ? '' : `\\quad\\text{for } ${ctx.conditionTex}`}`,
      claimText: `Σ a_${v} ${upper ? 'converges' : 'diverges'}${inRegion(ctx)}`,
      justification: {
        kind: 'test', name: 'comparison test', ref: 'direct-comparison',
        text: upper ? 'If $0 \\le |a_n| \\le C b_n$ for $n \\ge N_0$ and $\\sum b_n$ converges, the partial sums of $\\sum |a_n|$ are bounded, so $\\sum a_n$ converges (absolutely).' : 'If $a_n \\ge c\\, b_n > 0$ for $n \\ge N_0$ and $\\sum b_n$ diverges, the partial sums of $\\sum a_n$ are unbounded.',
      },
    },
  ];
}
