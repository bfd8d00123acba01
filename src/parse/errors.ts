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
  constructor(kind: InputErrorKind, message: string, column?: number) {
    super(message);
    this.name = 'InputError';
    this.kind = kind;
    if (column !== undefined) this.column = column;
  }
  toJSON(): { message: string; column?: number; kind: InputErrorKind } {
    return this.column === undefined
      ? { message: this.message, kind: this.kind }
      : { message: this.message, column: this.column, kind: this.kind };
  }
}

export function isInputError(err: unknown): err is InputError {
  return err instanceof InputError || (err instanceof Error && err.name === 'InputError');
}
