/**
 * `rpe design EXPR --trf W [--param NAME] [--eps E] [--at name=v]… [--range lo,hi]`
 * and `rpe design EXPR --window W --logit-bound B --tol δ …`: the values of one
 * parameter for which the TRF (or the window guarantee) is at most W, as a certified
 * threshold (src/trf/design.ts). A list of targets (`--trf 512,2048,8192`) gives the
 * threshold as a function of the target reach.
 */
import type { Command } from 'commander';
import { type DesignOptions, type DesignReport, design } from '../trf/design.js';
import { CliError } from './exit-codes.js';
import { parseFrom, parseVar } from './series-options.js';

interface DesignFlags {
  readonly trf?: string;
  readonly window?: string;
  readonly logitBound?: string;
  readonly tol?: string;
  readonly param?: string;
  readonly eps?: string;
  readonly at?: readonly string[];
  readonly range?: string;
  readonly relTol?: string;
  readonly from?: number;
  readonly var?: string;
  readonly json?: boolean;
  readonly verbose?: boolean;
}

const collect = (v: string, prev: readonly string[] | undefined): string[] => [...(prev ?? []), v];

function targets(text: string, flag: string): string[] {
  const parts = text.split(',').map((s) => s.trim());
  if (parts.length === 0 || parts.length > 64 || parts.some((p) => !/^\d+$/.test(p))) {
    throw new CliError(`${flag} expects a non-negative integer or a comma-separated list of them (at most 64), got "${text}"`);
  }
  return parts;
}

export function formatDesignReport(r: DesignReport, verbose: boolean): string {
  const lines = [`design ${r.parameter} of p(n) = ${r.expression}${Object.keys(r.at).length ? `  (${Object.entries(r.at).map(([k, v]) => `${k} = ${v}`).join(', ')})` : ''}: ${r.guarantee === 'window' ? 'window' : 'TRF'} ≤ ${r.target}`];
  lines.push(`  ${r.condition}`);
  if (r.threshold) lines.push(`  threshold ∈ [${r.threshold[0]}, ${r.threshold[1]}]${r.monotone ? '' : '  (a certified change of the answer; monotonicity not proved)'}`);
  lines.push(`  monotone: ${r.monotone ? 'proved' : 'not proved'} — ${r.monotoneReason}`);
  if (verbose) lines.push(`  ${r.samples.length} certified decisions: ${r.samples.map((s) => `${s.exact}:${s.decision}`).join(' ')}`);
  return lines.join('\n');
}

export function registerDesignCommand(program: Command): void {
  program
    .command('design')
    .description('the parameter values for which TRF_ε ≤ W (or the window guarantee ≤ W): a certified threshold')
    .argument('<EXPR>', 'the parametric bias, e.g. "-m*n" or "-r1*log(1+r2*n)"')
    .option('--trf <W>', 'target reach: TRF_ε ≤ W (a list W1,W2,… gives one threshold per target)')
    .option('--window <W>', 'target window of the window guarantee (needs --logit-bound and --tol)')
    .option('--logit-bound <B>', 'B of the window guarantee')
    .option('--tol <δ>', 'δ of the window guarantee')
    .option('--param <NAME>', 'the parameter to design (default: the only one without --at)')
    .option('--eps <E>', 'ε of the TRF (default 0.01)')
    .option('--at <name=v>', 'fix another parameter (repeatable)', collect)
    .option('--range <lo,hi>', 'search range of the parameter, exact rationals (default: positive values)')
    .option('--rel-tol <r>', 'relative width of the threshold bracket (default 1e-9)')
    .option('--from <N>', 'first index of the sum (default 0)', parseFrom)
    .option('--var <v>', 'summation variable (default n)', parseVar)
    .option('--json', 'print the report as JSON')
    .option('--verbose', 'list every certified decision')
    .action((expr: string, flags: DesignFlags) => {
      if ((flags.trf === undefined) === (flags.window === undefined)) throw new CliError('rpe design needs exactly one of --trf W and --window W');
      if (flags.window !== undefined && (flags.logitBound === undefined || flags.tol === undefined)) throw new CliError('--window needs --logit-bound B and --tol δ');
      if (flags.window === undefined && (flags.logitBound !== undefined || flags.tol !== undefined)) throw new CliError('--logit-bound and --tol belong to --window');
      let range: [string, string] | undefined;
      if (flags.range !== undefined) {
        const parts = flags.range.split(',');
        if (parts.length !== 2) throw new CliError(`--range expects lo,hi, got "${flags.range}"`);
        range = [parts[0]!, parts[1]!];
      }
      let relTol: number | undefined;
      if (flags.relTol !== undefined) {
        relTol = Number(flags.relTol);
        if (!(relTol >= 1e-15 && relTol < 1)) throw new CliError(`--rel-tol must lie in [1e-15, 1), got "${flags.relTol}"`);
      }
      const list = flags.trf !== undefined ? targets(flags.trf, '--trf') : targets(flags.window!, '--window');
      const common: Omit<DesignOptions, 'target'> = {
        ...(flags.param !== undefined ? { param: flags.param } : {}),
        ...(flags.eps !== undefined ? { eps: flags.eps } : {}),
        ...(flags.at !== undefined ? { at: flags.at } : {}),
        ...(range ? { range } : {}),
        ...(relTol !== undefined ? { relTol } : {}),
        ...(flags.from !== undefined ? { from: flags.from } : {}),
        ...(flags.var !== undefined ? { var: flags.var } : {}),
        ...(flags.window !== undefined ? { window: { logitBound: flags.logitBound!, tol: flags.tol! } } : {}),
      };
      const reports = list.map((W) => design(expr, { ...common, target: W }));
      if (flags.json) {
        const out = reports.length === 1 ? reports[0] : { parameter: reports[0]!.parameter, results: reports };
        process.stdout.write(`${JSON.stringify(out)}\n`);
      } else {
        process.stdout.write(`${reports.map((r) => formatDesignReport(r, flags.verbose ?? false)).join('\n')}\n`);
      }
    });
}
