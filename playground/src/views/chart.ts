/**
 * The chart drawn in the page: the report's vega-lite spec, compiled and
 * rendered by vega as SVG into the figure, in the page's colour scheme.
 *
 * Owns: the vega view's life cycle.
 */
import * as vega from 'vega';
import * as vl from 'vega-lite';
import { chartSpec } from '../../../src/report/chart-svg.js';
import type { ChartData } from '../../../src/report/proof.js';

let view: vega.View | null = null;

function schemeConfig(): vl.TopLevelSpec['config'] {
  const dark = window.matchMedia('(prefers-color-scheme: dark)').matches;
  if (!dark) return { font: 'sans-serif', view: { stroke: '#ccc' } };
  const fg = '#e6e6e6', grid = '#444';
  return {
    font: 'sans-serif', background: 'transparent', view: { stroke: grid },
    title: { color: fg, subtitleColor: '#bbb' },
    axis: { labelColor: fg, titleColor: fg, gridColor: grid, domainColor: '#888', tickColor: '#888' },
    legend: { labelColor: fg, titleColor: fg },
    range: { category: ['#7cc4ff', '#ffb35c', '#8fe388', '#ff8a8a', '#d6a8ff', '#ffd966', '#66e0d0', '#c0c0c0'] },
    rule: { color: '#aaa' },
  };
}

export async function drawChart(figure: HTMLElement, chart: ChartData, current: () => boolean): Promise<void> {
  // the plot as wide as the figure, less the legend and the axis titles
  const width = Math.max(280, Math.min(1100, figure.clientWidth - 190));
  const spec = { ...chartSpec(chart), config: schemeConfig(), width } as vl.TopLevelSpec;
  const compiled = vl.compile(spec).spec;
  const holder = document.createElement('div');
  holder.className = 'chart-holder';
  const next = new vega.View(vega.parse(compiled), { renderer: 'svg', container: holder, hover: true });
  await next.runAsync();
  if (!current()) { next.finalize(); return; }
  view?.finalize();
  view = next;
  const caption = document.createElement('figcaption');
  caption.className = 'note';
  caption.textContent = `${chart.normalisation}. The dashed level is 1 − ε; the dotted rule marks the TRF.`;
  figure.replaceChildren(holder, caption);
}
