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
import { constRational, constSign, constValue, recognize } from './families.js';
import { TermDomainError, termInterval } from './head.js';
import { buildSeriesModel, type SeriesModel } from './series-model.js';

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

const MAX_W = 10n ** 300n;

function decideAgainst(tail: DInterval, S: DInterval, eps: DInterval): Decision {
  const bound = DI.mul(eps, S);
  if (tail.hi.lte(bound.lo)) return true;
  if (tail.lo.gt(bound.hi)) return false;
  return undefined;
}

function checkFirstTerm(p: Expr, variable: string, from: bigint): void {
  try {
    termInterval(p, variable, from);
  } catch (err) {
    if (err instanceof TermDomainError) {
      throw new InputError('domain', `${err.message}; start the sum later with --from`);
    }
    throw err;
  }
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

function describeBracket(lo: bigint, hi: bigint | null, evaluations: number): string {
  if (hi === null) return `bisection gave no certified upper end below 1e300 (${evaluations} evaluations)`;
  if (lo === hi) return `bisection on a log scale closed the bracket (${evaluations} evaluations)`;
  const rel = Number(hi - lo) / Number(hi);
  return `bisection on a log scale (${evaluations} evaluations); the bracket stays open because near the answer ` +
    `the tail changes by less than the certified error per step (relative width ${rel.toExponential(1)}); trf is its upper end, which is certified`;
}

export function concreteTrf(p: Expr, variable: string, from: bigint, eps: DInterval, options: ConcreteOptions = {}): ConcreteTrf {
  if (!(eps.lo.gt(0) && eps.hi.lt(1))) throw new InputError('option', 'ε must lie strictly between 0 and 1');
  checkFirstTerm(p, variable, from);
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
      const guess = Number.isFinite(est) && est > Number(from) && est < 1e290 ? BigInt(Math.floor(est)) : undefined;
      const search = searchLeast(from, (w) => decideAgainst(DI.fromInterval(model.tail(w + 1n)), S, eps), {
        maxW: MAX_W, ...(guess !== undefined ? { guess } : {}),
      });
      return {
        verdict: 'converges', lo: search.lo, hi: search.hi, S, closedForm: model.latex,
        method: `closed form (Hurwitz zeta): S and every tail from certified ζ(s, a) (Euler–Maclaurin, 11 Bernoulli corrections, explicit remainder); ` +
          describeBracket(search.lo, search.hi, search.evaluations),
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

  // generic: the decider rules out divergence first (cheaper than a failed certification)
  let deciderNote = '';
  if (family.kind === 'generic' && options.useDecider !== false) {
    const d = deciderVerdict(p, variable, from);
    deciderNote = d.note;
    if (d.verdict === 'diverges') {
      return { verdict: 'diverges', lo: null, hi: null, S: null, closedForm: null, method: `${d.note}; a divergent series has no TRF` };
    }
  }
  const model = buildSeriesModel(p, variable, from);
  const S = model.S;
  if (S === null) {
    return {
      verdict: deciderNote === 'decider: converges' ? 'converges' : 'unknown', lo: null, hi: null, S: null, closedForm, model,
      method: `${deciderNote ? deciderNote + '; ' : ''}cannot certify the tail: ${model.openReason ?? 'unknown reason'}`,
    };
  }
  const search = searchLeast(from, (w) => decideAgainst(model.tailFrom(w + 1n), S, eps), { maxW: MAX_W });
  const certificate = `convergence certified by the tail bound beyond n = ${model.M}`;
  return {
    verdict: 'converges', lo: search.lo, hi: search.hi, S, closedForm, model,
    method: `${certificate}; ${model.describe()}; ${describeBracket(search.lo, search.hi, search.evaluations)}${estimateNote}`,
  };
}
