/**
 * The chart worker: the report's vega-lite spec (src/report/chart-svg.ts) in the
 * page's colour scheme and width, compiled and rendered headless by vega to an
 * SVG string, so that the page thread never spends time on chart layout while
 * the user types or drags a slider. Loaded on the first chart.
 *
 * Owns: the chart's look in the playground (the scheme colours).
 */
import * as vega from 'vega';
import * as vl from 'vega-lite';
import { chartSpec } from '../../src/report/chart-svg.js';
import type { ChartRequest, ChartResponse } from './protocol.js';

const LIGHT: vl.TopLevelSpec['config'] = { font: 'sans-serif', view: { stroke: '#ccc' } };
const DARK: vl.TopLevelSpec['config'] = {
  font: 'sans-serif', background: 'transparent', view: { stroke: '#444' },
  title: { color: '#e6e6e6', subtitleColor: '#bbb' },
  axis: { labelColor: '#e6e6e6', titleColor: '#e6e6e6', gridColor: '#444', domainColor: '#888', tickColor: '#888' },
  legend: { labelColor: '#e6e6e6', titleColor: '#e6e6e6' },
  range: { category: ['#7cc4ff', '#ffb35c', '#8fe388', '#ff8a8a', '#d6a8ff', '#ffd966', '#66e0d0', '#c0c0c0'] },
  rule: { color: '#aaa' },
};

const post = (r: ChartResponse): void => (self as unknown as Worker).postMessage(r);
let latest = 0;

async function render(req: ChartRequest): Promise<void> {
  const base = chartSpec(req.chart);
  const scheme = (req.dark ? DARK : LIGHT)!;
  // the report's sizes and legend placement, in the page's colours; one legend column where two would not fit
  const config = {
    ...base.config, ...scheme,
    axis: { ...base.config?.axis, ...scheme.axis },
    legend: { ...base.config?.legend, ...scheme.legend, ...(req.width < 560 ? { columns: 1, labelLimit: Math.max(120, req.width - 40) } : {}) },
  };
  const spec = { ...base, config, width: req.width, height: Math.round(Math.min(340, Math.max(220, req.width * 0.55))) } as vl.TopLevelSpec;
  const view = new vega.View(vega.parse(vl.compile(spec).spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    if (req.id === latest) post({ id: req.id, svg });
  } finally {
    view.finalize();
  }
}

self.onmessage = (event: MessageEvent<ChartRequest>) => {
  latest = event.data.id;
  render(event.data).catch((err: unknown) => post({ id: event.data.id, svg: null, error: err instanceof Error ? err.message : String(err) }));
};
