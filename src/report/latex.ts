/**
 * LaTeX rendering of a report: a standalone article that compiles with pdflatex
 * using only packages of texlive-latex-base (amsmath, amssymb, longtable).
 * Prose is escaped; its $…$ math is kept; Unicode symbols become math.
 *
 * Owns: the document layout and the escaping.
 */
import type { CaseProof, ProofStep, RegionProof, Report, SpotCheck, TheoremSection } from './proof.js';
import { checkVerdict, headline, seriesTex, verdictLine } from './summary.js';
import { segments, UNICODE_MATH } from './text.js';

const SPECIAL: Record<string, string> = { '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', '%': '\\%', '&': '\\&', '#': '\\#', _: '\\_', '^': '\\^{}', '~': '\\~{}', $: '\\$', '<': '$<$', '>': '$>$', '|': '$|$' };

/** Escape plain text for LaTeX; Unicode math symbols become inline math. */
export function escapeText(s: string): string {
  let out = '';
  for (const ch of s) {
    if (SPECIAL[ch]) out += SPECIAL[ch];
    else if (UNICODE_MATH[ch]) out += `$${UNICODE_MATH[ch]}$`;
    else if (ch.charCodeAt(0) > 127) out += '?';
    else out += ch;
  }
  return out.replace(/\$\$/g, '');
}

/** Math source from our builders is ASCII LaTeX already; map stray Unicode just in case. */
const mathSafe = (tex: string): string => [...tex].map((ch) => (UNICODE_MATH[ch] ? `${UNICODE_MATH[ch]} ` : ch.charCodeAt(0) > 127 ? '' : ch)).join('');

function prose(s: string): string {
  return segments(s).map((x) => (x.kind === 'math' ? `$${mathSafe(x.s)}$` : x.kind === 'code' ? `\\texttt{${escapeText(x.s)}}` : escapeText(x.s))).join('');
}

const display = (tex: string): string => `\\begin{equation*}\\begin{split}${mathSafe(tex)}\\end{split}\\end{equation*}`;

function check(c: SpotCheck): string {
  const rows = c.rows.map((r) => `${escapeText(r.at)}: ${escapeText(r.value)}${r.ok ? '' : ' (not yet)'}`).join('; ');
  return `\\par\\noindent{\\footnotesize\\emph{Check (decimal.js${c.params ? `, ${escapeText(c.params)}` : ''}):} ${escapeText(c.what)} --- ${rows}. ${escapeText(checkVerdict(c))}}`;
}

function step(s: ProofStep): string {
  const j = s.justification;
  return `\\item \\textbf{Claim.} ${escapeText(s.claimText)}\n${display(s.claimTex)}\n\\emph{Justification --- ${escapeText(j.name)}${j.ref ? ` (\\texttt{${escapeText(j.ref)}})` : ''}.} ${prose(j.text)}${j.citation ? ` \\emph{Reference:} ${escapeText(j.citation)}.` : ''}${s.check ? `\n${check(s.check)}` : ''}`;
}

function region(r: RegionProof, multi: boolean): string {
  const out: string[] = [];
  if (multi) out.push(`\\subsection*{Region ${r.condition === 'true' ? '(all parameters)' : `$${mathSafe(r.conditionTex)}$`}}`);
  if (r.sample) out.push(`Sample point for the numerical checks: ${escapeText(r.sample)}.\n`);
  out.push('{\\small\\begin{longtable}{p{0.22\\textwidth}p{0.13\\textwidth}p{0.1\\textwidth}p{0.45\\textwidth}}', '\\textbf{test} & \\textbf{outcome} & \\textbf{verdict} & \\textbf{details}\\\\ \\hline');
  for (const t of r.tests) out.push(`${escapeText(t.title)} & ${escapeText(t.outcome)} & ${t.verdict ?? ''} & ${escapeText(t.summary)}\\\\`);
  out.push('\\end{longtable}}');
  if (r.reason) out.push(`No proof: ${escapeText(r.reason)}.`);
  r.proofs.forEach((p, k) => out.push(`\\paragraph{Proof ${k + 1} (${escapeText(p.title)}).}`, '\\begin{enumerate}', ...p.steps.map(step), '\\end{enumerate}', '\\hfill$\\blacksquare$\n'));
  return out.join('\n');
}

function theorem(t: TheoremSection): string {
  const out = [`\\subsection*{${escapeText(t.title)}}`, '\\begin{enumerate}', ...t.steps.map(step), '\\end{enumerate}'];
  if (t.results.length) {
    out.push('{\\small\\begin{longtable}{p{0.2\\textwidth}p{0.2\\textwidth}p{0.1\\textwidth}p{0.12\\textwidth}p{0.28\\textwidth}}',
      `\\textbf{parameters} & \\textbf{S} & \\textbf{TRF ($\\varepsilon = ${escapeText(t.eps)}$)} & \\textbf{window ($B = ${escapeText(t.logitBound)}$, $\\delta = ${escapeText(t.tol)}$)} & \\textbf{method}\\\\ \\hline`);
    for (const r of t.results) out.push(`${escapeText(r.at)} & ${escapeText(r.sum ?? '--')} & ${escapeText(r.trf ?? '--')} & ${escapeText(r.window ?? '--')} & ${escapeText(r.method)}\\\\`);
    out.push('\\end{longtable}}');
  }
  return out.join('\n');
}

function caseTex(c: CaseProof, k: number): string {
  const head = c.condition === 'true' ? `\\section*{${escapeText(c.verdict)}}` : `\\section*{Case ${k + 1}: $${mathSafe(c.conditionTex)}$ --- ${escapeText(c.verdict)}}`;
  return [head, ...c.regions.map((r) => region(r, c.regions.length > 1 || r.condition !== c.condition)), c.theorem ? theorem(c.theorem) : ''].join('\n');
}

export function renderLatex(report: Report): string {
  return `\\documentclass[11pt]{article}
\\usepackage[T1]{fontenc}
\\usepackage{amsmath,amssymb,longtable}
\\setlength{\\textwidth}{16cm}\\setlength{\\oddsidemargin}{0cm}\\setlength{\\evensidemargin}{0cm}
\\setlength{\\textheight}{23cm}\\setlength{\\topmargin}{-1cm}
\\setlength{\\parindent}{0pt}\\setlength{\\parskip}{4pt}
\\allowdisplaybreaks
\\sloppy
\\title{Convergence report: \\texttt{${escapeText(report.input)}}}
\\date{}
\\begin{document}
\\maketitle
${prose(headline(report))}
${display(seriesTex(report))}
\\textbf{Verdict.} ${prose(verdictLine(report))}

${report.cases.map(caseTex).join('\n\n')}

\\section*{Notes}
\\begin{itemize}
${report.notes.map((n) => `\\item ${prose(n)}`).join('\n')}
\\end{itemize}
\\end{document}
`;
}
