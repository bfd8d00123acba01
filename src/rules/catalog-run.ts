/**
 * Runs the catalog: classifies every entry (parametric form and each sample) and
 * judges each result against the expected verdict. Pure data in, report out.
 */
import { classify } from '../classify.js';
import type { Classification } from '../types.js';
import { type Agreement, judge } from './agreement.js';
import { type CatalogCase, casesOf } from './catalog-cases.js';
import { isInputError } from '../parse/errors.js';
import type { Catalog, CatalogEntry } from './schema.js';

export interface CaseRun {
  readonly case: CatalogCase;
  readonly result?: Classification;
  /** classify threw: the catalog formula was rejected or the decider failed */
  readonly error?: string;
  readonly agreement: Agreement | { readonly status: 'error'; readonly detail: string };
}

export interface EntryRun {
  readonly entry: CatalogEntry;
  readonly parametric: CaseRun;
  readonly samples: readonly CaseRun[];
}

export interface CatalogSummary {
  readonly entries: number;
  readonly cases: number;
  readonly agree: number;
  readonly wrong: number;
  readonly undecided: number;
  readonly error: number;
}

export function runCase(c: CatalogCase): CaseRun {
  let result: Classification;
  try {
    result = classify(c.formula, c.options);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const detail = isInputError(err) ? `rejected: ${message}` : `internal error: ${message}`;
    return { case: c, error: detail, agreement: { status: 'error', detail } };
  }
  return { case: c, result, agreement: judge(result, c) };
}

export function runEntry(entry: CatalogEntry): EntryRun {
  const { parametric, samples } = casesOf(entry);
  return { entry, parametric: runCase(parametric), samples: samples.map(runCase) };
}

export function summarize(runs: readonly EntryRun[]): CatalogSummary {
  const all = runs.flatMap((r) => [r.parametric, ...r.samples]);
  const count = (s: string): number => all.filter((r) => r.agreement.status === s).length;
  return {
    entries: runs.length, cases: all.length,
    agree: count('agree'), wrong: count('wrong'), undecided: count('undecided'), error: count('error'),
  };
}

export function runCatalog(catalog: Catalog): { runs: EntryRun[]; summary: CatalogSummary } {
  const runs = catalog.entries.map(runEntry);
  return { runs, summary: summarize(runs) };
}
