/**
 * Symbolic TRF formulas for parametric input (no --at): the closed forms of the
 * recognised families with the parameters left as symbols, and the conditions
 * under which they hold. Numbers need concrete parameters (--at).
 */
import type { Expr } from '../parse/expr.js';
import { toTex } from '../parse/print.js';
import { recognize, simplifyConstant } from './recognize.js';

export interface SymbolicForm {
  readonly family: string;
  readonly latex: string;
  /** conditions (plain text) under which the formula is the TRF */
  readonly conditions: string;
}

const tex = (e: Expr): string => toTex(simplifyConstant(e));

export function symbolicForm(p: Expr, variable: string): SymbolicForm | null {
  const f = recognize(p, variable, true);
  switch (f.kind) {
    case 'geometric':
      return {
        family: 'geometric (ALiBi)',
        latex: `\\mathrm{TRF}_\\varepsilon = \\left\\lceil \\frac{\\ln(1/\\varepsilon)}{m} \\right\\rceil - 1,\\quad m = ${tex(f.m)}`,
        conditions: `${tex(f.m) === 'm' ? 'm' : `m = ${tex(f.m)}`} > 0 (from n = 0; with --from N add N)`,
      };
    case 'log-linear':
      return {
        family: 'log-linear (KERPLE log, Hurwitz zeta)',
        latex: `S = e^{c}\\,r^{-s}\\,\\zeta\\!\\left(s, \\tfrac{b}{r}\\right),\\quad ` +
          `\\mathrm{TRF}_\\varepsilon = \\min\\left\\{w : \\zeta\\!\\left(s, w + 1 + \\tfrac{b}{r}\\right) \\le \\varepsilon\\,\\zeta\\!\\left(s, \\tfrac{b}{r}\\right)\\right\\} ` +
          `\\approx \\left(\\varepsilon (s-1)\\,\\zeta\\!\\left(s, \\tfrac{b}{r}\\right)\\right)^{-1/(s-1)} - \\tfrac{b}{r} - \\tfrac12,\\quad ` +
          `s = ${tex(f.s)},\\ b = ${tex(f.b)},\\ r = ${tex(f.r)},\\ c = ${tex(f.c)}`,
        conditions: `s = ${tex(f.s)} > 1 and r = ${tex(f.r)} > 0, b > 0 (s ≤ 1 diverges: no TRF)`,
      };
    case 'stretched-exponential':
      return {
        family: 'stretched exponential (KERPLE power, incomplete gamma)',
        latex: `\\sum_{n>w} e^{p(n)} \\approx \\frac{e^{c}}{a\\,r\\,k^{1/a}}\\,\\Gamma\\!\\left(\\tfrac1a,\\ k\\,\\big(b+r(w+\\tfrac12)\\big)^{a}\\right),\\quad ` +
          `\\mathrm{TRF}_\\varepsilon \\approx \\frac{1}{r}\\left(\\frac{Q^{-1}\\!\\left(\\tfrac1a, \\varepsilon\\right)}{k}\\right)^{1/a} - \\frac{b}{r} - \\frac12\\ (b = 0),\\quad ` +
          `k = ${tex(f.k)},\\ a = ${tex(f.a)},\\ b = ${tex(f.b)},\\ r = ${tex(f.r)}`,
        conditions: `k > 0, a > 0, r > 0; Q is the regularized upper incomplete gamma function (a continuous approximation)`,
      };
    default:
      return null;
  }
}
