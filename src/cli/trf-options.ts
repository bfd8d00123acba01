/**
 * The options `rpe trf`, `rpe window` and `rpe check` share (--at, --alibi-heads,
 * --from, --var, --json) and the text shown for a parameter point.
 */
import { type Command, InvalidArgumentError } from 'commander';
import { parseFrom, parseVar } from './series-options.js';

export interface PointFlags {
  readonly at?: readonly string[];
  readonly alibiHeads?: number;
  readonly from?: number;
  readonly var?: string;
  readonly json?: boolean;
}

function collectAt(value: string, previous: readonly string[] | undefined): string[] {
  if (!value.includes('=')) throw new InvalidArgumentError(`expected name=value[,value…], got "${value}"`);
  return [...(previous ?? []), value];
}

function parseHeads(text: string): number {
  const n = Number(text.trim());
  if (!Number.isSafeInteger(n) || n < 1 || n > 4096) throw new InvalidArgumentError(`expected a number of heads from 1 to 4096, got "${text}"`);
  return n;
}

export function addPointOptions(cmd: Command): Command {
  return cmd
    .option('--at <name=v[,v…]>', 'parameter values; a list gives one result per value, e.g. per head (repeatable)', collectAt)
    .option('--alibi-heads <H>', 'set m (or the only parameter) to the H ALiBi slopes 2^(-8h/H)', parseHeads)
    .option('--from <N>', 'first index of the sum (default 0), for biases undefined at 0', parseFrom)
    .option('--var <v>', 'summation variable (default n)', parseVar)
    .option('--json', 'print the report as JSON');
}

/** "m=0.5, k=2" (empty for a concrete expression) */
export function atText(at: Readonly<Record<string, number>>): string {
  return Object.entries(at).map(([k, v]) => `${k}=${v}`).join(', ');
}
