/**
 * The report's opening lines, shared by every format: what series is decided,
 * under which assumptions, and the verdict in one sentence.
 *
 * Owns: these sentences.
 */
import type { ProofStep, Report, SpotCheck } from './proof.js';

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

/** Words for the contract's tokens, where a person reads them (the JSON keeps the tokens). */
export const VERDICT_WORDS: Record<string, string> = { converges: 'converges', diverges: 'diverges', unknown: 'unknown', conditional: 'depends on the parameters' };
export const EXTRAPOLATION_WORDS: Record<string, string> = { guaranteed: 'guaranteed', 'not-guaranteed': 'not guaranteed', unknown: 'unknown' };
export const OUTCOME_WORDS: Record<string, string> = { decisive: 'decisive', inconclusive: 'inconclusive', 'not-applicable': 'does not apply' };
/** a verdict with a symbol, so that it does not rest on colour alone */
export const VERDICT_SIGN: Record<string, string> = { converges: '✓', diverges: '✗', unknown: '?', conditional: '◐' };

const SERIES_VERB: Record<string, string> = { converges: 'converges', diverges: 'diverges', unknown: 'is undecided' };

/** The verdict as one sentence with $…$ conditions: "The series converges for $m > 1$ (…) and diverges for $m \\le 1$ (…)." */
export function verdictLine(r: Report): string {
  const c = r.classification;
  const ext = (e: string): string => (r.term ? '' : ` (length extrapolation ${EXTRAPOLATION_WORDS[e]})`);
  if (c.cases.length === 1 && c.cases[0]!.condition === 'true') return `The series ${SERIES_VERB[c.verdict] ?? c.verdict}${ext(c.cases[0]!.extrapolation)}.`;
  const parts = r.cases.map((k) => `${SERIES_VERB[k.verdict] ?? k.verdict} for $${k.conditionTex || '\\text{all parameters}'}$${ext(k.extrapolation)}`);
  return `The series ${parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0]}.`;
}

/** How a check reads: agreement, an eventual claim whose N₀ lies beyond the samples, or disagreement. */
export function checkVerdict(c: SpotCheck): string {
  if (c.ok) return 'Agrees.';
  return c.eventual ? 'Not yet observed at these n: the claim is for n ≥ N₀, and N₀ lies beyond the sample points.' : 'Does not agree at the sample points.';
}

/**
 * The notation every proof opens with (a_n, p(n), q(n)): the same in every
 * region, so the renderers set it once, before the proofs, and leave it out of
 * each proof (the Report object keeps it in every proof).
 */
export function notationStep(r: Report): ProofStep | undefined {
  for (const c of r.cases) for (const g of c.regions) for (const p of g.proofs) {
    const s = p.steps.find((x) => x.justification.kind === 'definition' && x.justification.name === 'notation');
    if (s) return s;
  }
  return undefined;
}

/** A proof's steps without the shared notation step. */
export const withoutNotation = (steps: readonly ProofStep[], notation: ProofStep | undefined): readonly ProofStep[] =>
  notation ? steps.filter((s) => s.claimTex !== notation.claimTex || s.justification.kind !== 'definition') : steps;
