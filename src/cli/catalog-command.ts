/**
 * `rpe catalog [--json] [--samples] [--file F]`: classify every bias of rules/catalog.json
 * (parametric form and each sample) and print, per entry, its formula, the assumptions,
 * the expected verdict, the verdict with every condition in full, and the agreement,
 * wrapped to the terminal (never cut). Exits 3 when any verdict is wrong or a formula fails.
 */
import type { Command } from 'commander';
import { assumptionTexts } from '../parse/assumption-list.js';
import type { Classification } from '../types.js';
import { type CaseRun, type EntryRun, runCatalog } from '../rules/catalog-run.js';
import { CliError, EXIT_INPUT, EXIT_WRONG } from './exit-codes.js';
import { loadCatalog } from '../rules/loader.js';
import { type Catalog, RulesError } from '../rules/schema.js';
import { conditionText } from './condition-text.js';
import { renderTable } from './table.js';
import { terminalWidth, wrapText } from './wrap.js';

interface CatalogFlags {
  readonly json?: boolean;
  readonly samples?: boolean;
  readonly file?: string;
}

function expectedText(r: CaseRun): string {
  const c = r.case;
  return c.expected === 'conditional' ? `converges iff ${conditionText(c.expectedCondition ?? 'false')}` : c.expected;
}

/** The verdict, and for several cases each condition with its verdict, in full. */
function verdictLines(result: Classification | undefined, error: string | undefined): string[] {
  if (!result) return [`error: ${error ?? 'no result'}`];
  if (result.cases.length === 1 && result.cases[0]!.condition === 'true') return [result.verdict];
  return [result.verdict, ...result.cases.map((k) => `  ${conditionText(k.condition)}: ${k.verdict}`)];
}

function mark(r: CaseRun): string {
  switch (r.agreement.status) {
    case 'agree': return 'yes';
    case 'wrong': return 'WRONG';
    case 'undecided': return 'undecided';
    case 'error': return 'ERROR';
  }
}

function agreementCell(run: EntryRun): string {
  const head = mark(run.parametric);
  if (run.samples.length === 0) return head;
  const agree = run.samples.filter((s) => s.agreement.status === 'agree').length;
  const bad = run.samples.filter((s) => s.agreement.status === 'wrong' || s.agreement.status === 'error').length;
  return `${head}; samples ${agree}/${run.samples.length}${bad > 0 ? ` (${bad} WRONG/ERROR)` : ''}`;
}

function problemLines(runs: readonly EntryRun[], cols: number): string[] {
  return runs.flatMap((run) => [run.parametric, ...run.samples])
    .filter((r) => r.agreement.status === 'wrong' || r.agreement.status === 'error')
    .flatMap((r) => wrapText(`${r.agreement.status === 'wrong' ? 'WRONG' : 'ERROR'} ${r.case.id}: ${r.agreement.detail}`, cols, '  ', '      '));
}

/** One block per entry: its formula, the assumptions, the expected and the found verdict in full, wrapped. */
function entryBlock(run: EntryRun, cols: number): string[] {
  const r = run.parametric;
  const field = (label: string, text: string): string[] => wrapText(text, cols, `  ${label.padEnd(10)}`, ' '.repeat(12));
  const assume = assumptionTexts(r.case.options.assume);
  const [head, ...cases] = verdictLines(r.result, r.error);
  return [
    ...wrapText(`${run.entry.name}: ${run.entry.formula}`, cols, '', '    '),
    ...field('assuming', assume.length ? assume.map(conditionText).join(', ') : 'nothing'),
    ...field('expected', expectedText(r)),
    ...field('verdict', head!),
    ...cases.flatMap((c) => wrapText(c.trim(), cols, ' '.repeat(14), ' '.repeat(16))),
    ...field('agreement', agreementCell(run)),
  ];
}

function printText(runs: readonly EntryRun[], summary: ReturnType<typeof runCatalog>['summary'], withSamples: boolean): void {
  const cols = terminalWidth();
  const out: string[] = runs.flatMap((run, i) => [...(i > 0 ? [''] : []), ...entryBlock(run, cols)]);
  if (withSamples) {
    const sampleRows = runs.flatMap((run) => run.samples).map((r) => [
      r.case.id, r.case.formula, expectedText(r), r.result?.verdict ?? 'error', mark(r),
    ]);
    out.push('', renderTable(['sample', 'formula', 'expected', 'verdict', 'agreement'], sampleRows, { width: cols }));
  }
  const problems = problemLines(runs, cols);
  if (problems.length > 0) out.push('', 'Problems:', ...problems);
  out.push('', ...wrapText(`${summary.entries} entries, ${summary.cases} cases (with samples): ${summary.agree} agree, ` +
    `${summary.wrong} wrong, ${summary.undecided} undecided, ${summary.error} errors`, cols));
  process.stdout.write(`${out.join('\n')}\n`);
}

function toJson(runs: readonly EntryRun[], summary: ReturnType<typeof runCatalog>['summary']): object {
  const caseJson = (r: CaseRun): object => ({
    id: r.case.id, formula: r.case.formula, options: r.case.options,
    expected: { verdict: r.case.expected, ...(r.case.expectedCondition ? { condition: r.case.expectedCondition } : {}) },
    ...(r.result ? { result: r.result } : { error: r.error }),
    agreement: r.agreement,
  });
  return {
    summary,
    entries: runs.map((run) => ({
      id: run.entry.id, name: run.entry.name, source: run.entry.source,
      ...caseJson(run.parametric),
      samples: run.samples.map(caseJson),
    })),
  };
}

function load(file: string | undefined): Catalog {
  try {
    return file === undefined ? loadCatalog() : loadCatalog(file);
  } catch (err) {
    if (err instanceof RulesError) throw new CliError(err.message, EXIT_INPUT);
    throw err;
  }
}

export function registerCatalog(program: Command): void {
  program
    .command('catalog')
    .description('classify every bias of the catalog (rules/catalog.json) and compare with the expected verdicts')
    .option('--json', 'print the full report as JSON')
    .option('--samples', 'also list every sample substitution')
    .option('--file <path>', 'use another catalog file with the same schema')
    .action((flags: CatalogFlags) => {
      const { runs, summary } = runCatalog(load(flags.file));
      if (flags.json) process.stdout.write(`${JSON.stringify(toJson(runs, summary))}\n`);
      else printText(runs, summary, flags.samples ?? false);
      if (summary.wrong > 0 || summary.error > 0) process.exitCode = EXIT_WRONG;
    });
}
