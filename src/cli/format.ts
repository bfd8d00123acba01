/**
 * Human-readable text for a Classification (what `rpe classify EXPR` prints without --json):
 * the series, q defined once, the verdict, then per case its condition and verdict, and one
 * labelled line per sub-region with its deciding test and (once per case) its expansion.
 *
 * Owns: the layout and wording of that text. Conditions go through `conditionText`
 * (./condition-text.ts), unknown cases through ./unknown-text.ts. Every line restates a
 * record of the Classification; nothing here decides anything.
 */
import { TEST_TITLES } from '../report/titles.js';
import type { Classification, ClassificationCase, Extrapolation, TestRecord } from '../types.js';
import { conditionText } from './condition-text.js';
import { boundLines, undefinedSentence, type UnknownContext } from './unknown-text.js';

const EXTRAPOLATION_TEXT: Record<Extrapolation, string> = {
  guaranteed: 'length extrapolation guaranteed',
  'not-guaranteed': 'length extrapolation not guaranteed',
  unknown: 'length extrapolation unknown',
};

/** The series being decided, e.g. `Σ_{n≥0} exp(p(n)),  p(n) = -m*n` or `Σ_{k≥1} a_k,  a_k = x^k`. */
export function seriesLine(c: Classification): string {
  const v = c.variable;
  return c.term
    ? `Σ_{${v}≥${c.from}} a_${v},  a_${v} = ${c.expression}`
    : `Σ_{${v}≥${c.from}} exp(p(${v})),  p(${v}) = ${c.expression}`;
}

/**
 * The records print their expansions in n; with --var the text speaks of the user's
 * variable. Not when a parameter is itself called n: then n stays (and is explained).
 */
function inVariable(c: Classification): (text: string) => string {
  const v = c.variable;
  if (v === 'n' || c.parameters.includes('n')) return (t) => t;
  return (t) => t.replace(/(?<![\p{L}\p{N}])n(?![\p{L}\p{N}_])/gu, v);
}

/** "m < 0 or 0 < m < 1" from the conditions of several sub-regions. */
const labelOf = (conditions: readonly string[]): string => conditions.map(conditionText).join(' or ');

/** "the nth-term test", "Raabe's test", "comparison on the logarithmic scale" */
function testName(t: TestRecord): string {
  const title = TEST_TITLES[t.test];
  return /(test|lemma)$/.test(title) && !title.includes("'s ") ? `the ${title}` : title;
}

function decisiveLine(t: TestRecord): string {
  const fam = t.family ? `; compared with Σ ${t.family.termText}` : '';
  return `by ${testName(t)}: ${t.summary}${fam}`;
}

interface SubRegion {
  readonly conditions: string[];
  readonly records: TestRecord[];
}

/** The records of a case by sub-region (records without a condition belong to the whole case), in order. */
function subRegions(k: ClassificationCase): SubRegion[] {
  const out = new Map<string, SubRegion>();
  for (const t of k.tests) {
    const key = t.condition ?? '';
    if (!out.has(key)) out.set(key, { conditions: t.condition ? [t.condition] : [], records: [] });
    out.get(key)!.records.push(t);
  }
  return [...out.values()];
}

/** Lines for a converging or diverging case: per sub-region its deciding test, then its expansion unless shown already. */
function decidedLines(k: ClassificationCase, tr: (s: string) => string): string[] {
  // sub-regions decided by the same words share one line
  const byText = new Map<string, { conditions: string[]; asymptotic: string | undefined }>();
  for (const r of subRegions(k)) {
    const decisive = r.records.filter((t) => t.outcome === 'decisive');
    const lines = [...new Set(decisive.map((t) => tr(decisiveLine(t))))];
    const text = lines.join('\n') || 'no deciding test recorded';
    const asymptotic = decisive.find((t) => t.asymptotic)?.asymptotic;
    const key = `${text}\u0000${asymptotic ?? ''}`;
    const entry = byText.get(key);
    if (entry) entry.conditions.push(...r.conditions);
    else byText.set(key, { conditions: [...r.conditions], asymptotic });
  }
  const out: string[] = [];
  const shown = new Map<string, string>();
  for (const [key, e] of byText) {
    const text = key.split('\u0000')[0]!;
    const label = e.conditions.length ? `${labelOf(e.conditions)}: ` : '';
    const [first, ...more] = text.split('\n');
    out.push(`${label}${first}`, ...more.map((l) => `${' '.repeat(label.length)}${l}`));
    if (e.asymptotic) {
      const a = tr(e.asymptotic);
      const before = shown.get(a);
      // "q(n) ≤ 0" under "q(n) = 0 is bounded" says nothing new
      const rhs = /^q\(\S+\) [=≤≥] (.*)$/.exec(a)?.[1];
      if (rhs !== undefined && text.includes(`= ${rhs} `)) continue;
      if (before === undefined) {
        out.push(`    ${a}`);
        shown.set(a, label ? labelOf(e.conditions) : '');
      } else if (before !== '') out.push(`    (the same expansion as for ${before})`);
    }
  }
  return out;
}

function inconclusiveLines(t: TestRecord, tr: (s: string) => string): string[] {
  const bounds = boundLines(t);
  if (bounds) return [`${testName(t)}:`, ...bounds.map((l) => `  ${tr(l)}`)];
  return [tr(`${testName(t)}, inconclusive: ${t.summary}`), ...(t.asymptotic ? [`  ${tr(t.asymptotic)}`] : [])];
}

/** Lines for an unknown case: what each tried test gave, or the one sentence about an undefined region. */
function unknownLines(k: ClassificationCase, ctx: UnknownContext, tr: (s: string) => string): string[] {
  const { sentence, rest } = undefinedSentence(k, ctx);
  const out: string[] = [];
  if (sentence) out.push(sentence);
  out.push(...rest.map((r) => `not decided: ${r}`));
  const groups = subRegions(k);
  for (const g of groups) {
    const tried = g.records.filter((t) => t.outcome === 'inconclusive');
    if (tried.length === 0) continue;
    const lines = [...new Set(tried.flatMap((t) => inconclusiveLines(t, tr)))];
    if (g.conditions.length && groups.length > 1) out.push(`${labelOf(g.conditions)}:`, ...lines.map((l) => `  ${l}`));
    else out.push(...lines);
  }
  if (out.length === 0) out.push(k.tests.length ? `no test decided (tried ${[...new Set(k.tests.map((t) => t.test))].join(', ')})` : 'no test decided');
  return out;
}

/** Lines explaining why a case got its verdict. */
export function evidenceLines(k: ClassificationCase, c: Classification): string[] {
  const tr = inVariable(c);
  return k.verdict === 'unknown'
    ? unknownLines(k, { variable: c.variable, term: c.term }, tr)
    : decidedLines(k, tr);
}

function verdictText(k: ClassificationCase, term: boolean): string {
  return term ? k.verdict : `${k.verdict} — ${EXTRAPOLATION_TEXT[k.extrapolation]}`;
}

export function formatCase(k: ClassificationCase, c: Classification): string[] {
  const single = c.cases.length === 1 && k.condition === 'true';
  const head = single ? verdictText(k, c.term) : `• ${conditionText(k.condition)}: ${verdictText(k, c.term)}`;
  const indent = single ? '  ' : '    ';
  return [head, ...evidenceLines(k, c).map((l) => indent + l)];
}

/** The definitions the evidence uses, once: q, and n when a parameter has that name. */
function definitions(c: Classification, evidence: string): string[] {
  const v = c.variable;
  const out: string[] = [];
  if (/\bq\b|q\(/.test(evidence)) {
    out.push(c.term
      ? `where q(${v}) = −log|a_${v}|, so that |a_${v}| = e^(−q(${v}))`
      : `where q(${v}) = −p(${v}), so that the terms are e^(−q(${v}))`);
  }
  if (/q_lo|q_hi/.test(evidence) && !/q_lo\(\S+\) = |q_lo\(\S+\) ≤ q/.test(evidence)) out.push('and q_lo(n) ≤ q(n) ≤ q_hi(n) are the two bounds of the expansion shown');
  if (/log₃|log₄/.test(evidence)) out.push(inVariable(c)('and log₃ n = log log log n, log₄ n = log log log log n'));
  if (v !== 'n' && c.parameters.includes('n')) out.push(`(the expansions below are written in n; they mean ${v})`);
  return out;
}

export function formatClassification(c: Classification, assume: readonly string[] = []): string {
  const lines = [seriesLine(c)];
  if (c.parameters.length > 0) lines.push(`parameters: ${c.parameters.join(', ')}`);
  if (assume.length > 0) lines.push(`assuming: ${assume.join(' and ')}`);
  const single = c.cases.length === 1 && c.cases[0]!.condition === 'true';
  const body: string[] = [];
  if (single) {
    const [first, ...rest] = formatCase(c.cases[0]!, c);
    body.push(`verdict: ${first}`, ...rest);
  } else {
    body.push(`verdict: ${c.verdict}`);
    for (const k of c.cases) body.push(...formatCase(k, c).map((l) => `  ${l}`));
  }
  lines.push(...definitions(c, body.join('\n')), ...body);
  return lines.join('\n');
}
