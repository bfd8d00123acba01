/**
 * The TRF panel: the receptive field at ε with the certified bracket and S, and
 * the chart of the cumulative attention prior, drawn by vega-lite from the same
 * spec as the HTML report (src/report/chart-svg.ts). Vega is loaded on first use,
 * so it never delays a verdict.
 *
 * Owns: the TRF text and the live chart.
 */
import type { ChartData } from '../../../src/report/proof.js';
import type { TrfResult } from '../../../src/trf/trf.js';
import { byId, el, renderTex } from './dom.js';

export function showTrf(result: TrfResult | null, reason: string | undefined, eps: string): void {
  const box = byId('trf');
  box.removeAttribute('data-trf');
  if (result === null || result.trf === null) {
    box.replaceChildren(el('p', {}, reason ?? (result ? `no TRF: ${result.method}` : 'no TRF')));
    return;
  }
  box.dataset.trf = String(result.trf);
  const exact = result.bracket !== null && result.bracket[0] === result.bracket[1];
  const head = el('p', { class: 'trf-value' });
  head.append(`TRF at ε = ${eps}: `, el('strong', {}, String(result.trf)));
  head.append(exact ? ' (exact: the smallest w with Σ_{n≤w} e^{p(n)} ≥ (1 − ε)·S)' : ` (certified bracket [${result.bracket?.[0]}, ${result.bracket?.[1] ?? '∞'}])`);
  const details = el('p', { class: 'note' }, `S = ${result.sum ?? '—'} ± ${result.sumError ?? '—'}. Method: ${result.method}.`);
  box.replaceChildren(head, details);
  if (result.closedForm) {
    const form = el('div', { class: 'closed-form', 'aria-label': 'closed form' });
    renderTex(form, result.closedForm, true);
    box.append(form);
  }
}

type ChartModule = typeof import('./chart.js');
let chartModule: Promise<ChartModule> | null = null;
let drawn = 0;

export async function showChart(chart: ChartData | null): Promise<void> {
  const fig = byId('chart');
  const ticket = ++drawn;
  if (chart === null) { fig.replaceChildren(); return; }
  chartModule ??= import('./chart.js');
  const { drawChart } = await chartModule;
  if (ticket === drawn) await drawChart(fig, chart, () => ticket === drawn);
}
