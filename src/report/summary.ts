/**
 * The report's opening lines, shared by every format: what series is decided,
 * under which assumptions, and the verdict in one sentence.
 *
 * Owns: these sentences.
 */
import type { Report, SpotCheck } from './proof.js';

export function seriesTex(r: Report): string {
  const v = r.variable;
  return r.term ? `\\sum_{${v} \\ge ${r.from}} a_{${v}},\\qquad a_{${v}} = ${r.expressionTex}` : `\\sum_{${v} \\ge ${r.from}} e^{p(${v})},\\qquad p(${v}) = ${r.expressionTex}`;
}

export function headline(r: Report): string {
  const params = r.parameters.length ? ` Parameters: ${r.parameters.join(', ')}.` : '';
  const assume = r.assumptions.length ? ` Assumptions: ${r.assumptionsTex.map((a) => `$${a}$`).join(', ')}.` : '';
  return `${r.term ? 'The series of the terms' : 'The series of the exponentiated relative positional bias'} below, in the variable ${r.variable} from ${r.from}.${params}${assume}`;
}

/** The extrapolation verdicts in words (the report and the playground). */
export const EXTRAPOLATION: Record<string, string> = { guaranteed: 'length extrapolation guaranteed', 'not-guaranteed': 'length extrapolation not guaranteed', unknown: 'length extrapolation unknown' };

export function verdictLine(r: Report): string {
  const c = r.classification;
  if (c.cases.length === 1 && c.cases[0]!.condition === 'true') return `${c.verdict}${r.term ? '' : ` (${EXTRAPOLATION[c.cases[0]!.extrapolation]})`}.`;
  return `${c.verdict}: ${r.cases.map((k) => `${k.verdict} for $${k.conditionTex || '\\text{all}'}$${r.term ? '' : ` (${EXTRAPOLATION[k.extrapolation]})`}`).join('; ')}.`;
}

/** How a check reads: agreement, an eventual claim whose N₀ lies beyond the samples, or disagreement. */
export function checkVerdict(c: SpotCheck): string {
  if (c.ok) return 'Agrees.';
  return c.eventual ? 'Not yet observed at these n: the claim is for n ≥ N₀, and N₀ lies beyond the sample points.' : 'Does not agree at the sample points.';
}
