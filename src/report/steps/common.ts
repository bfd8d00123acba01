/**
 * Steps several proofs share: the definition of a_n and q(n), the asymptotic
 * expansion of q, and the statement that a family member converges or diverges
 * (with the cited proof from rules/families.json).
 *
 * Owns: the wording of these shared steps.
 */
import { seriesToString } from '../../asymptotics/print.js';
import type { Series } from '../../asymptotics/series.js';
import type { Reference } from '../../convergence/readings/reference.js';
import type { ProofStep } from '../proof.js';
import { CheckDecimal, coefValue, fmt, limitCheck, seriesValue, valueAt } from '../spot-check.js';
import { inRegion, inRegionTex, type StepContext, termDefTex } from './context.js';

/** −log a_n as an expression value at n */
export function qAt(ctx: StepContext, n: number): InstanceType<typeof CheckDecimal> | null {
  const v = valueAt(ctx.facts.expr, ctx.point, n);
  if (v === null) return null;
  if (!ctx.term) return v.neg();
  if (v.isZero()) return null;
  return v.abs().ln().neg();
}

/** a_n at n */
export function aAt(ctx: StepContext, n: number): InstanceType<typeof CheckDecimal> | null {
  const v = valueAt(ctx.facts.expr, ctx.point, n);
  if (v === null) return null;
  return ctx.term ? v.abs() : v.exp();
}

export function definitionStep(ctx: StepContext): ProofStep {
  const v = ctx.variable;
  return {
    claimTex: `${termDefTex(ctx)},\\qquad q(${v}) = -\\log |a_{${v}}|${ctx.term ? '' : ` = -p(${v})`}`,
    claimText: ctx.term ? `a_${v} is the given term and q(${v}) = −log|a_${v}|` : `a_${v} = e^{p(${v})} > 0 and q(${v}) = −log a_${v} = −p(${v})`,
    justification: { kind: 'definition', name: 'notation', text: ctx.term ? 'The series is $\\sum a_n$; the tests read $|a_n| = e^{-q(n)}$.' : 'The series is $\\sum_n e^{p(n)}$; every term is positive, so the tests for series of positive terms apply.' },
  };
}

/** q(n) = expansion (exact) or q_lo ≤ q ≤ q_hi (bounds), with a spot check of the explicit terms. */
export function expansionStep(ctx: StepContext, lo: Series, hi: Series | null): ProofStep {
  const v = ctx.variable;
  const exact = hi === null || seriesToString(hi) === seriesToString(lo);
  const claimTex = exact ? `q(${v}) = ${seriesToString(lo, true)}\\quad (${v} \\to \\infty)` : `${seriesToString(lo, true)} \\le q(${v}) \\le ${seriesToString(hi!, true)}\\quad (${v} \\to \\infty)`;
  const claimText = exact ? `q(${v}) = ${seriesToString(lo)} as ${v} → ∞` : `${seriesToString(lo)} ≤ q(${v}) ≤ ${seriesToString(hi!)} as ${v} → ∞`;
  const ns = ctx.ns.filter((n) => n >= 100);
  const check = exact
    ? limitCheck(`the difference between q(n) and the explicit terms of its expansion tends to 0 (it is of the order of the O-term)`, ctx.paramsText, ns, (n) => {
      const q = qAt(ctx, n);
      return q === null ? null : q.sub(seriesValue(lo, n, ctx.params));
    }, { kind: 'finite', value: 0 }, 'q(n) − expansion')
    : undefined;
  return {
    claimTex, claimText,
    justification: {
      kind: 'expansion', name: 'asymptotic expansion',
      text: exact
        ? `Expansion of $q$ by the asymptotic engine (its rules are in the notes), applied exactly to the input${inRegion(ctx) ? `; the signs of the coefficients are fixed${inRegion(ctx)}` : ''}. $O(\\cdot)$ bounds the truncated terms.`
        : 'Bounded parts of the input (oscillating or rounding terms) are replaced by their bounds; the expansions of the bounds are exact up to the $O(\\cdot)$ terms.',
    },
    ...(check ? { check } : {}),
  };
}

/** b_n = e^{−g(n)} belongs to a family of rules/families.json and converges or diverges. */
export function familyStep(ctx: StepContext, ref: Reference, name = 'b'): ProofStep {
  // rules/families.json is the one home of each family's name and wording
  const fam = ctx.families.get(ref.family.id);
  if (!fam) throw new Error(`internal: family ${ref.family.id} is not in rules/families.json`);
  const v = ctx.variable;
  const params = ref.params.map((p) => `${p.name} = ${fmt(coefValue(p.value, ctx.params))}`).join(', ');
  const paramsTex = ref.params.length ? `,\\quad ${ref.whyTex}` : '';
  return {
    claimTex: `${name}_{${v}} = ${ref.family.termTex}${paramsTex}${inRegionTex(ctx)},\\qquad \\sum_{${v}} ${name}_{${v}}\\ ${ref.converges ? '\\text{converges}' : '\\text{diverges}'}`,
    claimText: `${name}_${v} = ${ref.family.termText} (${ref.why}); Σ ${name}_${v} ${ref.converges ? 'converges' : 'diverges'}`,
    justification: {
      kind: 'family', name: fam.name, ref: ref.family.id,
      text: `${fam.conditionText} (rules/families.json, family \`${fam.id}\`). Proof (${fam.proof.method}): ${fam.proof.sketch}`,
      citation: fam.proof.citation,
    },
    ...(params ? { check: { what: `the family's parameters at the sample point`, params: ctx.paramsText, rows: [{ at: ctx.paramsText || 'the input', value: params, ok: true }], ok: true } } : {}),
  };
}

