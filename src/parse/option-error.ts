/**
 * An error in an option of the library API (`at`, `eps`, `from`, `alibiHeads`,
 * `logitBound`, `tol`, `maxN`, …). The message names the option as the API spells
 * it; `describe` writes the same message for another spelling, so that the CLI can
 * name its flag (`--at`, `--alibi-heads`) instead.
 *
 * Owns: OptionError. It is an InputError (kind 'option'), so every caller that
 * handles input errors handles it.
 */
import { InputError } from './errors.js';

export class OptionError extends InputError {
  /** the option's API name, e.g. "at" or "alibiHeads" */
  readonly option: string;
  /** the message with the option called `name` */
  readonly describe: (name: string) => string;
  constructor(option: string, describe: (name: string) => string) {
    super('option', describe(option));
    this.option = option;
    this.describe = describe;
  }
}

export function isOptionError(err: unknown): err is OptionError {
  return err instanceof OptionError;
}
