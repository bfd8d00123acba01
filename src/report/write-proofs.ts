/**
 * `npm run proofs`: regenerate proofs/ from rules/catalog.json (see catalog-proofs.ts),
 * removing files of entries that no longer exist.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findProjectRoot } from '../rules/paths.js';
import { catalogProofFiles } from './catalog-proofs.js';

const dir = join(findProjectRoot(), 'proofs');
mkdirSync(dir, { recursive: true });
const files = await catalogProofFiles();
const keep = new Set(files.map((f) => f.path));
for (const name of readdirSync(dir)) if (!keep.has(name) && /\.(md|html)$/.test(name)) rmSync(join(dir, name));
for (const f of files) writeFileSync(join(dir, f.path), f.content);
process.stdout.write(`wrote ${files.length} files to ${dir}\n`);
