/**
 * Reading q(n) against the logarithmic scale L0 = log n, L1 = log log n, …:
 * find the first level k ≤ 3 at which r_k = q − (L0 + … + L_{k−1}) has
 * lim r_k/L_k = c_k ≠ 1. Then Σ e^{−q} converges if c_k > 1 (comparison with
 * the level-k Bertrand series with exponent between 1 and c_k) and diverges if
 * c_k < 1 (comparison with the exponent-1 series). Growth beyond every L_k power
 * compares with the geometric or exp(−c·n^a) families.
 */
import Fraction from 'fraction.js';
import { Coef } from '../conditions/coef.js';
import type { Ctx } from '../asymptotics/context.js';
import { LOG_LEVELS, logLevel, ONE_MONO } from '../asymptotics/scale.js';
import { seriesToString } from '../asymptotics/print.js';
import * as S from '../asymptotics/series.js';
import type { FamilyRef } from '../types.js';
import { GEOMETRIC, logScaleFamily, STRETCHED } from './families.js';

export interface ScaleReading {
  readonly verdict: 'converges' | 'diverges' | null;
  readonly level?: number;
  /** c_k in plain text, "+inf" or "-inf" */
  readonly limit?: string;
  readonly family?: FamilyRef;
  readonly reason: string;
}

const MAX_LEVEL = LOG_LEVELS - 1;

export function readScale(q: S.Series, ctx: Ctx): ScaleReading {
  let rest = q;
  for (let k = 0; k <= MAX_LEVEL; k++) {
    const Lk = logLevel(k);
    const l = S.lead(rest, ctx);
    const name = k === 0 ? 'log n' : `L${k}`;
    if (!l) {
      if (rest.err === null || S.cmp(rest.err, Lk, ctx) < 0)
        return diverging(k, '0', `the remainder is o(${name}), so the limit at level ${k} is 0 < 1`);
      return { verdict: null, level: k, reason: `the remainder O(…) is too coarse to read the limit at level ${k}` };
    }
    const g = S.cmp(l.mono, Lk, ctx);
    if (g > 0) {
      if (l.sign < 0) return diverging(k, '-inf', `q(n) → −∞ faster than ${name}`);
      return { verdict: 'converges', level: k, limit: '+inf', family: fastFamily(k, l.mono, ctx), reason: `q(n) grows faster than any multiple of ${name}` };
    }
    if (g < 0) return diverging(k, '0', `the leading term ${seriesToString(S.single(l.mono))} is o(${name}), so the limit is 0 < 1`);
    const c = l.mono.c;
    const s = ctx.sign(c.sub(Coef.of(1)));
    if (s > 0) {
      const mid = c.add(Coef.of(1)).scale(new Fraction(1, 2));
      return { verdict: 'converges', level: k, limit: c.toString(), family: logScaleFamily(k, mid.toString(), mid.toTex()), reason: `lim q/${name} = ${c.toString()} > 1` };
    }
    if (s < 0) return diverging(k, c.toString(), `lim q/${name} = ${c.toString()} < 1`);
    rest = S.sub(rest, S.single(Lk), ctx);
  }
  return { verdict: null, level: MAX_LEVEL, limit: '1', reason: `the limit is 1 at every log level up to ${MAX_LEVEL}` };
}

function diverging(k: number, limit: string, reason: string): ScaleReading {
  return { verdict: 'diverges', level: k, limit, family: logScaleFamily(k, '1', '1'), reason };
}

function fastFamily(k: number, lead: S.Series['terms'][number], ctx: Ctx): FamilyRef {
  if (k > 0) return logScaleFamily(k, '2', '2');
  if (lead.ex) return GEOMETRIC;
  const a = lead.pw[0]!;
  if (ctx.sign(a) === 0) return logScaleFamily(0, '2', '2'); // q ≫ log n but polylogarithmic: compare with 1/n²
  return ctx.sign(a.sub(Coef.of(1))) >= 0 ? GEOMETRIC : STRETCHED;
}

/** Is q bounded above on a tail (so e^{−q} does not tend to 0)? */
export function boundedAbove(q: S.Series, ctx: Ctx): { bounded: boolean; why: string } {
  const l = S.lead(q, ctx);
  if (!l) {
    if (q.err === null) return { bounded: true, why: 'q(n) = 0' };
    return S.cmp(q.err, ONE_MONO, ctx) <= 0 ? { bounded: true, why: `q(n) = ${seriesToString(q)} is bounded` } : { bounded: false, why: 'q(n) is known only up to an unbounded remainder' };
  }
  const g = S.cmp(l.mono, ONE_MONO, ctx);
  if (g <= 0) return { bounded: true, why: `q(n) → ${g < 0 ? '0' : l.mono.c.toString()}` };
  if (l.sign < 0) return { bounded: true, why: 'q(n) → −∞' };
  return { bounded: false, why: 'q(n) → +∞' };
}
