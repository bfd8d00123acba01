/**
 * Finite sums sum(f, i, a, b) with bounds free of n. Few numeric terms: expanded
 * term by term. Otherwise (symbolic or many terms): if every summand lies in a
 * constant interval [lo, hi] uniformly in i, the sum lies in [count·lo, count·hi].
 */
import Fraction from 'fraction.js';
import { Coef } from '../conditions/coef.js';
import type { Expr } from '../parse/expr.js';
import * as A from './approx.js';
import * as I from '../conditions/interval.js';
import { type Ctx, EngineUnknown, indexParam } from './context.js';
import { constantOf } from './powers.js';
import * as S from './series.js';

const MAX_EXPANDED_TERMS = 64;

export function finiteSum(e: Extract<Expr, { kind: 'sum' }>, ctx: Ctx, expand: (e: Expr, ctx: Ctx) => A.Approx): A.Approx {
  const lo = constantOf(expand(e.lo, ctx), ctx), hi = constantOf(expand(e.hi, ctx), ctx);
  if (lo === null || hi === null) throw new EngineUnknown('the bounds of a finite sum must not depend on the variable');
  const saved = ctx.indices.get(e.index);
  try {
    const lf = lo.asFraction(), hf = hi.asFraction();
    if (lf !== null && hf !== null && lf.d === 1n && hf.d === 1n && hf.sub(lf).compare(MAX_EXPANDED_TERMS) < 0) {
      let acc = A.exact(S.ZERO_SERIES);
      for (let i = lf; i.compare(hf) <= 0; i = i.add(1)) {
        ctx.indices.set(e.index, Coef.of(i));
        acc = A.add(acc, expand(e.body, ctx), ctx);
      }
      return acc;
    }
    ctx.indices.set(e.index, null);
    // the index ranges over [lo, hi]: signs that depend on it are read on that range
    const l = ctx.region.enclose(lo), h = ctx.region.enclose(hi);
    const range = I.make(l.lo, l.loOpen, h.hi, h.hiOpen);
    const [bl, bh] = ctx.within(ctx.region.withInterval(indexParam(e.index), range), () => {
      const body = expand(e.body, ctx);
      return [constantOf(A.exact(body.lo), ctx), constantOf(A.exact(body.hi), ctx)];
    });
    const dependsOnIndex = (c: Coef | null): boolean => c !== null && c.parameters().has(indexParam(e.index));
    if (dependsOnIndex(bl) || dependsOnIndex(bh)) throw new EngineUnknown('a finite sum with many or symbolic terms is bounded only when its summand has bounds free of the index');
    if (bl === null || bh === null) throw new EngineUnknown('a finite sum with many or symbolic terms is handled only when its summand is bounded uniformly');
    // count = floor(hi) − ceil(lo) + 1, bounded by hi − lo + 1 and at least hi − lo − 1
    const count = hi.sub(lo).add(Coef.of(1));
    if (ctx.sign(count) < 0) return A.exact(S.ZERO_SERIES);
    const two = Coef.of(new Fraction(2));
    const countLo = count.sub(two), countHi = count;
    const pick = (c: Coef, positive: boolean): Coef => {
      const s = ctx.sign(c);
      return (s >= 0) === positive ? c.mul(countHi) : c.mul(ctx.sign(countLo) > 0 ? countLo : Coef.of(0));
    };
    return A.between(S.constant(pick(bl, false)), S.constant(pick(bh, true)));
  } finally {
    if (saved === undefined) ctx.indices.delete(e.index); else ctx.indices.set(e.index, saved);
  }
}
