/**
 * SVG plots of an experiment, made with Vega-Lite (compiled to Vega, rendered
 * headless in Node; no canvas or browser needed).
 *
 * Owns: two charts.
 * - Perplexity against evaluation length (log2 axis), one line per RPE, solid
 *   for a convergent verdict, dashed for divergent, dotted for unknown.
 * - TRF against ERF, one labelled point per RPE. TRF uses a log axis; an
 *   infinite TRF (divergent series) is drawn on a separate "∞" row above the
 *   finite ones; labels sharing a row are stacked.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { ExperimentResult } from './experiment.js';

/** Render a Vega-Lite spec to an SVG string, headless. */
export async function render(spec: TopLevelSpec): Promise<string> {
  const vg = compile(spec).spec;
  const view = new vega.View(vega.parse(vg), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export function pplSpec(result: ExperimentResult): TopLevelSpec {
  const values = result.runs.flatMap((r) =>
    Object.entries(r.ppl).map(([len, ppl]) => ({ rpe: `${r.rpe} (${r.verdict})`, length: Number(len), ppl, verdict: r.verdict })));
  const L = result.config.train.length;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: { text: 'Perplexity vs evaluation length', subtitle: `trained at L = ${L}; ${result.corpus.name} validation split; solid: Σ e^p converges, dashed: diverges` },
    width: 520, height: 320,
    background: 'white',
    layer: [
      {
        data: { values },
        mark: { type: 'line', point: true },
        encoding: {
          x: { field: 'length', type: 'quantitative', scale: { type: 'log', base: 2 }, axis: { values: result.config.evalLens as number[], title: 'evaluation length (tokens)' } },
          y: { field: 'ppl', type: 'quantitative', scale: { zero: false }, title: 'perplexity (bytes)' },
          color: { field: 'rpe', type: 'nominal', title: 'RPE (verdict)', sort: result.runs.map((r) => `${r.rpe} (${r.verdict})`), legend: { labelLimit: 320 } },
          strokeDash: { field: 'verdict', type: 'nominal', title: 'verdict', scale: { domain: ['converges', 'diverges', 'unknown'], range: [[1, 0], [6, 3], [2, 2]] }, legend: null },
        },
      },
      {
        data: { values: [{ L }] },
        mark: { type: 'rule', color: '#888', strokeDash: [2, 2] },
        encoding: { x: { field: 'L', type: 'quantitative' } },
      },
    ],
  } as TopLevelSpec;
}

export function trfErfSpec(result: ExperimentResult): TopLevelSpec {
  const finite = result.runs.map((r) => r.trf).filter((t): t is number => t !== null && Number.isFinite(t));
  const top = 10 ** Math.ceil(Math.log10(Math.max(10, ...finite) * 3));
  const seen = new Map<number, number>();
  const values = result.runs.filter((r) => r.trf !== null && r.erf !== null).map((r) => {
    const y = Number.isFinite(r.trf!) ? Math.max(1, r.trf!) : top;
    const k = seen.get(y) ?? 0;
    seen.set(y, k + 1);
    return {
      rpe: r.rpe, erf: r.erf, trfPlot: y, labelY: y * 0.7 ** k, verdict: r.verdict,
      trf: Number.isFinite(r.trf!) ? String(r.trf) : '∞',
      label: `${r.rpe} (TRF ${Number.isFinite(r.trf!) ? r.trf : '∞'}, ERF ${r.erf}${r.gradErf === null ? '' : `, grad ERF ${r.gradErf}`})`,
    };
  });
  const ticks: number[] = [];
  for (let t = 1; t < top; t *= 10) ticks.push(t, 3 * t);
  ticks.push(top);
  const yScale = { type: 'log' as const, domain: [1, top * 1.5] };
  const rho = result.spearmanTrfErf;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: { text: 'Theoretical vs empirical receptive field', subtitle: `ε = ${result.config.eps}; ERF at L = ${result.config.train.length}, 1% tolerance; Spearman ρ = ${rho === null ? 'n/a' : rho.toFixed(2)}` },
    width: 520, height: 320,
    background: 'white',
    data: { values },
    layer: [
      {
        mark: { type: 'point', filled: true, size: 80 },
        encoding: {
          x: { field: 'erf', type: 'quantitative', title: 'ERF (tokens)', scale: { domain: [0, result.config.train.length] } },
          y: {
            field: 'trfPlot', type: 'quantitative', scale: yScale, title: 'TRF (tokens, log scale; ∞ = divergent)',
            axis: { values: ticks, labelExpr: `datum.value >= ${top} ? '∞' : format(datum.value, ',')` },
          },
          color: { field: 'verdict', type: 'nominal', scale: { domain: ['converges', 'diverges', 'unknown'], range: ['#1b9e77', '#d95f02', '#7570b3'] } },
          tooltip: [{ field: 'rpe' }, { field: 'trf' }, { field: 'erf' }],
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 7, dy: 0, fontSize: 10 },
        encoding: {
          x: { field: 'erf', type: 'quantitative' },
          y: { field: 'labelY', type: 'quantitative', scale: yScale },
          text: { field: 'label' },
        },
      },
    ],
  } as TopLevelSpec;
}

export async function pplSvg(result: ExperimentResult): Promise<string> {
  return render(pplSpec(result));
}

export async function trfErfSvg(result: ExperimentResult): Promise<string> {
  return render(trfErfSpec(result));
}
