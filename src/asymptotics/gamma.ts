/**
 * Γ and factorial by Stirling's series:
 * log Γ(u) = (u − ½)·log u − u + ½·log 2π + 1/(12u) − 1/(360u³) + O(u⁻⁵), u → +∞.
 */
import Fraction from 'fraction.js';
import { applyFn, Coef } from '../conditions/coef.js';
import * as A from './approx.js';
import { type Ctx, EngineUnknown } from './context.js';
import { expSeries, logSeries, powIntSeries, reciprocalSeries } from './elementary.js';
import { constantOf } from './powers.js';
import { ONE_MONO } from './scale.js';
import * as S from './series.js';

function logGammaSeries(u: S.Series, ctx: Ctx): S.Series {
  const half = Coef.of(new Fraction(1, 2));
  const inv = reciprocalSeries(u, ctx);
  const inv3 = powIntSeries(inv, 3, ctx);
  const inv5 = powIntSeries(inv, 5, ctx);
  const logTwoPi = applyFn('log', Coef.of(2)).add(applyFn('log', Coef.atom({ kind: 'const', name: 'pi' })));
  let r = S.mul(S.sub(u, S.constant(half), ctx), logSeries(u, ctx), ctx);
  r = S.sub(r, u, ctx);
  r = S.add(r, S.constant(logTwoPi.mul(half)), ctx);
  r = S.add(r, S.scale(inv, Coef.of(new Fraction(1, 12))), ctx);
  r = S.sub(r, S.scale(inv3, Coef.of(new Fraction(1, 360))), ctx);
  const err = inv5.terms[0] ?? inv5.err;
  return err ? S.normalize(r.terms, S.maxErr(r.err, err, ctx), ctx) : r;
}

function gammaSeries(u: S.Series, ctx: Ctx): S.Series {
  const g = S.growthVs(u, ONE_MONO, ctx);
  if (g === 1 && S.eventualSign(u, ctx) === 1) return expSeries(logGammaSeries(u, ctx), ctx);
  throw new EngineUnknown('Γ is expanded only for arguments tending to +∞');
}

export function gamma(a: A.Approx, ctx: Ctx): A.Approx {
  // a constant argument: Γ(c) is a constant, exact where the canonical form knows it (Γ(4) = 6)
  const c = constantOf(a, ctx);
  if (c !== null) return A.exact(S.constant(applyFn('gamma', c)));
  // Γ is increasing on [2, ∞), where a growing argument eventually lies.
  const g = S.growthVs(a.lo, ONE_MONO, ctx);
  if (g !== 1 || S.eventualSign(a.lo, ctx) !== 1) throw new EngineUnknown('Γ is expanded only for arguments tending to +∞');
  return A.monotone(a, (s) => gammaSeries(s, ctx), true);
}

export const factorial = (a: A.Approx, ctx: Ctx): A.Approx => gamma(A.add(a, A.exact(S.ONE), ctx), ctx);
