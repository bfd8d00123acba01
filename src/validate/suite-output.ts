/**
 * Files of a named experiment (`--experiment trf-erf | extrapolation`).
 *
 * Owns: the output layout of a suite run in `--out DIR`:
 *   NAME.json       the plan, the command, seeds, machine, wall time, every run and the statistics
 *   NAME.svg        trf-erf: ERF against TRF, log–log (distance + 1 on both axes, so that a
 *                   window of 0 can be drawn), one colour per family, window ERF filled circles,
 *                   gradient ERF open triangles, the y = x line;
 *                   extrapolation: mean ppl(16L)/ppl(L) per bias with its 95% interval, coloured
 *                   by verdict, with the threshold line
 *   NAME.html       tables, the plot, the setup
 * Plots use Vega-Lite (plots.ts renders them headless).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { toJson } from './json.js';
import { render } from './plots.js';
import type { Interval, MeanInterval } from './stats.js';
import type { SuiteResult } from './suite-run.js';
import { fmtTrf } from './table.js';

export function suiteDocument(r: SuiteResult): unknown {
  return {
    experiment: r.name, scale: r.scale, command: r.command, seeds: r.seeds, backend: r.backend, machine: r.machine,
    seconds: r.seconds, config: r.experiment.config, corpus: r.experiment.corpus, jobs: r.experiment.jobs,
    agreement: r.agreement, oneWay: r.oneWay, correlations: r.correlations, entries: r.entries,
    errors: r.experiment.errors,
    runs: r.runs.map((x) => ({
      entry: x.entry, family: x.family, ...(x.value !== undefined ? { value: x.value } : {}), seed: x.seed, rpe: x.rpe,
      expression: x.expression, at: x.at, verdict: x.verdict, trf: x.trf, headTrfs: x.headTrfs, trfSource: x.trfSource,
      erf: x.erf, gradErf: x.gradErf, gradErf10: x.gradErf10, ppl: x.ppl, pplRatio: x.pplRatio, extrapolates: x.extrapolates,
      agrees: x.agrees, erfProbes: x.erfProbes, ...(x.gradCumulative ? { gradCumulative: x.gradCumulative } : {}),
      finalLoss: x.finalLoss, msPerStep: x.msPerStep, seconds: x.seconds,
    })),
  };
}

const FAMILY_COLOURS = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e'];

export function trfErfPlotSpec(r: SuiteResult): TopLevelSpec {
  const L = r.experiment.config.train.length;
  const families = [...new Set(r.runs.map((x) => x.family))];
  const values = r.runs.flatMap((x) => {
    if (x.trf === null || !Number.isFinite(x.trf)) return [];
    const out: Array<Record<string, unknown>> = [];
    if (x.erf !== null) out.push({ family: x.family, kind: 'window ERF', trf1: x.trf + 1, erf1: x.erf + 1, entry: x.entry, seed: x.seed });
    if (x.gradErf !== null) out.push({ family: x.family, kind: 'gradient ERF', trf1: x.trf + 1, erf1: x.gradErf + 1, entry: x.entry, seed: x.seed });
    return out;
  });
  const all = r.correlations.find((c) => c.group === 'all families');
  const f = (i: Interval | undefined): string => (i?.estimate == null ? 'n/a' : `${i.estimate.toFixed(2)} [${i.lo?.toFixed(2) ?? '?'}, ${i.hi?.toFixed(2) ?? '?'}]`);
  const top = Math.max(L, ...values.map((v) => v.trf1 as number));
  const scale = { type: 'log' as const, domain: [1, top * 1.2] };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: {
      text: 'ERF against TRF within families (every head shares one value)',
      subtitle: [`L = ${L}, seeds ${r.seeds.join(', ')}; axes show distance + 1 (log); dashed: y = x; dotted: L − 1`,
        `all families: Spearman ρ(TRF, window ERF) = ${f(all?.spearmanWindow)}, ρ(TRF, gradient ERF) = ${f(all?.spearmanGrad)}`],
    },
    width: 520, height: 380, background: 'white',
    layer: [
      {
        data: { values: [{ a: 1, b: 1 }, { a: top * 1.2, b: top * 1.2 }] },
        mark: { type: 'line', color: '#999', strokeDash: [5, 4] },
        encoding: { x: { field: 'a', type: 'quantitative', scale }, y: { field: 'b', type: 'quantitative', scale } },
      },
      {
        data: { values: [{ y: L }] },
        mark: { type: 'rule', color: '#bbb', strokeDash: [2, 2] },
        encoding: { y: { field: 'y', type: 'quantitative', scale } },
      },
      {
        data: { values },
        mark: { type: 'point', size: 70, opacity: 0.85 },
        encoding: {
          x: { field: 'trf1', type: 'quantitative', scale, title: 'TRF + 1 (tokens, log)' },
          y: { field: 'erf1', type: 'quantitative', scale, title: 'ERF + 1 (tokens, log)' },
          color: { field: 'family', type: 'nominal', scale: { domain: families, range: FAMILY_COLOURS.slice(0, families.length) }, legend: { labelLimit: 300 } },
          shape: { field: 'kind', type: 'nominal', scale: { domain: ['window ERF', 'gradient ERF'], range: ['circle', 'triangle-up'] } },
          fill: { condition: { test: "datum.kind === 'window ERF'", field: 'family', type: 'nominal' }, value: 'transparent' },
          tooltip: [{ field: 'entry' }, { field: 'seed' }, { field: 'kind' }, { field: 'trf1' }, { field: 'erf1' }],
        },
      },
    ],
  } as TopLevelSpec;
}

export function extrapolationPlotSpec(r: SuiteResult): TopLevelSpec {
  const c = r.experiment.config;
  const longest = Math.max(...c.evalLens);
  const values = r.entries.filter((e) => e.ratio).map((e) => ({ entry: e.entry, verdict: e.verdict, mean: e.ratio!.mean, lo: e.ratio!.lo, hi: e.ratio!.hi }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: { text: `ppl(${longest}) / ppl(${c.train.length}): mean over seeds ${r.seeds.join(', ')} with 95% t-interval`, subtitle: `threshold ${c.threshold} (dashed); colour: the decider's verdict on Σ e^p(n)` },
    width: 520, height: Math.max(200, 18 * values.length), background: 'white',
    data: { values },
    layer: [
      { mark: { type: 'rule' }, encoding: { y: { field: 'entry', type: 'nominal', sort: null, title: null }, x: { field: 'lo', type: 'quantitative', scale: { zero: false }, title: 'perplexity ratio' }, x2: { field: 'hi' }, color: { field: 'verdict', type: 'nominal', scale: { domain: ['converges', 'diverges', 'unknown'], range: ['#1b9e77', '#d95f02', '#7570b3'] } } } },
      { mark: { type: 'point', filled: true, size: 60 }, encoding: { y: { field: 'entry', type: 'nominal', sort: null }, x: { field: 'mean', type: 'quantitative' }, color: { field: 'verdict', type: 'nominal' }, tooltip: [{ field: 'entry' }, { field: 'mean' }, { field: 'lo' }, { field: 'hi' }] } },
      { data: { values: [{ t: c.threshold }] }, mark: { type: 'rule', color: '#888', strokeDash: [4, 3] }, encoding: { x: { field: 't', type: 'quantitative' } } },
    ],
  } as TopLevelSpec;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function fmtInterval(i: Interval | null | undefined, digits = 2): string {
  if (!i || i.estimate === null) return 'n/a';
  return `${i.estimate.toFixed(digits)} [${i.lo === null ? '?' : i.lo.toFixed(digits)}, ${i.hi === null ? '?' : i.hi.toFixed(digits)}]`;
}

export function fmtMean(m: MeanInterval | null, digits = 2): string {
  if (!m) return '–';
  return m.n > 1 ? `${m.mean.toFixed(digits)} [${m.lo.toFixed(digits)}, ${m.hi.toFixed(digits)}]` : m.mean.toFixed(digits);
}

/** Markdown tables of a suite result (README/docs and the HTML share these cells). */
export function suiteTables(r: SuiteResult): { head: string[]; rows: string[][] }[] {
  if (r.name === 'trf-erf') {
    return [
      {
        head: ['family', 'runs', 'ρ(TRF, window ERF)', 'τ(TRF, window ERF)', 'ρ(TRF, grad ERF)', 'τ(TRF, grad ERF)', 'ρ(TRF, grad ERF ε=0.1)', 'ρ(window, grad ERF)'],
        rows: r.correlations.map((c) => [c.group, String(c.runs), fmtInterval(c.spearmanWindow), fmtInterval(c.kendallWindow), fmtInterval(c.spearmanGrad), fmtInterval(c.kendallGrad), fmtInterval(c.spearmanGrad10), fmtInterval(c.spearmanErfs)]),
      },
      {
        head: ['bias', 'TRF', 'window ERF (mean [95% CI])', 'gradient ERF', `ppl@${r.experiment.config.train.length}`],
        rows: r.entries.map((e) => [e.entry, fmtTrf(e.trf), fmtMean(e.erf, 1), fmtMean(e.gradErf, 1), fmtMean(e.pplL, 3)]),
      },
    ];
  }
  const c = r.experiment.config;
  const longest = Math.max(...c.evalLens);
  return [{
    head: ['bias', 'verdict', 'TRF', `ppl@${c.train.length}`, `ppl@${longest}/ppl@${c.train.length} (mean [95% CI])`, 'seeds extrapolating', 'interval vs threshold', 'agrees'],
    rows: r.entries.map((e) => [e.entry, e.verdict, fmtTrf(e.trf), fmtMean(e.pplL, 3), fmtMean(e.ratio, 3), `${e.extrapolating}/${e.seeds.length}`,
      e.ciReading ?? '–', e.agrees === null ? '–' : e.agrees ? 'yes' : 'NO']),
  }];
}

export function markdown(t: { head: string[]; rows: string[][] }): string {
  const e = (s: string): string => s.replace(/\|/g, '\\|');
  return [`| ${t.head.map(e).join(' | ')} |`, `| ${t.head.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`, ...t.rows.map((r) => `| ${r.map(e).join(' | ')} |`)].join('\n');
}

export function suiteHtml(r: SuiteResult, svg: string): string {
  const c = r.experiment.config;
  const tables = suiteTables(r).map((t) => `<table><thead><tr>${t.head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${t.rows.map((row) => `<tr>${row.map((v, i) => `<td${i ? ' class="n"' : ''}>${esc(v)}</td>`).join('')}</tr>`).join('\n')}</tbody></table>`).join('\n');
  const m = r.machine;
  const oneWay = r.name === 'extrapolation'
    ? `<p>Agreement with the verdict (mean ratio vs threshold): ${r.agreement.agree}/${r.agreement.known} biases, ${r.agreement.runsAgree}/${r.agreement.runsKnown} single runs.
Convergent biases that fail to extrapolate (these would go against the theorem at this scale): ${esc(r.oneWay.convergentFailing.join(', ') || 'none')}.
Divergent biases that extrapolate anyway (allowed: divergence only removes the guarantee): ${esc(r.oneWay.divergentExtrapolating.join(', ') || 'none')}.</p>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>rpe validate --experiment ${esc(r.name)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:1100px;color:#222}table{border-collapse:collapse;font-size:13px;margin:1em 0}th,td{border:1px solid #ccc;padding:3px 7px}th{background:#f4f4f4}td.n{text-align:right;font-variant-numeric:tabular-nums}code{background:#f4f4f4;padding:0 3px}</style>
</head><body>
<h1>Experiment ${esc(r.name)} (scale ${esc(r.scale)})</h1>
${tables}
${oneWay}
<div>${svg}</div>
<h2>Setup</h2>
<ul>
<li>command: <code>${esc(r.command)}</code></li>
<li>seeds: ${r.seeds.join(', ')}; ${r.runs.length} runs; ${r.experiment.errors.length} failed</li>
<li>wall time: ${r.seconds.toFixed(0)} s with ${r.experiment.jobs} process(es); backend ${esc(r.backend)}</li>
<li>machine: ${esc(m.cpu)}, ${m.cores} cores, ${m.memGiB} GiB, Node ${esc(m.node)}; load average (1, 5, 15 min) before ${m.loadBefore.join(', ')}, after ${m.loadAfter.join(', ')}</li>
<li>model: ${c.model.layers} layers, d = ${c.model.dModel}, ${c.model.heads} heads, MLP ${c.model.dMlp}; ${c.train.steps} Adam steps of ${c.train.batch} × ${c.train.length} bytes, peak lr ${c.train.lr}</li>
<li>evaluation at ${c.evalLens.join(', ')} on ${c.evalTokens} tokens; window ERF ${c.erfTokens > 0 ? `on ${c.erfTokens} tokens per probe, tolerance ${c.erfTolerance * 100}%, monotone envelope over the probes` : 'not measured'}; gradient ERF ${c.gradErfRows ? `on ${c.gradErfRows} (sequence, position) pairs, ε = ${c.eps}` : 'not measured'}</li>
<li>intervals: correlations, 95% percentile bootstrap over runs (2000 resamples); means over seeds, 95% Student-t</li>
</ul>
</body></html>
`;
}

export async function writeSuite(r: SuiteResult, dir: string): Promise<{ json: string; svg: string; html: string }> {
  mkdirSync(dir, { recursive: true });
  const base = join(dir, r.name);
  const svg = await render(r.name === 'trf-erf' ? trfErfPlotSpec(r) : extrapolationPlotSpec(r));
  const paths = { json: `${base}.json`, svg: `${base}.svg`, html: `${base}.html` };
  writeFileSync(paths.json, `${toJson(suiteDocument(r))}\n`);
  writeFileSync(paths.svg, svg);
  writeFileSync(paths.html, suiteHtml(r, svg));
  return paths;
}
