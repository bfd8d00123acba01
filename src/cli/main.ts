#!/usr/bin/env node
/**
 * The `rpe` executable: loads the subcommands these arguments need (commands.ts) and
 * runs the program (program.ts).
 */
import { COMMANDS, commandsToLoad } from './commands.js';
import { createProgram, runProgram } from './program.js';

const program = createProgram();
for (const name of commandsToLoad(process.argv.slice(2))) (await COMMANDS[name]!())(program);

process.exitCode = await runProgram(program, process.argv);
