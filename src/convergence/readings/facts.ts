/**
 * From the expansion of the input to what the tests read: q = −log|a_n|.
 * For a bias p, a_n = e^{p(n)} > 0 and q = −p exactly. For a term a_n, the
 * eventual sign is read first; one-signed terms give q = −log|a_n|; sign-changing
 * terms keep bounds on |a_n| for absolute convergence and the nth-term test.
 */
import * as A from '../../asymptotics/approx.js';
import type { Ctx } from '../../asymptotics/context.js';
import { logSeries } from '../../asymptotics/elementary.js';
import { expand } from '../../asymptotics/expand.js';
import { signedLog } from '../../asymptotics/signed-log.js';
import { logApprox } from '../../asymptotics/powers.js';
import { ONE_MONO } from '../../asymptotics/scale.js';
import * as S from '../../asymptotics/series.js';
import type { Expr } from '../../parse/expr.js';
import type { SeriesFacts } from '../test.js';

/** The facts of the input expression: a bias p(n), or (termMode) the term a_n itself. */
export function seriesFacts(expr: Expr, variable: string, termMode: boolean, ctx: Ctx): SeriesFacts {
  if (!termMode) return biasFacts(expr, variable, expand(expr, ctx));
  // a one-signed product of factors: q = −log|a_n| from the structure, without expanding a_n whole
  const s = signedLog(expr, ctx);
  if (s) return { expr, variable, termMode: true, termSign: s.sign, q: A.neg(s.log), term: null, qFromAbsUpper: null, qFromAbsLower: null };
  return termFacts(expr, variable, expand(expr, ctx), ctx);
}

export function biasFacts(expr: Expr, variable: string, p: A.Approx): SeriesFacts {
  return { expr, variable, termMode: false, termSign: 1, q: A.neg(p), term: null, qFromAbsUpper: null, qFromAbsLower: null };
}

export function termFacts(expr: Expr, variable: string, a: A.Approx, ctx: Ctx): SeriesFacts {
  const base = { expr, variable };
  const sign = A.signOf(a, ctx);
  if (sign === 0) return { ...base, termMode: true, termSign: 1, q: null, term: a, qFromAbsUpper: null, qFromAbsLower: null };
  if (sign === 1 || sign === -1) {
    const mag = sign === 1 ? a : A.neg(a);
    return { ...base, termMode: true, termSign: sign, q: A.neg(logApprox(mag, ctx)), term: a, qFromAbsUpper: null, qFromAbsLower: null };
  }
  const abs = A.absBounds(a, ctx);
  const minusLog = (s: S.Series): S.Series | null => {
    if (S.eventualSign(s, ctx) === 1) return S.neg(logSeries(s, ctx));
    // |a_n| ≤ C·e(n) with an unknown constant C: −log|a_n| ≥ −log e(n) + O(1)
    if (s.terms.length === 0 && s.err) return S.add(S.neg(logSeries(S.single(s.err), ctx)), { terms: [], err: ONE_MONO }, ctx);
    return null;
  };
  return { ...base, termMode: true, termSign: null, q: null, term: a, qFromAbsUpper: minusLog(abs.hi), qFromAbsLower: minusLog(abs.lo) };
}
