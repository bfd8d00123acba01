/**
 * Input errors: every problem with user text becomes an InputError with a clear
 * message and, where it applies, the 1-based column. The CLI maps these to exit code 2.
 */
export type InputErrorKind =
  | 'syntax'
  | 'unknown-function'
  | 'unsupported'
  | 'domain'
  | 'variable'
  | 'too-large'
  | 'assumption'
  | 'option';

export class InputError extends Error {
  readonly kind: InputErrorKind;
  /** 1-based column in the user's text, where it applies */
  readonly column?: number;
  /**
   * The text `column` counts in, when it is not the expression itself (an
   * assumption), so that a caret can be drawn under the right text.
   */
  readonly source?: string;
  constructor(kind: InputErrorKind, message: string, column?: number, source?: string) {
    super(message);
    this.name = 'InputError';
    this.kind = kind;
    if (column !== undefined) this.column = column;
    if (source !== undefined) this.source = source;
  }
  toJSON(): { message: string; column?: number; kind: InputErrorKind; source?: string } {
    return {
      message: this.message,
      ...(this.column !== undefined ? { column: this.column } : {}),
      kind: this.kind,
      ...(this.source !== undefined ? { source: this.source } : {}),
    };
  }
}

export function isInputError(err: unknown): err is InputError {
  return err instanceof InputError || (err instanceof Error && err.name === 'InputError');
}
