/**
 * `rpe classify [EXPR]`: decide one expression (human text, or the Classification
 * object with --json), or with no EXPR answer standard input line by line (batch mode).
 */
import type { Command } from 'commander';
import { classify } from '../classify.js';
import { assumptionTexts } from '../parse/assumption-list.js';
import { runBatch } from './batch.js';
import { formatClassification } from './format.js';
import { reportError } from './report-error.js';
import { addSeriesOptions, type SeriesFlags, toClassifyOptions } from './series-options.js';

interface ClassifyFlags extends SeriesFlags {
  readonly json?: boolean;
}

function classifyOne(expr: string, flags: ClassifyFlags): void {
  const options = toClassifyOptions(flags);
  let result;
  try {
    result = classify(expr, options);
  } catch (err) {
    const report = reportError(err, flags.json ? undefined : expr);
    process.stderr.write(`${report.text}\n`);
    process.exitCode = report.exitCode;
    return;
  }
  const text = flags.json ? JSON.stringify(result) : formatClassification(result, assumptionTexts(options.assume));
  process.stdout.write(`${text}\n`);
}

export function registerClassify(program: Command): void {
  const cmd = program
    .command('classify')
    .description('decide whether Σ exp(p(n)) converges (or Σ a_n with --term); no EXPR: batch mode on stdin')
    .argument('[EXPR]', 'the bias p(n) (or the term a_n with --term), e.g. "-m*log(1+n)"');
  addSeriesOptions(cmd)
    .option('--json', 'print the Classification object as JSON')
    .addHelpText('after', `
Batch mode (no EXPR): each stdin line is an expression or a JSON object
{"expr", "var", "from", "assume": [..], "term"}; one JSON line is written per input line.
Expressions may start with "-": rpe classify -m*n --assume "m > 0"`)
    .action(async (expr: string | undefined, flags: ClassifyFlags) => {
      if (expr === undefined) {
        if (process.stdin.isTTY) process.stderr.write('rpe classify: reading one expression per line from stdin (Ctrl-D ends)\n');
        await runBatch(toClassifyOptions(flags));
        return;
      }
      classifyOne(expr, flags);
    });
}
