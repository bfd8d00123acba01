/**
 * Proofs for the decider's own tests (logarithmic-scale comparison, bounded
 * perturbation, absolute comparison, the trigonometric non-vanishing lemma,
 * eventually-zero terms), written from their test records.
 *
 * Owns: the statements of these tests and their proof wording.
 */
import type { TestName, TestRecord } from '../../types.js';
import type { ProofStep } from '../proof.js';
import { definitionStep, expansionStep } from './common.js';
import { inRegion, type StepContext } from './context.js';

const STATEMENTS: Partial<Record<TestName, { name: string; text: string }>> = {
  'logarithmic-scale-comparison': {
    name: 'comparison on the logarithmic scale',
    text: 'With $L_0 = \\log n$, $L_1 = \\log\\log n$, …: if $q = L_0 + \\dots + L_{k-1} + r_k$ and $r_k / L_k \\to c$, then for $c > 1$ and $1 < s < c$ eventually $a_n \\le 1/(n L_0 \\cdots L_{k-2} L_{k-1}^{s})$, a convergent Bertrand (or p-) series; for $c < 1$ eventually $a_n \\ge 1/(n L_0 \\cdots L_{k-1})$, a divergent one. Growth beyond every multiple of $\\log n$ compares with a geometric or $e^{-c n^a}$ series.',
  },
  'bounded-perturbation': {
    name: 'bounded-perturbation lemma',
    text: 'If $q = q_0 + b$ with $|b| \\le B$, then $e^{-B} e^{-q_0} \\le e^{-q} \\le e^{B} e^{-q_0}$, so $\\sum e^{-q}$ and $\\sum e^{-q_0}$ converge or diverge together; $q_0$ is then read on the logarithmic scale.',
  },
  'absolute-comparison': {
    name: 'absolute convergence',
    text: 'If $|a_n| \\le u_n$ on a tail and $\\sum u_n$ converges, then $\\sum |a_n|$ converges, and an absolutely convergent series converges.',
  },
  'trigonometric-nonvanishing': {
    name: 'non-vanishing of sin(αn+β)',
    text: '$\\sin(u + \\alpha) = \\sin u \\cos \\alpha + \\cos u \\sin\\alpha$ with $\\sin\\alpha \\ne 0$: if $\\sin(\\alpha n + \\beta) \\to 0$ then also $\\cos(\\alpha n + \\beta) \\to 0$, against $\\sin^2 + \\cos^2 = 1$. So the term does not tend to 0, and the series diverges by the nth-term test.',
  },
  'eventually-zero': { name: 'finite sum', text: 'A series whose terms vanish from some index on is a finite sum.' },
};

export function genericSteps(r: TestRecord, ctx: StepContext): ProofStep[] {
  const v = ctx.variable;
  const st = STATEMENTS[r.test] ?? { name: r.test, text: r.summary };
  const q = ctx.facts.q;
  const steps: ProofStep[] = [definitionStep(ctx)];
  if (q && (r.test === 'logarithmic-scale-comparison' || r.test === 'bounded-perturbation')) steps.push(expansionStep(ctx, q.lo, q.exact ? null : q.hi));
  else if (r.asymptoticTex) steps.push({ claimTex: r.asymptoticTex, claimText: r.asymptotic ?? '', justification: { kind: 'expansion', name: 'asymptotic bound', text: 'From the asymptotic engine; bounded parts are replaced by their bounds.' } });
  steps.push({
    claimTex: `\\sum_{${v} \\ge ${ctx.from}} a_{${v}}\\ \\text{${r.verdict}}${ctx.condition === 'true' ? '' : `\\quad\\text{for } ${ctx.conditionTex}`}${r.family ? `\\qquad\\text{(compared with } ${r.family.termTex}\\text{)}` : ''}`,
    claimText: `${r.summary}${r.family ? ` (compared with ${r.family.termText})` : ''}: Σ a_${v} ${r.verdict}${inRegion(ctx)}`,
    justification: { kind: r.test === 'eventually-zero' ? 'lemma' : 'test', name: st.name, ref: r.test, text: `${st.text} Here: ${r.summary.replace(/[≤≥→∞−·Σ]/g, (c) => ({ '≤': '$\\le$', '≥': '$\\ge$', '→': '$\\to$', '∞': '$\\infty$', '−': '-', '·': '$\\cdot$', 'Σ': '$\\sum$' } as Record<string, string>)[c]!)}.` },
  });
  return steps;
}
