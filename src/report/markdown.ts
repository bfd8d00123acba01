/**
 * Markdown rendering of a report: GitHub-flavoured, math in $…$ and $$…$$ blocks,
 * tables for the tests tried and the TRF numbers.
 *
 * Owns: the Markdown layout.
 */
import type { CaseProof, ProofStep, RegionProof, Report, SpotCheck, TheoremSection } from './proof.js';
import { checkVerdict, headline, seriesTex, verdictLine } from './summary.js';

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const mathBlock = (tex: string, indent = ''): string => `${indent}$$\n${indent}${tex}\n${indent}$$`;

function checkMd(c: SpotCheck, indent: string): string {
  const rows = c.rows.map((r) => `${r.at}: ${r.value}${r.ok ? '' : ' (not yet)'}`).join('; ');
  return `${indent}*Check (decimal.js${c.params ? `, ${c.params}` : ''}):* ${c.what} — ${rows}. ${checkVerdict(c)}`;
}

function stepMd(s: ProofStep, i: number): string {
  const ind = '   ';
  const j = s.justification;
  const lines = [`${i}. **Claim.** ${s.claimText}`, '', mathBlock(s.claimTex, ind), '', `${ind}*Justification — ${j.name}${j.ref ? ` (\`${j.ref}\`)` : ''}.* ${j.text}${j.citation ? ` *Reference:* ${j.citation}.` : ''}`];
  if (s.check) lines.push('', checkMd(s.check, ind));
  return lines.join('\n');
}

function regionMd(r: RegionProof, multi: boolean): string {
  const out: string[] = [];
  if (multi) out.push(`### Region ${r.condition === 'true' ? '(all parameters)' : `$${r.conditionTex}$`}`, '');
  if (r.sample) out.push(`Sample point for the numerical checks: ${r.sample}.`, '');
  out.push('**Tests tried**', '', '| test | outcome | verdict | details |', '| --- | --- | --- | --- |');
  for (const t of r.tests) out.push(`| ${t.title} | ${t.outcome} | ${t.verdict ?? ''} | ${cell(t.summary)} |`);
  out.push('');
  if (r.reason) out.push(`No proof: ${r.reason}.`, '');
  r.proofs.forEach((p, k) => {
    out.push(`**Proof ${k + 1} (${p.title}).**`, '', ...p.steps.map((s, i) => stepMd(s, i + 1) + '\n'), '∎', '');
  });
  return out.join('\n');
}

function theoremMd(t: TheoremSection): string {
  const out = [`### ${t.title}`, ''];
  t.steps.forEach((s, i) => out.push(stepMd(s, i + 1), ''));
  if (t.results.length) {
    out.push(`| parameters | S = Σ e^{p(n)} | TRF (ε = ${t.eps}) | window (B = ${t.logitBound}, δ = ${t.tol}) | method |`, '| --- | --- | --- | --- | --- |');
    for (const r of t.results) out.push(`| ${r.at} | ${r.sum ?? '—'} | ${r.trf ?? '—'} | ${r.window ?? '—'} | ${cell(r.method)} |`);
    out.push('');
  }
  return out.join('\n');
}

function caseMd(c: CaseProof, k: number): string {
  const head = c.condition === 'true' ? `## ${c.verdict}` : `## Case ${k + 1}: $${c.conditionTex}$ — ${c.verdict}`;
  const out = [head, ''];
  for (const r of c.regions) out.push(regionMd(r, c.regions.length > 1 || r.condition !== c.condition));
  if (c.theorem) out.push(theoremMd(c.theorem));
  return out.join('\n');
}

export function renderMarkdown(report: Report, options: { readonly htmlLink?: string } = {}): string {
  const out = [`# Convergence report: \`${report.input}\``, '', headline(report), '', `$$\n${seriesTex(report)}\n$$`, '', `**Verdict.** ${verdictLine(report)}`, ''];
  if (report.classification.cases.length > 1) {
    out.push('| condition | verdict | length extrapolation |', '| --- | --- | --- |');
    for (const c of report.cases) out.push(`| ${c.condition === 'true' ? 'all' : `$${c.conditionTex}$`} | ${c.verdict} | ${c.extrapolation} |`);
    out.push('');
  }
  report.cases.forEach((c, k) => out.push(caseMd(c, k)));
  if (report.chart) {
    out.push('## Chart', '', options.htmlLink ? `The chart of the cumulative attention prior against the window (log axis, TRF marked) is in the [HTML report](${options.htmlLink}).` : 'The chart of the cumulative attention prior against the window is in the HTML report (`--format html`).', '');
  }
  out.push('## Notes', '', ...report.notes.map((n) => `- ${n}`), '');
  return out.join('\n');
}
