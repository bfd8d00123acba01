/**
 * The limit of an expansion as n → ∞, read off its leading terms: +∞ / −∞ when
 * the first nonzero term grows, the constant term when everything else tends to
 * 0, null when only a remainder that does not tend to 0 is known.
 *
 * Also: liminf/limsup of a quantity known within bounds lo ≤ f ≤ hi (the lower
 * bound's limit is at most liminf f, the upper bound's at least limsup f).
 *
 * Owns: limits on our scale; the ratio, root and Raabe tests read theirs here
 * (never with a CAS `limit`).
 */
import { Coef } from '../../conditions/coef.js';
import type { Ctx } from '../../asymptotics/context.js';
import { seriesToString } from '../../asymptotics/print.js';
import { ONE_MONO } from '../../asymptotics/scale.js';
import * as S from '../../asymptotics/series.js';

export type Limit =
  | { readonly kind: 'finite'; readonly value: Coef }
  | { readonly kind: 'inf'; readonly sign: 1 | -1 };

export function seriesLimit(s: S.Series, ctx: Ctx): Limit | null {
  let value = Coef.of(0);
  for (const t of s.terms) {
    const g = S.cmp(t, ONE_MONO, ctx);
    if (g < 0) break; // every later term tends to 0
    if (g === 0) { value = value.add(t.c); continue; }
    const sign = ctx.sign(t.c);
    if (sign !== 0) return { kind: 'inf', sign };
  }
  if (s.err !== null && S.cmp(s.err, ONE_MONO, ctx) >= 0) {
    // the remainder may carry a nonzero limit; a term above it already decided
    return null;
  }
  return { kind: 'finite', value };
}

/** Compare a limit with a number: −1, 0, 1. */
export function compareLimit(l: Limit, c: number, ctx: Ctx): -1 | 0 | 1 {
  if (l.kind === 'inf') return l.sign;
  return ctx.sign(l.value.sub(Coef.of(c)));
}

export function limitText(l: Limit | null, tex = false): string {
  if (l === null) return tex ? '\\text{unknown}' : 'unknown';
  if (l.kind === 'inf') return tex ? (l.sign > 0 ? '+\\infty' : '-\\infty') : l.sign > 0 ? '+∞' : '−∞';
  return tex ? l.value.toTex() : l.value.toString();
}

/** e^{limit}, as text: e^{+∞} = +∞, e^{−∞} = 0. */
export function expLimitText(l: Limit | null, tex = false): string {
  if (l === null) return tex ? '\\text{unknown}' : 'unknown';
  if (l.kind === 'inf') return l.sign > 0 ? (tex ? '+\\infty' : '+∞') : '0';
  if (l.value.isZero()) return '1';
  return tex ? `e^{${l.value.toTex()}}` : `exp(${l.value.toString()})`;
}

/** s divided by n (for the root test: q(n)/n). */
export function divideByN(s: S.Series, ctx: Ctx): S.Series {
  const inv = { c: Coef.of(1), pw: ONE_MONO.pw.map((p, i) => (i === 0 ? Coef.of(-1) : p)), ex: null };
  return S.mulMonoSeries(inv, s, ctx);
}

export const show = (s: S.Series, tex = false): string => seriesToString(s, tex);

/** The first k terms, the next one becoming the O-term: t1 + t2 + O(t3). */
export function leadingTerms(s: S.Series, k: number): S.Series {
  if (s.terms.length <= k) return s;
  const next = s.terms[k]!;
  return { terms: s.terms.slice(0, k), err: { ...next, c: Coef.of(1) } };
}
