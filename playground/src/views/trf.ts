/**
 * The TRF panel: the receptive field at ε with the certified bracket and S, and
 * the chart of the cumulative attention prior, drawn by vega-lite from the same
 * spec as the HTML report (src/report/chart-svg.ts) in the chart worker, so the
 * page thread only inserts the finished SVG.
 *
 * Owns: the TRF text and the live chart.
 */
import { inPage } from '../wording.js';
import type { ChartData } from '../../../src/report/proof.js';
import type { TrfResult } from '../../../src/trf/trf.js';
import type { ChartRequest, ChartResponse } from '../protocol.js';
import { byId, el, renderTex } from './dom.js';

export function showTrf(result: TrfResult | null, reason: string | undefined, eps: string): void {
  const box = byId('trf');
  box.removeAttribute('data-trf');
  if (result === null || result.trf === null) {
    box.replaceChildren(el('p', {}, inPage(reason ?? (result ? `no TRF: ${result.method}` : 'no TRF'))));
    return;
  }
  box.dataset.trf = String(result.trf);
  const exact = result.bracket !== null && result.bracket[0] === result.bracket[1];
  const head = el('p', { class: 'trf-value' });
  head.append(`TRF at ε = ${eps}: `, el('strong', {}, String(result.trf)));
  if (exact) {
    const def = el('span');
    renderTex(def, '\\min\\{w : \\textstyle\\sum_{n\\le w} e^{p(n)} \\ge (1-\\varepsilon)\\,S\\}');
    head.append(' (exact: ', def, ')');
  } else {
    head.append(` (certified bracket [${result.bracket?.[0]}, ${result.bracket?.[1] ?? '∞'}])`);
  }
  const details = el('p', { class: 'note' }, inPage(`S = ${result.sum ?? '—'} ± ${result.sumError ?? '—'}. Method: ${result.method}.`));
  box.replaceChildren(head, details);
  if (result.closedForm) {
    const form = el('div', { class: 'closed-form', 'aria-label': 'closed form' });
    renderTex(form, result.closedForm, true);
    box.append(form);
  }
}

let chartWorker: Worker | null = null;
let drawn = 0;
/** the chart of the latest request (the only one whose SVG is shown) */
let pending: ChartData | null = null;

/** Draw the chart in the chart worker (started on first use); only the latest chart is shown. */
export function showChart(chart: ChartData | null): void {
  const fig = byId('chart');
  const ticket = ++drawn;
  if (chart === null) { fig.replaceChildren(); return; }
  if (chartWorker === null) {
    chartWorker = new Worker(new URL('../chart.worker.ts', import.meta.url), { type: 'module', name: 'rpe-chart' });
    chartWorker.onmessage = (e: MessageEvent<ChartResponse>) => {
      if (e.data.id !== drawn) return;
      const { svg, error } = e.data;
      if (svg === null) { fig.replaceChildren(el('p', { class: 'reason' }, `The chart could not be drawn: ${error ?? 'unknown error'}.`)); return; }
      const holder = el('div', { class: 'chart-holder', role: 'img', 'aria-label': `${pending?.title ?? 'chart'}: ${pending?.normalisation ?? ''}` });
      // vega's SVG of our own chart data (escaped by vega's SVG writer), as in the HTML report
      holder.innerHTML = svg;
      const caption = el('figcaption', { class: 'note' }, `${pending?.normalisation ?? ''}. The dashed level is 1 − ε; the dotted rule marks the TRF.`);
      fig.replaceChildren(holder, caption);
    };
  }
  pending = chart;
  // the legend sits below the plot (chart.worker.ts), so the plot may take the figure's width
  const width = Math.max(240, Math.min(1100, fig.clientWidth - 80));
  const dark = window.matchMedia('(prefers-color-scheme: dark)').matches;
  chartWorker.postMessage({ id: ticket, chart, width, dark } satisfies ChartRequest);
}
