/**
 * The window guarantee: the paper's theorem as a number.
 *
 * Owns: `windowBound(expr, {logitBound: B, tol: δ, …})` — the least window w such
 * that, for every sequence length and every content logits |x_n| ≤ B, attending
 * only to distances n ≤ w changes each attention output by at most δ·max‖v‖.
 *
 * Derivation (docs/trf.md has it in full). For one query, with weights
 * a_n ∝ e^{x_n + p(n)}, split the keys into the window (n ≤ w, mass Z_in) and the
 * rest (mass Z_out). The full output is o = (Z_in·ō_in + Z_out·ō_out)/(Z_in + Z_out),
 * the windowed one is ō_in, so
 *     ‖o − ō_in‖ = Z_out/(Z_in + Z_out) · ‖ō_out − ō_in‖ ≤ 2·max‖v‖ · Z_out/(Z_in + Z_out).
 * Z_out/(Z_in + Z_out) grows with Z_out and falls with Z_in, and
 * Z_in ≥ e^{−B} P(w), Z_out ≤ e^{B} T(w) with P(w) = Σ_{n≤w} e^{p(n)}, T(w) = Σ_{n>w} e^{p(n)}
 * (the infinite tail bounds every finite length). So the change is at most δ·max‖v‖ when
 *     2 e^{2B} T / (P + e^{2B} T) ≤ δ   ⇔   T(w) ≤ ε'·S,   ε' = δ / ((2 − δ) e^{2B} + δ),
 * i.e. the window is exactly TRF_{ε'}. The bound is attained in the limit of long
 * sequences (x = −B inside, +B outside, v = ±u), so no smaller window is guaranteed.
 */
import { OptionError } from '../parse/option-error.js';
import { parseExpression } from '../parse/parse.js';
import * as DIns from '../numeric/decimal-interval.js';
import type { DInterval } from '../numeric/decimal-interval.js';
import { concreteTrf } from './concrete.js';
import { substituteParameters } from '../parse/substitute.js';
import { atNumbers, formatSum, type JsonInteger, jsonInteger, parameterPoints, parseFromOption, slopesField } from './trf.js';
import type { SlopeRule } from './alibi-slopes.js';
import type { AtInput } from './substitute.js';
import type { TrfVerdict } from './concrete.js';

const DI = { ...DIns };

export interface WindowOptions {
  /** B: a bound on |q·k/√d|, the content part of every logit (default 1, as in the report) */
  readonly logitBound?: number | string;
  /** δ: the allowed change of each output, relative to max‖v‖ (0 < δ; default 0.01, as in the report) */
  readonly tol?: number | string;
  /** parameter values, as for trf() */
  readonly at?: AtInput;
  readonly alibiHeads?: number;
  readonly slopeRule?: SlopeRule;
  readonly biasMax?: number | string;
  readonly from?: number;
  readonly var?: string;
}

export interface WindowResult {
  readonly at: Readonly<Record<string, number>>;
  readonly verdict: TrfVerdict;
  /** the guaranteed window (the certified upper end when the bracket does not close); null if none exists */
  readonly window: JsonInteger | null;
  readonly bracket: readonly [JsonInteger, JsonInteger | null] | null;
  readonly sum: string | null;
  readonly method: string;
}

export interface WindowReport {
  readonly expression: string;
  readonly logitBound: number;
  readonly tol: number;
  /** ε' = δ / ((2 − δ) e^{2B} + δ), the TRF threshold the window equals */
  readonly epsEquivalent: string;
  readonly results: readonly WindowResult[];
  readonly max: JsonInteger | null;
  /** with alibiHeads: which slope rule gave the parameter values */
  readonly slopes?: string;
}

/** The defaults of B and δ: the report's window guarantee uses the same. */
export const DEFAULT_LOGIT_BOUND = 1;
export const DEFAULT_TOL = 0.01;

function decimalOption(v: unknown, name: string): DInterval {
  if (typeof v !== 'number' && typeof v !== 'string') throw new OptionError(name, (o) => `${o} must be a number or a decimal string, got ${v === null ? 'null' : typeof v}`);
  const t = String(v).trim();
  if (!/^[+]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) throw new OptionError(name, (o) => `${o} must be a non-negative number, got "${t}"`);
  return DI.point(t);
}

/** ε' = δ / ((2 − δ) e^{2B} + δ) as a certified interval; null when δ ≥ 2 (any window works). */
export function equivalentEps(B: DInterval, delta: DInterval): DInterval | null {
  if (delta.lo.gte(2)) return null;
  const e2B = DI.exp(DI.mul(DI.point(2), B));
  return DI.div(delta, DI.add(DI.mul(DI.sub(DI.point(2), delta), e2B), delta));
}

export function windowBound(expr: string, options: WindowOptions = {}): WindowReport {
  const B = decimalOption(options.logitBound ?? DEFAULT_LOGIT_BOUND, 'logitBound');
  const delta = decimalOption(options.tol ?? DEFAULT_TOL, 'tol');
  if (!delta.lo.gt(0)) throw new OptionError('tol', (o) => `${o} (δ) must be positive`);
  const from = parseFromOption(options.from);
  const parsed = parseExpression(expr, options.var !== undefined ? { variable: options.var } : {});
  const points = parameterPoints(parsed.parameters, options, 'a certified window');
  const eps = equivalentEps(B, delta);
  const results = points.map((values): WindowResult => {
    const at = atNumbers(values);
    if (eps === null) {
      return { at, verdict: 'unknown', window: from, bracket: [from, from], sum: null,
        method: 'δ ≥ 2: the change of an output never exceeds 2·max‖v‖, so every window works' };
    }
    const concrete = substituteParameters(parsed.expr, Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.expr])));
    const r = concreteTrf(concrete, parsed.variable, BigInt(from), eps);
    return {
      at, verdict: r.verdict,
      window: r.hi === null ? null : jsonInteger(r.hi),
      bracket: r.lo === null ? null : [jsonInteger(r.lo), r.hi === null ? null : jsonInteger(r.hi)],
      sum: r.S ? formatSum(r.S).sum : null,
      method: r.verdict === 'diverges'
        ? `${r.method}; without convergence no finite window is guaranteed for all lengths`
        : `window = TRF at ε' = δ/((2−δ)e^{2B}+δ); ${r.method}`,
    };
  });
  let max: bigint | null = null;
  let none = false;
  for (const r of results) {
    if (r.window === null) none = true;
    else if (max === null || BigInt(r.window) > max) max = BigInt(r.window);
  }
  return {
    expression: parsed.normalized,
    logitBound: Number(B.lo.toString()),
    tol: Number(delta.lo.toString()),
    epsEquivalent: eps === null ? 'none' : DI.midRad(eps).mid.toSignificantDigits(12).toString(),
    results,
    max: none || max === null ? null : jsonInteger(max),
    ...slopesField(options),
  };
}
