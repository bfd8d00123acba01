/**
 * Bounded and oscillating functions: sin, cos, tan, atan, tanh, sinh, cosh, floor,
 * ceil, sign, abs, min, max. Where the argument tends to a limit they are expanded;
 * where it grows, the bounded ones become intervals ([−1, 1] for sin) instead of being
 * guessed, and floor(u) = u − {u} becomes [u − 1, u].
 */
import Fraction from 'fraction.js';
import { applyFn, Coef, type AtomFn } from '../conditions/coef.js';
import * as A from './approx.js';
import { type Ctx, EngineUnknown } from './context.js';
import { expSeries, nMono, reciprocalSeries } from './elementary.js';
import { constantOf } from './powers.js';
import { ONE_MONO, constMono, scaleMono } from './scale.js';
import * as S from './series.js';
import { ATAN, compose, COS, SIN, type PowerSeries } from './taylor.js';

const UNIT = A.between(S.constant(Coef.of(-1)), S.constant(Coef.of(1)));

/** Split S = c + x with c its constant term and x → 0 (S must tend to a finite limit). */
function splitLimit(s: S.Series, ctx: Ctx): { c: Coef; x: S.Series } {
  const terms = S.prune(s, ctx).terms;
  let c = Coef.of(0);
  const small = [];
  for (const t of terms) {
    if (S.cmp(t, ONE_MONO, ctx) === 0) c = c.add(t.c); else small.push(t);
  }
  return { c, x: { terms: small, err: s.err } };
}

/** where an exact expansion goes: −1 (to 0), 0 (to a nonzero constant), 1 (to ±∞), null (unknown) */
const behaviour = (s: S.Series, ctx: Ctx): -1 | 0 | 1 | null => S.growthVs(s, ONE_MONO, ctx);

/** sin(α·n + β) with α rational and nonzero: does not tend to 0 (if it did, so would cos, as sin(u+α) = sin u·cos α + cos u·sin α). */
function isRationalLinear(s: S.Series, ctx: Ctx): boolean {
  if (s.err) return false;
  const terms = S.prune(s, ctx).terms;
  const nOne = nMono();
  const first = terms[0];
  if (!first || S.cmp(first, nOne, ctx) !== 0 || first.c.asFraction() === null) return false;
  return terms.slice(1).every((t) => S.cmp(t, ONE_MONO, ctx) === 0);
}

function sinCosSeries(fn: 'sin' | 'cos', s: S.Series, ctx: Ctx): S.Series {
  const { c, x } = splitLimit(s, ctx);
  // sin(c + x) = sin c·cos x + cos c·sin x ; cos(c + x) = cos c·cos x − sin c·sin x
  const cx = S.isExactZero(x) ? S.ONE : compose(COS, x, ctx);
  const sx = S.isExactZero(x) ? S.ZERO_SERIES : compose(SIN, x, ctx);
  const sc = applyFn('sin', c), cc = applyFn('cos', c);
  return fn === 'sin'
    ? S.add(S.scale(cx, sc), S.scale(sx, cc), ctx)
    : S.sub(S.scale(cx, cc), S.scale(sx, sc), ctx);
}

export function sinCos(fn: 'sin' | 'cos', a: A.Approx, ctx: Ctx): A.Approx {
  if (a.exact) {
    const b = behaviour(a.lo, ctx);
    if (b !== null && b <= 0) return A.exact(sinCosSeries(fn, a.lo, ctx));
    if (b === 1 && isRationalLinear(a.lo, ctx)) return { ...UNIT, nonvanishing: true };
  }
  return UNIT;
}

export function tan(a: A.Approx, ctx: Ctx): A.Approx {
  if (!a.exact || (behaviour(a.lo, ctx) ?? 1) > 0) throw new EngineUnknown('tan of a growing argument is unbounded both ways');
  const { c } = splitLimit(a.lo, ctx);
  if (ctx.sign(applyFn('cos', c)) === 0) throw new EngineUnknown('tan at a pole');
  return A.exact(S.mul(sinCosSeries('sin', a.lo, ctx), reciprocalSeries(sinCosSeries('cos', a.lo, ctx), ctx), ctx));
}

/** f(c + x) ≈ f(c) + O(x) for a limit c ≠ 0: enough for the decisions, which read leading terms. */
function aroundConstant(fn: AtomFn, s: S.Series, ctx: Ctx): S.Series {
  const { c, x } = splitLimit(s, ctx);
  const bound = S.lead(x, ctx)?.mono ?? x.err;
  return { terms: [constMono(applyFn(fn, c))].filter((m) => !m.c.isZero()), err: bound ? { ...bound, c: Coef.of(1) } : null };
}

function atanSeries(s: S.Series, ctx: Ctx): S.Series {
  const b = behaviour(s, ctx);
  if (b === null) throw new EngineUnknown('atan of an argument with undetermined behaviour');
  if (b < 0) return compose(ATAN, s, ctx);
  if (b === 0) return aroundConstant('atan', s, ctx);
  // atan u = ±π/2 − atan(1/u)
  const sign = S.eventualSign(s, ctx)!;
  const halfPi = Coef.atom({ kind: 'const', name: 'pi' }).scale(new Fraction(sign, 2));
  return S.sub(S.constant(halfPi), compose(ATAN, reciprocalSeries(s, ctx), ctx), ctx);
}

const TANH: PowerSeries = (k) => Coef.of(({ 1: '1', 3: '-1/3', 5: '2/15', 7: '-17/315' } as Record<number, string>)[k] ?? '0');

function tanhSeries(s: S.Series, ctx: Ctx): S.Series {
  const b = behaviour(s, ctx);
  if (b === null) throw new EngineUnknown('tanh of an argument with undetermined behaviour');
  if (b < 0) return compose(TANH, s, ctx, 7);
  if (b === 0) return aroundConstant('tanh', s, ctx);
  // tanh u = ±(1 − 2/(e^{2|u|} + 1)) = ±1 + O(e^{−2|u|})
  const sign = S.eventualSign(s, ctx)!;
  const decay = expSeries(S.scale(s, Coef.of(-2 * sign)), ctx);
  return { terms: [constMono(Coef.of(sign))], err: { ...decay.terms[0]!, c: Coef.of(1) } };
}

function sinhCoshSeries(fn: 'sinh' | 'cosh', s: S.Series, ctx: Ctx): S.Series {
  const half = new Fraction(1, 2);
  const ep = expSeries(s, ctx), em = expSeries(S.neg(s), ctx);
  return S.scale(fn === 'sinh' ? S.sub(ep, em, ctx) : S.add(ep, em, ctx), Coef.of(half));
}

export function monotoneFn(fn: 'atan' | 'tanh' | 'sinh', a: A.Approx, ctx: Ctx): A.Approx {
  const f = fn === 'atan' ? atanSeries : fn === 'tanh' ? tanhSeries : (s: S.Series, c: Ctx) => sinhCoshSeries('sinh', s, c);
  return A.monotone(a, (s) => f(s, ctx), true);
}

export function cosh(a: A.Approx, ctx: Ctx): A.Approx {
  if (a.exact) return A.exact(sinhCoshSeries('cosh', a.lo, ctx));
  const s = A.signOf(a, ctx);
  if (s === 1) return A.monotone(a, (x) => sinhCoshSeries('cosh', x, ctx), true);
  if (s === -1) return A.monotone(a, (x) => sinhCoshSeries('cosh', x, ctx), false);
  throw new EngineUnknown('cosh of an interval around 0');
}

export function floorCeil(fn: 'floor' | 'ceil', a: A.Approx, ctx: Ctx): A.Approx {
  const c = constantOf(a, ctx);
  if (c !== null && c.asFraction() !== null) return A.exact(S.constant(applyFn(fn, c)));
  const one = S.constant(Coef.of(1));
  // floor(u) ∈ [u − 1, u], ceil(u) ∈ [u, u + 1]
  return fn === 'floor' ? A.between(S.sub(a.lo, one, ctx), a.hi) : A.between(a.lo, S.add(a.hi, one, ctx));
}

export function sign(a: A.Approx, ctx: Ctx): A.Approx {
  const s = A.signOf(a, ctx);
  return s === null ? UNIT : A.exact(S.constant(Coef.of(s)));
}

export function abs(a: A.Approx, ctx: Ctx): A.Approx {
  const s = A.signOf(a, ctx);
  if (s === 1 || s === 0) return a;
  if (s === -1) return A.neg(a);
  const b = A.absBounds(a, ctx);
  return b.lo === b.hi ? A.exact(b.lo) : A.between(b.lo, b.hi);
}

export function minMax(fn: 'min' | 'max', args: A.Approx[], ctx: Ctx): A.Approx {
  return args.reduce((x, y) => {
    const d = A.add(y, A.neg(x), ctx);
    const s = A.signOf(d, ctx);
    if (s === null) throw new EngineUnknown(`cannot decide which argument of ${fn} is larger for large n`);
    return (s >= 0) === (fn === 'max') ? y : x;
  });
}
