/**
 * The proof panel: the per-case sections of the report (tests, step-by-step
 * proofs with folded steps, the theorem instantiated), rendered by the report's
 * own HTML renderer in the proof worker and typeset with KaTeX there. The markup
 * is the renderer's, which escapes every piece of user text.
 *
 * Owns: the proof panel's states.
 */
import { byId, el } from './dom.js';

export function showProofPending(): void {
  const box = byId('proof');
  box.dataset.state = 'pending';
  box.setAttribute('aria-busy', 'true');
  if (!box.querySelector('.pending-note')) box.prepend(el('p', { class: 'pending-note note' }, 'Writing the proof…'));
}

export function showProof(html: string, error: string | undefined, ms: number): void {
  const box = byId('proof');
  box.dataset.ms = ms.toFixed(0);
  box.setAttribute('aria-busy', 'false');
  if (html === '') {
    box.dataset.state = 'error';
    box.replaceChildren(el('p', { class: 'reason' }, `No proof: ${error ?? 'the report could not be built'}.`));
    return;
  }
  box.dataset.state = 'ready';
  box.innerHTML = html;
  box.prepend(el('p', { class: 'note' }, `Written in ${(ms / 1000).toFixed(1)} s: every named test per region, then a step-by-step proof; unfold a claim for its justification and its decimal.js check.`));
  if (error) box.prepend(el('p', { class: 'reason' }, error));
}

export function clearProof(): void {
  const box = byId('proof');
  box.dataset.state = 'idle';
  box.setAttribute('aria-busy', 'false');
  box.replaceChildren();
}
