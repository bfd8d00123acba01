/**
 * `rpe slopes --heads H [--bias-max B] [--rule alibi|geometric] [--eps E] [--json]`:
 * every head's ALiBi slope (exact and as a number), verdict, certified TRF and window,
 * and the model's TRF, the largest over the heads (src/trf/slopes.ts).
 */
import type { Command } from 'commander';
import { type SlopesReport, slopes } from '../trf/slopes.js';
import { CliError } from './exit-codes.js';
import { parseSlopeRule } from './trf-command.js';
import type { SlopeRule } from '../trf/alibi-slopes.js';

interface SlopesFlags {
  readonly heads?: string;
  readonly rule?: SlopeRule;
  readonly biasMax?: string;
  readonly eps?: string;
  readonly logitBound?: string;
  readonly tol?: string;
  readonly json?: boolean;
}

function headsOf(text: string | undefined): number {
  if (text === undefined) throw new CliError('rpe slopes needs --heads H');
  const t = text.trim();
  if (!/^\d+$/.test(t)) throw new CliError(`--heads expects a positive integer, got "${text}"`);
  return Number(t);
}

export function formatSlopesReport(r: SlopesReport): string {
  const lines = [`${r.description};  TRF at ε = ${r.eps}, window at |q·k/√d| ≤ ${r.logitBound}, δ = ${r.tol}`];
  const width = Math.max(...r.heads.map((h) => h.exact.length));
  for (const h of r.heads) {
    const trf = h.bracket && String(h.bracket[0]) !== String(h.bracket[1]) ? `[${h.bracket[0]}, ${h.bracket[1] ?? '∞'}]` : String(h.trf ?? '—');
    lines.push(`  head ${String(h.head).padStart(3)}  m = ${h.exact.padEnd(width)} = ${h.slope.toPrecision(6).padEnd(12)} ${h.verdict}  TRF = ${trf}  window = ${h.window ?? '—'}`);
  }
  lines.push(`  model TRF (largest over heads): ${r.trf ?? 'none'};  model window: ${r.window ?? 'none'}`);
  return lines.join('\n');
}

export function registerSlopesCommand(program: Command): void {
  program
    .command('slopes')
    .description('the ALiBi slopes of an H-head model as real models use them, with each head\'s verdict, TRF and window')
    .option('--heads <H>', 'number of heads (required)')
    .option('--rule <rule>', 'alibi (reference/BLOOM/MPT rule, default) or geometric (2^(-B·h/H) for every H)', parseSlopeRule)
    .option('--bias-max <B>', 'MPT alibi_bias_max B (default 8)')
    .option('--eps <E>', 'ε of the TRF (default 0.01)')
    .option('--logit-bound <B>', 'B of the window guarantee (default 1)')
    .option('--tol <δ>', 'δ of the window guarantee (default 0.01)')
    .option('--json', 'print the report as JSON')
    .action((flags: SlopesFlags) => {
      const report = slopes({
        heads: headsOf(flags.heads),
        ...(flags.rule !== undefined ? { rule: flags.rule } : {}),
        ...(flags.biasMax !== undefined ? { biasMax: flags.biasMax } : {}),
        ...(flags.eps !== undefined ? { eps: flags.eps } : {}),
        ...(flags.logitBound !== undefined ? { logitBound: flags.logitBound } : {}),
        ...(flags.tol !== undefined ? { tol: flags.tol } : {}),
      });
      process.stdout.write(`${flags.json ? JSON.stringify(report) : formatSlopesReport(report)}\n`);
    });
}
