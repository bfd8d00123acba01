#!/usr/bin/env node
/**
 * The `rpe` executable: answers a bare `--version` at once, else loads the subcommands
 * these arguments need (commands.ts) and runs the program (program.ts).
 */
import { isBareVersionRequest, packageVersion } from './version.js';

const args = process.argv.slice(2);
if (isBareVersionRequest(args)) {
  process.stdout.write(`${packageVersion()}\n`);
} else {
  const { COMMANDS, LISTING_ONLY, commandsToLoad } = await import('./commands.js');
  const { createProgram, runProgram } = await import('./program.js');
  const program = createProgram();
  const names = commandsToLoad(args);
  // listing every command (help, no command, a typo): heavy ones by name and description only
  const listing = names.length > 1;
  for (const name of names) (await (listing ? LISTING_ONLY[name] ?? COMMANDS[name]! : COMMANDS[name]!)())(program);
  process.exitCode = await runProgram(program, process.argv);
}
