/**
 * Loads rules/catalog.json and rules/families.json (or a given file) and validates them;
 * any problem becomes a RulesError naming the file and each bad field.
 */
import { readFileSync } from 'node:fs';
import { rulesPath } from './paths.js';
import { type Catalog, type Families, RulesError, validateCatalog, validateFamilies } from './schema.js';

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new RulesError(file, [`cannot read: ${err instanceof Error ? err.message : String(err)}`]);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new RulesError(file, [`not valid JSON: ${err instanceof Error ? err.message : String(err)}`]);
  }
}

export function loadCatalog(file: string = rulesPath('catalog.json')): Catalog {
  return validateCatalog(readJson(file), file);
}

export function loadFamilies(file: string = rulesPath('families.json')): Families {
  return validateFamilies(readJson(file), file);
}
