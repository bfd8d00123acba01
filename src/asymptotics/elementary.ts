/**
 * log, exp, reciprocal and constant powers of expansions.
 *
 * Each factors out the leading monomial m = c·n^a·L0^b0…·exp(E) and expands the
 * rest with a power series: log S = E + a·L0 + b0·L1 + … + log c + log(1 + x),
 * S^r = c^r·n^{ar}…·exp(rE)·(1 + x)^r, with x = S/m − 1 → 0.
 */
import { applyFn, Coef } from '../conditions/coef.js';
import { type Ctx, EngineUnknown } from './context.js';
import { constMono, LOG_LEVELS, logLevel, ONE_MONO, pureLogLevel, scaleMono, withCoef, type Mono } from './scale.js';
import * as S from './series.js';
import { binomial, compose, EXP, LOG1P } from './taylor.js';

/** Split S = m·(1 + x) with m the leading monomial (nonzero in the region). */
function factorLead(s: S.Series, ctx: Ctx, what: string): { m: Mono; x: S.Series } {
  const l = S.lead(s, ctx);
  if (!l) throw new EngineUnknown(`the leading behaviour of ${what} is not determined`);
  const inv = reciprocalMono(l.mono, ctx);
  const x = S.mulMonoSeries(inv, l.rest, ctx);
  return { m: l.mono, x };
}

export function reciprocalMono(m: Mono, ctx: Ctx): Mono {
  return { c: m.c.inv(), pw: m.pw.map((p) => p.neg()), ex: m.ex === null ? null : S.neg(m.ex) };
  void ctx;
}

/** log S for an eventually positive S. */
export function logSeries(s: S.Series, ctx: Ctx): S.Series {
  const { m, x } = factorLead(s, ctx, 'the argument of log');
  if (ctx.sign(m.c) <= 0) throw new EngineUnknown('log of a quantity that is negative for large n', true);
  const parts: S.Series[] = [];
  if (m.ex) parts.push(m.ex);
  for (let i = 0; i <= LOG_LEVELS; i++) {
    const p = m.pw[i]!;
    if (p.isZero() || ctx.sign(p) === 0) continue;
    if (i === LOG_LEVELS) throw new EngineUnknown('the expansion needs a fifth iterated logarithm, beyond the scale');
    parts.push(S.single(withCoef(logLevel(i), p))); // log(n^a) = a·L0, log(L_k^b) = b·L_{k+1}
  }
  parts.push(S.constant(applyFn('log', m.c)));
  if (!S.isExactZero(x)) parts.push(compose(LOG1P, x, ctx));
  return parts.reduce((acc, p) => S.add(acc, p, ctx), S.ZERO_SERIES);
}

/** exp S. The remainder of S must tend to 0, otherwise exp S is not an expansion. */
export function expSeries(s: S.Series, ctx: Ctx): S.Series {
  if (s.err && S.cmp(s.err, ONE_MONO, ctx) >= 0) throw new EngineUnknown('exp of an expansion known only up to a non-vanishing remainder');
  const big: Mono[] = [];
  let pw: Coef[] = Array.from({ length: LOG_LEVELS + 1 }, () => Coef.of(0));
  let c0 = Coef.of(0);
  const small: Mono[] = [];
  for (const t of s.terms) {
    const g = S.cmp(t, ONE_MONO, ctx);
    if (g > 0) {
      const k = pureLogLevel(t);
      // exp(c·L0) = n^c ; exp(c·L_k) = L_{k-1}^c
      if (k !== null) pw = pw.map((p, i) => (i === k ? p.add(t.c) : p));
      else big.push(t);
    } else if (g === 0) c0 = c0.add(t.c);
    else small.push(t);
  }
  const ex = big.length ? S.normalize(big, null, ctx, 64) : null;
  const m: Mono = { c: applyFn('exp', c0), pw, ex };
  const x: S.Series = { terms: small, err: s.err };
  return S.mulMonoSeries(m, S.isExactZero(x) ? S.ONE : compose(EXP, x, ctx), ctx);
}

/** S^r for a constant exponent r, S eventually positive. */
export function powSeries(s: S.Series, r: Coef, ctx: Ctx): S.Series {
  if (ctx.sign(r) === 0) return S.ONE;
  const { m, x } = factorLead(s, ctx, 'the base of a power');
  if (ctx.sign(m.c) <= 0) throw new EngineUnknown('non-integer power of a quantity that is negative for large n', true);
  const mr: Mono = { c: m.c.pow(r), pw: m.pw.map((p) => p.mul(r)), ex: m.ex ? S.scale(m.ex, r) : null };
  return S.mulMonoSeries(mr, S.isExactZero(x) ? S.ONE : compose(binomial(r), x, ctx), ctx);
}

/** S^k for a small positive integer k, any sign. */
export function powIntSeries(s: S.Series, k: number, ctx: Ctx): S.Series {
  let r = S.ONE;
  for (let i = 0; i < k; i++) r = S.mul(r, s, ctx);
  return r;
}

/** 1/S for S with a nonzero leading term. */
export function reciprocalSeries(s: S.Series, ctx: Ctx): S.Series {
  const { m, x } = factorLead(s, ctx, 'a denominator');
  const inv = reciprocalMono(m, ctx);
  return S.mulMonoSeries(inv, S.isExactZero(x) ? S.ONE : compose(binomial(Coef.of(-1)), x, ctx), ctx);
}

export const nMono = (): Mono => scaleMono(0, Coef.of(1));
export const constSeries = (c: Coef): S.Series => S.constant(c);
export { constMono };
