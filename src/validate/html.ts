/**
 * The HTML summary of an experiment.
 *
 * Owns: one self-contained page (no scripts, no external files): the results
 * table, the two SVG plots inline, the configuration, the corpus split and the
 * backend, and the definitions used (extrapolation threshold, ERF, TRF).
 */
import type { ExperimentResult } from './experiment.js';
import { footer, header, row } from './table.js';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function summaryHtml(result: ExperimentResult, pplSvg: string, trfErfSvg: string): string {
  const c = result.config;
  const L = c.train.length;
  const longest = Math.max(...c.evalLens);
  const th = header(result).map((h) => `<th>${esc(h)}</th>`).join('');
  const rows = result.runs.map((r) => {
    const cells = row(r, result).map((v, i) => `<td${i > 1 ? ' class="n"' : ''}>${esc(v)}</td>`).join('');
    return `<tr class="${r.agrees === false ? 'bad' : ''}">${cells}</tr>`;
  }).join('\n');
  const errors = result.errors.length
    ? `<h2>Failed runs</h2><ul>${result.errors.map((e) => `<li><b>${esc(e.rpe)}</b>: ${esc(e.message)}</li>`).join('')}</ul>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>rpe validate: length extrapolation</title>
<style>
body{font-family:system-ui,sans-serif;margin:2em;max-width:1100px;color:#222}
table{border-collapse:collapse;font-size:14px}th,td{border:1px solid #ccc;padding:4px 8px}
th{background:#f4f4f4}td.n{text-align:right;font-variant-numeric:tabular-nums}tr.bad td{background:#fff0f0}
.plots{display:flex;flex-wrap:wrap;gap:1em}code{background:#f4f4f4;padding:0 3px}
</style></head><body>
<h1>Length extrapolation: theory vs experiment</h1>
<p>Each RPE trains the same small transformer at length L = ${L}; perplexity is measured on held-out text at ${c.evalLens.join(', ')}.
A run <i>extrapolates</i> when ppl(${longest}) / ppl(${L}) ≤ ${c.threshold}. It <i>agrees</i> with the verdict when it extrapolates exactly when Σ exp(p(n)) converges
(the theorem says convergence guarantees extrapolation; divergence only removes the guarantee).</p>
<table><thead><tr>${th}</tr></thead><tbody>
${rows}
</tbody></table>
<p>${esc(footer(result))}</p>
${errors}
<div class="plots"><div>${pplSvg}</div><div>${trfErfSvg}</div></div>
<h2>Setup</h2>
<ul>
<li>backend: ${esc(result.backend)}; ${result.jobs} process(es); ${result.seconds.toFixed(0)} s</li>
<li>corpus: ${esc(result.corpus.split)} (${result.corpus.trainTokens} train / ${result.corpus.validTokens} validation byte tokens)</li>
<li>model: ${c.model.layers} layers, d = ${c.model.dModel}, ${c.model.heads} heads, MLP ${c.model.dMlp}, byte vocabulary; pre-LayerNorm, GELU</li>
<li>training: ${c.train.steps} Adam steps, batch ${c.train.batch} × ${L}, peak lr ${c.train.lr}, warm-up ${c.train.warmup}, seed ${c.seed}</li>
<li>evaluation: ${c.evalTokens} scored tokens per length in non-overlapping blocks; ERF: smallest window within ${(c.erfTolerance * 100).toFixed(0)}% of full attention's perplexity at L (${c.erfTokens} tokens per probe), read from the monotone envelope of the probes (every wider window within the tolerance)</li>
<li>gradient ERF (Chi et al. 2023): the distance covering 1 − ε = ${1 - c.eps} of the normalised gradient magnitude ‖∂ℓ<sub>i</sub>/∂x<sub>j</sub>‖ of a position's loss with respect to earlier input embeddings, accumulated from distance 0 outward, averaged over ${c.gradErfRows ?? 0} (sequence, position) pairs</li>
<li>TRF<sub>ε</sub> = min{w : Σ<sub>n≤w</sub> e<sup>p(n)</sup> ≥ (1−ε)·Σ e<sup>p(n)</sup>}, ε = ${c.eps}; the model's TRF is its widest head's</li>
</ul>
<h2>Biases</h2>
<ul>${result.runs.map((r) => `<li><b>${esc(r.rpe)}</b>: <code>p(n) = ${esc(r.expression)}</code>${Object.keys(r.at).length ? ` with ${esc(Object.entries(r.at).map(([k, v]) => `${k} = ${v}`).join(', '))}` : ''}; head verdicts ${esc(r.headVerdicts.join(', '))}; head TRFs ${esc(r.headTrfs.map((t) => (t === null ? '?' : Number.isFinite(t) ? String(t) : '∞')).join(', '))}${r.trfSource === 'estimate' ? ' (float64 estimate)' : ''}</li>`).join('\n')}</ul>
</body></html>
`;
}
