/**
 * The chart as SVG, drawn by a charting library: a vega-lite spec compiled to
 * vega and rendered headless in Node (`View.toSVG`), so no browser or canvas is
 * needed. Log-scaled window axis, one line per sample point, a rule at each TRF
 * and at the 1 − ε level.
 *
 * Owns: the vega-lite spec and the rendering call.
 */
import * as vega from 'vega';
import * as vl from 'vega-lite';
import type { ChartData } from './proof.js';

export function chartSpec(chart: ChartData): vl.TopLevelSpec {
  const lines = chart.curves.flatMap((c) => c.points.map((p) => ({ w: p.w, share: p.share, curve: c.label })));
  const order = chart.curves.map((c) => c.label);
  // ticks and grid lines at the powers of ten only: labels that do not crowd, and an SVG a third the size
  const maxW = Math.max(1, ...chart.curves.flatMap((c) => c.points.map((p) => p.w)));
  const decades = Array.from({ length: Math.floor(Math.log10(maxW) + 1e-9) + 1 }, (_, k) => 10 ** k);
  const trfs = chart.curves.filter((c) => c.trf !== null && c.trf >= 1).map((c) => ({ w: c.trf!, curve: c.label, text: `TRF = ${c.trf}` }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    // drawn at about the page's width, so that the labels keep their size when it scales to fit
    width: 820, height: 340,
    // the normalisation is the figure's caption (html.ts), not a subtitle
    title: { text: chart.title, fontSize: 18, anchor: 'start' },
    config: {
      font: 'sans-serif', view: { stroke: '#ccc' },
      axis: { labelFontSize: 14, titleFontSize: 15, titleFontWeight: 'normal' },
      legend: { labelFontSize: 14, titleFontSize: 14, orient: 'bottom', direction: 'horizontal', columns: 2, symbolSize: 200 },
    },
    layer: [
      {
        data: { values: lines },
        mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2 },
        encoding: {
          x: { field: 'w', type: 'quantitative', scale: { type: 'log', nice: false }, title: 'window w (log scale)', axis: { format: '~s', labelOverlap: true, values: decades } },
          y: { field: 'share', type: 'quantitative', scale: { domain: [0, 1] }, title: 'cumulative attention prior' },
          color: { field: 'curve', type: 'nominal', title: 'parameters', sort: order, legend: { labelLimit: 400 } },
        },
      },
      {
        data: { values: [{ y: 1 - chart.eps }] },
        mark: { type: 'rule', strokeDash: [4, 4], color: '#888' },
        encoding: { y: { field: 'y', type: 'quantitative' } },
      },
      ...(trfs.length ? [{
        data: { values: trfs },
        mark: { type: 'rule' as const, strokeDash: [2, 2] },
        encoding: { x: { field: 'w', type: 'quantitative' as const }, color: { field: 'curve', type: 'nominal' as const, sort: order } },
      }, {
        data: { values: trfs },
        mark: { type: 'text' as const, angle: 270, dx: -4, dy: -6, align: 'right' as const, fontSize: 13 },
        encoding: { x: { field: 'w', type: 'quantitative' as const }, y: { value: 8 }, text: { field: 'text' }, color: { field: 'curve', type: 'nominal' as const, sort: order } },
      }] : []),
    ],
  } as vl.TopLevelSpec;
}

/** Render the chart to a standalone SVG string. */
export async function chartSvg(chart: ChartData): Promise<string> {
  const spec = vl.compile(chartSpec(chart)).spec;
  const view = new vega.View(vega.parse(spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  // coordinates to a tenth of a pixel (vega writes up to 14 decimals)
  const round = (t: string): string => t.replace(/-?\d+\.\d+/g, (x) => String(Math.round(Number(x) * 10) / 10));
  return svg.replace(/ (d|transform)="([^"]*)"/g, (_m, k: string, v: string) => ` ${k}="${round(v)}"`);
}
