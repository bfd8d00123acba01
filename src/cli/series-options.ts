/**
 * The options every series-reading subcommand shares (--var, --from, --assume, --term):
 * how they are declared on a command, validated, and turned into ClassifyOptions.
 * Reuse `addSeriesOptions` in new subcommands (trf, window, check, …).
 */
import { type Command, InvalidArgumentError } from 'commander';
import type { ClassifyOptions } from '../types.js';

/** What commander hands back for the shared options. */
export interface SeriesFlags {
  readonly var?: string;
  readonly from?: number;
  readonly assume?: readonly string[];
  readonly term?: boolean;
}

/** Parse a summation start: a safe integer written in decimal. */
export function parseFrom(text: string): number {
  const t = text.trim();
  if (!/^[+-]?\d+$/.test(t)) throw new InvalidArgumentError(`expected an integer, got "${text}"`);
  const n = Number(t);
  if (!Number.isSafeInteger(n)) throw new InvalidArgumentError(`integer out of range: "${text}"`);
  return n;
}

/** Parse a variable name: one identifier (Greek letters allowed). */
export function parseVar(text: string): string {
  const t = text.trim();
  if (!/^[\p{L}_][\p{L}\p{N}_]*$/u.test(t)) throw new InvalidArgumentError(`expected a variable name, got "${text}"`);
  return t;
}

function collect(value: string, previous: readonly string[] | undefined): string[] {
  if (value.trim() === '') throw new InvalidArgumentError('an assumption cannot be empty');
  return [...(previous ?? []), value];
}

export function addSeriesOptions(cmd: Command): Command {
  return cmd
    .option('--var <v>', 'summation variable (default n)', parseVar)
    .option('--from <N>', 'first index of the sum (default 0)', parseFrom)
    .option('--assume <C>', 'assumptions on the parameters, e.g. "m > 0" or "a > 0, b > 0" (repeatable)', collect)
    .option('--term', 'the input is the series term a_n itself instead of the bias p(n)');
}

/** Drop undefined fields so defaults stay the decider's. */
export function toClassifyOptions(flags: SeriesFlags): ClassifyOptions {
  return {
    ...(flags.var !== undefined ? { var: flags.var } : {}),
    ...(flags.from !== undefined ? { from: flags.from } : {}),
    ...(flags.assume !== undefined && flags.assume.length > 0 ? { assume: [...flags.assume] } : {}),
    ...(flags.term ? { term: true } : {}),
  };
}
