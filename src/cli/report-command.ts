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
import { CliError } from './exit-codes.js';
import { addSeriesOptions, type SeriesFlags, toClassifyOptions } from './series-options.js';
import { parseExpression } from '../parse/parse.js';
import type { SlopeRule } from '../trf/alibi-slopes.js';
import { alibiSlopes, slopeRuleText } from '../trf/substitute.js';
import { parseSlopeRule } from './trf-command.js';

interface ReportFlags extends SeriesFlags {
  readonly format?: ReportFormat;
  readonly output?: string;
  readonly at?: readonly string[];
  readonly eps?: string;
  readonly logitBound?: string;
  readonly tol?: string;
  readonly proofs?: number;
  readonly alibiHeads?: string;
  readonly slopeRule?: SlopeRule;
  readonly biasMax?: string;
}

/**
 * --alibi-heads H as one more --at item: m (or the only parameter) set to the H slopes of
 * the rule, the same values `rpe trf --alibi-heads` uses; the rule goes to stderr.
 */
function alibiAt(expr: string, flags: ReportFlags): string[] {
  if (flags.alibiHeads === undefined) {
    if (flags.slopeRule !== undefined || flags.biasMax !== undefined) throw new CliError('--slope-rule and --bias-max need --alibi-heads H');
    return [];
  }
  const H = Number(flags.alibiHeads);
  const opts = { ...(flags.slopeRule !== undefined ? { rule: flags.slopeRule } : {}), ...(flags.biasMax !== undefined ? { biasMax: flags.biasMax } : {}) };
  const params = parseExpression(expr, flags.var !== undefined ? { variable: flags.var } : {}).parameters;
  const target = params.includes('m') ? 'm' : params.length === 1 ? params[0]! : null;
  if (target === null) throw new CliError('--alibi-heads sets the parameter m (or the only parameter), and this expression has neither');
  if ((flags.at ?? []).some((a) => a.split('=')[0]!.trim() === target)) throw new CliError(`--alibi-heads and --at both set ${target}`);
  const values = alibiSlopes(H, opts);
  process.stderr.write(`slopes: ${slopeRuleText(H, opts)}\n`);
  return [`${target}=${values.map((v) => v.text).join(',')}`];
}

const EXTENSIONS: Record<string, ReportFormat> = { '.md': 'md', '.markdown': 'md', '.tex': 'tex', '.html': 'html', '.htm': 'html', '.json': 'json' };
const FORMAT_NAMES: Record<ReportFormat, string> = { md: 'Markdown', tex: 'LaTeX', html: 'HTML', json: 'JSON' };

/**
 * The format to write: --format, else the extension of -o (default Markdown).
 * A .pdf, an extension that names no format, or one that contradicts --format is an
 * error: the report is never written in a format the file name does not promise.
 */
export function formatFor(flags: { format?: ReportFormat; output?: string }): ReportFormat {
  const ext = flags.output === undefined ? '' : extname(flags.output).toLowerCase();
  if (ext === '.pdf') {
    const tex = `${flags.output!.slice(0, -4)}.tex`;
    throw new CliError(`rpe report does not write PDF; write LaTeX with -o ${tex} and compile it with pdflatex ${tex}`);
  }
  const byExt = EXTENSIONS[ext];
  if (flags.format) {
    if (byExt !== undefined && byExt !== flags.format) {
      throw new CliError(`rpe report: --format ${flags.format} writes ${FORMAT_NAMES[flags.format]}, but ${flags.output} names a ${FORMAT_NAMES[byExt]} file`);
    }
    return flags.format;
  }
  if (flags.output === undefined) return 'md';
  if (byExt === undefined) {
    throw new CliError(`rpe report: cannot tell the format of ${flags.output} from its extension; use .md, .tex, .html or .json, or give --format`);
  }
  return byExt;
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
    .option('-o, --output <file>', 'write to a file: .md, .tex, .html or .json (the extension picks the format when --format is absent)')
    .option('--at <name=v[,v…]>', 'sample parameter values for the checks, the TRF and the chart (repeatable)', collect)
    .option('--eps <e>', 'ε of the TRF (default 0.01)')
    .option('--logit-bound <B>', 'B of the window guarantee (default 1)')
    .option('--tol <δ>', 'δ of the window guarantee (default 0.01)')
    .option('--alibi-heads <H>', 'set m (or the only parameter) to the H ALiBi slopes (reference rule; see --slope-rule)')
    .option('--slope-rule <rule>', 'slopes of --alibi-heads: alibi (default) or geometric', parseSlopeRule)
    .option('--bias-max <B>', 'MPT alibi_bias_max of --alibi-heads (default 8)')
    .option('--proofs <k>', 'complete proofs per region: 1 (default) the deciding test\'s, more folded under it, 0 none (verdicts and tables only)', proofCount)
    .action(async (expr: string, flags: ReportFlags) => {
      const format = formatFor(flags);
      // loaded on use: the renderers (KaTeX, vega) are heavy and other commands do not need them
      const { report } = await import('../report/index.js');
      const text = await report(expr, {
        ...toClassifyOptions(flags), format,
        ...(flags.at || flags.alibiHeads !== undefined ? { at: [...(flags.at ?? []), ...alibiAt(expr, flags)] } : {}), ...(flags.eps ? { eps: flags.eps } : {}),
        ...(flags.logitBound ? { logitBound: flags.logitBound } : {}), ...(flags.tol ? { tol: flags.tol } : {}),
        ...(flags.proofs !== undefined ? { maxProofs: flags.proofs } : {}),
      });
      if (flags.output) {
        writeFileSync(flags.output, text);
        process.stdout.write(`wrote ${flags.output} (${FORMAT_NAMES[format]}, ${Buffer.byteLength(text)} bytes)\n`);
      }
      else process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    });
}
