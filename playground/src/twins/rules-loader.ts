/**
 * Browser twin of src/rules/loader.ts: the same loaders, reading the rules
 * bundled into the page instead of the file system, validated by the same schema.
 */
import catalogJson from '../../../rules/catalog.json';
import familiesJson from '../../../rules/families.json';
import { type Catalog, type Families, validateCatalog, validateFamilies } from '../../../src/rules/schema.js';

export function loadCatalog(): Catalog {
  return validateCatalog(catalogJson, 'rules/catalog.json');
}

export function loadFamilies(): Families {
  return validateFamilies(familiesJson, 'rules/families.json');
}
