/**
 * `rpe check`: the decider's verdict against numerical evidence — a safety net,
 * not a judge.
 *
 * Owns: computing partial sums S_N at N = 10, 100, … (decimal.js term by term up
 * to 1000 terms; certified Euler–Maclaurin enclosures beyond), the certified tail
 * bounds where the tail closes, and the comparison:
 *  - disagree: a certified fact contradicts the verdict (the tail bound proves
 *    convergence but the verdict is "diverges"; a certified partial sum exceeds the
 *    certified total; or the decimal.js sum falls outside the certified enclosure);
 *  - agree: the certified evidence supports the verdict (certified S for
 *    "converges"; unbounded growth evidence for "diverges" is reported, not proved);
 *  - inconclusive otherwise.
 */
import { classify } from '../classify.js';
import { evaluateDecimal } from '../numeric/evaluate.js';
import * as DIns from '../numeric/decimal-interval.js';
import type { DInterval } from '../numeric/decimal-interval.js';
import type { Expr } from '../parse/expr.js';
import { parseExpression } from '../parse/parse.js';
import { toAscii } from '../parse/print.js';
import { buildSeriesModel } from './series-model.js';
import { substituteParameters } from '../parse/substitute.js';
import { atNumbers, formatSum, parameterPoints, parseFromOption, slopesField } from './trf.js';
import type { SlopeRule } from './alibi-slopes.js';
import { OptionError } from '../parse/option-error.js';
import type { AtInput } from './substitute.js';

const DI = { ...DIns };

export interface CheckOptions {
  /** parameter values, as for trf() */
  readonly at?: AtInput;
  readonly alibiHeads?: number;
  readonly slopeRule?: SlopeRule;
  readonly biasMax?: number | string;
  readonly from?: number;
  readonly var?: string;
  /** largest N (a power of 10), default 10^12 */
  readonly maxN?: number;
}

export interface PartialSumRow {
  readonly N: string;
  /** certified enclosure of Σ_{n=from}^{N} e^{p(n)} */
  readonly sum: string;
  readonly error: string;
  /** the same sum by decimal.js term by term (N ≤ 1000) */
  readonly decimalSum?: string;
}

export interface CheckResult {
  readonly at: Readonly<Record<string, number>>;
  readonly verdict: string;
  readonly agreement: 'agree' | 'disagree' | 'inconclusive';
  /** where the evidence contradicts the verdict (an N, or "tail") */
  readonly disagreeAt: string | null;
  readonly partialSums: readonly PartialSumRow[];
  /** the certified total, when the tail closes */
  readonly total: { readonly sum: string; readonly sumError: string; readonly tailFrom: string } | null;
  readonly note: string;
}

export interface CheckReport {
  readonly expression: string;
  readonly results: readonly CheckResult[];
  /** with alibiHeads: which slope rule gave the parameter values */
  readonly slopes?: string;
}

const DIRECT_LIMIT = 1000;

function decimalPartialSums(p: Expr, variable: string, from: number, Ns: readonly number[]): Map<number, string> {
  const out = new Map<number, string>();
  const last = Math.min(DIRECT_LIMIT, Ns[Ns.length - 1] ?? 0);
  let acc = DI.point(0).lo;
  let k = 0;
  for (let n = from; n <= last; n++) {
    const v = evaluateDecimal(p, { variable, n }, { precision: 30 });
    acc = acc.plus(v.exp());
    while (k < Ns.length && Ns[k] === n) {
      out.set(n, acc.toSignificantDigits(25).toString());
      k++;
    }
  }
  return out;
}

function inside(value: string, enclosure: DInterval, slackRel = 1e-20): boolean {
  const v = new DI.Decimal(value);
  const slack = v.abs().times(slackRel);
  return v.plus(slack).gte(enclosure.lo) && v.minus(slack).lte(enclosure.hi);
}

/** `verdict` overrides the decider (tests use it to exercise disagreement). */
export function checkConcrete(p: Expr, variable: string, from: number, maxN: number, verdictOverride?: string): Omit<CheckResult, 'at'> {
  let verdict = verdictOverride ?? 'unknown';
  if (verdictOverride === undefined) {
    try {
      verdict = classify(toAscii(p), { var: variable, from }).verdict;
    } catch (err) {
      verdict = `error: ${err instanceof Error ? err.message : String(err)}`;
    }
  }
  const model = buildSeriesModel(p, variable, BigInt(from), { headLengths: [32] });
  const S = model.S;
  const Ns: number[] = [];
  for (let N = 10; N <= maxN && N > from; N *= 10) Ns.push(N);
  let decimalSums = new Map<number, string>();
  let note = '';
  try {
    decimalSums = decimalPartialSums(p, variable, from, Ns);
  } catch (err) {
    note = `decimal.js partial sums stopped: ${err instanceof Error ? err.message : String(err)}; `;
  }
  const rows: PartialSumRow[] = [];
  let disagreeAt: string | null = null;
  const reasons: string[] = [];
  for (const N of Ns) {
    let ps: DInterval;
    try {
      ps = model.partialSum(BigInt(N));
    } catch (err) {
      note += `partial sums stop before N = ${N}: ${err instanceof Error ? err.message : String(err)}; `;
      break;
    }
    const f = formatSum(ps);
    const dec = decimalSums.get(N);
    rows.push({ N: String(N), sum: f.sum, error: f.sumError, ...(dec !== undefined ? { decimalSum: dec } : {}) });
    if (dec !== undefined && !inside(dec, ps, 1e-24) && disagreeAt === null) {
      disagreeAt = String(N);
      reasons.push(`at N = ${N} the decimal.js sum ${dec} lies outside the certified enclosure [${ps.lo.toString()}, ${ps.hi.toString()}]`);
    }
    if (S !== null && ps.lo.gt(S.hi) && disagreeAt === null) {
      disagreeAt = String(N);
      reasons.push(`at N = ${N} the certified partial sum exceeds the certified total`);
    }
  }
  let agreement: CheckResult['agreement'];
  if (verdict === 'diverges' && S !== null) {
    agreement = 'disagree';
    disagreeAt ??= 'tail';
    reasons.push(`the verdict is "diverges" but the tail bound proves convergence (x·p'(x) ≤ −${model.closure!.sLo.toPrecision(4)} < −1 for n ≥ ${model.M})`);
  } else if (disagreeAt !== null) {
    agreement = 'disagree';
  } else if (verdict === 'converges' && S !== null) {
    agreement = 'agree';
    reasons.push('the certified total bounds every partial sum');
  } else if (verdict === 'diverges') {
    const grow = rows.length >= 2 ? `partial sums grow from ${rows[0]!.sum} (N = ${rows[0]!.N}) to ${rows[rows.length - 1]!.sum} (N = ${rows[rows.length - 1]!.N})` : 'few partial sums';
    agreement = 'agree';
    reasons.push(`${grow}, and no tail bound proves convergence (numbers cannot prove divergence)`);
  } else if (S !== null) {
    agreement = 'inconclusive';
    reasons.push('the tail bound proves convergence; the decider gave no verdict to compare with');
  } else {
    agreement = 'inconclusive';
    reasons.push(`the tail could not be certified (${model.openReason ?? 'unknown'}) and the verdict is ${verdict}`);
  }
  const total = S === null ? null : { ...formatSum(S), tailFrom: String(model.M) };
  return { verdict, agreement, disagreeAt, partialSums: rows, total, note: note + reasons.join('; ') };
}

/** The defaults of `maxN`: partial sums up to N = 10^12. */
export const DEFAULT_MAX_N = 1e12;

function parseMaxN(v: unknown): number {
  if (v === undefined) return DEFAULT_MAX_N;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 10 || v > 1e300) throw new OptionError('maxN', (o) => `${o} must be a number from 10 to 1e300, got ${String(v)}`);
  return v;
}

export function check(expr: string, options: CheckOptions = {}): CheckReport {
  const from = parseFromOption(options.from);
  const maxN = parseMaxN(options.maxN);
  const parsed = parseExpression(expr, options.var !== undefined ? { variable: options.var } : {});
  const points = parameterPoints(parsed.parameters, options, 'the check');
  const results = points.map((values): CheckResult => {
    const concrete = substituteParameters(parsed.expr, Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.expr])));
    return { at: atNumbers(values), ...checkConcrete(concrete, parsed.variable, from, maxN) };
  });
  return { expression: parsed.normalized, results, ...slopesField(options) };
}
