/**
 * Markdown rendering of a report: GitHub-flavoured, math in $…$ and $$…$$
 * blocks, laid out as the HTML report is: the summary (verdict per region, TRF
 * and window), the contents, the notation, then per region the deciding proof,
 * with further proofs and the table of every test tried folded in <details>.
 *
 * Owns: the Markdown layout.
 */
import type { CaseProof, ProofStep, RegionProof, Report, SpotCheck, TheoremSection } from './proof.js';
import { checkVerdict, EXTRAPOLATION_WORDS, headline, notationStep, OUTCOME_WORDS, seriesTex, VERDICT_WORDS, verdictLine, withoutNotation } from './summary.js';
import { claimParts } from './text.js';

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
/** a claim: one $$ block per part, so that no line runs off a narrow page */
const mathBlock = (tex: string, indent = ''): string => claimParts(tex).map((p) => `${indent}$$\n${indent}${p}\n${indent}$$`).join('\n\n');
const cond = (tex: string, text: string): string => (tex === '' ? text : `$${tex}$`);
const word = (map: Record<string, string>, k: string): string => map[k] ?? k;

function checkMd(c: SpotCheck, indent: string): string {
  const rows = c.rows.map((r) => `${r.at}: ${r.value}${r.ok ? '' : ' (not yet)'}`).join('; ');
  return `${indent}*Numerical check${c.params ? ` at ${c.params}` : ''}:* ${c.what} — ${rows}. ${checkVerdict(c)}`;
}

function stepMd(s: ProofStep, i: number): string {
  const ind = '   ';
  const j = s.justification;
  const lines = [`${i}. ${mathBlock(s.claimTex, ind).trimStart()}`, '', `${ind}*${j.name}${j.ref ? ` (\`${j.ref}\`)` : ''}.* ${j.text}${j.citation ? ` *Reference:* ${j.citation}.` : ''}`];
  if (s.check) lines.push('', checkMd(s.check, ind));
  return lines.join('\n');
}

const stepsMd = (ss: readonly ProofStep[], notation: ProofStep | undefined): string[] => withoutNotation(ss, notation).map((s, i) => `${stepMd(s, i + 1)}\n`);

function testsMd(r: RegionProof): string[] {
  const out = ['<details><summary>All ' + r.tests.length + ' tests tried</summary>', '', '| test | outcome | verdict | details |', '| --- | --- | --- | --- |'];
  for (const t of r.tests) out.push(`| ${t.title} | ${word(OUTCOME_WORDS, t.outcome)} | ${t.verdict ? word(VERDICT_WORDS, t.verdict) : ''} | ${cell(t.summary)} |`);
  out.push('', '</details>', '');
  return out;
}

function regionMd(r: RegionProof, heading: string | null, notation: ProofStep | undefined): string {
  const out: string[] = [];
  if (heading !== null) out.push(`### ${heading}`, '');
  if (r.sample) out.push(`Numerical checks at ${r.sample}.`, '');
  if (r.reason) out.push(`No proof: ${r.reason}.`, '');
  const [first, ...rest] = r.proofs;
  if (first) out.push(`**Proof (${first.title}).**`, '', ...stepsMd(first.steps, notation), '∎', '');
  else if (r.decidedBy) out.push(`Decided by the ${r.decidedBy} (proofs omitted).`, '');
  if (rest.length) {
    out.push(`<details><summary>${rest.length} more proof${rest.length > 1 ? 's' : ''}: ${rest.map((p) => p.title).join(', ')}</summary>`, '');
    for (const p of rest) out.push(`**Proof (${p.title}).**`, '', ...stepsMd(p.steps, notation), '∎', '');
    out.push('</details>', '');
  }
  out.push(...testsMd(r));
  return out.join('\n');
}

function theoremMd(t: TheoremSection, notation: ProofStep | undefined): string {
  const out = [`### ${t.title}`, '', ...stepsMd(t.steps, notation)];
  if (t.results.length) {
    out.push('The numbers at the sample parameters are in the summary; how each was computed:', '', '| parameters | method |', '| --- | --- |');
    for (const r of t.results) out.push(`| ${r.atTex ? `$${r.atTex}$` : 'the input'} | ${cell(r.method)} |`);
    out.push('');
  }
  return out.join('\n');
}

const caseTitle = (c: CaseProof, k: number, single: boolean): string =>
  single ? `Proof: the series ${word(VERDICT_WORDS, c.verdict)}` : `${k + 1}. Case ${cond(c.conditionTex, c.conditionText)}: ${word(VERDICT_WORDS, c.verdict)}`;
const regionTitle = (c: CaseProof, r: RegionProof, k: number, j: number): string | null =>
  c.regions.length > 1 || r.condition !== c.condition ? `${k + 1}.${j + 1} Region ${cond(r.conditionTex, r.conditionText)}` : null;

function caseMd(c: CaseProof, k: number, single: boolean, notation: ProofStep | undefined): string {
  const out = [`## ${caseTitle(c, k, single)}`, ''];
  c.regions.forEach((r, j) => out.push(regionMd(r, regionTitle(c, r, k, j), notation)));
  if (c.theorem) out.push(theoremMd(c.theorem, notation));
  return out.join('\n');
}

export function renderMarkdown(report: Report, options: { readonly htmlLink?: string } = {}): string {
  const notation = notationStep(report);
  const single = report.cases.length === 1 && report.cases[0]!.condition === 'true';
  const out = [`# Convergence report: \`${report.input}\``, '', headline(report), '', mathBlock(seriesTex(report)), '', `**Verdict.** ${verdictLine(report)}`, '', '## Summary', ''];
  out.push(`| region | verdict |${report.term ? '' : ' length extrapolation |'} decided by |`, `| --- | --- |${report.term ? '' : ' --- |'} --- |`);
  for (const c of report.cases) for (const g of c.regions) out.push(`| ${cond(g.conditionTex, g.conditionText)} | ${word(VERDICT_WORDS, g.verdict)} |${report.term ? '' : ` ${word(EXTRAPOLATION_WORDS, c.extrapolation)} |`} ${g.decidedBy ?? '—'} |`);
  out.push('');
  const rs = report.cases.flatMap((c) => c.theorem?.results ?? []);
  const t = report.cases.find((c) => c.theorem?.results.length)?.theorem;
  if (rs.length && t) {
    out.push('**TRF and window at sample parameters**', '', `| parameters | $S$ | $\\mathrm{TRF}_{\\varepsilon}$, $\\varepsilon = ${t.eps}$ | window $W(B,\\delta)$, $B = ${t.logitBound}$, $\\delta = ${t.tol}$ |`, '| --- | --- | --- | --- |');
    for (const r of rs) out.push(`| ${r.atTex ? `$${r.atTex}$` : 'the input'} | ${r.sum ?? '—'} | ${r.trf ?? '—'} | ${r.window ?? '—'} |`);
    out.push('');
  }
  if (report.chart) {
    out.push(options.htmlLink ? `The chart of the cumulative attention prior against the window (log axis, TRF marked) is in the [HTML report](${options.htmlLink}).` : 'The chart of the cumulative attention prior against the window is in the HTML report (`--format html`).', '');
  }
  out.push('## Contents', '');
  if (notation) out.push('- Notation');
  report.cases.forEach((c, k) => {
    out.push(`- ${caseTitle(c, k, single).replace(/^(\d+)\./, "$1\\.")}`);
    c.regions.forEach((r, j) => { const h = regionTitle(c, r, k, j); if (h) out.push(`  - ${h}${r.decidedBy ? ` — ${r.decidedBy}` : ''}`); });
    if (c.theorem) out.push(`  - ${c.theorem.title}`);
  });
  out.push('- Notes', '');
  if (notation) out.push('## Notation', '', mathBlock(notation.claimTex), '', `${notation.justification.text} Every proof below uses this notation.`, '');
  report.cases.forEach((c, k) => out.push(caseMd(c, k, single, notation)));
  out.push('## Notes', '', ...report.notes.map((n) => `- ${n}`), '');
  return out.join('\n');
}
