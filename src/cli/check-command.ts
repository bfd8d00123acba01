/**
 * `rpe check EXPR [--at …] [--max-n N]`: the decider's verdict against partial sums
 * at growing N and the certified tail bounds (src/trf/check.ts). A safety net, not
 * a judge: exits 3 only when a certified fact contradicts the verdict.
 */
import type { Command } from 'commander';
import { type CheckReport, check, DEFAULT_MAX_N } from '../trf/check.js';
import { CliError, EXIT_WRONG } from './exit-codes.js';
import { intText } from './number-text.js';
import { addPointOptions, atText, type PointFlags, slopeFlags } from './trf-command.js';

interface CheckFlags extends PointFlags {
  readonly maxN?: string;
}

export function formatCheckReport(report: CheckReport): string {
  const lines = [`check of Σ exp(p(n)),  p(n) = ${report.expression}`];
  if (report.slopes) lines.push(`  slopes: ${report.slopes}`);
  for (const r of report.results) {
    const at = atText(r.at);
    lines.push(`  ${at ? `${at}: ` : ''}verdict ${r.verdict} — ${r.agreement.toUpperCase()}${r.disagreeAt ? ` (at ${r.disagreeAt})` : ''}`);
    for (const row of r.partialSums) {
      lines.push(`      S_${intText(row.N)} = ${row.sum} ± ${row.error}${row.decimalSum !== undefined ? `   (decimal.js: ${row.decimalSum})` : ''}`);
    }
    if (r.total) lines.push(`      S   = ${r.total.sum} ± ${r.total.sumError}   (tail bound from n = ${intText(r.total.tailFrom)})`);
    lines.push(`      ${r.note}`);
  }
  return lines.join('\n');
}

function parseMaxN(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < 10 || n > 1e300) throw new CliError(`rpe check: --max-n must be a number from 10 to 1e300, got "${text}"`);
  return n;
}

export function registerCheckCommand(program: Command): void {
  const cmd = program
    .command('check')
    .description('numerical cross-check of the verdict: partial sums at growing N and certified tail bounds')
    .argument('<EXPR>', 'the bias p(n)')
    .option('--max-n <N>', `largest N for partial sums (default ${DEFAULT_MAX_N.toExponential().replace('+', '')})`);
  addPointOptions(cmd).action((expr: string, flags: CheckFlags) => {
    const maxN = parseMaxN(flags.maxN);
    const report = check(expr, {
      ...(flags.at !== undefined ? { at: flags.at } : {}),
      ...slopeFlags(flags),
      ...(flags.from !== undefined ? { from: flags.from } : {}),
      ...(flags.var !== undefined ? { var: flags.var } : {}),
      ...(maxN !== undefined ? { maxN } : {}),
    });
    process.stdout.write(`${flags.json ? JSON.stringify(report) : formatCheckReport(report)}\n`);
    if (report.results.some((r) => r.agreement === 'disagree')) process.exitCode = EXIT_WRONG;
  });
}
