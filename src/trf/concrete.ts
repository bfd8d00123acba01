/**
 * The certified TRF of one concrete bias (no free parameters).
 *
 * Owns: choosing the method — closed form for the geometric and log-linear
 * families, the certified series model otherwise — deciding convergence (family
 * facts, the tail-closure proof, or the decider for what neither settles), and
 * running the bracket search against a threshold ε that may itself be an interval
 * (the window guarantee uses ε' = δ / ((2 − δ)e^{2B} + δ)).
 *
 *   TRF_ε = min{ w ≥ from : Σ_{n=from}^{w} e^{p(n)} ≥ (1 − ε)·S }
 *         = min{ w ≥ from : tail(w) := Σ_{n>w} e^{p(n)} ≤ ε·S }.
 */
import Fraction from 'fraction.js';
import { classify } from '../classify.js';
import * as DIns from '../numeric/decimal-interval.js';
import type { DInterval } from '../numeric/decimal-interval.js';
import { InputError } from '../parse/errors.js';
import type { Expr } from '../parse/expr.js';
import { toAscii } from '../parse/print.js';
import { type Decision, searchLeast } from './bracket-search.js';
import { fmtNum, geometricTrf, logLinearModel, stretchedForm } from './closed-forms.js';
import { constRational, constSign, constValue, recognize } from './recognize.js';
import { TermDomainError, termInterval } from './head.js';
import { evalInterval, UnsupportedExprError } from '../numeric/expr-interval.js';
import { evalElastic } from '../numeric/elasticity.js';
import type { Interval } from '../numeric/interval.js';
import * as Ins from '../numeric/interval.js';
import { buildSeriesModel, type SeriesModel } from './series-model.js';
import { tidyLogs } from './log-tidy.js';
import { containsGamma, GammaUnsupported, gammaSandwich } from './gamma-sandwich.js';

// plain-object copies: cheap property access on hot paths (no module-namespace getters)
const DI = { ...DIns };

export type TrfVerdict = 'converges' | 'diverges' | 'unknown';

export interface ConcreteTrf {
  readonly verdict: TrfVerdict;
  /** certified bracket of the TRF; null when there is none (divergent or undecided) */
  readonly lo: bigint | null;
  readonly hi: bigint | null;
  /** certified enclosure of S */
  readonly S: DInterval | null;
  readonly closedForm: string | null;
  readonly method: string;
  /** the series model, when the generic method was used (for tails in other commands) */
  readonly model?: SeriesModel;
}

export interface ConcreteOptions {
  /** skip the decider for divergence (it is only consulted when no certificate settles convergence) */
  readonly useDecider?: boolean;
}

const I = { ...Ins };

const MAX_W = 10n ** 300n;
/** the Hurwitz-zeta family's tails are decimal bounds of any size: TRFs up to 10^100000 */
const MAX_LOG10_HUGE = 100000;
const MAX_W_HUGE = 10n ** BigInt(MAX_LOG10_HUGE);

/** ≈ 10^l10 as an integer (a search hint only: its accuracy does not matter) */
export function powerOfTen(l10: number): bigint {
  const k = Math.floor(l10);
  const mant = Math.pow(10, l10 - k);
  return (BigInt(Math.round(mant * 1e6)) * 10n ** BigInt(Math.max(0, k))) / 1000000n;
}

/**
 * The test "tail ≤ ε·S" against a precomputed ε·S: first in doubles (outward
 * bounds of ε·S), then in decimals when the double comparison cannot tell.
 */
export class Threshold {
  private readonly bound: DInterval;
  private readonly lo: number;
  private readonly hi: number;
  constructor(eps: DInterval, S: DInterval) {
    this.bound = DI.mul(eps, S);
    const b = DI.toInterval(this.bound);
    this.lo = I.down(b.lo);
    this.hi = I.up(b.hi);
  }
  decide(tail: Interval | DInterval): Decision {
    if (typeof tail.lo === 'number') {
      const t = tail as Interval;
      if (t.hi <= this.lo) return true;
      if (t.lo > this.hi) return false;
      return this.decide(DI.fromInterval(t));
    }
    const t = tail as DInterval;
    if (t.hi.lte(this.bound.lo)) return true;
    if (t.lo.gt(this.bound.hi)) return false;
    return undefined;
  }
}

function checkFirstTerm(p: Expr, variable: string, from: bigint): void {
  try {
    termInterval(p, variable, from);
  } catch (err) {
    if (err instanceof TermDomainError) {
      throw new InputError('domain', `${err.message}; start the sum later with --from`);
    }
    if (err instanceof UnsupportedExprError) return; // reported by the method that needs it
    throw err;
  }
}

/**
 * The nth-term test as a certificate: if p is bounded below on [M, ∞) (plain
 * interval evaluation over the unbounded range), the terms stay ≥ e^{inf p} > 0
 * and the series diverges.
 */
function boundedBelowCertificate(p: Expr, variable: string, from: bigint): string | null {
  for (const M of [from, from + 16n, 1000n, 10n ** 6n, 10n ** 12n]) {
    if (M < from) continue;
    try {
      const v = evalInterval(p, { variable, x: { lo: I.fromBigInt(M).lo, hi: Infinity } });
      if (Number.isFinite(v.lo)) return `p(n) ≥ ${fmtNum(v.lo)} for n ≥ ${M} (interval bound over [${M}, ∞)): the terms do not tend to 0, so the series diverges`;
    } catch {
      // not evaluable over the whole range: no certificate from this M
    }
  }
  return null;
}

/**
 * Elasticity certificates on [M, ∞) for a few M: x·p'(x) ≥ −1 proves divergence
 * (comparison with the harmonic series); x·p'(x) ≤ −s < −1 proves convergence.
 */
function elasticityCertificate(p: Expr, variable: string, from: bigint): { verdict: TrfVerdict; note: string } {
  const start = from > 1n ? from : 1n;
  for (const M of [start, 1000n, 10n ** 6n, 10n ** 12n, 10n ** 24n, 10n ** 48n]) {
    if (M < start) continue;
    try {
      const r = evalElastic(p, { variable, M: I.fromBigInt(M) });
      if (r.D.lo >= -1) return { verdict: 'diverges', note: `x·p'(x) ≥ ${fmtNum(r.D.lo)} ≥ −1 for x ≥ ${M} (elasticity bound over [${M}, ∞)): e^{p(n)} ≥ C/n, so the series diverges` };
      if (r.D.hi < -1) return { verdict: 'converges', note: `x·p'(x) ≤ ${fmtNum(r.D.hi)} < −1 for x ≥ ${M}` };
    } catch {
      // no bound from this M
    }
  }
  return { verdict: 'unknown', note: '' };
}

function deciderVerdict(p: Expr, variable: string, from: bigint): { verdict: TrfVerdict; note: string } {
  try {
    const c = classify(toAscii(p), { var: variable, from: Number(from) });
    const v = c.verdict === 'converges' || c.verdict === 'diverges' ? c.verdict : 'unknown';
    return { verdict: v, note: `decider: ${c.verdict}` };
  } catch (err) {
    return { verdict: 'unknown', note: `decider failed: ${err instanceof Error ? err.message : String(err)}` };
  }
}

function describeBracket(lo: bigint, hi: bigint | null, evaluations: number, hugeLimit = false): string {
  if (hi === null) return `bisection gave no certified upper end below ${hugeLimit ? `10^${MAX_LOG10_HUGE}` : '1e300'} (${evaluations} evaluations)`;
  if (lo === hi) return `bisection on a log scale closed the bracket (${evaluations} evaluations)`;
  const rel = relativeWidth(lo, hi);
  return `bisection on a log scale (${evaluations} evaluations); the bracket stays open because near the answer ` +
    `the tail changes by less than the certified error per step (relative width ${rel.toExponential(1)}); trf is its upper end, which is certified`;
}

/** (hi − lo)/hi as a double, for integers of any size */
export function relativeWidth(lo: bigint, hi: bigint): number {
  if (hi <= 0n) return 0;
  const shift = BigInt(Math.max(0, hi.toString(2).length - 60));
  return Number((hi - lo) >> shift) / Number(hi >> shift);
}

export function concreteTrf(input: Expr, variable: string, from: bigint, eps: DInterval, options: ConcreteOptions = {}): ConcreteTrf {
  if (!(eps.lo.gt(0) && eps.hi.lt(1))) throw new InputError('option', 'ε must lie strictly between 0 and 1');
  checkFirstTerm(input, variable, from);
  // log(r^n), log(1/(n·log(n)^s)), …: the same function, written so that it can be evaluated
  const p = tidyLogs(input, variable, Number(from));
  const family = recognize(p, variable);

  if (family.kind === 'geometric') {
    const g = geometricTrf(family, from, eps);
    const exact = g.lo === g.hi;
    return {
      verdict: 'converges', lo: g.lo, hi: g.hi, S: g.S, closedForm: g.latex,
      method: `closed form (geometric series, ratio e^{-m} < 1): TRF = from + ⌈ln(1/ε)/m⌉ − 1 with ln(1/ε)/m enclosed to 40 digits` +
        (exact ? '' : '; ln(1/ε)/m is within rounding of an integer, so the bracket keeps both candidates'),
    };
  }

  if (family.kind === 'log-linear') {
    const s = constValue(family.s);
    const sMinus1 = constSign({ kind: 'add', terms: [family.s, { kind: 'num', value: new Fraction(-1) }] });
    if (sMinus1 === -1 || sMinus1 === 0 && constRational(family.s) !== null) {
      return { verdict: 'diverges', lo: null, hi: null, S: null, closedForm: null,
        method: `p(n) = c − s·log(b + r·n) with s = ${fmtNum(s)} ≤ 1: Σ (b + r·n)^{−s} diverges (p-series comparison); there is no TRF` };
    }
    const model = logLinearModel(family, from);
    if (model) {
      const S = DI.fromInterval(model.S);
      const est = model.estimate(DI.toInterval(eps).lo);
      const l10 = model.log10Estimate(DI.toInterval(eps).lo);
      const guess = Number.isFinite(est) && est > Number(from) && est < 1e290 ? BigInt(Math.floor(est))
        : Number.isFinite(l10) && l10 > 15 && l10 < MAX_LOG10_HUGE ? powerOfTen(l10) : undefined;
      const threshold = new Threshold(eps, S);
      // beyond 10^300 the tail is compared on the log scale: ln tail(w) against ln(ε·S)
      const logBound = I.log(DI.toInterval(DI.mul(eps, S)));
      const decideLog = (a: bigint): Decision => {
        const t = model.logTail(a);
        return t.hi <= logBound.lo ? true : t.lo > logBound.hi ? false : undefined;
      };
      const search = searchLeast(from, (w) => (w < MAX_W ? threshold.decide(model.tail(w + 1n)) : decideLog(w + 1n)), {
        maxW: MAX_W_HUGE, relWidth: 1e-9, ...(guess !== undefined ? { guess } : {}),
      });
      return {
        verdict: 'converges', lo: search.lo, hi: search.hi, S, closedForm: model.latex,
        method: `closed form (Hurwitz zeta): S and every tail from certified ζ(s, a) (Euler–Maclaurin, 11 Bernoulli corrections, explicit remainder); ` +
          describeBracket(search.lo, search.hi, search.evaluations, true),
      };
    }
  }

  let closedForm: string | null = null;
  let estimateNote = '';
  if (family.kind === 'stretched-exponential') {
    const form = stretchedForm(family, from);
    closedForm = form.latex;
    const est = form.estimate(DI.toInterval(eps).lo);
    if (Number.isFinite(est)) estimateNote = `; incomplete-gamma estimate (continuous approximation, uncertified): ${est.toPrecision(6)}`;
  }

  if (containsGamma(p)) return gammaTrf(p, variable, from, eps);

  // generic: a divergence certificate, then the decider, before a (costly) certification attempt
  const below = boundedBelowCertificate(p, variable, from);
  if (below !== null) return { verdict: 'diverges', lo: null, hi: null, S: null, closedForm: null, method: `${below}; there is no TRF` };
  let deciderNote = '';
  const elastic = elasticityCertificate(p, variable, from);
  if (elastic.verdict === 'diverges') {
    return { verdict: 'diverges', lo: null, hi: null, S: null, closedForm: null, method: `${elastic.note}; there is no TRF` };
  }
  if (family.kind === 'generic' && elastic.verdict !== 'converges' && options.useDecider !== false) {
    const d = deciderVerdict(p, variable, from);
    deciderNote = d.note;
    if (d.verdict === 'diverges') {
      return { verdict: 'diverges', lo: null, hi: null, S: null, closedForm: null, method: `${d.note}; a divergent series has no TRF` };
    }
  }
  let model: SeriesModel;
  try {
    model = buildSeriesModel(p, variable, from);
  } catch (err) {
    if (!(err instanceof UnsupportedExprError || err instanceof TermDomainError)) throw err;
    const verdict: TrfVerdict = elastic.verdict === 'converges' || deciderNote === 'decider: converges' ? 'converges' : 'unknown';
    return {
      verdict, lo: null, hi: null, S: null, closedForm,
      method: `${deciderNote ? deciderNote + '; ' : ''}cannot certify the TRF: ${err.message}`,
    };
  }
  const S = model.S;
  if (S === null) {
    return {
      verdict: deciderNote === 'decider: converges' ? 'converges' : 'unknown', lo: null, hi: null, S: null, closedForm, model,
      method: `${deciderNote ? deciderNote + '; ' : ''}cannot certify the tail: ${model.openReason ?? 'unknown reason'}`,
    };
  }
  const threshold = new Threshold(eps, S);
  const search = searchLeast(from, (w) => threshold.decide(model.tailFromFast(w + 1n)), { maxW: MAX_W });
  const certificate = `convergence certified by the tail bound beyond n = ${model.M}`;
  return {
    verdict: 'converges', lo: search.lo, hi: search.hi, S, closedForm, model,
    method: `${certificate}; ${model.describe()}; ${describeBracket(search.lo, search.hi, search.evaluations)}${estimateNote}`,
  };
}

const asDecimal = (t: Interval | DInterval): DInterval => (typeof t.lo === 'number' ? DI.fromInterval(t as Interval) : t as DInterval);

/**
 * Γ in the bias: the certified models of the Stirling sandwich p_lo ≤ p ≤ p_hi
 * (./gamma-sandwich.ts); S and every tail of p lie between theirs.
 */
function gammaTrf(p: Expr, variable: string, from: bigint, eps: DInterval): ConcreteTrf {
  const none = (verdict: TrfVerdict, why: string): ConcreteTrf => ({ verdict, lo: null, hi: null, S: null, closedForm: null, method: why });
  let sw: { lo: Expr; hi: Expr };
  try {
    sw = gammaSandwich(p, variable, Number(from));
  } catch (err) {
    if (!(err instanceof GammaUnsupported)) throw err;
    const d = deciderVerdict(p, variable, from);
    return none(d.verdict, `${d.note}; cannot certify the TRF: ${err.message}`);
  }
  let lo: SeriesModel;
  let hi: SeriesModel;
  try {
    lo = buildSeriesModel(sw.lo, variable, from);
    hi = buildSeriesModel(sw.hi, variable, from);
  } catch (err) {
    if (!(err instanceof UnsupportedExprError || err instanceof TermDomainError)) throw err;
    return none(deciderVerdict(p, variable, from).verdict, `cannot certify the TRF of the Stirling bounds: ${err.message}`);
  }
  if (lo.S === null || hi.S === null) {
    const d = deciderVerdict(p, variable, from);
    return none(d.verdict, `${d.note}; cannot certify the tail of the Stirling bounds: ${(hi.openReason ?? lo.openReason) ?? 'unknown reason'}`);
  }
  const S: DInterval = { lo: lo.S.lo, hi: hi.S.hi };
  const threshold = new Threshold(eps, S);
  const tail = (a: bigint): DInterval => ({ lo: asDecimal(lo.tailFromFast(a)).lo, hi: asDecimal(hi.tailFromFast(a)).hi });
  const search = searchLeast(from, (w) => threshold.decide(tail(w + 1n)), { maxW: MAX_W });
  return {
    verdict: 'converges', lo: search.lo, hi: search.hi, S, closedForm: null,
    method: `Γ through Stirling's series (6 terms, shifted to arguments ≥ 9, remainder ≤ 1/(156·y^13)): e^{p_lo} ≤ e^p ≤ e^{p_hi} termwise; ` +
      `convergence certified by the tail bounds of both; upper model: ${hi.describe()}; ${describeBracket(search.lo, search.hi, search.evaluations)}`,
  };
}
