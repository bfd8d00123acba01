/**
 * The catalog picker: every entry of rules/catalog.json, by name, with its
 * formula. Choosing one loads its formula, assumptions and first sample values;
 * the picker follows the formula (it shows the entry the typed bias is, if any).
 *
 * Owns: the picker.
 */
import type { Catalog, CatalogEntry } from '../../../src/rules/schema.js';
import { byId, el } from './dom.js';

export function fillCatalog(catalog: Catalog, onPick: (entry: CatalogEntry) => void): void {
  const select = byId<HTMLSelectElement>('catalog');
  for (const e of catalog.entries) select.append(el('option', { value: e.id, title: e.source }, `${e.name}: ${e.formula}`));
  select.addEventListener('change', () => {
    const entry = catalog.entries.find((e) => e.id === select.value);
    if (entry) onPick(entry);
  });
}

export function showCatalogEntry(id: string | null): void {
  const select = byId<HTMLSelectElement>('catalog');
  if (select.value !== (id ?? '')) select.value = id ?? '';
}
