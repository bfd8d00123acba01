/**
 * HTML rendering of a report: one self-contained page that works offline. Math
 * is typeset server-side with KaTeX (katex-assets.ts, fonts inlined), the chart
 * is an inline SVG drawn by vega-lite/vega (chart-svg.ts), and a Content Security
 * Policy forbids every network request.
 *
 * Owns: the page layout and its stylesheet.
 */
import { chartSvg } from './chart-svg.js';
import { inlineKatexCss } from './katex-assets.js';
import { MathRenderer } from './katex-render.js';
import type { CaseProof, ProofStep, RegionProof, Report, SpotCheck, TheoremSection } from './proof.js';
import { checkVerdict, headline, seriesTex, verdictLine } from './summary.js';
import { segments } from './text.js';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.5}
h1{font-size:1.6rem}h2{margin-top:2.2rem;border-bottom:1px solid #ddd}h3{margin-top:1.6rem}
table{border-collapse:collapse;margin:.8rem 0;font-size:.92rem}td,th{border:1px solid #ccc;padding:.25rem .5rem;vertical-align:top;text-align:left}
th{background:#f4f4f4}.decisive{background:#eef8ee}.inconclusive{background:#fff8e6}.not-applicable{color:#777}
ol.proof>li{margin:.9rem 0}.claim{overflow-x:auto}.just{margin:.2rem 0 .2rem 1rem}.check{margin:.2rem 0 .2rem 1rem;font-size:.88rem;color:#444}
.check.disagree{color:#a40000}.qed{text-align:right}code{background:#f4f4f4;padding:0 .2rem}figure{margin:1rem 0;overflow-x:auto}
.verdict{font-weight:600}.note{color:#555;font-size:.9rem}
`;

class Page {
  readonly math = new MathRenderer();
  /** whether each proof step starts unfolded (the report) or folded to its claim (the playground) */
  constructor(private readonly stepsOpen: boolean) {}
  prose(text: string): string {
    return segments(text).map((s) => (s.kind === 'math' ? this.math.render(s.s, false) : s.kind === 'code' ? `<code>${esc(s.s)}</code>` : esc(s.s))).join('');
  }
  display(tex: string): string { return `<div class="claim">${this.math.render(tex, true)}</div>`; }

  check(c: SpotCheck): string {
    const rows = c.rows.map((r) => `<li>${esc(r.at)}: ${esc(r.value)}${r.ok ? '' : ' <em>(not yet)</em>'}</li>`).join('');
    return `<details class="check${c.ok || c.eventual ? '' : ' disagree'}"><summary>Check (decimal.js${c.params ? `, ${esc(c.params)}` : ''}): ${esc(c.what)} — ${esc(checkVerdict(c))}</summary><ul>${rows}</ul></details>`;
  }
  step(s: ProofStep): string {
    const j = s.justification;
    return `<li><details class="step"${this.stepsOpen ? ' open' : ''}><summary><strong>Claim.</strong> ${esc(s.claimText)}</summary>${this.display(s.claimTex)}`
      + `<div class="just"><em>Justification — ${esc(j.name)}${j.ref ? ` (<code>${esc(j.ref)}</code>)` : ''}.</em> ${this.prose(j.text)}${j.citation ? ` <span class="note">Reference: ${esc(j.citation)}.</span>` : ''}</div>`
      + (s.check ? this.check(s.check) : '') + '</details></li>';
  }
  region(r: RegionProof, multi: boolean): string {
    const out: string[] = [];
    if (multi) out.push(`<h3>Region ${r.condition === 'true' ? '(all parameters)' : this.math.render(r.conditionTex, false)}</h3>`);
    if (r.sample) out.push(`<p class="note">Sample point for the numerical checks: ${esc(r.sample)}.</p>`);
    out.push('<table class="tests"><thead><tr><th>test</th><th>outcome</th><th>verdict</th><th>details</th></tr></thead><tbody>');
    for (const t of r.tests) out.push(`<tr class="${t.outcome}"><td>${esc(t.title)}</td><td>${t.outcome}</td><td>${t.verdict ?? ''}</td><td>${esc(t.summary)}</td></tr>`);
    out.push('</tbody></table>');
    if (r.reason) out.push(`<p>No proof: ${esc(r.reason)}.</p>`);
    r.proofs.forEach((p, k) => out.push(`<h4>Proof ${k + 1} (${esc(p.title)})</h4><ol class="proof">${p.steps.map((s) => this.step(s)).join('')}</ol><p class="qed">∎</p>`));
    return out.join('\n');
  }
  theorem(t: TheoremSection): string {
    const out = [`<h3>${esc(t.title)}</h3><ol class="proof">${t.steps.map((s) => this.step(s)).join('')}</ol>`];
    if (t.results.length) {
      out.push(`<table><thead><tr><th>parameters</th><th>S</th><th>TRF (ε = ${esc(t.eps)})</th><th>window (B = ${esc(t.logitBound)}, δ = ${esc(t.tol)})</th><th>method</th></tr></thead><tbody>`);
      for (const r of t.results) out.push(`<tr><td>${esc(r.at)}</td><td>${esc(r.sum ?? '—')}</td><td>${esc(r.trf ?? '—')}</td><td>${esc(r.window ?? '—')}</td><td>${esc(r.method)}</td></tr>`);
      out.push('</tbody></table>');
    }
    return out.join('\n');
  }
  case(c: CaseProof, k: number): string {
    const head = c.condition === 'true' ? `<h2>${esc(c.verdict)}</h2>` : `<h2>Case ${k + 1}: ${this.math.render(c.conditionTex, false)} — ${esc(c.verdict)}</h2>`;
    return [head, ...c.regions.map((r) => this.region(r, c.regions.length > 1 || r.condition !== c.condition)), c.theorem ? this.theorem(c.theorem) : ''].join('\n');
  }
}

export interface HtmlResult {
  readonly html: string;
  /** LaTeX that KaTeX rejected (empty for a good report) */
  readonly mathErrors: readonly string[];
}

/** The per-case sections alone (tests, proofs, theorem), for embedding in a page such as the playground's. */
export function renderCasesHtml(report: Report, options: { stepsOpen?: boolean } = {}): HtmlResult {
  const page = new Page(options.stepsOpen ?? true);
  const html = report.cases.map((c, k) => page.case(c, k)).join('\n');
  return { html, mathErrors: page.math.errors };
}

export async function renderHtml(report: Report): Promise<HtmlResult> {
  const page = new Page(true);
  const body: string[] = [
    `<h1>Convergence report: <code>${esc(report.input)}</code></h1>`,
    `<p>${page.prose(headline(report))}</p>`, page.display(seriesTex(report)),
    `<p class="verdict">Verdict: ${page.prose(verdictLine(report))}</p>`,
  ];
  if (report.classification.cases.length > 1) {
    body.push('<table><thead><tr><th>condition</th><th>verdict</th><th>length extrapolation</th></tr></thead><tbody>');
    for (const c of report.cases) body.push(`<tr><td>${c.condition === 'true' ? 'all' : page.math.render(c.conditionTex, false)}</td><td>${c.verdict}</td><td>${c.extrapolation}</td></tr>`);
    body.push('</tbody></table>');
  }
  report.cases.forEach((c, k) => body.push(page.case(c, k)));
  if (report.chart) {
    const svg = await chartSvg(report.chart);
    body.push('<h2>Chart</h2>', `<figure id="chart" aria-label="cumulative attention prior against the window">${svg}<figcaption class="note">${esc(report.chart.normalisation)}. Drawn with vega-lite; the dashed level is 1 − ε, the dotted rules mark the TRF.</figcaption></figure>`);
  }
  body.push('<h2>Notes</h2><ul>', ...report.notes.map((n) => `<li>${page.prose(n)}</li>`), '</ul>');
  const main = body.join('\n');
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:">
<title>Convergence report: ${esc(report.input)}</title>
<style>${await inlineKatexCss(main)}</style>
<style>${STYLE}</style>
</head>
<body>
${main}
</body>
</html>
`;
  return { html, mathErrors: page.math.errors };
}
