/**
 * `rpe window EXPR [--logit-bound B] [--tol δ] [--at …]`: the least attention window
 * that changes every output by at most δ·max‖v‖ at any length when |q·k/√d| ≤ B
 * (src/trf/window.ts; derivation in docs/trf.md).
 */
import type { Command } from 'commander';
import { DEFAULT_LOGIT_BOUND, DEFAULT_TOL, type WindowReport, windowBound } from '../trf/window.js';
import { bracketText, intText } from './number-text.js';
import { addPointOptions, atText, type PointFlags, slopeFlags } from './trf-command.js';

interface WindowFlags extends PointFlags {
  readonly logitBound?: string;
  readonly tol?: string;
  readonly verbose?: boolean;
}

export function formatWindowReport(report: WindowReport, verbose: boolean): string {
  const lines = [`window for p(n) = ${report.expression},  |q·k/√d| ≤ ${report.logitBound},  δ = ${report.tol}  (ε' = ${report.epsEquivalent})`];
  if (report.slopes) lines.push(`  slopes: ${report.slopes}`);
  for (const r of report.results) {
    const at = atText(r.at);
    const head = at ? `${at}: ` : '';
    if (r.window === null || r.bracket === null) lines.push(`  ${head}${r.verdict} — no window is guaranteed for all lengths`);
    else {
      const [lo, hi] = r.bracket;
      lines.push(`  ${head}window w = ${intText(r.window)}${String(lo) === String(hi) ? '' : `  (the least guaranteed window is in ${bracketText(lo, hi)})`}`);
    }
    if (verbose || r.window === null) lines.push(`      method: ${r.method}`);
  }
  if (report.results.length > 1) lines.push(`  max: ${report.max === null ? 'none' : intText(report.max)}`);
  return lines.join('\n');
}

export function registerWindowCommand(program: Command): void {
  const cmd = program
    .command('window')
    .description('the least window w with ‖attention − windowed attention‖ ≤ δ·max‖v‖ at every length, given |q·k/√d| ≤ B')
    .argument('<EXPR>', 'the bias p(n)')
    .option('--logit-bound <B>', `bound B on the content logits |q·k/√d| (default ${DEFAULT_LOGIT_BOUND}, as in rpe report)`)
    .option('--tol <δ>', `allowed change of each output relative to max‖v‖ (default ${DEFAULT_TOL}, as in rpe report)`)
    .option('--verbose', 'print the method of every result');
  addPointOptions(cmd).action((expr: string, flags: WindowFlags) => {
    const report = windowBound(expr, {
      ...(flags.logitBound !== undefined ? { logitBound: flags.logitBound } : {}),
      ...(flags.tol !== undefined ? { tol: flags.tol } : {}),
      ...(flags.at !== undefined ? { at: flags.at } : {}),
      ...slopeFlags(flags),
      ...(flags.from !== undefined ? { from: flags.from } : {}),
      ...(flags.var !== undefined ? { var: flags.var } : {}),
    });
    process.stdout.write(`${flags.json ? JSON.stringify(report) : formatWindowReport(report, flags.verbose ?? false)}\n`);
  });
}
