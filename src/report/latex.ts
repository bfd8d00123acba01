/**
 * LaTeX rendering of a report: a standalone article that compiles with pdflatex
 * using only packages of texlive-latex-base (amsmath, amssymb, longtable,
 * graphicx, array, hyperref), laid out like a paper's appendix: the summary
 * (verdict per region, TRF and window), the contents, the notation, then per
 * region the deciding proof, further proofs and the table of every test tried.
 * Prose is escaped; its $…$ math is kept; Unicode symbols become math; every
 * claim is display math, each part of it scaled down to the line when wider.
 *
 * Owns: the document layout and the escaping.
 */
import type { CaseProof, ProofStep, RegionProof, Report, SpotCheck, TheoremResult, TheoremSection } from './proof.js';
import { checkVerdict, EXTRAPOLATION_WORDS, headline, notationStep, OUTCOME_WORDS, seriesTex, VERDICT_WORDS, verdictLine, withoutNotation } from './summary.js';
import { claimParts, segments, UNICODE_MATH } from './text.js';

const SPECIAL: Record<string, string> = { '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', '%': '\\%', '&': '\\&', '#': '\\#', _: '\\_', '^': '\\^{}', '~': '\\~{}', $: '\\$', '<': '$<$', '>': '$>$', '|': '$|$' };

const SUPERSCRIPTS = /[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+/g;
const SUP_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** a run of superscript characters as one exponent: "¹⁰" → "^{10}" */
const supRun = (run: string): string => `^{${[...run].map((c) => (c === '⁻' ? '-' : String(SUP_DIGITS.indexOf(c)))).join('')}}`;

function escapeChars(s: string): string {
  let out = '';
  for (const ch of s) {
    if (SPECIAL[ch]) out += SPECIAL[ch];
    else if (UNICODE_MATH[ch]) out += `$${UNICODE_MATH[ch]}$`;
    else if (ch.charCodeAt(0) > 127) out += '?';
    else out += ch;
  }
  return out;
}

/** Escape plain text for LaTeX; Unicode math symbols become inline math, a run of superscripts one exponent. */
export function escapeText(s: string): string {
  let out = '', last = 0;
  for (const m of s.matchAll(SUPERSCRIPTS)) {
    out += `${escapeChars(s.slice(last, m.index))}$${supRun(m[0])}$`;
    last = m.index + m[0].length;
  }
  return (out + escapeChars(s.slice(last))).replace(/\$\$/g, '');
}

/** Math source from our builders is ASCII LaTeX already; map stray Unicode just in case. */
const mathSafe = (tex: string): string => [...tex.replace(SUPERSCRIPTS, supRun)].map((ch) => (UNICODE_MATH[ch] ? `${UNICODE_MATH[ch]} ` : ch.charCodeAt(0) > 127 ? '' : ch)).join('');

function prose(s: string): string {
  return segments(s).map((x) => (x.kind === 'math' ? `$${mathSafe(x.s)}$` : x.kind === 'code' ? `\\texttt{${escapeText(x.s)}}` : escapeText(x.s))).join('');
}

/** a claim: each part its own display line, scaled to the line width when wider (\claimpart, defined in the preamble) */
function display(tex: string): string {
  const parts = claimParts(tex);
  if (parts.length === 1) return `\\claimpart{${mathSafe(parts[0]!)}}`;
  return `\\claim{${parts.map(mathSafe).join('\\qquad ')}}{${parts.map((p) => `\\claimpart{${mathSafe(p)}}`).join('')}}`;
}
const inline = (tex: string): string => `$${mathSafe(tex)}$`;
const cond = (tex: string, text: string): string => (tex === '' ? escapeText(text) : inline(tex));
const word = (map: Record<string, string>, k: string): string => escapeText(map[k] ?? k);

function check(c: SpotCheck): string {
  const rows = c.rows.map((r) => `${escapeText(r.at)}: ${escapeText(r.value)}${r.ok ? '' : ' (not yet)'}`).join('; ');
  return `\\par{\\footnotesize\\emph{Numerical check${c.params ? ` at ${escapeText(c.params)}` : ''}:} ${escapeText(c.what)} --- ${rows}. ${escapeText(checkVerdict(c))}\\par}`;
}

function step(s: ProofStep): string {
  const j = s.justification;
  return `\\item ${display(s.claimTex)}\n\\emph{${escapeText(j.name)}${j.ref ? ` (\\texttt{${escapeText(j.ref)}})` : ''}.} ${prose(j.text)}${j.citation ? ` {\\small Reference: ${escapeText(j.citation)}.}` : ''}${s.check ? `\n${check(s.check)}` : ''}`;
}

const steps = (ss: readonly ProofStep[], notation: ProofStep | undefined): string =>
  ['\\begin{enumerate}', ...withoutNotation(ss, notation).map(step), '\\end{enumerate}', '\\hfill$\\blacksquare$\n'].join('\n');

function testsTable(r: RegionProof): string {
  const out = [`\\paragraph{All ${r.tests.length} tests tried.}`, '{\\small\\begin{longtable}{@{}>{\\raggedright}p{0.22\\linewidth}>{\\raggedright}p{0.16\\linewidth}>{\\raggedright}p{0.11\\linewidth}>{\\raggedright\\arraybackslash}p{0.43\\linewidth}@{}}', '\\hline \\textbf{test} & \\textbf{outcome} & \\textbf{verdict} & \\textbf{details}\\\\ \\hline\\endhead'];
  for (const t of r.tests) out.push(`${escapeText(t.title)} & ${word(OUTCOME_WORDS, t.outcome)} & ${t.verdict ? word(VERDICT_WORDS, t.verdict) : ''} & ${escapeText(t.summary)}\\\\`);
  out.push('\\hline\\end{longtable}}');
  return out.join('\n');
}

function region(r: RegionProof, heading: string | null, notation: ProofStep | undefined): string {
  const out: string[] = [];
  if (heading !== null) out.push(`\\subsection{${heading}}`);
  if (r.sample) out.push(`{\\small Numerical checks at ${escapeText(r.sample)}.}\n`);
  if (r.reason) out.push(`No proof: ${escapeText(r.reason)}.\n`);
  r.proofs.forEach((p, k) => out.push(`\\paragraph{${k === 0 ? 'Proof' : `Further proof ${k}`} (${escapeText(p.title)}).}`, steps(p.steps, notation)));
  if (!r.proofs.length && r.decidedBy) out.push(`Decided by the ${escapeText(r.decidedBy)} (proofs omitted).\n`);
  out.push(testsTable(r));
  return out.join('\n');
}

function results(rs: readonly TheoremResult[], t: { eps: string; logitBound: string; tol: string }): string {
  const out = ['\\begin{longtable}{@{}llll@{}}', `\\hline \\textbf{parameters} & $S$ & $\\mathrm{TRF}_{\\varepsilon}$, $\\varepsilon = ${escapeText(t.eps)}$ & window $W(B,\\delta)$, $B = ${escapeText(t.logitBound)}$, $\\delta = ${escapeText(t.tol)}$\\\\ \\hline\\endhead`];
  for (const r of rs) out.push(`${r.atTex ? inline(r.atTex) : 'the input'} & ${escapeText(r.sum ?? '--')} & ${escapeText(r.trf ?? '--')} & ${escapeText(r.window ?? '--')}\\\\`);
  out.push('\\hline\\end{longtable}');
  return out.join('\n');
}

function theorem(t: TheoremSection, notation: ProofStep | undefined): string {
  const out = [`\\subsection{${escapeText(t.title)}}`, steps(t.steps, notation).replace('\\hfill$\\blacksquare$\n', '')];
  if (t.results.length) {
    out.push('The numbers at the sample parameters are in the summary; how each was computed:', '{\\small\\begin{longtable}{@{}>{\\raggedright}p{0.25\\linewidth}>{\\raggedright\\arraybackslash}p{0.7\\linewidth}@{}}', '\\hline \\textbf{parameters} & \\textbf{method}\\\\ \\hline\\endhead');
    for (const r of t.results) out.push(`${r.atTex ? inline(r.atTex) : 'the input'} & ${escapeText(r.method)}\\\\`);
    out.push('\\hline\\end{longtable}}');
  }
  return out.join('\n');
}

function caseTitle(c: CaseProof, single: boolean): string {
  return single ? `Proof: the series ${word(VERDICT_WORDS, c.verdict)}` : `Case ${cond(c.conditionTex, c.conditionText)}: ${word(VERDICT_WORDS, c.verdict)}`;
}

function caseTex(c: CaseProof, single: boolean, notation: ProofStep | undefined): string {
  const regions = c.regions.map((r) => region(r, c.regions.length > 1 || r.condition !== c.condition ? `Region ${cond(r.conditionTex, r.conditionText)}` : null, notation));
  return [`\\section{${caseTitle(c, single)}}`, ...regions, c.theorem ? theorem(c.theorem, notation) : ''].join('\n');
}

function summary(r: Report): string {
  const cols = r.term ? 3 : 4;
  const out = [`\\begin{longtable}{@{}${'l'.repeat(cols)}@{}}`, `\\hline \\textbf{region} & \\textbf{verdict} & ${r.term ? '' : '\\textbf{length extrapolation} & '}\\textbf{decided by}\\\\ \\hline\\endhead`];
  for (const c of r.cases) for (const g of c.regions) out.push(`${cond(g.conditionTex, g.conditionText)} & ${word(VERDICT_WORDS, g.verdict)} & ${r.term ? '' : `${word(EXTRAPOLATION_WORDS, c.extrapolation)} & `}${escapeText(g.decidedBy ?? '--')}\\\\`);
  out.push('\\hline\\end{longtable}');
  const rs = r.cases.flatMap((c) => c.theorem?.results ?? []);
  const t = r.cases.find((c) => c.theorem?.results.length)?.theorem;
  if (rs.length && t) out.push('\\subsection*{TRF and window at sample parameters}', results(rs, t));
  if (r.chart) out.push('The chart of the cumulative attention prior against the window (log axis, TRF marked) is in the HTML report.');
  return out.join('\n');
}

export function renderLatex(report: Report): string {
  const notation = notationStep(report);
  const single = report.cases.length === 1 && report.cases[0]!.condition === 'true';
  return `\\documentclass[11pt]{article}
\\usepackage{amsmath,amssymb,longtable,graphicx,array}
\\usepackage[hidelinks]{hyperref}
\\setlength{\\textwidth}{16cm}\\setlength{\\oddsidemargin}{0cm}\\setlength{\\evensidemargin}{0cm}
\\setlength{\\textheight}{23cm}\\setlength{\\topmargin}{-1cm}
\\setlength{\\parindent}{0pt}\\setlength{\\parskip}{4pt}
\\setcounter{secnumdepth}{2}\\setcounter{tocdepth}{2}
\\allowdisplaybreaks
\\sloppy
\\newsavebox{\\claimbox}
% a claim of several parts: on one line when it fits, else each part on its own
\\newcommand{\\claim}[2]{\\par\\sbox{\\claimbox}{$\\displaystyle #1$}\\ifdim\\wd\\claimbox>\\linewidth #2\\else\\noindent\\makebox[\\linewidth]{\\usebox{\\claimbox}}\\par\\smallskip\\fi}
% one part of a claim, centred on its own line; scaled down to the line when wider
\\newcommand{\\claimpart}[1]{\\par\\sbox{\\claimbox}{$\\displaystyle #1$}\\noindent\\makebox[\\linewidth]{\\ifdim\\wd\\claimbox>\\linewidth\\resizebox{\\linewidth}{!}{\\usebox{\\claimbox}}\\else\\usebox{\\claimbox}\\fi}\\par\\smallskip}
\\title{Convergence report: \\texttt{${escapeText(report.input)}}}
\\date{}
\\begin{document}
\\maketitle
${prose(headline(report))}
${display(seriesTex(report))}
\\textbf{Verdict.} ${prose(verdictLine(report))}

\\section*{Summary}
${summary(report)}

\\tableofcontents
${notation ? `\n\\section*{Notation}\n${display(notation.claimTex)}\n${prose(notation.justification.text)} Every proof below uses this notation.\n` : ''}
${report.cases.map((c) => caseTex(c, single, notation)).join('\n\n')}

\\section*{Notes}
\\begin{itemize}
${report.notes.map((n) => `\\item ${prose(n)}`).join('\n')}
\\end{itemize}
\\end{document}
`;
}
