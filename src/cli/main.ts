#!/usr/bin/env node
/**
 * The `rpe` executable. Owns only the list of subcommands: to add one, import its
 * `registerX(program)` from its own module and call it below — nothing else changes.
 */
import { registerCatalog } from './catalog-command.js';
import { registerClassify } from './classify-command.js';
import { registerDesignCommand } from './design-command.js';
import { registerHeadsCommand } from './heads-command.js';
import { registerCheckCommand } from './check-command.js';
import { createProgram, runProgram } from './program.js';
import { registerReportCommand } from './report-command.js';
import { registerSlopesCommand } from './slopes-command.js';
import { registerTrfCommand } from './trf-command.js';
import { registerValidateCommand } from './validate-command.js';
import { registerWindowCommand } from './window-command.js';

const program = createProgram();
registerClassify(program);
registerCatalog(program);
registerTrfCommand(program);
registerWindowCommand(program);
registerCheckCommand(program);
registerReportCommand(program);
registerValidateCommand(program);
registerSlopesCommand(program);
registerDesignCommand(program);
registerHeadsCommand(program);

process.exitCode = await runProgram(program, process.argv);
