/**
 * Exit codes of the `rpe` executable and the error type commands throw to choose one.
 *   0 success · 1 internal error · 2 bad input or usage · 3 a check found a wrong verdict
 */
export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_INPUT = 2;
export const EXIT_WRONG = 3;

/** An error a command reports to the user as-is (no stack), with its exit code. */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number = EXIT_INPUT) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}
