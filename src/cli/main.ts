#!/usr/bin/env node
/**
 * The `rpe` executable. Owns only the list of subcommands: to add one, import its
 * `registerX(program)` from its own module and call it below — nothing else changes.
 */
import { registerCatalog } from './catalog-command.js';
import { registerClassify } from './classify-command.js';
import { createProgram, runProgram } from './program.js';

const program = createProgram();
registerClassify(program);
registerCatalog(program);

process.exitCode = await runProgram(program, process.argv);
