/**
 * `rpe report EXPR [--format md|tex|html|json] [-o FILE] [--at name=v[,v…]]…`:
 * the proof report of one bias (or term): every named test per parameter region,
 * step-by-step proofs, the paper's theorem instantiated, and (HTML) the TRF chart.
 * Without --format, the format follows the extension of -o (default Markdown).
 */
import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { REPORT_FORMATS, type ReportFormat } from '../report/formats.js';
import { addSeriesOptions, type SeriesFlags, toClassifyOptions } from './series-options.js';

interface ReportFlags extends SeriesFlags {
  readonly format?: ReportFormat;
  readonly output?: string;
  readonly at?: readonly string[];
  readonly eps?: string;
  readonly logitBound?: string;
  readonly tol?: string;
  readonly proofs?: number;
}

const EXTENSIONS: Record<string, ReportFormat> = { '.md': 'md', '.markdown': 'md', '.tex': 'tex', '.html': 'html', '.htm': 'html', '.json': 'json' };

export function formatFor(flags: { format?: ReportFormat; output?: string }): ReportFormat {
  if (flags.format) return flags.format;
  if (flags.output) return EXTENSIONS[extname(flags.output).toLowerCase()] ?? 'md';
  return 'md';
}

const collect = (v: string, prev: readonly string[] | undefined): string[] => [...(prev ?? []), v];
function proofCount(v: string): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isInteger(n) || n < 0 || n > 20) throw new InvalidArgumentError(`expected an integer from 0 to 20, got "${v}"`);
  return n;
}

export function registerReportCommand(program: Command): void {
  const cmd = program
    .command('report')
    .description('write the proof report of Σ exp(p(n)): every test per parameter region, step-by-step proofs, TRF and window (md, tex, html, json)')
    .argument('<EXPR>', 'the bias p(n) (or the term a_n with --term), e.g. "-m*log(1+n)"');
  addSeriesOptions(cmd)
    .addOption(new Option('--format <f>', 'output format').choices([...REPORT_FORMATS]))
    .option('-o, --output <file>', 'write to a file (the extension picks the format when --format is absent)')
    .option('--at <name=v[,v…]>', 'sample parameter values for the checks, the TRF and the chart (repeatable)', collect)
    .option('--eps <e>', 'ε of the TRF (default 0.01)')
    .option('--logit-bound <B>', 'B of the window guarantee (default 1)')
    .option('--tol <δ>', 'δ of the window guarantee (default 0.01)')
    .option('--proofs <k>', 'complete proofs per region: 1 (default) the deciding test\'s, more folded under it, 0 none (verdicts and tables only)', proofCount)
    .action(async (expr: string, flags: ReportFlags) => {
      const format = formatFor(flags);
      // loaded on use: the renderers (KaTeX, vega) are heavy and other commands do not need them
      const { report } = await import('../report/index.js');
      const text = await report(expr, {
        ...toClassifyOptions(flags), format,
        ...(flags.at ? { at: flags.at } : {}), ...(flags.eps ? { eps: flags.eps } : {}),
        ...(flags.logitBound ? { logitBound: flags.logitBound } : {}), ...(flags.tol ? { tol: flags.tol } : {}),
        ...(flags.proofs !== undefined ? { maxProofs: flags.proofs } : {}),
      });
      if (flags.output) writeFileSync(flags.output, text);
      else process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    });
}
