/** Small DOM helpers shared by the views. */
import katex from 'katex';

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`the page has no #${id}`);
  return el as T;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** KaTeX into an element; a formula KaTeX rejects is shown as its source. */
export function renderTex(target: HTMLElement, tex: string, display = false): void {
  try {
    katex.render(tex, target, { displayMode: display, throwOnError: true, strict: 'ignore', trust: false, output: 'htmlAndMathml' });
  } catch {
    target.textContent = tex;
  }
}

export type VerdictWord = 'converges' | 'diverges' | 'conditional' | 'unknown';

/** A verdict in words and a symbol, so that colour is never the only signal. */
export const VERDICT_SIGN: Record<VerdictWord, string> = { converges: '✓', diverges: '✗', conditional: '◐', unknown: '?' };

export { EXTRAPOLATION as EXTRAPOLATION_TEXT } from '../../../src/report/summary.js';
