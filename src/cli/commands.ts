/**
 * The table of `rpe`'s subcommands, each loaded when it is run:
 * `rpe classify …` imports the classify command and what it needs, never the report,
 * chart or validator code, so that a command starts in the time its own work needs.
 * To add a subcommand, add one line to COMMANDS with its module's `registerX(program)`.
 */
import type { Command } from 'commander';
import { CliError, EXIT_INPUT } from './exit-codes.js';
import { missingPeersMessage, missingValidatorPeers, VALIDATE_DESCRIPTION } from './validator-peers.js';

type Register = (program: Command) => void;

/** `rpe validate`, or where TensorFlow.js is not installed a command that says how to install it. */
async function loadValidate(): Promise<Register> {
  const missing = missingValidatorPeers();
  if (missing.length === 0) return (await import('./validate-command.js')).registerValidateCommand;
  return (program) => {
    program.command('validate')
      .description(`${VALIDATE_DESCRIPTION} (needs the optional TensorFlow.js peer)`)
      .helpOption(false).allowUnknownOption().allowExcessArguments()
      .action(() => { throw new CliError(missingPeersMessage(missing), EXIT_INPUT); });
  };
}

export const COMMANDS: Readonly<Record<string, () => Promise<Register>>> = {
  classify: async () => (await import('./classify-command.js')).registerClassify,
  catalog: async () => (await import('./catalog-command.js')).registerCatalog,
  trf: async () => (await import('./trf-command.js')).registerTrfCommand,
  window: async () => (await import('./window-command.js')).registerWindowCommand,
  check: async () => (await import('./check-command.js')).registerCheckCommand,
  report: async () => (await import('./report-command.js')).registerReportCommand,
  validate: loadValidate,
  slopes: async () => (await import('./slopes-command.js')).registerSlopesCommand,
  design: async () => (await import('./design-command.js')).registerDesignCommand,
  heads: async () => (await import('./heads-command.js')).registerHeadsCommand,
  export: async () => (await import('./export-command.js')).registerExportCommand,
};

/**
 * What `rpe --help` lists for the commands whose modules are heavy (the validator loads
 * TensorFlow.js): their name and description only; `rpe validate --help` and
 * `rpe help validate` load the command itself.
 */
export const LISTING_ONLY: Readonly<Record<string, () => Promise<Register>>> = {
  validate: async () => (program) => { program.command('validate').description(VALIDATE_DESCRIPTION); },
};

/**
 * The commands to load for these arguments: the named one; none for a bare `--version`;
 * all of them for help, no command, or an unknown name (so commander can list or suggest).
 */
export function commandsToLoad(args: readonly string[]): string[] {
  // `rpe help X` and `rpe X …` load X alone; a bare --version loads nothing
  const name = args.find((a) => !a.startsWith('-'));
  if (name !== undefined && Object.hasOwn(COMMANDS, name)) return [name];
  const named = args[args.indexOf('help') + 1];
  if (name === 'help' && named !== undefined && Object.hasOwn(COMMANDS, named)) return [named];
  if (name === undefined && args.length > 0 && args.every((a) => a === '-V' || a === '--version')) return [];
  return Object.keys(COMMANDS);
}

