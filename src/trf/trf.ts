/**
 * The public TRF API: `trf(expr, options)` → the JSON report of `rpe trf --json`.
 *
 * Owns: reading the options (ε, --at lists, --alibi-heads, --from, --var),
 * substituting each parameter point, running the certified computation per point
 * (./concrete.ts) and shaping the report
 *   {"expression", "eps", "results": [{"at", "verdict", "trf", "bracket", "sum",
 *    "sumError", "closedForm", "method"}], "max"}.
 * Integers above 2^53 are printed as decimal strings.
 */
import { InputError } from '../parse/errors.js';
import { OptionError } from '../parse/option-error.js';
import type { Expr } from '../parse/expr.js';
import { parseExpression } from '../parse/parse.js';
import { freeParameters } from '../parse/walk.js';
import * as DIns from '../numeric/decimal-interval.js';
import type { DInterval } from '../numeric/decimal-interval.js';
import { type ConcreteTrf, concreteTrf, type TrfVerdict } from './concrete.js';
import Fraction from 'fraction.js';
import { constRational, constValue } from './recognize.js';
import { type TrfLaw, trfLaw } from './law.js';
import { substituteParameters } from '../parse/substitute.js';
import { alibiSlopes, type AtInput, atLists, combineAt, type ParamValue, slopeRuleText } from './substitute.js';
import type { SlopeOptions, SlopeRule } from './alibi-slopes.js';
import { symbolicForm } from './symbolic.js';

const DI = { ...DIns };

/** An integer as a JSON number when it is at most 2^53, else as a decimal string. */
export type JsonInteger = number | string;

export interface TrfOptions {
  /** ε, default 0.01; a number or an exact decimal string such as "0.01" */
  readonly eps?: number | string;
  /**
   * parameter values: {m: 0.5} or {m: "1/3"}; a list gives one result per value ({m: [0.5, 0.25]});
   * an array of objects gives one result per object; "name=v1,v2,…" strings as on the command line also work
   */
  readonly at?: AtInput;
  /** set the parameter m (or the only parameter) to the H ALiBi slopes (./alibi-slopes.ts) */
  readonly alibiHeads?: number;
  /** the slope rule of alibiHeads (default the reference rule `alibi`) and MPT's alibi_bias_max (default 8) */
  readonly slopeRule?: SlopeRule;
  readonly biasMax?: number | string;
  /** first index of the sum, default 0 */
  readonly from?: number;
  /** summation variable, default n */
  readonly var?: string;
}

export interface TrfResult {
  /** the parameter values of this result */
  readonly at: Readonly<Record<string, number>>;
  readonly verdict: TrfVerdict;
  /** the TRF when the bracket closes; otherwise its certified upper end; null without a TRF */
  readonly trf: JsonInteger | null;
  /** certified [lo, hi] with lo ≤ TRF ≤ hi; hi is null when no upper end could be certified */
  readonly bracket: readonly [JsonInteger, JsonInteger | null] | null;
  /** S = Σ_{n≥from} e^{p(n)} as a decimal string */
  readonly sum: string | null;
  /** a bound on |S − sum| */
  readonly sumError: string | null;
  readonly closedForm: string | null;
  readonly method: string;
  /** the leading-order law of TRF_ε as ε → 0 from the asymptotic expansion (an approximation, not certified); null outside its regimes */
  readonly law: TrfLaw | null;
}

export interface TrfReport {
  readonly expression: string;
  readonly eps: number;
  readonly from: number;
  readonly results: readonly TrfResult[];
  /** the largest TRF over the results (null if any result has none) */
  readonly max: JsonInteger | null;
  /** with alibiHeads: which slope rule gave the parameter values */
  readonly slopes?: string;
}

const TWO53 = 2n ** 53n;

export function jsonInteger(n: bigint): JsonInteger {
  return n <= TWO53 && n >= -TWO53 ? Number(n) : n.toString();
}

/** ε as an exact decimal interval, validated */
export function parseEps(eps: number | string | undefined, name = 'eps'): DInterval {
  if (eps !== undefined && typeof eps !== 'number' && typeof eps !== 'string') throw new OptionError(name, (o) => `${o} must be a number or a decimal string such as "0.01", got ${typeof eps}`);
  const text = eps === undefined ? '0.01' : String(eps).trim();
  if (!/^[+]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) throw new OptionError(name, (o) => `${o} (ε) must be a number, got "${text}"`);
  const v = DI.point(text);
  if (!(v.lo.gt(0) && v.hi.lt(1))) throw new OptionError(name, (o) => `${o} (ε) must lie strictly between 0 and 1, got ${text}`);
  return v;
}

/** The first index of the sum, validated: an OptionError naming `from`. */
export function parseFromOption(from: unknown): number {
  if (from === undefined) return 0;
  if (typeof from !== 'number' || !Number.isSafeInteger(from)) throw new OptionError('from', (o) => `${o} must be an integer, got ${String(from)}`);
  return from;
}

/** S and a bound on its error, as strings: the midpoint to the digits the enclosure supports. */
export function formatSum(S: DInterval): { sum: string; sumError: string } {
  const { mid, rad } = DI.midRad(S);
  const rel = mid.isZero() ? 1 : rad.div(mid.abs()).toNumber();
  const digits = Math.max(3, Math.min(30, Math.floor(-Math.log10(Math.max(rel, 1e-30))) + 1));
  const shown = mid.toSignificantDigits(digits);
  // the error of the shown value: |S − shown| ≤ rad + |mid − shown|
  const err = rad.plus(mid.minus(shown).abs());
  return { sum: shown.toString(), sumError: err.toSignificantDigits(2, DI.Decimal.ROUND_UP).toExponential() };
}

/** Some parameters have no value (and no symbolic formula applies). */
export class MissingParametersError extends OptionError {
  readonly missing: readonly string[];
  /** what needs the values, e.g. "a certified TRF" */
  constructor(missing: readonly string[], purpose = 'a certified TRF') {
    super('at', (o) => `give a value for ${missing.join(', ')} with ${o.startsWith('-') ? `${o} ${missing[0]}=…` : `${o}: {${missing[0]}: …}`}; ${purpose} needs concrete parameters`);
    this.missing = missing;
  }
}

/** The slope options as the TRF commands take them. */
export interface SlopeOptionsOf {
  readonly slopeRule?: SlopeRule;
  readonly biasMax?: number | string;
}

export function slopeOptions(o: SlopeOptionsOf): SlopeOptions {
  return { ...(o.slopeRule !== undefined ? { rule: o.slopeRule } : {}), ...(o.biasMax !== undefined ? { biasMax: o.biasMax } : {}) };
}

/** The `slopes` field of a report: the rule in words when --alibi-heads set the values. */
export function slopesField(o: { alibiHeads?: number } & SlopeOptionsOf): { slopes?: string } {
  return o.alibiHeads === undefined ? {} : { slopes: slopeRuleText(o.alibiHeads, slopeOptions(o)) };
}

export interface ParameterPoint {
  readonly values: Readonly<Record<string, ParamValue>>;
}

/** The parameter points for the options; checks that every free parameter gets a value. */
export function parameterPoints(parameters: readonly string[], options: { at?: AtInput; alibiHeads?: number } & SlopeOptionsOf, purpose = 'a certified TRF'): Record<string, ParamValue>[] {
  const lists = atLists(options.at);
  if (options.alibiHeads !== undefined) {
    const target = parameters.includes('m') ? 'm' : parameters.length === 1 ? parameters[0]! : null;
    if (target === null) throw new OptionError('alibiHeads', (o) => `${o} sets the parameter m (or the only parameter), and this expression has neither`);
    if (lists.some((l) => l.name === target)) throw new OptionError('alibiHeads', (o) => `${o} and ${o === 'alibiHeads' ? 'at' : '--at'} both set ${target}`);
    lists.push({ name: target, values: alibiSlopes(options.alibiHeads, slopeOptions(options)) });
  }
  for (const l of lists) {
    if (!parameters.includes(l.name)) throw new OptionError('at', (o) => `${o} ${l.name}: the expression has no parameter ${l.name}${parameters.length ? ` (it has ${parameters.join(', ')})` : ''}`);
  }
  const missing = parameters.filter((p) => !lists.some((l) => l.name === p));
  if (missing.length > 0) {
    throw new MissingParametersError(missing, purpose);
  }
  return combineAt(lists);
}

/** Is `at` empty (nothing given)? */
export function atIsEmpty(at: AtInput | undefined): boolean {
  if (at === undefined || at === null) return true;
  return Array.isArray(at) ? at.length === 0 : Object.keys(at).length === 0;
}

export function atNumbers(values: Readonly<Record<string, ParamValue>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(values)) {
    const iv = constValue(v.expr);
    out[k] = iv.lo === iv.hi ? iv.lo : iv.lo / 2 + iv.hi / 2;
  }
  return out;
}

export function toResult(at: Record<string, number>, r: ConcreteTrf, law: TrfLaw | null = null): TrfResult {
  const bracket: TrfResult['bracket'] = r.lo === null ? null : [jsonInteger(r.lo), r.hi === null ? null : jsonInteger(r.hi)];
  const trfValue = r.hi === null ? null : jsonInteger(r.hi);
  const sum = r.S ? formatSum(r.S) : null;
  return {
    at, verdict: r.verdict, trf: trfValue, bracket,
    sum: sum?.sum ?? null, sumError: sum?.sumError ?? null, closedForm: r.closedForm, method: r.method, law,
  };
}

function maxOf(results: readonly TrfResult[]): JsonInteger | null {
  let best: bigint | null = null;
  for (const r of results) {
    if (r.trf === null) return null;
    const v = BigInt(r.trf);
    if (best === null || v > best) best = v;
  }
  return best === null ? null : jsonInteger(best);
}

/** the law at one parameter point, with the certified S for its value */
function lawAt(p: Expr, variable: string, values: Readonly<Record<string, ParamValue>>, eps: DInterval, S: DInterval | null): TrfLaw | null {
  const exact: Record<string, Fraction> = {};
  for (const [k, v] of Object.entries(values)) {
    const f = constRational(v.expr);
    if (f === null) {
      const iv = constValue(v.expr);
      exact[k] = new Fraction(iv.lo / 2 + iv.hi / 2);
    } else exact[k] = f;
  }
  try {
    return trfLaw(p, variable, exact, Number(DI.midRad(eps).mid.toString()), S === null ? null : Number(DI.midRad(S).mid.toString()));
  } catch {
    return null;
  }
}

/**
 * The law with the parameters left symbolic: the expansion's shape is read at the first of a few
 * sample points where it falls in a known regime (the regime says at which point; S stays a symbol).
 */
function symbolicLaw(p: Expr, variable: string, parameters: readonly string[], eps: number): TrfLaw | null {
  for (const v of [new Fraction(3, 2), new Fraction(2), new Fraction(3), new Fraction(1, 2)]) {
    const point = Object.fromEntries(parameters.map((name) => [name, v]));
    try {
      const law = trfLaw(p, variable, point, eps, null);
      if (law) return { ...law, regime: `${law.regime} (shape read at ${parameters.map((n) => `${n} = ${v.toFraction()}`).join(', ')}; it holds where the series converges and the expansion keeps this shape)` };
    } catch {
      // next sample point
    }
  }
  return null;
}

/** Parse, substitute and compute: one result per parameter point. */
export function trf(expr: string, options: TrfOptions = {}): TrfReport {
  const eps = parseEps(options.eps);
  const from = parseFromOption(options.from);
  const parsed = parseExpression(expr, options.var !== undefined ? { variable: options.var } : {});
  let points: Record<string, ParamValue>[];
  try {
    points = parameterPoints(parsed.parameters, options);
  } catch (err) {
    // parametric input without values: the symbolic closed form, when the family has one
    const sym = err instanceof MissingParametersError && atIsEmpty(options.at) && options.alibiHeads === undefined
      ? symbolicForm(parsed.expr, parsed.variable) : null;
    if (!sym) throw err;
    const result: TrfResult = {
      at: {}, verdict: 'unknown', trf: null, bracket: null, sum: null, sumError: null, closedForm: sym.latex,
      law: symbolicLaw(parsed.expr, parsed.variable, parsed.parameters, Number(DI.midRad(eps).mid.toString())),
      method: `symbolic closed form (${sym.family}) for ${sym.conditions}; certified numbers need values of ${parsed.parameters.join(', ')}`,
    };
    return { expression: parsed.normalized, eps: Number(DI.midRad(eps).mid.toString()), from, results: [result], max: null };
  }
  const results = points.map((values) => {
    const concrete: Expr = substituteParameters(parsed.expr, Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.expr])));
    if (freeParameters(concrete).length > 0) throw new InputError('option', 'internal: a parameter was left without a value');
    const r = concreteTrf(concrete, parsed.variable, BigInt(from), eps);
    return toResult(atNumbers(values), r, r.verdict === 'converges' ? lawAt(parsed.expr, parsed.variable, values, eps, r.S) : null);
  });
  return {
    expression: parsed.normalized,
    eps: Number(DI.midRad(eps).mid.toString()),
    from,
    results,
    max: maxOf(results),
    ...slopesField(options),
  };
}

