/**
 * Why a case is `unknown`, in words for the terminal.
 *
 * Owns: two readings of what the Classification holds. (1) The decider's reasons
 * for regions where the input is undefined: one per sub-region and per first bad
 * n, they become one sentence with the fix (an --assume that leaves the values
 * out, or a later --from). (2) The two bounds of an inexact q(n): what each one
 * gives on the logarithmic scale and why neither decides.
 */
import type { ClassificationCase, TestRecord } from '../types.js';
import { conditionText, negatedComparison } from './condition-text.js';

/** What the caller knows about the input, for the wording. */
export interface UnknownContext {
  readonly variable: string;
  readonly term: boolean;
}

const UNDEFINED_AT = /the (bias|term) is undefined for these parameter values: (.+?) at (\S+) = (-?\d+) \(a later --from may avoid it\)/g;
const UNDEFINED_TAIL = /the expression is undefined for large (\S+): (.+?)(?=; |$)/g;

/** "1, 2, …, 7" for a run of consecutive integers, else the list. */
function integerList(ns: readonly number[]): string {
  const xs = [...new Set(ns)].sort((a, b) => a - b);
  const run = xs.every((x, i) => i === 0 || x === xs[i - 1]! + 1);
  return run && xs.length > 3 ? `${xs[0]}, ${xs[1]}, …, ${xs[xs.length - 1]}` : xs.join(', ');
}

/** The fix for a region where the input is undefined. */
function fixText(condition: string, lastBad: number | null, tail: boolean): string {
  const fixes: string[] = [];
  if (!tail && lastBad !== null) fixes.push(`start the sum later with --from ${lastBad + 1}`);
  if (condition !== 'true') {
    const excluded = negatedComparison(condition);
    fixes.push(excluded ? `add --assume '${excluded}'` : `add an --assume that excludes ${conditionText(condition)}`);
  }
  return fixes.length ? `; to leave these values out, ${fixes.join(', or ')}` : '';
}

/**
 * One sentence for the undefined-region reasons of `reason` (null when there are
 * none), and what is left of the reason.
 */
export function undefinedSentence(k: ClassificationCase, ctx: UnknownContext): { sentence: string | null; rest: string[] } {
  const reason = k.reason ?? '';
  const byWhat = new Map<string, number[]>();
  let role = ctx.term ? 'term' : 'bias';
  for (const m of reason.matchAll(UNDEFINED_AT)) {
    role = m[1]!;
    byWhat.set(m[2]!, [...(byWhat.get(m[2]!) ?? []), Number(m[4])]);
  }
  const tails = [...reason.matchAll(UNDEFINED_TAIL)].map((m) => m[2]!);
  const rest = reason.replace(UNDEFINED_AT, '').replace(UNDEFINED_TAIL, '')
    .split(/;\s*/).map((s) => s.trim()).filter((s) => s !== '');
  if (byWhat.size === 0 && tails.length === 0) return { sentence: null, rest: rest.filter((r) => r !== 'no test was decisive') };
  const v = ctx.variable;
  const where = [...byWhat].map(([what, ns]) => `${what} at ${v} = ${integerList(ns)}`);
  const several = [...byWhat.values()].some((ns) => new Set(ns).size > 1);
  const tailText = tails.length ? [...new Set(tails)].map((t) => t.replace(new RegExp(` for large ${v}$`), '')).join(', ') : null;
  const parts = [...where, ...(tailText ? [`${tailText} for large ${v}`] : [])];
  const depends = several || (where.length > 0 && tailText) ? ` (the first such ${v} depends on the parameter values)` : '';
  const scope = k.condition === 'true' ? '' : ` for ${conditionText(k.condition)}`;
  const allNs = [...byWhat.values()].flat();
  const lastBad = allNs.length ? Math.max(...allNs) : null;
  const sentence = `the ${role} is undefined${scope}: ${parts.join(', or ')}${depends}${fixText(k.condition, lastBad, tailText !== null)}`;
  return { sentence, rest };
}

/** Which way a log-scale reason goes, from its wording in src/convergence/readings/log-scale.ts. */
function readingGoes(reason: string): 'converges' | 'diverges' | null {
  if (/> 1$|grows faster than/.test(reason)) return 'converges';
  if (/< 1$|→ −∞ faster than|bounded above, so the terms are at least/.test(reason)) return 'diverges';
  return null;
}

const BOUNDS = /^the lower bound gives: (.*); the upper bound gives: (.*)$/;
const BETWEEN = /^(.*) ≤ q\(n\) ≤ (.*)$/;

/** What each bound of an inexact q(n) gives and why neither decides; null when the record is not such a reading. */
export function boundLines(t: TestRecord): string[] | null {
  const m = BOUNDS.exec(t.summary);
  const b = t.asymptotic ? BETWEEN.exec(t.asymptotic) : null;
  if (!m || !b) return null;
  const [lowReason, highReason] = [m[1]!, m[2]!];
  const [lo, hi] = [b[1]!, b[2]!];
  const low = readingGoes(lowReason);
  const high = readingGoes(highReason);
  const lowWhy = low === 'diverges'
    ? 'Σ e^(−q_lo) diverges, and a divergent series above the terms proves nothing'
    : low === null ? 'this decides nothing' : 'Σ e^(−q_lo) converges';
  const highWhy = high === 'converges'
    ? 'Σ e^(−q_hi) converges, and a convergent series below the terms proves nothing'
    : high === null ? 'this decides nothing' : 'Σ e^(−q_hi) diverges';
  return [
    'q_lo(n) ≤ q(n) ≤ q_hi(n) with',
    `  q_lo(n) = ${lo}`,
    `  q_hi(n) = ${hi}`,
    `the lower bound: ${lowReason}; ${lowWhy}`,
    `the upper bound: ${highReason}; ${highWhy}`,
    'neither bound decides: convergence needs a convergent series above the terms, divergence a divergent one below them',
  ];
}
