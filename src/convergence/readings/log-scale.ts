/**
 * Reading q(n) against the logarithmic scale L0 = log n, L1 = log log n, …:
 * find the first level k ≤ 3 at which r_k = q − (L0 + … + L_{k−1}) has
 * lim r_k/L_k = c_k ≠ 1. Then Σ e^{−q} converges if c_k > 1 (comparison with
 * the level-k Bertrand series with exponent between 1 and c_k) and diverges if
 * c_k < 1 (comparison with the exponent-1 series). Growth beyond every L_k power
 * compares with the geometric or exp(−c·n^a) families.
 */
import Fraction from 'fraction.js';
import { Coef } from '../../conditions/coef.js';
import type { Ctx } from '../../asymptotics/context.js';
import { nMono } from '../../asymptotics/elementary.js';
import { LOG_LEVELS, logLevel, ONE_MONO } from '../../asymptotics/scale.js';
import { seriesToString } from '../../asymptotics/print.js';
import * as S from '../../asymptotics/series.js';
import type { FamilyRef } from '../../types.js';
import { GEOMETRIC, logScaleFamily, STRETCHED } from './family-refs.js';

export interface ScaleReading {
  readonly verdict: 'converges' | 'diverges' | null;
  readonly level?: number;
  /** c_k in plain text, "+inf" or "-inf" */
  readonly limit?: string;
  readonly family?: FamilyRef;
  readonly reason: string;
}

const MAX_LEVEL = LOG_LEVELS - 1;

/** L0 = log n, L1 = log log n, L2 = log₃ n, L3 = log₄ n, as written in the reasons. */
const LEVEL_NAMES = ['log n', 'log log n', 'log₃ n', 'log₄ n'];
const levelName = (k: number): string => LEVEL_NAMES[k] ?? `L${k}`;
/** r_k = q − (L0 + … + L_{k−1}) in words: "q", "q − log n", "q − log n − log log n", … */
const remainderName = (k: number, q: string): string => [q, ...LEVEL_NAMES.slice(0, k)].join(' − ');
/** r_k/L_k in words; parenthesised when r_k is a difference, so that the text says what it means */
const ratioName = (k: number, q: string): string => `${k === 0 ? q : `(${remainderName(k, q)})`}/${levelName(k)}`;

/**
 * `name` is what the reasons call the series read: "q" when it is q(n) itself, "q_lo" or
 * "q_hi" when it is a bound of q, so that every reason is true as written.
 */
export function readScale(q: S.Series, ctx: Ctx, name: string = 'q'): ScaleReading {
  const qn = name;
  let rest = q;
  for (let k = 0; k <= MAX_LEVEL; k++) {
    const Lk = logLevel(k);
    const level = levelName(k);
    const l = leadAgainst(rest, Lk, ctx);
    if (l === 'below') {
      const more = rest.terms.length > 1 || (rest.terms.length === 1 && rest.err !== null);
      const shown = rest.terms.length ? `${seriesToString(S.single(rest.terms[0]!))}${more ? ' + …' : ''}` : seriesToString(rest);
      return diverging(k, '0', `${remainderName(k, qn)} = ${shown} is o(${level}), so lim ${ratioName(k, qn)} = 0 < 1`);
    }
    if (l === null) return { verdict: null, level: k, reason: `the remainder O(…) is too coarse to read the limit at level ${k}` };
    const g = S.cmp(l.mono, Lk, ctx);
    if (g > 0) {
      const who = k === 0 ? `${qn}(n)` : remainderName(k, qn);
      if (l.sign < 0) return diverging(k, '-inf', `${who} → −∞ faster than ${level}`);
      return { verdict: 'converges', level: k, limit: '+inf', family: fastFamily(k, l.mono, ctx), reason: `${who} grows faster than any multiple of ${level}` };
    }
    const c = l.mono.c;
    const s = ctx.sign(c.sub(Coef.of(1)));
    if (s > 0) {
      const mid = c.add(Coef.of(1)).scale(new Fraction(1, 2));
      return { verdict: 'converges', level: k, limit: c.toString(), family: logScaleFamily(k, mid.toString(), mid.toTex()), reason: `lim ${ratioName(k, qn)} = ${c.toString()} > 1` };
    }
    if (s < 0) return diverging(k, c.toString(), `lim ${ratioName(k, qn)} = ${c.toString()} < 1`);
    rest = S.sub(rest, S.single(Lk), ctx);
  }
  // q = L0 + … + L3 + r: a bounded r still compares with the divergent 1/(n·L0·L1·L2)
  const r = leadAgainst(rest, ONE_MONO, ctx);
  if (r === 'below' || (r && S.cmp(r.mono, ONE_MONO, ctx) === 0) || (r && r.sign < 0))
    return diverging(MAX_LEVEL + 1, '1', `${qn}(n) = log n + log log n + log₃ n + log₄ n + r(n) with r(n) bounded above, so e^(−${qn}(n)) is at least a constant times 1/(n·log n·log log n·log₃ n)`);
  return { verdict: null, level: MAX_LEVEL, limit: '1', reason: `the limit is 1 at every log level up to ${MAX_LEVEL}` };
}

/**
 * The leading term when it is at least as large as L; 'below' when the series is
 * o(L) (read without asking the sign of terms already below L); null when only a
 * too-coarse remainder is known.
 */
export function leadAgainst(q: S.Series, L: S.Series['terms'][number], ctx: Ctx): { mono: S.Series['terms'][number]; sign: -1 | 1 } | 'below' | null {
  for (const t of q.terms) {
    if (S.cmp(t, L, ctx) < 0) return 'below';
    const s = ctx.sign(t.c);
    if (s !== 0) return { mono: t, sign: s };
  }
  if (q.err === null || S.cmp(q.err, L, ctx) < 0) return 'below';
  return null;
}

function diverging(k: number, limit: string, reason: string): ScaleReading {
  return { verdict: 'diverges', level: Math.min(k, MAX_LEVEL), limit, family: logScaleFamily(Math.min(k, MAX_LEVEL), '1', '1'), reason };
}

/**
 * The family that dominates e^{−q} when q's leading term grows faster than L_k. A geometric
 * series needs q ≥ c·n, a stretched exponential q ≥ c·n^a; anything else that is ≫ log n
 * (polylogarithmic, or between the powers of log n and of n, as e^{√log n}) compares with 1/n².
 */
function fastFamily(k: number, lead: S.Series['terms'][number], ctx: Ctx): FamilyRef {
  if (k > 0) return logScaleFamily(k, '2', '2');
  if (S.cmp(lead, nMono(), ctx) >= 0) return GEOMETRIC;
  if (lead.ex === null && ctx.sign(lead.pw[0]!) > 0) return STRETCHED;
  return logScaleFamily(0, '2', '2');
}

/** Is q bounded above on a tail (so e^{−q} does not tend to 0)? */
export function boundedAbove(q: S.Series, ctx: Ctx): { bounded: boolean; why: string } {
  const l = leadAgainst(q, ONE_MONO, ctx);
  if (l === 'below' || (l && S.cmp(l.mono, ONE_MONO, ctx) === 0)) return { bounded: true, why: `q(n) = ${seriesToString(q)} is bounded` };
  if (l === null) return { bounded: false, why: 'q(n) is known only up to an unbounded remainder' };
  if (l.sign < 0) return { bounded: true, why: 'q(n) → −∞' };
  return { bounded: false, why: 'q(n) → +∞' };
}
