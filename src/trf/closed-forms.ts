/**
 * Closed forms for the families of ./recognize.ts.
 *
 * Owns:
 *  - geometric (ALiBi), p(n) = c − m·n: S = e^{p(from)}/(1 − e^{−m}) and
 *    tail(w) = e^{−m(w+1−from)}·S exactly, so tail(w) ≤ ε·S ⇔ w + 1 − from ≥ ln(1/ε)/m and
 *        TRF_ε = from + ⌈ln(1/ε)/m⌉ − 1      (for 0 < ε < 1),
 *    evaluated with 40-digit directed rounding so the ceiling is certified;
 *  - log-linear (KERPLE log, p-series), p(n) = c − s·log(b + r·n), s > 1:
 *        S = e^c r^{−s} ζ(s, from + b/r),  tail(w) = e^c r^{−s} ζ(s, w + 1 + b/r),
 *    with the certified Hurwitz zeta, and the asymptotic formula
 *        TRF_ε ≈ (ε (s−1) ζ(s, from + b/r))^{−1/(s−1)} − b/r − 1/2;
 *  - stretched exponential (KERPLE power), p(n) = c − k·(b + r·n)^a: the integral
 *    tail through the upper incomplete gamma function, as a formula and an
 *    (uncertified, labelled) estimate.
 */
import { evalConstantDecimal } from '../numeric/decimal-constant.js';
import * as DIns from '../numeric/decimal-interval.js';
import type { DInterval } from '../numeric/decimal-interval.js';
import { hurwitzZeta } from '../numeric/hurwitz-zeta.js';
import { inverseQ, logQ } from '../numeric/incomplete-gamma.js';
import * as Ins from '../numeric/interval.js';
import type { Interval } from '../numeric/interval.js';
import type { Expr } from '../parse/expr.js';
import { constValue, type Geometric, type LogLinear, type Stretched } from './recognize.js';

// plain-object copies: cheap property access on hot paths (no module-namespace getters)
const DI = { ...DIns };
const I = { ...Ins };

/** A short decimal for LaTeX display (10 significant digits). */
export function fmtNum(x: Interval | number): string {
  const v = typeof x === 'number' ? x : x.lo === x.hi ? x.lo : x.lo / 2 + x.hi / 2;
  const s = Number(v.toPrecision(10)).toString();
  return s.includes('e') ? s.replace(/e\+?(-?\d+)/, '\\cdot 10^{$1}') : s;
}

function decimalOf(e: Expr): DInterval {
  try {
    return evalConstantDecimal(e);
  } catch {
    return DI.fromInterval(constValue(e));
  }
}

export interface GeometricResult {
  readonly lo: bigint;
  readonly hi: bigint;
  readonly S: DInterval;
  readonly latex: string;
}

export function geometricTrf(g: Geometric, from: bigint, eps: DInterval): GeometricResult {
  const m = decimalOf(g.m);
  const c = decimalOf(g.c);
  // q = ln(1/ε)/m
  const q = DI.div(DI.ln(DI.div(DI.point(1), eps)), m);
  const ceilLo = BigInt(q.lo.ceil().toFixed(0));
  const ceilHi = BigInt(q.hi.ceil().toFixed(0));
  const clamp = (k: bigint): bigint => (k < 1n ? 0n : k - 1n);
  const pFrom = DI.sub(c, DI.mul(m, DI.fromBigInt(from)));
  const S = DI.div(DI.exp(pFrom), DI.sub(DI.point(1), DI.exp(DI.neg(m))));
  const mText = fmtNum(DI.toInterval(m));
  const shift = from === 0n ? '' : `${from} + `;
  return {
    lo: from + clamp(ceilLo),
    hi: from + clamp(ceilHi),
    S,
    latex: `\\mathrm{TRF}_\\varepsilon = ${shift}\\left\\lceil \\frac{\\ln(1/\\varepsilon)}{m} \\right\\rceil - 1,\\quad S = \\frac{e^{p(${from})}}{1 - e^{-m}},\\quad m = ${mText}`,
  };
}

/** an enclosure of ln(a + α) for an integer a ≥ 1 of any size and a shift |α| < 10^(digits − 17) */
export function lnBigInt(a: bigint, alpha: Interval): Interval {
  const digits = a.toString();
  if (digits.length <= 17) return I.log(I.add(I.fromBigInt(a), alpha));
  const k = digits.length - 17;
  // m·10^k ≤ a < (m + 1)·10^k with m the first 17 digits (m ≥ 10^16); |α| < 10^k gives
  // (m − 1)·10^k < a + α < (m + 2)·10^k
  const bound = k >= 300 ? Infinity : Math.pow(10, k);
  if (!(Math.max(Math.abs(alpha.lo), Math.abs(alpha.hi)) < Math.min(bound, 1e300))) throw new RangeError('shift too large for the log-scale tail');
  const m = BigInt(digits.slice(0, 17));
  const lo = I.log(I.fromBigInt(m - 1n)).lo;
  const hi = I.log(I.fromBigInt(m + 2n)).hi;
  const kLn10 = I.mul(I.exact(k), I.log(I.exact(10)));
  return { lo: I.add(I.exact(lo), kLn10).lo, hi: I.add(I.exact(hi), kLn10).hi };
}

export interface LogLinearModel {
  readonly s: Interval;
  /** α = b/r */
  readonly alpha: Interval;
  /** e^c r^{−s} */
  readonly factor: Interval;
  readonly S: Interval;
  /** Σ_{n≥a} f(n) */
  tail(a: bigint): Interval;
  /** ln Σ_{n≥a} f(n) for a of any size (integral-test bounds) */
  logTail(a: bigint): Interval;
  /** the asymptotic TRF formula, evaluated (uncertified) */
  estimate(eps: number): number;
  /** log10 of the same estimate (finite where the estimate overflows doubles) */
  log10Estimate(eps: number): number;
  readonly latex: string;
}

/** null when s ≤ 1 is possible (divergent or undecided) or the first term is undefined */
export function logLinearModel(f: LogLinear, from: bigint): LogLinearModel | null {
  const s = constValue(f.s);
  const b = constValue(f.b);
  const r = constValue(f.r);
  const c = constValue(f.c);
  if (!(s.lo > 1) || !(r.lo > 0)) return null;
  const alpha = I.div(b, r);
  const start = I.add(alpha, I.fromBigInt(from));
  if (!(start.lo > 0)) return null;
  const factor = I.mul(I.exp(c), I.pow(r, I.neg(s)));
  const zeta = (x: Interval): Interval => hurwitzZeta(s, x);
  const S = I.mul(factor, zeta(start));
  const tail = (a: bigint): Interval => I.mul(factor, zeta(I.add(alpha, I.fromBigInt(a))));
  // any size, on the log scale (doubles hold ln a for a up to 10^(10^300)): from the integral test
  //   x^{1−s}/(s−1) ≤ ζ(s, x) ≤ x^{1−s}/(s−1) + x^{−s}   (t ↦ t^{−s} decreasing, x > 0, s > 1),
  // ln ζ(s, x) ∈ (1−s)·ln x − ln(s−1) + [0, ln(1 + (s−1)/x)] and ln(1 + y) ≤ y
  const sM1 = I.sub(s, I.ONE);
  const lnFactor = I.log(factor);
  const logTail = (a: bigint): Interval => {
    const lnx = lnBigInt(a, alpha);
    const main = I.add(I.sub(I.mul(I.neg(sM1), lnx), I.log(sM1)), lnFactor);
    const y = I.exp(I.sub(I.log(sM1), lnx));
    return { lo: main.lo, hi: I.add(main, { lo: 0, hi: y.hi }).hi };
  };
  const sMid = I.mid(s);
  const z0 = I.mid(zeta(start));
  const estimate = (eps: number): number => Math.pow(eps * (sMid - 1) * z0, -1 / (sMid - 1)) - I.mid(alpha) - 0.5;
  const log10Estimate = (eps: number): number => -Math.log10(eps * (sMid - 1) * z0) / (sMid - 1);
  const [sT, aT, rT] = [fmtNum(s), fmtNum(alpha), fmtNum(r)];
  const base = from === 0n ? `${aT}` : `${from} + ${aT}`;
  const latex =
    `S = e^{c}\\,r^{-s}\\,\\zeta\\!\\left(s,\\ ${from === 0n ? '' : 'n_0 + '}\\tfrac{b}{r}\\right) = ${fmtNum(factor)}\\cdot\\zeta(${sT},\\ ${base}),\\quad ` +
    `\\mathrm{TRF}_\\varepsilon = \\min\\left\\{w : \\zeta(s,\\ w+1+\\tfrac{b}{r}) \\le \\varepsilon\\,\\zeta(s,\\ ${from === 0n ? '' : 'n_0 + '}\\tfrac{b}{r})\\right\\} ` +
    `\\approx \\left(\\varepsilon\\,(s-1)\\,\\zeta(s, ${from === 0n ? '' : 'n_0 + '}\\tfrac{b}{r})\\right)^{-1/(s-1)} - \\tfrac{b}{r} - \\tfrac12,\\quad s = ${sT},\\ b/r = ${aT},\\ r = ${rT}`;
  return { s, alpha, factor, S, tail, logTail, estimate, log10Estimate, latex };
}

export interface StretchedForm {
  readonly latex: string;
  /** the continuous approximation of the TRF (uncertified), or NaN */
  estimate(eps: number): number;
}

export function stretchedForm(f: Stretched, from: bigint): StretchedForm {
  const k = I.mid(constValue(f.k));
  const a = I.mid(constValue(f.a));
  const b = I.mid(constValue(f.b));
  const r = I.mid(constValue(f.r));
  const n0 = Number(from);
  // tail(w) ≈ ∫_{w+1/2}^∞ e^{c − k (b + r x)^a} dx = e^c/(a r k^{1/a}) Γ(1/a, k (b + r(w+1/2))^a)
  const y0 = Math.max(0, b + r * (n0 - 0.5));
  const estimate = (eps: number): number => {
    try {
      // Γ(1/a, k y^a) = ε Γ(1/a, k y0^a)
      const logTarget = Math.log(eps) + logQ(1 / a, k * Math.pow(y0, a));
      const x = inverseQ(1 / a, Math.exp(logTarget));
      const y = Math.pow(x / k, 1 / a);
      return (y - b) / r - 0.5;
    } catch {
      return Number.NaN;
    }
  };
  const latex =
    `\\sum_{n>w} e^{p(n)} \\approx \\frac{e^{c}}{a\\,r\\,k^{1/a}}\\,\\Gamma\\!\\left(\\tfrac1a,\\ k\\,\\big(b+r(w+\\tfrac12)\\big)^{a}\\right),\\quad ` +
    `\\mathrm{TRF}_\\varepsilon \\approx \\frac{1}{r}\\left(\\frac{Q^{-1}\\!\\left(\\tfrac1a,\\ \\varepsilon\\,Q(\\tfrac1a, k\\,y_0^{a})\\right)}{k}\\right)^{1/a} - \\frac{b}{r} - \\frac12,\\quad ` +
    `y_0 = b + r(n_0 - \\tfrac12)^{+},\\ k = ${fmtNum(k)},\\ a = ${fmtNum(a)},\\ b = ${fmtNum(b)},\\ r = ${fmtNum(r)}`;
  return { latex, estimate };
}
