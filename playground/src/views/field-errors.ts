/**
 * Inline input errors: the message under the field it is about, the typed text
 * with a caret under the column, and aria-invalid on the input.
 *
 * Owns: showing and clearing these errors.
 */
import type { Field, InputProblem } from '../protocol.js';
import { byId, el } from './dom.js';

/** ids of the input and of its error box for a field */
function idsOf(field: Field): { input: string; box: string } {
  if (field.startsWith('param:')) {
    const name = field.slice(6);
    return { input: `param-${name}`, box: `param-${name}-error` };
  }
  return { input: field, box: `${field}-error` };
}

const shown = new Set<Field>();

export function clearErrors(): void {
  for (const f of shown) {
    const { input, box } = idsOf(f);
    document.getElementById(input)?.removeAttribute('aria-invalid');
    const b = document.getElementById(box);
    if (b) { b.hidden = true; b.replaceChildren(); b.removeAttribute('data-column'); }
  }
  shown.clear();
}

export function showError(problem: InputProblem): void {
  const { input, box } = idsOf(problem.field);
  const inputEl = document.getElementById(input) as HTMLInputElement | null;
  const b = document.getElementById(box) ?? byId('formula-error');
  inputEl?.setAttribute('aria-invalid', 'true');
  b.replaceChildren(el('span', { class: 'error-sign', 'aria-hidden': 'true' }, '⚠ '), el('span', { class: 'error-message' }, problem.message));
  if (problem.column !== undefined && inputEl) {
    b.dataset.column = String(problem.column);
    const text = inputEl.value;
    const caret = `${' '.repeat(Math.max(0, Math.min(problem.column - 1, text.length)))}^`;
    b.append(el('pre', { class: 'caret', 'aria-hidden': 'true' }, `${text}\n${caret}`));
  }
  b.hidden = false;
  shown.add(problem.field);
}
