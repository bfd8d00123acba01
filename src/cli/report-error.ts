/**
 * Turns any thrown value into what the user sees on stderr and the exit code:
 * InputError → `error: <message> (column N)` (with a caret under the text the column
 * counts in: the expression, or the assumption the error names) and exit 2; CliError → its message and code;
 * anything else → a one-line internal error and exit 1 (stack only with RPE_DEBUG=1).
 * An option error of the API (`at`, `alibiHeads`) names the CLI flag (`--at`, `--alibi-heads`),
 * and with the subcommand known the message says whose it is (`error: rpe window: …`).
 */
import { InputError, isInputError } from '../parse/errors.js';
import { isOptionError } from '../parse/option-error.js';
import { CliError, EXIT_INPUT, EXIT_INTERNAL } from './exit-codes.js';

export { isInputError };

export interface ErrorReport {
  readonly exitCode: number;
  /** lines for stderr, without trailing newline */
  readonly text: string;
}


/** The CLI flag of an API option: at → --at, alibiHeads → --alibi-heads, maxN → --max-n. */
export function flagOf(option: string): string {
  return `--${option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** `message (column N)` for an input error, the message otherwise; option errors name the flag. */
export function inputErrorText(err: InputError): string {
  const message = isOptionError(err) ? err.describe(flagOf(err.option)) : err.message;
  if (err.column === undefined || /\(column \d+\)$/.test(message)) return message;
  return `${message} (column ${err.column})`;
}

/** A caret under `column` (1-based) of a one-line source, for human output. */
export function caretLines(source: string, column: number): string {
  if (source.includes('\n') || source.length > 200 || column < 1 || column > source.length + 1) return '';
  return `  ${source}\n  ${' '.repeat(column - 1)}^`;
}

export function debugEnabled(): boolean {
  return process.env.RPE_DEBUG === '1';
}

/** `source`: the one-line input the column points into; `command`: the subcommand, named in the message. */
export function reportError(err: unknown, source?: string, command?: string): ErrorReport {
  const who = command !== undefined ? `rpe ${command}: ` : '';
  if (isInputError(err)) {
    // an error in an assumption counts its column in the assumption's text (err.source)
    const under = source === undefined ? undefined : err.source ?? source;
    const caret = under !== undefined && err.column !== undefined ? caretLines(under, err.column) : '';
    return { exitCode: EXIT_INPUT, text: `error: ${who}${inputErrorText(err)}${caret ? `\n${caret}` : ''}` };
  }
  if (err instanceof CliError) return { exitCode: err.exitCode, text: `error: ${err.message.startsWith('rpe ') ? '' : who}${err.message}` };
  const message = err instanceof Error ? err.message : String(err);
  const stack = debugEnabled() && err instanceof Error && err.stack ? `\n${err.stack}` : '';
  const hint = debugEnabled() ? '' : ' (set RPE_DEBUG=1 for details)';
  return { exitCode: EXIT_INTERNAL, text: `rpe: internal error: ${message}${hint}${stack}` };
}
