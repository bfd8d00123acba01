/**
 * Human-readable text for a Classification (what `rpe classify EXPR` prints without --json):
 * the series, the verdict, then per case its condition, verdict and the deciding test.
 */
import type { Classification, ClassificationCase, Extrapolation, TestRecord } from '../types.js';

const EXTRAPOLATION_TEXT: Record<Extrapolation, string> = {
  guaranteed: 'length extrapolation guaranteed',
  'not-guaranteed': 'length extrapolation not guaranteed',
  unknown: 'length extrapolation unknown',
};

/** The series being decided, e.g. `Σ_{n≥0} exp(p(n)),  p(n) = -m*n`. */
export function seriesLine(c: Classification): string {
  const v = c.variable;
  return c.term
    ? `Σ_{${v}≥${c.from}} a(${v}),  a(${v}) = ${c.expression}`
    : `Σ_{${v}≥${c.from}} exp(p(${v})),  p(${v}) = ${c.expression}`;
}

function testLine(t: TestRecord): string {
  const asym = t.asymptotic ? ` [${t.asymptotic}]` : '';
  const fam = t.family ? ` (compared with ${t.family.termText})` : '';
  return `by ${t.test}: ${t.summary}${fam}${asym}`;
}

/** Lines explaining why a case got its verdict. */
export function evidenceLines(k: ClassificationCase): string[] {
  const decisive = k.tests.filter((t) => t.outcome === 'decisive');
  if (decisive.length > 0) return decisive.map(testLine);
  if (k.reason) return [`no test decided: ${k.reason}`];
  const tried = k.tests.map((t) => t.test);
  return [tried.length > 0 ? `no test decided (tried ${tried.join(', ')})` : 'no test decided'];
}

export function formatCase(k: ClassificationCase, single: boolean): string[] {
  const head = single && k.condition === 'true'
    ? `${k.verdict} — ${EXTRAPOLATION_TEXT[k.extrapolation]}`
    : `• ${k.condition}: ${k.verdict} — ${EXTRAPOLATION_TEXT[k.extrapolation]}`;
  const indent = single && k.condition === 'true' ? '  ' : '    ';
  return [head, ...evidenceLines(k).map((l) => indent + l)];
}

export function formatClassification(c: Classification, assume: readonly string[] = []): string {
  const lines = [seriesLine(c)];
  if (c.parameters.length > 0) lines.push(`parameters: ${c.parameters.join(', ')}`);
  if (assume.length > 0) lines.push(`assuming: ${assume.join(' and ')}`);
  const single = c.cases.length === 1 && c.cases[0]!.condition === 'true';
  if (single) {
    const [first, ...rest] = formatCase(c.cases[0]!, true);
    lines.push(`verdict: ${first}`, ...rest);
  } else {
    lines.push(`verdict: ${c.verdict}`);
    for (const k of c.cases) lines.push(...formatCase(k, false).map((l) => `  ${l}`));
  }
  return lines.join('\n');
}
