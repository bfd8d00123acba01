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
import { alibiSlopes, combineAt, type ParamValue, parseAtOption } from './substitute.js';
import { symbolicForm } from './symbolic.js';

const DI = { ...DIns };

/** An integer as a JSON number when it is at most 2^53, else as a decimal string. */
export type JsonInteger = number | string;

export interface TrfOptions {
  /** ε, default 0.01; a number or an exact decimal string such as "0.01" */
  readonly eps?: number | string;
  /** "name=v1,v2,…" items, as on the command line */
  readonly at?: readonly string[];
  /** set the parameter m (or the only parameter) to the H ALiBi slopes 2^(−8h/H) */
  readonly alibiHeads?: number;
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
}

const TWO53 = 2n ** 53n;

export function jsonInteger(n: bigint): JsonInteger {
  return n <= TWO53 && n >= -TWO53 ? Number(n) : n.toString();
}

/** ε as an exact decimal interval, validated */
export function parseEps(eps: number | string | undefined, name = 'ε'): DInterval {
  const text = eps === undefined ? '0.01' : String(eps).trim();
  if (!/^[+]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) throw new InputError('option', `${name} must be a number, got "${text}"`);
  const v = DI.point(text);
  if (!(v.lo.gt(0) && v.hi.lt(1))) throw new InputError('option', `${name} must lie strictly between 0 and 1, got ${text}`);
  return v;
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
export class MissingParametersError extends InputError {
  readonly missing: readonly string[];
  constructor(missing: readonly string[]) {
    super('option', `give a value for ${missing.join(', ')} with --at ${missing[0]}=…; a certified TRF needs concrete parameters`);
    this.missing = missing;
  }
}

export interface ParameterPoint {
  readonly values: Readonly<Record<string, ParamValue>>;
}

/** The parameter points for the options; checks that every free parameter gets a value. */
export function parameterPoints(parameters: readonly string[], options: { at?: readonly string[]; alibiHeads?: number }): Record<string, ParamValue>[] {
  const lists = (options.at ?? []).map(parseAtOption);
  if (options.alibiHeads !== undefined) {
    const target = parameters.includes('m') ? 'm' : parameters.length === 1 ? parameters[0]! : null;
    if (target === null) throw new InputError('option', '--alibi-heads sets the parameter m (or the only parameter), and this expression has neither');
    if (lists.some((l) => l.name === target)) throw new InputError('option', `--alibi-heads and --at both set ${target}`);
    lists.push({ name: target, values: alibiSlopes(options.alibiHeads) });
  }
  for (const l of lists) {
    if (!parameters.includes(l.name)) throw new InputError('option', `--at ${l.name}: the expression has no parameter ${l.name}${parameters.length ? ` (it has ${parameters.join(', ')})` : ''}`);
  }
  const missing = parameters.filter((p) => !lists.some((l) => l.name === p));
  if (missing.length > 0) {
    throw new MissingParametersError(missing);
  }
  return combineAt(lists);
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
  const from = options.from ?? 0;
  if (!Number.isSafeInteger(from)) throw new InputError('option', `--from must be an integer, got ${String(options.from)}`);
  const parsed = parseExpression(expr, options.var !== undefined ? { variable: options.var } : {});
  let points: Record<string, ParamValue>[];
  try {
    points = parameterPoints(parsed.parameters, options);
  } catch (err) {
    // parametric input without values: the symbolic closed form, when the family has one
    const sym = err instanceof MissingParametersError && (options.at ?? []).length === 0 && options.alibiHeads === undefined
      ? symbolicForm(parsed.expr, parsed.variable) : null;
    if (!sym) throw err;
    const result: TrfResult = {
      at: {}, verdict: 'unknown', trf: null, bracket: null, sum: null, sumError: null, closedForm: sym.latex,
      law: symbolicLaw(parsed.expr, parsed.variable, parsed.parameters, Number(DI.midRad(eps).mid.toString())),
      method: `symbolic closed form (${sym.family}) for ${sym.conditions}; give --at ${parsed.parameters[0]}=… for certified numbers`,
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
  };
}

