/**
 * `rpe export EXPR --torch|--numpy [--at name=v[,v…]]… [--heads H] [--alibi-heads H]
 * [--learnable NAME…] [--clamp name=lo:hi]… [--assume C]… [-o FILE]`: the bias as a
 * self-contained Python module (src/cli/export-module.ts), on stdout or in FILE.
 */
import { writeFileSync } from 'node:fs';
import { type Command, InvalidArgumentError } from 'commander';
import { buildExport } from './export-module.js';
import { CliError } from './exit-codes.js';
import { parseVar } from './series-options.js';

interface ExportFlags {
  readonly torch?: boolean;
  readonly numpy?: boolean;
  readonly at?: readonly string[];
  readonly heads?: number;
  readonly alibiHeads?: number;
  readonly learnable?: readonly string[];
  readonly clamp?: readonly string[];
  readonly assume?: readonly string[];
  readonly eps?: string;
  readonly class?: string;
  readonly var?: string;
  readonly output?: string;
}

const collect = (value: string, previous: readonly string[] | undefined): string[] => [...(previous ?? []), value];

function parseHeads(text: string): number {
  const n = Number(text.trim());
  if (!Number.isSafeInteger(n) || n < 1 || n > 4096) throw new InvalidArgumentError(`expected a number of heads from 1 to 4096, got "${text}"`);
  return n;
}

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('write the bias as a Python module: an nn.Module (--torch) or numpy class computing the causal [H, T, T] table')
    .argument('<EXPR>', 'the bias p(n), e.g. "-r1*log(1+r2*n)"')
    .option('--torch', 'a PyTorch nn.Module (the default)')
    .option('--numpy', 'a numpy class instead')
    .option('--at <name=v[,v…]>', 'parameter values: one for every head or one per head; may use h (1-based) and H, e.g. m=2^(-8*h/H) (repeatable)', collect)
    .option('--heads <H>', 'number of heads (default: from --alibi-heads or the longest --at list)', parseHeads)
    .option('--alibi-heads <H>', 'set m (or the only parameter) to the reference ALiBi slopes of H heads (rpe slopes)', parseHeads)
    .option('--learnable <NAME...>', 'parameters that become nn.Parameter, initialised from their values')
    .option('--clamp <name=lo:hi>', 'clamp a parameter before each use, as KERPLE does (either side may be empty) (repeatable)', collect)
    .option('--assume <C>', 'assumption for the docstring\'s parametric verdict, e.g. "r1 > 0" (repeatable)', collect)
    .option('--eps <E>', 'ε of the docstring\'s TRF (default 0.01)')
    .option('--class <NAME>', 'Python class name (default RelativeBias)')
    .option('--var <v>', 'summation variable (default n)', parseVar)
    .option('-o, --output <FILE>', 'write the module to FILE instead of stdout')
    .action((expr: string, flags: ExportFlags) => {
      if (flags.torch && flags.numpy) throw new CliError('choose one of --torch and --numpy');
      const mod = buildExport(expr, {
        backend: flags.numpy ? 'numpy' : 'torch',
        ...(flags.at !== undefined ? { at: flags.at } : {}),
        ...(flags.heads !== undefined ? { heads: flags.heads } : {}),
        ...(flags.alibiHeads !== undefined ? { alibiHeads: flags.alibiHeads } : {}),
        ...(flags.learnable !== undefined ? { learnable: flags.learnable } : {}),
        ...(flags.clamp !== undefined ? { clamp: flags.clamp } : {}),
        ...(flags.assume !== undefined ? { assume: flags.assume } : {}),
        ...(flags.eps !== undefined ? { eps: flags.eps } : {}),
        ...(flags.class !== undefined ? { className: flags.class } : {}),
        ...(flags.var !== undefined ? { var: flags.var } : {}),
      });
      if (flags.output !== undefined) {
        try {
          writeFileSync(flags.output, mod.source);
        } catch (err) {
          throw new CliError(`cannot write ${flags.output}: ${err instanceof Error ? err.message : String(err)}`);
        }
      } else {
        process.stdout.write(mod.source);
      }
    });
}
