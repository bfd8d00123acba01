/**
 * Proofs by the ratio, root and Raabe tests: an expression built from the input
 * (a_{n+1}/a_n, q(n)/n, n(a_n/a_{n+1} − 1)), its expansion by our engine, its
 * limit, and the test.
 *
 * Owns: the wording and checks of these three proofs.
 */
import { seriesToString } from '../../asymptotics/print.js';
import { toTex } from '../../parse/print.js';
import { type Limit, limitText } from '../../convergence/readings/limit.js';
import type { RaabeDetail } from '../../convergence/raabe.js';
import type { RatioDetail } from '../../convergence/ratio.js';
import type { RootDetail } from '../../convergence/root.js';
import type { TestRecord } from '../../types.js';
import type { ProofStep } from '../proof.js';
import { type Claimed, coefValue, limitCheck, valueAt } from '../spot-check.js';
import { definitionStep, expansionStep, qAt } from './common.js';
import { inRegion, type StepContext } from './context.js';

function claimed(l: Limit | null, ctx: StepContext): Claimed | null {
  if (!l) return null;
  return l.kind === 'inf' ? l : { kind: 'finite', value: coefValue(l.value, ctx.params) };
}

function conclusion(ctx: StepContext, r: TestRecord, name: string, statement: string): ProofStep {
  const v = ctx.variable;
  return {
    claimTex: `\\sum_{${v} \\ge ${ctx.from}} a_{${v}}\\ \\text{${r.verdict}}${ctx.condition === 'true' ? '' : `\\quad\\text{for } ${ctx.conditionTex}`}`,
    claimText: `Σ a_${v} ${r.verdict}${inRegion(ctx)}`,
    justification: { kind: 'test', name, ref: r.test, text: statement },
  };
}

export function ratioSteps(d: RatioDetail, r: TestRecord, ctx: StepContext): ProofStep[] {
  const v = ctx.variable;
  const conv = r.verdict === 'converges';
  const lim = conv ? d.upper : d.lower;
  const c = claimed(lim, ctx);
  const ratioAt = (n: number) => valueAt(d.ratio, ctx.point, n);
  const ratioClaim: Claimed | null = c === null ? null : d.logRatio ? (c.kind === 'finite' ? { kind: 'finite', value: Math.exp(c.value) } : c.sign > 0 ? { kind: 'inf', sign: 1 } : { kind: 'finite', value: 0 }) : c;
  const shown = d.approx.exact ? seriesToString(d.approx.lo, true) : `\\left[${seriesToString(d.approx.lo, true)},\\ ${seriesToString(d.approx.hi, true)}\\right]`;
  return [
    definitionStep(ctx),
    {
      claimTex: d.logRatio ? `d(${v}) = p(${v}+1) - p(${v}) = ${toTex(d.logRatio)} = ${shown}` : `\\left|\\frac{a_{${v}+1}}{a_{${v}}}\\right| = ${shown}`,
      claimText: `${r.asymptotic ?? ''}`,
      justification: { kind: 'expansion', name: 'expansion after the shift n → n+1', text: `The input with $${v}$ replaced by $${v}+1$ is expanded by the asymptotic engine, never by a CAS limit${inRegion(ctx)}.` },
    },
    {
      claimTex: `${conv ? '\\limsup' : '\\liminf'}_{${v} \\to \\infty} \\frac{a_{${v}+1}}{a_{${v}}} = ${d.ratioLimitTex} ${conv ? '< 1' : '> 1'}`,
      claimText: `${conv ? 'lim sup' : 'lim inf'} a_{${v}+1}/a_${v} = ${d.ratioLimit} ${conv ? '< 1' : '> 1'}`,
      justification: { kind: 'computation', name: 'limit of the ratio', text: d.logRatio ? '$a_{n+1}/a_n = e^{d(n)}$ and $e^x$ is continuous and increasing.' : 'Read off the expansion.' },
      ...(ratioClaim ? { check: limitCheck('a_{n+1}/a_n approaches the claimed limit', ctx.paramsText, ctx.ns, ratioAt, ratioClaim, 'a_{n+1}/a_n') } : {}),
    },
    conclusion(ctx, r, 'ratio test (d\'Alembert)', conv
      ? 'If $\\limsup a_{n+1}/a_n = \\rho < 1$, pick $\\rho < r < 1$: then $a_{n+1} \\le r\\, a_n$ for $n \\ge N_0$, so $a_n \\le a_{N_0} r^{n-N_0}$ and $\\sum a_n$ is dominated by a convergent geometric series.'
      : 'If $\\liminf a_{n+1}/a_n > 1$, then $a_{n+1} \\ge a_n > 0$ for $n \\ge N_0$, so the terms do not tend to 0.'),
  ];
}

function rootLimitTex(l: Limit | null): string {
  if (!l) return '\\text{unknown}';
  if (l.kind === 'inf') return l.sign > 0 ? '0' : '+\\infty';
  return l.value.isZero() ? '1' : `e^{${l.value.neg().toTex()}}`;
}

export function rootSteps(d: RootDetail, r: TestRecord, ctx: StepContext): ProofStep[] {
  const v = ctx.variable;
  const conv = r.verdict === 'converges';
  const lim = conv ? d.lower : d.upper;
  const q = conv ? d.qLower! : d.qUpper!;
  const c = claimed(lim, ctx);
  return [
    definitionStep(ctx),
    expansionStep(ctx, q, null),
    {
      claimTex: `\\frac{q(${v})}{${v}} \\to ${limitText(lim, true)},\\qquad |a_{${v}}|^{1/${v}} = e^{-q(${v})/${v}} \\to ${rootLimitTex(lim)} ${conv ? '< 1' : '> 1'}`,
      claimText: `q(${v})/${v} → ${limitText(lim)}, so |a_${v}|^{1/${v}} → ${r.limit} ${conv ? '< 1' : '> 1'}`,
      justification: { kind: 'computation', name: 'limit of q(n)/n', text: `Divide the expansion by $${v}$ term by term${inRegion(ctx)}.` },
      ...(c ? { check: limitCheck('q(n)/n approaches the claimed limit', ctx.paramsText, ctx.ns, (n) => { const x = qAt(ctx, n); return x === null ? null : x.div(n); }, c, 'q(n)/n') } : {}),
    },
    conclusion(ctx, r, 'root test (Cauchy)', conv
      ? 'If $\\limsup |a_n|^{1/n} = \\rho < 1$, pick $\\rho < r < 1$: $|a_n| \\le r^n$ for $n \\ge N_0$, and $\\sum r^n$ converges.'
      : 'If $|a_n|^{1/n} \\ge 1$ for infinitely many $n$, then $|a_n| \\ge 1$ infinitely often and the terms do not tend to 0.'),
  ];
}

export function raabeSteps(d: RaabeDetail, r: TestRecord, ctx: StepContext): ProofStep[] {
  const v = ctx.variable;
  const conv = r.verdict === 'converges';
  const lim = conv ? d.lower : d.upper;
  const c = claimed(lim, ctx);
  const shown = d.approx.exact ? seriesToString(d.approx.lo, true) : `\\left[${seriesToString(d.approx.lo, true)},\\ ${seriesToString(d.approx.hi, true)}\\right]`;
  return [
    definitionStep(ctx),
    {
      claimTex: `R_{${v}} = ${v}\\left(\\frac{a_{${v}}}{a_{${v}+1}} - 1\\right) = ${toTex(d.raabe)} = ${shown}`,
      claimText: r.asymptotic ?? '',
      justification: { kind: 'expansion', name: 'expansion after the shift n → n+1', text: `${ctx.term ? '' : '$a_n/a_{n+1} = e^{p(n) - p(n+1)}$. '}The expression is expanded by the asymptotic engine${inRegion(ctx)}.` },
    },
    {
      claimTex: `${conv ? '\\liminf' : '\\limsup'}_{${v} \\to \\infty} R_{${v}} = ${limitText(lim, true)} ${conv ? '> 1' : '< 1'}`,
      claimText: `${conv ? 'lim inf' : 'lim sup'} R_${v} = ${limitText(lim)} ${conv ? '> 1' : '< 1'}`,
      justification: { kind: 'computation', name: 'limit of R_n', text: 'Read off the leading terms of the expansion.' },
      ...(c ? { check: limitCheck('R_n approaches the claimed limit', ctx.paramsText, ctx.ns, (n) => valueAt(d.raabe, ctx.point, n), c, 'R_n') } : {}),
    },
    conclusion(ctx, r, "Raabe's test", conv
      ? "If $R_n \\ge r > 1$ for $n \\ge N_0$, then $n a_n - (n+1) a_{n+1} \\ge (r-1) a_{n+1} > 0$: the sequence $n a_n$ decreases, and summing gives $(r-1)\\sum_{n > N_0} a_n \\le N_0 a_{N_0}$, so the partial sums are bounded."
      : "If $R_n \\le 1$ for $n \\ge N_0$, then $(n+1) a_{n+1} \\ge n a_n$, so $a_n \\ge N_0 a_{N_0}/n$ and $\\sum a_n$ diverges by comparison with the harmonic series."),
  ];
}
