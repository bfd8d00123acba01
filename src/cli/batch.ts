/**
 * Batch mode: read standard input line by line, answer every non-blank line with one
 * JSON line, in order. A bad line gets {"input", "error": {"message", "column"?}} and
 * the batch goes on; the command exits 0 once every line is answered.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { classify } from '../classify.js';
import type { ClassifyOptions } from '../types.js';
import { decodeBatchLine } from './batch-request.js';
import { debugEnabled, isInputError } from './report-error.js';

export interface BatchError {
  readonly input: string;
  /** `source`: the text `column` counts in when it is not the expression (the assumption the message names) */
  readonly error: { readonly message: string; readonly column?: number; readonly source?: string };
}

/** The answer to one line: a Classification or a BatchError. Never throws. */
export function answerLine(line: string, defaults: ClassifyOptions, onInternal?: (err: unknown) => void): object {
  try {
    const req = decodeBatchLine(line, defaults);
    return classify(req.expr, req.options);
  } catch (err) {
    if (isInputError(err)) {
      const error = {
        message: err.message,
        ...(err.column !== undefined ? { column: err.column } : {}),
        ...(err.source !== undefined ? { source: err.source } : {}),
      };
      return { input: line, error } satisfies BatchError;
    }
    onInternal?.(err);
    const message = err instanceof Error ? err.message : String(err);
    return { input: line, error: { message: `internal error: ${message}` } } satisfies BatchError;
  }
}

async function writeLine(out: Writable, text: string): Promise<void> {
  if (!out.write(`${text}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
}

/** Answer every line of `input` on `output`; resolves to the number of lines answered. */
export async function runBatch(
  defaults: ClassifyOptions,
  input: Readable = process.stdin,
  output: Writable = process.stdout,
  diagnostics: Writable = process.stderr,
): Promise<number> {
  const rl = createInterface({ input, crlfDelay: Infinity, terminal: false });
  let lineNo = 0;
  let answered = 0;
  for await (const raw of rl) {
    lineNo++;
    if (raw.trim() === '') continue;
    const answer = answerLine(raw, defaults, (err) => {
      const detail = debugEnabled() && err instanceof Error && err.stack ? `\n${err.stack}` : '';
      diagnostics.write(`rpe: internal error on input line ${lineNo}${detail}\n`);
    });
    await writeLine(output, JSON.stringify(answer));
    answered++;
  }
  return answered;
}
