/**
 * Symbolic TRF formulas for parametric input (no --at): the closed forms of the
 * recognised families with the parameters left as symbols, and the conditions
 * under which they hold. Numbers need concrete parameters (--at).
 */
import { call, div, type Expr, mul, neg, pow } from '../parse/expr.js';
import { toAscii, toTex } from '../parse/print.js';
import { type LogLinear, recognize, simplifyConstant } from './recognize.js';

export interface SymbolicForm {
  readonly family: string;
  readonly latex: string;
  /** conditions (plain text) under which the formula is the TRF */
  readonly conditions: string;
}

const tex = (e: Expr): string => toTex(simplifyConstant(e));
/** the same in the plain text of `conditions` */
const text = (e: Expr): string => toAscii(simplifyConstant(e));

const isNum = (e: Expr, v: number): boolean => {
  const x = simplifyConstant(e);
  return x.kind === 'num' && x.value.equals(v);
};

/** S with the family's constants put in: e^c·r^(−s)·ζ(s, b/r), factors equal to 1 left out. */
function logLinearSum(f: LogLinear): string {
  const factors: Expr[] = [];
  if (!isNum(f.c, 0)) factors.push(call('exp', f.c));
  if (!isNum(f.r, 1)) factors.push(pow(f.r, neg(f.s)));
  const factor = factors.length === 0 ? '' : `${tex(factors.length === 1 ? factors[0]! : mul(...factors))}\\,`;
  return `${factor}\\zeta\\!\\left(${tex(f.s)}, ${tex(div(f.b, f.r))}\\right)`;
}

export function symbolicForm(p: Expr, variable: string): SymbolicForm | null {
  const f = recognize(p, variable, true);
  switch (f.kind) {
    case 'geometric':
      return {
        family: 'geometric (ALiBi)',
        latex: `\\mathrm{TRF}_\\varepsilon = \\left\\lceil \\frac{\\ln(1/\\varepsilon)}{m} \\right\\rceil - 1,\\quad m = ${tex(f.m)}`,
        conditions: `${text(f.m) === 'm' ? 'm' : `m = ${text(f.m)}`} > 0 (from n = 0; with --from N add N)`,
      };
    case 'log-linear':
      return {
        family: 'log-linear (KERPLE log, Hurwitz zeta)',
        latex: `S = e^{c}\\,r^{-s}\\,\\zeta\\!\\left(s, \\tfrac{b}{r}\\right) = ${logLinearSum(f)},\\quad ` +
          `\\mathrm{TRF}_\\varepsilon = \\min\\left\\{w : \\zeta\\!\\left(s, w + 1 + \\tfrac{b}{r}\\right) \\le \\varepsilon\\,\\zeta\\!\\left(s, \\tfrac{b}{r}\\right)\\right\\} ` +
          `\\approx \\left(\\varepsilon (s-1)\\,\\zeta\\!\\left(s, \\tfrac{b}{r}\\right)\\right)^{-1/(s-1)} - \\tfrac{b}{r} - \\tfrac12,\\quad ` +
          `s = ${tex(f.s)},\\ b = ${tex(f.b)},\\ r = ${tex(f.r)},\\ c = ${tex(f.c)}`,
        conditions: `s = ${text(f.s)} > 1 and r = ${text(f.r)} > 0, b > 0 (s ≤ 1 diverges: no TRF)`,
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
