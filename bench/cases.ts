/**
 * The benchmark's cases: every catalog entry (parametric form and each sample, bias
 * mode) and every row of the peer suite ../shared/corpus/sympy-is-convergent.tsv
 * (term mode; stretch rows kept and marked).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CatalogCase, casesOf } from '../src/rules/catalog-cases.js';
import { findProjectRoot } from '../src/rules/paths.js';
import { loadCatalog } from '../src/rules/loader.js';

export interface BenchCase extends CatalogCase {
  readonly group: 'catalog' | 'peer';
  /** peer rows that need more than positive-term analysis */
  readonly stretch: boolean;
  /** SymPy's own suite assertion for peer rows ("True", "False", "-") */
  readonly sympySuite?: string;
}

export function catalogBenchCases(): BenchCase[] {
  return loadCatalog().entries.flatMap((entry) => {
    const { parametric, samples } = casesOf(entry);
    return [parametric, ...samples].map((c) => ({ ...c, group: 'catalog' as const, stretch: false }));
  });
}

export const PEER_SUITE = join(findProjectRoot(), '..', 'shared', 'corpus', 'sympy-is-convergent.tsv');

/** Rows of the peer TSV: term, var, from, expected (C/D), sympy, note. */
export function peerBenchCases(file: string = PEER_SUITE): BenchCase[] {
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const [header, ...rows] = lines;
  const cols = header!.split('\t');
  const at = (name: string): number => {
    const i = cols.indexOf(name);
    if (i < 0) throw new Error(`${file}: no column "${name}"`);
    return i;
  };
  const [iTerm, iVar, iFrom, iExp, iSympy, iNote] = ['term', 'var', 'from', 'expected', 'sympy', 'note'].map(at);
  return rows.map((row, k) => {
    const f = row.split('\t');
    const expected = f[iExp!] === 'C' ? 'converges' : f[iExp!] === 'D' ? 'diverges' : undefined;
    if (!expected) throw new Error(`${file}: row ${k + 1}: expected must be C or D`);
    const note = f[iNote!] ?? '';
    return {
      id: `peer-${String(k + 1).padStart(2, '0')}`, entryId: 'peer', label: f[iTerm!]!, formula: f[iTerm!]!,
      options: { var: f[iVar!]!, from: Number(f[iFrom!]), term: true },
      expected, points: [], group: 'peer' as const, stretch: /^stretch/.test(note), sympySuite: f[iSympy!] ?? '-',
    };
  });
}
