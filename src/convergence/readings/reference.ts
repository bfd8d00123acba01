/**
 * The reference series a comparison test compares with: for q(n) = −log a_n, a
 * member b_n = e^{−g(n)} of a family of rules/families.json (geometric, p-series,
 * Bertrand, stretched exponential) chosen so that q − g tends to +∞ when the
 * family member converges, or stays bounded above when it diverges. The choice
 * follows the logarithmic scale (see log-scale.ts): the first level k at which
 * q/L_k has a limit c ≠ 1 decides; c > 1 takes the exponent (1 + c)/2, c < 1
 * takes exponent 1; growth beyond every multiple of log n takes a geometric or
 * stretched-exponential member.
 *
 * Owns: the instantiated family member (its exponent g, its parameters, why it
 * converges or diverges).
 */
import Fraction from 'fraction.js';
import { Coef } from '../../conditions/coef.js';
import type { Ctx } from '../../asymptotics/context.js';
import { nMono } from '../../asymptotics/elementary.js';
import { LOG_LEVELS, logLevel, type Mono, ONE_MONO, scaleMono } from '../../asymptotics/scale.js';
import * as S from '../../asymptotics/series.js';
import type { FamilyRef } from '../../types.js';
import { logScaleFamily } from './family-refs.js';
import { leadAgainst } from './log-scale.js';

export interface Reference {
  /** b_n = e^{−g(n)} */
  readonly g: S.Series;
  readonly family: FamilyRef;
  /** does Σ b_n converge */
  readonly converges: boolean;
  /** the family's parameters, e.g. s = (m+1)/2, or c and a */
  readonly params: readonly { readonly name: string; readonly value: Coef }[];
  /** why the member converges or diverges, plain text and LaTeX (e.g. "s = 3/2 > 1") */
  readonly why: string;
  readonly whyTex: string;
  /** log level of the reading */
  readonly level: number;
}

const MAX_LEVEL = LOG_LEVELS - 1;
const half = new Fraction(1, 2);

/** L0 + … + L_{k−1} + s·L_k */
function logExponent(k: number, s: Coef, ctx: Ctx): S.Series {
  const monos: Mono[] = [];
  for (let i = 0; i < k; i++) monos.push(logLevel(i));
  monos.push({ ...logLevel(k), c: s });
  return S.normalize(monos, null, ctx, 16);
}

export function logFamily(k: number, s: Coef, ctx: Ctx): Reference {
  const converges = ctx.sign(s.sub(Coef.of(1))) > 0;
  const f = logScaleFamily(k, s.toString(), s.toTex());
  const rel = converges ? '>' : '≤';
  return {
    g: logExponent(k, s, ctx), family: f, converges, params: [{ name: 's', value: s }], level: k,
    why: `s = ${s.toString()} ${rel} 1`, whyTex: `s = ${s.toTex()} ${converges ? '>' : '\\le'} 1`,
  };
}

export function geometric(c: Coef): Reference {
  const r = `exp(-${wrap(c.toString())})`;
  return {
    g: S.single(scaleMono(0, Coef.of(1), c)),
    family: { id: 'geometric', termText: `${r}^n`, termTex: `\\left(e^{-${wrapTex(c.toTex())}}\\right)^{n}` },
    converges: true, params: [{ name: 'r', value: c }], level: 0,
    why: `r = ${r} < 1`, whyTex: `r = e^{-${wrapTex(c.toTex())}} < 1`,
  };
}

export function stretched(c: Coef, a: Coef): Reference {
  return {
    g: S.single(scaleMono(0, a, c)),
    family: { id: 'stretched-exponential', termText: `exp(-${wrap(c.toString())}·n^${wrap(a.toString())})`, termTex: `e^{-${wrapTex(c.toTex())}\\,n^{${a.toTex()}}}` },
    converges: true, params: [{ name: 'c', value: c }, { name: 'a', value: a }], level: 0,
    why: `c = ${c.toString()} > 0 and a = ${a.toString()} > 0`, whyTex: `c = ${c.toTex()} > 0,\\ a = ${a.toTex()} > 0`,
  };
}

const wrap = (s: string): string => (/^[\w.]+$/.test(s) ? s : `(${s})`);
const wrapTex = (s: string): string => (/^[\w.{}\\]+$/.test(s) && !/[+-]/.test(s) ? s : `\\left(${s}\\right)`);

/** The member for fast growth at level 0 (q ≫ log n), positive leading term t. */
function fastMember(t: Mono, ctx: Ctx): Reference {
  if (t.ex !== null) {
    // q ≻ n: q − n → ∞. Below n (e^{√log n}, n^{1/log log n}, n·e^{−√log n}) only q − 2·log n → ∞ is sure.
    return S.cmp(t, nMono(), ctx) > 0 ? geometric(Coef.of(1)) : logFamily(0, Coef.of(2), ctx);
  }
  const a = t.pw[0]!;
  if (ctx.sign(a) === 0) return logFamily(0, Coef.of(2), ctx); // polylogarithmic growth: 1/n²
  const logsZero = t.pw.slice(1).every((p) => p.isZero());
  if (!logsZero) return stretched(Coef.of(1), a.scale(half));
  const c = t.c.scale(half);
  const af = a.asFraction();
  return af !== null && af.equals(1) ? geometric(c) : stretched(c, a);
}

/** The reference for q (a lower bound of q when convergence is wanted, an upper bound for divergence); null when the scale cannot read q. */
export function referenceFor(q: S.Series, ctx: Ctx): Reference | null {
  let rest = q;
  for (let k = 0; k <= MAX_LEVEL; k++) {
    const Lk = logLevel(k);
    const l = leadAgainst(rest, Lk, ctx);
    if (l === 'below') return logFamily(k, Coef.of(1), ctx);
    if (l === null) return null;
    if (S.cmp(l.mono, Lk, ctx) > 0) {
      if (l.sign < 0) return logFamily(k, Coef.of(1), ctx);
      return k === 0 ? fastMember(l.mono, ctx) : logFamily(k, Coef.of(2), ctx);
    }
    const c = l.mono.c;
    const s = ctx.sign(c.sub(Coef.of(1)));
    if (s > 0) return logFamily(k, c.add(Coef.of(1)).scale(half), ctx);
    if (s < 0) return logFamily(k, Coef.of(1), ctx);
    rest = S.sub(rest, S.single(Lk), ctx);
  }
  const r = leadAgainst(rest, ONE_MONO, ctx);
  if (r === 'below' || (r && (S.cmp(r.mono, ONE_MONO, ctx) === 0 || r.sign < 0))) return logFamily(MAX_LEVEL, Coef.of(1), ctx);
  return null;
}
