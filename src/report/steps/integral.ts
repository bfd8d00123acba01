/**
 * The integral-test proof: f positive and continuous, f decreasing on a tail
 * (sign of p'), a checked antiderivative F, the limit of F, and the integral
 * test (Maclaurin–Cauchy).
 *
 * Owns: the wording and checks of this proof.
 */
import { toAscii, toTex } from '../../parse/print.js';
import type { IntegralDetail } from '../../convergence/integral.js';
import { limitText } from '../../convergence/readings/limit.js';
import type { ProofStep } from '../proof.js';
import { coefValue, limitCheck, signCheck, valueAt } from '../spot-check.js';
import { definitionStep } from './common.js';
import { inRegion, type StepContext } from './context.js';
import { monotonicityStep } from './monotone.js';

export function integralSteps(d: IntegralDetail, ctx: StepContext): ProofStep[] {
  const v = ctx.variable;
  const x = v;
  const F = d.antiderivative;
  const converges = d.limit.kind === 'finite';
  const claimedF = d.limit.kind === 'finite' ? { kind: 'finite' as const, value: coefValue(d.limit.value, ctx.params) } : { kind: 'inf' as const, sign: d.limit.sign };
  return [
    definitionStep(ctx),
    {
      claimTex: `a_{${v}} = f(${v}),\\qquad f(${x}) = ${toTex(d.integrand)}\\quad (${x} \\in \\mathbb{R},\\ ${x} \\ge N)`,
      claimText: `a_${v} = f(${v}) with f(${x}) = ${toAscii(d.integrand)} on real ${x} ≥ N`,
      justification: { kind: 'computation', name: 'rewriting', text: ctx.term ? 'The term as a function of a real variable.' : '$e^{c \\log u} = u^{c}$ for $u > 0$; the other terms of $p$ stay in the exponential. $f$ is positive, and it is continuous wherever it is defined, being built from continuous functions; it is defined for all large real $x$ because the expansion of $p$ exists there.' },
      check: limitCheck('f(n) equals the term a_n', ctx.paramsText, ctx.ns.slice(0, 3), (n) => {
        const a = valueAt(ctx.facts.expr, ctx.point, n), f = valueAt(d.integrand, ctx.point, n);
        return a === null || f === null ? null : (ctx.term ? a : a.exp()).sub(f).abs();
      }, { kind: 'finite', value: 0 }, '|a_n − f(n)|'),
    },
    monotonicityStep(d.monotone, ctx),
    {
      claimTex: `F(${x}) = ${toTex(F.F)},\\qquad F'(${x}) = f(${x})`,
      claimText: `F(${x}) = ${toAscii(F.F)} satisfies F'(${x}) = f(${x})`,
      justification: {
        kind: 'computation', name: 'checked antiderivative',
        text: `$F$ was proposed by ${F.method}. It is not taken on trust: mathjs differentiates $F$ exactly, $F'(${x}) = ${toTex(F.dF)}$, and ${F.symbolic === 'mathjs' ? 'mathjs' : 'nerdamer'} simplifies $F'(${x}) - f(${x})$ to $0$.`,
      },
      check: { what: `F'(${x}) − f(${x}), relative to f(${x}), at sample points (decimal.js, 40 digits)`, params: ctx.paramsText, rows: F.checks.map((c) => ({ at: `${x} = ${c.x}`, value: `|F' − f|/f = ${c.relDiff}`, ok: true })), ok: true },
    },
    {
      claimTex: `F(${x}) \\to ${limitText(d.limit, true)}\\quad (${x} \\to \\infty)`,
      claimText: `F(${x}) → ${limitText(d.limit)} as ${x} → ∞ (F(${x}) = ${d.expansion})`,
      justification: { kind: 'expansion', name: 'asymptotic expansion', text: `$F(${x}) = ${d.expansionTex}$ as $${x} \\to \\infty$ (asymptotic engine)${inRegion(ctx)}: the leading term decides the limit.` },
      check: limitCheck(`F(${x}) approaches the claimed limit`, ctx.paramsText, ctx.ns, (n) => valueAt(F.F, ctx.point, n), claimedF, `F(${x})`),
    },
    {
      claimTex: converges
        ? `\\int_N^{\\infty} f(${x})\\,d${x} = \\lim_{X \\to \\infty} F(X) - F(N) = ${limitText(d.limit, true)} - F(N) < \\infty,\\qquad \\sum_{${v}} a_{${v}}\\ \\text{converges}`
        : `\\int_N^{X} f(${x})\\,d${x} = F(X) - F(N) \\to \\infty,\\qquad \\sum_{${v}} a_{${v}}\\ \\text{diverges}`,
      claimText: converges ? `∫_N^∞ f = lim F − F(N) is finite, so Σ a_${v} converges${inRegion(ctx)}` : `∫_N^X f = F(X) − F(N) → ∞, so Σ a_${v} diverges${inRegion(ctx)}`,
      justification: {
        kind: 'test', name: 'integral test', ref: 'integral',
        text: 'If $f$ is positive, continuous and non-increasing on $[N, \\infty)$, then $\\int_N^{M+1} f \\le \\sum_{n=N}^{M} f(n) \\le f(N) + \\int_N^{M} f$ for every $M \\ge N$ (compare $f(n)$ with $f$ on $[n, n+1]$ and on $[n-1, n]$), so the series and the integral converge or diverge together. Here $N \\ge N_0$ is taken large enough that $F$ is defined on $[N, \\infty)$; the terms before $N$ are finitely many.',
      },
      ...(converges ? {} : { check: signCheck(`F(${x}) − F(10) grows (positive)`, ctx.paramsText, ctx.ns.filter((n) => n > 10), (n) => { const a = valueAt(F.F, ctx.point, n), b = valueAt(F.F, ctx.point, 10); return a === null || b === null ? null : a.sub(b); }, 1, `F(${x}) − F(10)`) }),
    },
  ];
}

