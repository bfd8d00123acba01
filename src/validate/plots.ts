/**
 * SVG plots of an experiment, made with Vega-Lite (compiled to Vega, rendered
 * headless in Node; no canvas or browser needed).
 *
 * Owns: two charts.
 * - Perplexity against evaluation length (log2 axis), one line per RPE, solid
 *   for convergent verdicts and dashed otherwise; a rule marks L.
 * - TRF against ERF, one labelled point per RPE. TRF uses a log axis; an
 *   infinite TRF (divergent series) is drawn on a separate "∞" row above the
 *   finite ones.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { ExperimentResult } from './experiment.js';

async function render(spec: TopLevelSpec): Promise<string> {
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
    Object.entries(r.ppl).map(([len, ppl]) => ({ rpe: r.rpe, length: Number(len), ppl, verdict: r.verdict })));
  const L = result.config.train.length;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: { text: 'Perplexity vs evaluation length', subtitle: `trained at L = ${L}; ${result.corpus.name} validation split` },
    width: 520, height: 320,
    background: 'white',
    layer: [
      {
        data: { values },
        mark: { type: 'line', point: true },
        encoding: {
          x: { field: 'length', type: 'quantitative', scale: { type: 'log', base: 2 }, axis: { values: result.config.evalLens as number[], title: 'evaluation length (tokens)' } },
          y: { field: 'ppl', type: 'quantitative', scale: { zero: false }, title: 'perplexity (bytes)' },
          color: { field: 'rpe', type: 'nominal', title: 'RPE', sort: result.runs.map((r) => r.rpe) },
          strokeDash: { field: 'verdict', type: 'nominal', title: 'verdict', scale: { domain: ['converges', 'diverges', 'unknown'], range: [[1, 0], [6, 3], [2, 2]] }, legend: { symbolType: 'stroke', symbolStrokeWidth: 2, symbolSize: 300 } },
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
  const top = Math.max(10, ...finite) * 8;
  const values = result.runs.filter((r) => r.trf !== null).map((r) => ({
    rpe: r.rpe, erf: r.erf, trfPlot: Number.isFinite(r.trf!) ? Math.max(1, r.trf!) : top,
    trf: Number.isFinite(r.trf!) ? String(r.trf) : '∞', verdict: r.verdict,
    label: `${r.rpe} (TRF ${Number.isFinite(r.trf!) ? r.trf : '∞'}, ERF ${r.erf})`,
  }));
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
          y: { field: 'trfPlot', type: 'quantitative', scale: { type: 'log' }, title: 'TRF (tokens; top row: ∞, divergent)' },
          color: { field: 'verdict', type: 'nominal', scale: { domain: ['converges', 'diverges', 'unknown'], range: ['#1b9e77', '#d95f02', '#7570b3'] } },
          tooltip: [{ field: 'rpe' }, { field: 'trf' }, { field: 'erf' }],
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 7, dy: -6, fontSize: 10 },
        encoding: {
          x: { field: 'erf', type: 'quantitative' },
          y: { field: 'trfPlot', type: 'quantitative', scale: { type: 'log' } },
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
