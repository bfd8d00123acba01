/**
 * The commander program behind `rpe`: creation (shared settings every subcommand
 * inherits) and running (argument rewriting, error → exit code mapping).
 * Subcommands register themselves with `registerX(program)`; see main.ts.
 */
import { Command, CommanderError } from 'commander';
import { protectExpressionOperands } from './argv.js';
import { EXIT_INPUT, EXIT_OK } from './exit-codes.js';
import { reportError } from './report-error.js';
import { packageVersion } from './version.js';

/** A program with the settings subcommands inherit; register subcommands after this. */
export function createProgram(): Command {
  return new Command('rpe')
    .description('Decide whether a relative positional bias p(n) gives Σ exp(p(n)) < ∞ (length extrapolation).')
    .version(packageVersion(), '-V, --version')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (s) => process.stdout.write(s),
      writeErr: (s) => process.stderr.write(s),
    });
}

/** Parse and run; resolves to the exit code (never throws, never calls process.exit). */
/** A closed pipe on stdout (`rpe catalog | head`) ends the run quietly. */
function quietOnBrokenPipe(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(EXIT_OK);
    throw err;
  });
}

/** The subcommand the arguments run, for messages that name it. */
function subcommandOf(program: Command, args: readonly string[]): string | undefined {
  const first = args.find((a) => !a.startsWith('-'));
  return first !== undefined && program.commands.some((c) => c.name() === first) ? first : undefined;
}

export async function runProgram(program: Command, argv: readonly string[]): Promise<number> {
  quietOnBrokenPipe();
  const command = subcommandOf(program, argv.slice(2));
  try {
    const args = protectExpressionOperands(program, argv.slice(2));
    await program.parseAsync(args, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT_OK;
  } catch (err) {
    if (err instanceof CommanderError) {
      // commander already printed its message; help and version exit 0, usage errors 2
      return err.exitCode === 0 ? EXIT_OK : EXIT_INPUT;
    }
    const report = reportError(err, undefined, command);
    process.stderr.write(`${report.text}\n`);
    return report.exitCode;
  }
}
