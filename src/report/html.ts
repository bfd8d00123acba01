/**
 * HTML rendering of a report: one self-contained page that works offline. Math
 * is typeset server-side with KaTeX (katex-assets.ts, only the fonts the page
 * uses inlined), the chart is an inline SVG drawn by vega-lite/vega
 * (chart-svg.ts), and a Content Security Policy forbids every network request.
 *
 * The page reads like a paper's appendix: a summary first (the verdict per
 * region, the TRF and the window, the chart at full width), a table of
 * contents, then per region the deciding test's proof in full, with the other
 * proofs and the table of every test tried folded away (<details>).
 *
 * Owns: the page layout and its stylesheet.
 */
import { chartSvg } from './chart-svg.js';
import { compactPage } from './compact-html.js';
import { inlineKatexCss } from './katex-assets.js';
import { MathRenderer } from './katex-render.js';
import type { CaseProof, ProofStep, RegionProof, Report, SpotCheck, TheoremResult, TheoremSection } from './proof.js';
import { checkVerdict, EXTRAPOLATION_WORDS, headline, notationStep, OUTCOME_WORDS, seriesTex, VERDICT_SIGN, VERDICT_WORDS, verdictLine, withoutNotation } from './summary.js';
import { claimParts, segments } from './text.js';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A box that scrolls sideways shows it: shadows at the edge that has more (background-attachment: local). */
const SCROLL_CUE = 'overflow-x:auto;overflow-y:hidden;max-width:100%;'
  + 'background:linear-gradient(to right,var(--bg) 30%,transparent),linear-gradient(to left,var(--bg) 30%,transparent) 100% 0,'
  + 'radial-gradient(farthest-side at 0 50%,rgba(0,0,0,.28),transparent),radial-gradient(farthest-side at 100% 50%,rgba(0,0,0,.28),transparent) 100% 0;'
  + 'background-repeat:no-repeat;background-size:40px 100%,40px 100%,14px 100%,14px 100%;background-attachment:local,local,scroll,scroll';

/** The stylesheet of the report page (the playground has its own and embeds the case sections). */
export const REPORT_STYLE = `
:root{--bg:#fff;--fg:#1b1b1b;--muted:#555;--rule:#d8d8d8;--head:#f4f4f4;--ok:#1b6e2a;--bad:#a40000;--unk:#7a5a00}
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:62rem;margin:1.5rem auto;padding:0 1rem;color:var(--fg);background:var(--bg);line-height:1.5;overflow-wrap:break-word}
h1{font-size:1.55rem;line-height:1.25}h2{margin-top:2.2rem;border-bottom:1px solid var(--rule);font-size:1.3rem}h3{margin-top:1.6rem;font-size:1.12rem}h4{margin:1.2rem 0 .3rem;font-size:1rem}
code{background:var(--head);padding:0 .2rem;overflow-wrap:anywhere}
table{border-collapse:collapse;font-size:.92rem}td,th{border:1px solid var(--rule);padding:.3rem .55rem;vertical-align:top;text-align:left}th{background:var(--head)}
.scroll{${SCROLL_CUE};margin:.8rem 0}
.claim{display:flex;flex-wrap:wrap;justify-content:center;column-gap:2.5em;margin:.3rem 0}
.claim>.part{${SCROLL_CUE}}
.claim .katex-display{margin:.35em 0}
ol.proof{padding-left:1.6rem}ol.proof>li{margin:.8rem 0}
.just{margin:.2rem 0}.check{margin:.2rem 0;font-size:.88rem;color:var(--muted)}.check ul{margin:.2rem 0}
.check.disagree{color:var(--bad)}.qed{text-align:right;margin:0;font-size:1.3rem;line-height:1}
.v-converges{color:var(--ok);font-weight:600}.v-diverges{color:var(--bad);font-weight:600}.v-unknown,.v-conditional{color:var(--unk);font-weight:600}
.verdict{font-size:1.08rem}.note{color:var(--muted);font-size:.9rem}
tr.decisive td:nth-child(2){font-weight:600}tr.not-applicable{color:#666}
details.more,details.tests{margin:.8rem 0;border:1px solid var(--rule);border-radius:4px;padding:.3rem .7rem}
details>summary{cursor:pointer}
nav.toc ol{list-style:none;padding-left:1.2rem}nav.toc>ol{padding-left:0}nav.toc li{margin:.15rem 0}
figure{margin:1rem 0}figure svg{display:block;width:100%;height:auto}
@media (max-width:40rem){body{padding:0 .6rem}td,th{padding:.25rem .35rem}}
`;

class Page {
  readonly math = new MathRenderer();
  /** whether each proof step shows everything (the report) or folds to its claim (the playground); the notation set once before the proofs */
  constructor(private readonly stepsOpen: boolean, private readonly notation?: ProofStep) {}
  prose(text: string): string {
    return segments(text).map((s) => (s.kind === 'math' ? this.math.render(s.s, false) : s.kind === 'code' ? `<code>${esc(s.s)}</code>` : esc(s.s))).join('');
  }
  inline(tex: string): string { return this.math.render(tex, false); }
  display(tex: string): string {
    return `<span class="claim">${claimParts(tex).map((p) => `<span class="part">${this.math.render(p, true)}</span>`).join('')}</span>`;
  }
  verdict(v: string): string { return `<span class="v-${esc(v)}">${VERDICT_SIGN[v] ?? ''} ${esc(VERDICT_WORDS[v] ?? v)}</span>`; }
  condition(tex: string, text: string): string { return tex === '' ? esc(text) : this.inline(tex); }

  check(c: SpotCheck): string {
    const rows = c.rows.map((r) => `<li>${esc(r.at)}: ${esc(r.value)}${r.ok ? '' : ' <em>(not yet)</em>'}</li>`).join('');
    return `<details class="check${c.ok || c.eventual ? '' : ' disagree'}"><summary>Numerical check${c.params ? ` at ${esc(c.params)}` : ''}: ${esc(c.what)}. ${esc(checkVerdict(c))}</summary><ul>${rows}</ul></details>`;
  }
  step(s: ProofStep): string {
    const j = s.justification;
    const body = `<p class="just"><em>${esc(j.name)}${j.ref ? ` (<code>${esc(j.ref)}</code>)` : ''}.</em> ${this.prose(j.text)}${j.citation ? ` <span class="note">Reference: ${esc(j.citation)}.</span>` : ''}</p>`
      + (s.check ? this.check(s.check) : '');
    if (this.stepsOpen) return `<li class="step">${this.display(s.claimTex)}${body}</li>`;
    return `<li><details class="step"><summary>${this.display(s.claimTex)}</summary>${body}</details></li>`;
  }
  steps(steps: readonly ProofStep[]): string { return `<ol class="proof">${withoutNotation(steps, this.notation).map((s) => this.step(s)).join('')}</ol>`; }
  notationSection(): string {
    const n = this.notation;
    if (!n) return '';
    return `<section id="notation"><h2>Notation</h2>${this.display(n.claimTex)}<p class="just">${this.prose(n.justification.text)} Every proof below uses this notation.</p></section>`;
  }

  testsTable(r: RegionProof): string {
    const count = (o: string) => r.tests.filter((t) => t.outcome === o).length;
    const tally = ['decisive', 'inconclusive', 'not-applicable'].map((o) => [o, count(o)] as const).filter(([, n]) => n > 0)
      .map(([o, n]) => `${n} ${o === 'not-applicable' ? (n === 1 ? 'does not apply' : 'do not apply') : o}`).join(', ');
    const rows = r.tests.map((t) => `<tr class="${t.outcome}"><td>${esc(t.title)}</td><td>${esc(OUTCOME_WORDS[t.outcome] ?? t.outcome)}</td><td>${t.verdict ? esc(VERDICT_WORDS[t.verdict]!) : ''}</td><td>${esc(t.summary)}</td></tr>`).join('');
    return `<details class="tests"><summary>All ${r.tests.length} tests tried: ${tally}</summary><div class="scroll"><table><thead><tr><th>test</th><th>outcome</th><th>verdict</th><th>details</th></tr></thead><tbody>${rows}</tbody></table></div></details>`;
  }
  region(r: RegionProof, id: string, heading: string | null): string {
    const out: string[] = [`<section id="${id}">`];
    if (heading !== null) out.push(`<h3>${heading}</h3>`);
    if (r.sample) out.push(`<p class="note">Numerical checks at ${esc(r.sample)}.</p>`);
    if (r.reason) out.push(`<p>No proof: ${esc(r.reason)}.</p>`);
    const [first, ...rest] = r.proofs;
    if (first) out.push(`<h4>Proof — ${esc(first.title)}</h4>`, this.steps(first.steps), '<p class="qed">∎</p>');
    else if (r.decidedBy) out.push(`<p>Decided by the ${esc(r.decidedBy)} (proofs omitted: <code>--proofs 0</code>).</p>`);
    if (rest.length) {
      out.push(`<details class="more"><summary>${rest.length} more proof${rest.length > 1 ? 's' : ''}: ${rest.map((p) => esc(p.title)).join(', ')}</summary>`,
        ...rest.map((p) => `<h4>Proof — ${esc(p.title)}</h4>${this.steps(p.steps)}<p class="qed">∎</p>`), '</details>');
    }
    out.push(this.testsTable(r), '</section>');
    return out.join('\n');
  }
  /** the numbers (the summary) or how they were computed (the theorem section, which points to the summary for the numbers) */
  results(rs: readonly TheoremResult[], t: { eps: string; logitBound: string; tol: string }, method: boolean): string {
    const at = (r: TheoremResult): string => (r.atTex ? this.inline(r.atTex) : 'the input');
    const head = method ? '<tr><th>parameters</th><th>how S, the TRF and the window were computed</th></tr>'
      : `<tr><th>parameters</th><th>${this.inline('S')}</th><th>${this.inline(`\\mathrm{TRF}_{\\varepsilon},\\ \\varepsilon = ${t.eps}`)}</th><th>window ${this.inline(`W(B,\\delta),\\ B = ${t.logitBound},\\ \\delta = ${t.tol}`)}</th></tr>`;
    const rows = rs.map((r) => (method ? `<tr><td>${at(r)}</td><td>${esc(r.method)}</td></tr>`
      : `<tr><td>${at(r)}</td><td>${esc(r.sum ?? '—')}</td><td>${esc(r.trf ?? '—')}</td><td>${esc(r.window ?? '—')}</td></tr>`)).join('');
    return `<div class="scroll"><table><thead>${head}</thead><tbody>${rows}</tbody></table></div>`;
  }
  theorem(t: TheoremSection, id: string): string {
    const numbers = t.results.length ? `<p>The numbers at the sample parameters are in the <a href="#summary">summary</a>; how each was computed:</p>${this.results(t.results, t, true)}` : '';
    return [`<section id="${id}"><h3>${esc(t.title)}</h3>`, this.steps(t.steps), numbers, '</section>'].join('\n');
  }
  caseTitle(c: CaseProof, k: number, single: boolean): string {
    return single ? `Proof: the series ${esc(VERDICT_WORDS[c.verdict] ?? c.verdict)}` : `${k + 1}. Case ${this.condition(c.conditionTex, c.conditionText)}: ${esc(VERDICT_WORDS[c.verdict] ?? c.verdict)}`;
  }
  regionTitle(c: CaseProof, r: RegionProof, k: number, j: number): string | null {
    const multi = c.regions.length > 1 || r.condition !== c.condition;
    return multi ? `${k + 1}.${j + 1} Region ${this.condition(r.conditionTex, r.conditionText)}` : null;
  }
  case(c: CaseProof, k: number, single: boolean): string {
    const head = `<section id="case-${k + 1}"><h2>${this.caseTitle(c, k, single)}</h2>`;
    return [head, ...c.regions.map((r, j) => this.region(r, `region-${k + 1}-${j + 1}`, this.regionTitle(c, r, k, j))), c.theorem ? this.theorem(c.theorem, `theorem-${k + 1}`) : '', '</section>'].join('\n');
  }

  summary(report: Report): string {
    const rows: string[] = [];
    report.cases.forEach((c, k) => c.regions.forEach((r, j) => {
      rows.push(`<tr><td><a href="#region-${k + 1}-${j + 1}">${this.condition(r.conditionTex, r.conditionText)}</a></td><td>${this.verdict(r.verdict)}</td>${report.term ? '' : `<td>${esc(EXTRAPOLATION_WORDS[c.extrapolation] ?? c.extrapolation)}</td>`}<td>${esc(r.decidedBy ?? '—')}</td></tr>`);
    }));
    const table = `<div class="scroll"><table class="summary"><thead><tr><th>region</th><th>verdict</th>${report.term ? '' : '<th>length extrapolation</th>'}<th>decided by</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
    const results = report.cases.flatMap((c) => c.theorem?.results ?? []);
    const t = report.cases.find((c) => c.theorem?.results.length)?.theorem;
    return [table, results.length && t ? `<h3>TRF and window at sample parameters</h3>${this.results(results, t, false)}` : ''].join('\n');
  }

  contents(report: Report, single: boolean): string {
    const items = report.cases.map((c, k) => {
      const subs = c.regions.map((r, j) => {
        const title = this.regionTitle(c, r, k, j);
        return title === null ? '' : `<li><a href="#region-${k + 1}-${j + 1}">${title}</a>${r.decidedBy ? ` — ${esc(r.decidedBy)}` : ''}</li>`;
      }).filter(Boolean);
      if (c.theorem) subs.push(`<li><a href="#theorem-${k + 1}">${esc(c.theorem.title)}</a></li>`);
      return `<li><a href="#case-${k + 1}">${this.caseTitle(c, k, single)}</a>${subs.length ? `<ol>${subs.join('')}</ol>` : ''}</li>`;
    });
    const notation = this.notation ? '<li><a href="#notation">Notation</a></li>' : '';
    return `<nav class="toc" aria-labelledby="h-contents"><h2 id="h-contents">Contents</h2><ol><li><a href="#summary">Summary</a></li>${notation}${items.join('')}<li><a href="#notes">Notes</a></li></ol></nav>`;
  }
}

export interface HtmlResult {
  readonly html: string;
  /** LaTeX that KaTeX rejected (empty for a good report) */
  readonly mathErrors: readonly string[];
}

/** The per-case sections alone (proofs, tests, theorem), for embedding in a page such as the playground's. */
export function renderCasesHtml(report: Report, options: { stepsOpen?: boolean } = {}): HtmlResult {
  const page = new Page(options.stepsOpen ?? true, notationStep(report));
  const single = report.cases.length === 1 && report.cases[0]!.condition === 'true';
  const html = [page.notationSection(), ...report.cases.map((c, k) => page.case(c, k, single))].join('\n');
  return { html, mathErrors: page.math.errors };
}

/** The chart's SVG, scaled to the width of the page (vega writes fixed width/height; the viewBox keeps the aspect). */
function fluidSvg(svg: string): string {
  return svg.replace(/<svg\b[^>]*>/, (tag) => {
    const w = /\swidth="([\d.]+)"/.exec(tag)?.[1], h = /\sheight="([\d.]+)"/.exec(tag)?.[1];
    let out = tag.replace(/\s(width|height)="[^"]*"/g, '');
    if (!/viewBox=/.test(out) && w && h) out = out.replace('<svg', `<svg viewBox="0 0 ${w} ${h}"`);
    return out.replace('<svg', '<svg width="100%" preserveAspectRatio="xMidYMid meet"');
  });
}

export async function renderHtml(report: Report): Promise<HtmlResult> {
  const page = new Page(true, notationStep(report));
  const single = report.cases.length === 1 && report.cases[0]!.condition === 'true';
  const body: string[] = [
    `<header><h1>Convergence report<br><code>${esc(report.input)}</code></h1>`,
    `<p>${page.prose(headline(report))}</p>`, page.display(seriesTex(report)),
    `<p class="verdict"><strong>Verdict.</strong> ${page.prose(verdictLine(report))}</p></header>`,
    '<section id="summary"><h2>Summary</h2>', page.summary(report),
  ];
  if (report.chart) {
    const svg = fluidSvg(await chartSvg(report.chart));
    body.push(`<figure id="chart" aria-label="cumulative attention prior against the window">${svg}<figcaption class="note">${esc(report.chart.normalisation)}. Drawn with vega-lite; the dashed level is 1 − ε, the dotted rules mark the TRF.</figcaption></figure>`);
  }
  body.push('</section>', page.contents(report, single), page.notationSection());
  report.cases.forEach((c, k) => body.push(page.case(c, k, single)));
  body.push('<section id="notes"><h2>Notes</h2><ul>', ...report.notes.map((n) => `<li>${page.prose(n)}</li>`), '</ul></section>');
  const rendered = body.join('\n');
  const compact = compactPage(rendered, [await inlineKatexCss(rendered), REPORT_STYLE]);
  const main = compact.body;
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:">
<title>Convergence report: ${esc(report.input)}</title>
${compact.css.map((c) => `<style>${c}</style>`).join('\n')}
</head>
<body>
<main>
${main}
</main>
</body>
</html>
`;
  return { html, mathErrors: page.math.errors };
}
