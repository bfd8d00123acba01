/**
 * Powers u^v: constant exponents (binomial expansion, integer powers of any sign),
 * variable exponents through exp(v·log u), and negative constant bases with an
 * integer-valued exponent such as (−1)^n or (−12)^n, whose sign alternates.
 */
import { applyFn, Coef } from '../conditions/coef.js';
import type { Expr } from '../parse/expr.js';
import * as A from './approx.js';
import { type Ctx, EngineUnknown } from './context.js';
import { logSeries, expSeries, powIntSeries, powSeries, reciprocalSeries } from './elementary.js';
import * as S from './series.js';

/** The constant value of an exact expansion free of n, if it is one. */
export function constantOf(a: A.Approx, ctx: Ctx): Coef | null {
  if (!a.exact || a.lo.err) return null;
  // structural: every term has the shape of a constant (no sign questions needed)
  let c = Coef.of(0);
  for (const t of a.lo.terms) {
    if (t.ex !== null || !t.pw.every((p) => p.isZero())) {
      if (ctx.sign(t.c) !== 0) return null;
      continue;
    }
    c = c.add(t.c);
  }
  return c;
}

export function reciprocal(a: A.Approx, ctx: Ctx): A.Approx {
  if (a.exact && !a.absHi) return A.exact(reciprocalSeries(a.lo, ctx));
  const s = A.signOf(a, ctx);
  if (s === 1 || s === -1) return A.monotone(a, (x) => reciprocalSeries(x, ctx), false);
  const ab = A.absBounds(a, ctx);
  if (!S.lead(ab.lo, ctx)) throw new EngineUnknown('division by a quantity that may vanish');
  const hi = reciprocalSeries(ab.lo, ctx), lo = reciprocalSeries(ab.hi, ctx);
  return { lo: S.neg(hi), hi, exact: false, absLo: lo, absHi: hi };
}

export function logApprox(a: A.Approx, ctx: Ctx): A.Approx {
  const s = A.signOf(a, ctx);
  if (s !== 1) {
    if (a.exact) throw new EngineUnknown('log of a quantity that is not positive for large n', true);
    throw new EngineUnknown('log of a quantity whose sign is not determined for large n');
  }
  return A.monotone(a, (x) => logSeries(x, ctx), true);
}

export const expApprox = (a: A.Approx, ctx: Ctx): A.Approx => A.monotone(a, (x) => expSeries(x, ctx), true);

/** u^r for a constant r */
function constantPower(base: A.Approx, r: Coef, ctx: Ctx): A.Approx {
  const rf = r.asFraction();
  const k = rf !== null && rf.d === 1n && rf.n <= 8n ? Number(rf.s * rf.n) : null;
  if (k !== null && base.exact && !base.absHi) {
    if (k >= 0) return A.exact(powIntSeries(base.lo, k, ctx));
    return reciprocal(A.exact(powIntSeries(base.lo, -k, ctx)), ctx);
  }
  const s = A.signOf(base, ctx);
  if (s === 1) {
    const rs = ctx.sign(r);
    if (rs === 0) return A.exact(S.ONE);
    return A.monotone(base, (x) => powSeries(x, r, ctx), rs > 0);
  }
  if (s === 0) {
    if (ctx.sign(r) > 0) return A.exact(S.ZERO_SERIES);
    throw new EngineUnknown('0 raised to a non-positive power', true);
  }
  if (k === null) throw new EngineUnknown('non-integer power of a quantity that is not positive for large n', true);
  if (s === -1) {
    const p = constantPower(A.neg(base), r, ctx);
    return k % 2 === 0 ? p : A.neg(p);
  }
  // sign not determined: bound the magnitude
  if (k <= 0) throw new EngineUnknown('negative power of a quantity that may vanish');
  const ab = A.absBounds(base, ctx);
  const lo = powIntSeries(ab.lo, k, ctx), hi = powIntSeries(ab.hi, k, ctx);
  return k % 2 === 0 ? A.between(lo, hi) : { lo: S.neg(hi), hi, exact: false, absLo: lo, absHi: hi };
}

/** Integer polynomial view of an expression in n, for parity: null when not integer-valued. */
function integerPolynomial(e: Expr, variable: string): bigint[] | null {
  switch (e.kind) {
    case 'num': return e.value.d === 1n ? [e.value.s * e.value.n] : null;
    case 'var': return e.name === variable ? [0n, 1n] : null;
    case 'neg': { const p = integerPolynomial(e.arg, variable); return p && p.map((c) => -c); }
    case 'add': {
      let acc: bigint[] = [0n];
      for (const t of e.terms) {
        const p = integerPolynomial(t, variable);
        if (!p) return null;
        acc = Array.from({ length: Math.max(acc.length, p.length) }, (_, i) => (acc[i] ?? 0n) + (p[i] ?? 0n));
      }
      return acc;
    }
    case 'mul': {
      let acc: bigint[] = [1n];
      for (const f of e.factors) {
        const p = integerPolynomial(f, variable);
        if (!p || acc.length + p.length > 16) return null;
        const out = Array.from({ length: acc.length + p.length - 1 }, () => 0n);
        acc.forEach((a, i) => p.forEach((b, j) => { out[i + j]! += a * b; }));
        acc = out;
      }
      return acc;
    }
    default: return null;
  }
}

export function power(expExpr: Expr, base: A.Approx, expo: A.Approx, ctx: Ctx): A.Approx {
  const r = constantOf(expo, ctx);
  const c = constantOf(base, ctx);
  if (r !== null && c !== null && ctx.sign(c) > 0) return A.exact(S.constant(c.pow(r)));
  if (r !== null) return constantPower(base, r, ctx);
  if (c !== null) {
    const sc = ctx.sign(c);
    if (sc > 0) {
      if (c.isOne()) return A.exact(S.ONE);
      return expApprox(A.mul(A.exact(S.constant(logOf(c))), expo, ctx), ctx);
    }
    const poly = integerPolynomial(expExpr, ctx.variable);
    const cf = c.asFraction();
    if (sc < 0 && poly && cf) {
      // (−|c|)^u = (−1)^u · |c|^u for integer u
      const mag = cf.abs().equals(1) ? A.exact(S.ONE) : expApprox(A.mul(A.exact(S.constant(logOf(Coef.of(cf.abs())))), expo, ctx), ctx);
      if (poly.every((k) => k % 2n === 0n)) return mag;
      if (!mag.exact) throw new EngineUnknown('alternating power with an inexact magnitude');
      return { lo: S.neg(mag.lo), hi: mag.lo, exact: false, absLo: mag.lo, absHi: mag.lo };
    }
    if (sc === 0) throw new EngineUnknown('0 raised to a variable power');
    throw new EngineUnknown('power of a negative base with an exponent that is not an integer polynomial in the variable', true);
  }
  if (A.signOf(base, ctx) !== 1) throw new EngineUnknown('variable power of a base that is not positive for large n', true);
  return expApprox(A.mul(expo, logApprox(base, ctx), ctx), ctx);
}

const logOf = (c: Coef): Coef => applyFn('log', c);
