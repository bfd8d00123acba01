/**
 * The verdict panel: the overall verdict of Σ e^{p(n)} (parametric), one line
 * per parameter region with its condition in KaTeX, and the verdict at the
 * slider values, the region holding them marked.
 *
 * Owns: the verdict markup and its data-* attributes (the browser tests read them).
 */
import { inPage } from '../wording.js';
import type { Classification, Extrapolation, Verdict } from '../../../src/types.js';
import { byId, el, EXTRAPOLATION_TEXT, renderTex, VERDICT_SIGN, type VerdictWord } from './dom.js';

function verdictBadge(verdict: VerdictWord): HTMLElement {
  const b = el('span', { class: `badge ${verdict}` });
  b.append(el('span', { class: 'sign', 'aria-hidden': 'true' }, VERDICT_SIGN[verdict]), ` ${verdict}`);
  return b;
}

export function showPending(formula: string): void {
  const v = byId('verdict');
  if (v.dataset.for !== formula) v.dataset.verdict = 'pending';
  v.setAttribute('aria-busy', 'true');
}

export function showClassification(c: Classification, conditionsTex: readonly string[], formula: string, ms: number, latencyMs: number): void {
  const v = byId('verdict');
  v.dataset.verdict = c.verdict;
  v.dataset.for = formula;
  v.dataset.latencyMs = latencyMs.toFixed(1);
  v.removeAttribute('aria-busy');
  const what = c.parameters.length === 0 ? '' : c.verdict === 'conditional' ? ': depends on the parameters' : ' for every parameter value allowed';
  v.replaceChildren(el('span', { class: 'label' }, 'Σ e^p(n) '), verdictBadge(c.verdict), `${what}.`, el('span', { class: 'timing' }, ` decided in ${ms < 1 ? '< 1' : ms.toFixed(0)} ms`));
  if (c.cases.length === 1 && c.cases[0]!.reason) v.append(el('p', { class: 'reason' }, `Why unknown: ${inPage(c.cases[0]!.reason)}`));

  const list = byId('cases');
  list.replaceChildren(...c.cases.map((k, i) => {
    const li = el('li', { class: `case ${k.verdict}`, 'data-verdict': k.verdict, 'data-condition': k.condition });
    const cond = el('span', { class: 'condition' });
    if (k.condition === 'true') cond.textContent = c.parameters.length ? 'all parameters' : 'the series';
    else renderTex(cond, conditionsTex[i] ?? k.condition);
    li.append(cond, ' → ', verdictBadge(k.verdict), el('span', { class: 'extrapolation' }, ` — ${EXTRAPOLATION_TEXT[k.extrapolation]}`));
    if (k.reason) li.append(el('div', { class: 'reason' }, `Why unknown: ${inPage(k.reason)}`));
    return li;
  }));
}

/** Mark the region holding the slider values (the worker evaluated the conditions). */
function markRegion(caseIndex: number | null): void {
  byId('cases').querySelectorAll<HTMLLIElement>('li.case').forEach((li, i) => {
    const inside = i === caseIndex;
    li.classList.toggle('current', inside);
    if (inside) li.setAttribute('aria-current', 'true'); else li.removeAttribute('aria-current');
  });
}

export interface PointView {
  readonly verdict: Verdict;
  readonly extrapolation: Extrapolation;
  readonly valuesText: string;
  readonly values: Readonly<Record<string, number>>;
  readonly reason?: string;
  readonly outsideAssumptions: boolean;
  readonly caseIndex: number | null;
}

export function showPoint(p: PointView | null, latencyMs: number): void {
  const box = byId('point-verdict');
  if (p === null || p.valuesText === '') { box.dataset.verdict = 'none'; box.replaceChildren(); box.hidden = true; return; }
  box.hidden = false;
  box.dataset.verdict = p.verdict;
  box.dataset.values = JSON.stringify(p.values);
  box.dataset.latencyMs = latencyMs.toFixed(1);
  box.replaceChildren(el('span', { class: 'label' }, `At ${p.valuesText}: `), verdictBadge(p.verdict), el('span', { class: 'extrapolation' }, ` — ${EXTRAPOLATION_TEXT[p.extrapolation]}`));
  if (p.outsideAssumptions) box.append(el('p', { class: 'note' }, 'These values lie outside the assumptions.'));
  if (p.reason) box.append(el('p', { class: 'reason' }, `Why unknown: ${inPage(p.reason)}`));
  markRegion(p.caseIndex);
}

export function showVerdictError(formula: string, latencyMs: number): void {
  const v = byId('verdict');
  v.dataset.verdict = 'error';
  v.dataset.for = formula;
  v.dataset.latencyMs = latencyMs.toFixed(1);
  v.removeAttribute('aria-busy');
  v.replaceChildren(el('span', { class: 'badge error' }, '⚠ no verdict'), ': fix the input marked above.');
  byId('cases').replaceChildren();
  showPoint(null, latencyMs);
}

/** The values are not allowed (a parameter's text, or the series at these values): the parametric verdict stays. */
export function showPointProblem(message: string, latencyMs: number): void {
  const box = byId('point-verdict');
  box.hidden = false;
  box.dataset.verdict = 'error';
  box.dataset.latencyMs = latencyMs.toFixed(1);
  box.replaceChildren(el('span', { class: 'badge error' }, '⚠ no verdict at these values'), el('p', { class: 'reason' }, inPage(message)));
  markRegion(null);
}
