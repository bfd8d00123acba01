/**
 * `rpe trf EXPR [--eps E] [--at name=v[,v…]]… [--alibi-heads H] [--from N] [--json]`:
 * the certified Theoretical Receptive Field (src/trf/trf.ts), one result per
 * parameter point, with the largest as `max`. Also owns the options the three TRF
 * commands share (--at, --alibi-heads, --from, --var, --json).
 */
import { type Command, InvalidArgumentError } from 'commander';
import { type TrfReport, type TrfResult, trf } from '../trf/trf.js';
import { parseFrom, parseVar } from './series-options.js';
import { CliError } from './exit-codes.js';
import { SLOPE_RULES, type SlopeRule } from '../trf/alibi-slopes.js';
import { bracketText, intText } from './number-text.js';
import { texToText } from './tex-text.js';

// ── options shared with `rpe window` and `rpe check` (they import them from here) ──

export interface PointFlags {
  readonly at?: readonly string[];
  readonly alibiHeads?: number;
  readonly slopeRule?: SlopeRule;
  readonly biasMax?: string;
  readonly from?: number;
  readonly var?: string;
  readonly json?: boolean;
}

/** The --alibi-heads, --slope-rule and --bias-max flags as API options (undefined ones dropped). */
export function slopeFlags(flags: PointFlags): { alibiHeads?: number; slopeRule?: SlopeRule; biasMax?: string } {
  if (flags.alibiHeads === undefined && (flags.slopeRule !== undefined || flags.biasMax !== undefined)) {
    throw new CliError('--slope-rule and --bias-max need --alibi-heads H');
  }
  return {
    ...(flags.alibiHeads !== undefined ? { alibiHeads: flags.alibiHeads } : {}),
    ...(flags.slopeRule !== undefined ? { slopeRule: flags.slopeRule } : {}),
    ...(flags.biasMax !== undefined ? { biasMax: flags.biasMax } : {}),
  };
}

export function parseSlopeRule(text: string): SlopeRule {
  const t = text.trim() as SlopeRule;
  if (!SLOPE_RULES.includes(t)) throw new InvalidArgumentError(`expected ${SLOPE_RULES.join(' or ')}, got "${text}"`);
  return t;
}

function collectAt(value: string, previous: readonly string[] | undefined): string[] {
  if (!value.includes('=')) throw new InvalidArgumentError(`expected name=value[,value…], got "${value}"`);
  return [...(previous ?? []), value];
}

function parseHeads(text: string): number {
  const n = Number(text.trim());
  if (!Number.isSafeInteger(n) || n < 1 || n > 4096) throw new InvalidArgumentError(`expected a number of heads from 1 to 4096, got "${text}"`);
  return n;
}

export function addPointOptions(cmd: Command): Command {
  return cmd
    .option('--at <name=v[,v…]>', 'parameter values; a list gives one result per value, e.g. per head (repeatable)', collectAt)
    .option('--alibi-heads <H>', 'set m (or the only parameter) to the H ALiBi slopes (reference rule; see --slope-rule)', parseHeads)
    .option('--slope-rule <rule>', 'slopes of --alibi-heads: alibi (reference/BLOOM/MPT, default) or geometric (2^(-B·h/H) for every H)', parseSlopeRule)
    .option('--bias-max <B>', 'MPT alibi_bias_max of --alibi-heads (default 8)')
    .option('--from <N>', 'first index of the sum (default 0), for biases undefined at 0', parseFrom)
    .option('--var <v>', 'summation variable (default n)', parseVar)
    .option('--json', 'print the report as JSON');
}

/** "m=0.5, k=2" (empty for a concrete expression) */
export function atText(at: Readonly<Record<string, number>>): string {
  return Object.entries(at).map(([k, v]) => `${k}=${v}`).join(', ');
}

// ── rpe trf ──

interface TrfFlags extends PointFlags {
  readonly eps?: string;
  readonly verbose?: boolean;
}

function resultLine(r: TrfResult): string {
  const at = atText(r.at);
  const head = at ? `${at}: ` : '';
  if (r.trf === null && r.closedForm !== null && Object.keys(r.at).length === 0 && r.verdict === 'unknown') {
    return `${head}symbolic closed form (give --at for certified numbers): ${texToText(r.closedForm)}`;
  }
  if (r.trf === null || r.bracket === null) return `${head}${r.verdict} — no TRF`;
  const [lo, hi] = r.bracket;
  const value = String(lo) === String(hi) ? `TRF = ${intText(r.trf)}` : `TRF ∈ ${bracketText(lo, hi)}`;
  const sum = r.sum !== null ? `   S = ${r.sum} ± ${r.sumError}` : '';
  return `${head}${value}${sum}`;
}

export function formatTrfReport(report: TrfReport, verbose: boolean): string {
  const lines = [`TRF of Σ_{n≥${report.from}} exp(p(n)),  p(n) = ${report.expression},  ε = ${report.eps}`];
  if (report.slopes) lines.push(`  slopes: ${report.slopes}`);
  for (const r of report.results) {
    lines.push(`  ${resultLine(r)}`);
    if (r.law) lines.push(`      law (ε → 0, ${r.law.regime}): ${r.law.unicode}${r.law.value !== null ? ` ≈ ${r.law.value.toPrecision(5)} here` : ''}; error ${r.law.error}`);
    if (verbose || r.trf === null) lines.push(`      method: ${r.method}`);
    if (verbose && r.closedForm) lines.push(`      closed form: ${texToText(r.closedForm)}`);
  }
  if (report.results.length > 1) lines.push(`  max: ${report.max === null ? 'none (some result has no TRF)' : intText(report.max)}`);
  return lines.join('\n');
}

export function registerTrfCommand(program: Command): void {
  const cmd = program
    .command('trf')
    .description('certified Theoretical Receptive Field: least w with Σ_{n≤w} e^{p(n)} ≥ (1−ε)·S')
    .argument('<EXPR>', 'the bias p(n), e.g. "-m*n"')
    .option('--eps <E>', 'ε, strictly between 0 and 1 (default 0.01)')
    .option('--verbose', 'print the method and closed form of every result');
  addPointOptions(cmd).action((expr: string, flags: TrfFlags) => {
    const report = trf(expr, {
      ...(flags.eps !== undefined ? { eps: flags.eps } : {}),
      ...(flags.at !== undefined ? { at: flags.at } : {}),
      ...slopeFlags(flags),
      ...(flags.from !== undefined ? { from: flags.from } : {}),
      ...(flags.var !== undefined ? { var: flags.var } : {}),
    });
    process.stdout.write(`${flags.json ? JSON.stringify(report) : formatTrfReport(report, flags.verbose ?? false)}\n`);
  });
}
