/**
 * Γ and factorials in the bias, through Stirling's series with its explicit error bound.
 *
 * Owns: two elementary biases p_lo ≤ p ≤ p_hi (for every n ≥ from) obtained by replacing
 * each log Γ(A) (and log A! = log Γ(A + 1)) by
 *   log Γ(A) = log Γ(A + K) − Σ_{j<K} log(A + j),
 *   log Γ(y) = y·(log y − 1) − ½·log y + ½·log 2π + Σ_{k=1}^{6} B_2k / (2k(2k−1)·y^{2k−1}) + R,
 *   |R| ≤ |B_14| / (14·13·y^13) = 1/(156·y^13)       (y > 0 real; DLMF 5.11.1–5.11.2),
 * with the shift K chosen so that A + K ≥ 9 on the whole range (|R| ≤ 2.5e-15 there),
 * and R replaced by ∓1/(156·y^13) on the side that lowers (raises) p. The log Γ(A) must
 * enter p linearly with a constant coefficient of known sign (sums, negation, products
 * with numbers); anything else containing Γ is reported as unsupported. The terms then
 * satisfy e^{p_lo(n)} ≤ e^{p(n)} ≤ e^{p_hi(n)}, so every sum and tail of p lies between
 * those of p_lo and p_hi, both computable by the elementary engine.
 */
import Fraction from 'fraction.js';
import * as E from '../parse/expr.js';
import type { Expr } from '../parse/expr.js';
import { evalInterval } from '../numeric/expr-interval.js';

/** B_2k/(2k(2k−1)) for k = 1..6 */
const STIRLING: readonly Fraction[] = [
  new Fraction(1, 12), new Fraction(-1, 360), new Fraction(1, 1260), new Fraction(-1, 1680),
  new Fraction(1, 1188), new Fraction(-691, 360360),
];
const REMAINDER = new Fraction(1, 156);

export class GammaUnsupported extends Error {}

export function containsGamma(e: Expr): boolean {
  switch (e.kind) {
    case 'call': return e.fn === 'gamma' || e.fn === 'factorial' || e.args.some(containsGamma);
    case 'add': return e.terms.some(containsGamma);
    case 'mul': return e.factors.some(containsGamma);
    case 'neg': return containsGamma(e.arg);
    case 'div': return containsGamma(e.num) || containsGamma(e.den);
    case 'pow': return containsGamma(e.base) || containsGamma(e.exp);
    case 'cond': return containsGamma(e.test) || containsGamma(e.then) || containsGamma(e.else);
    case 'cmp': return containsGamma(e.left) || containsGamma(e.right);
    case 'logic': return e.args.some(containsGamma);
    case 'sum': return containsGamma(e.body);
    default: return false;
  }
}

/** Stirling's log Γ(A) with the shift and the remainder on side `dir` (+1 raises, −1 lowers) */
function stirling(A: Expr, dir: 1 | -1, variable: string, from: number): Expr {
  let lowest: number;
  try {
    lowest = evalInterval(A, { variable, x: { lo: from, hi: Infinity } }).lo;
  } catch {
    throw new GammaUnsupported('the argument of Γ is not certifiably positive on the range');
  }
  if (!(lowest > 0)) throw new GammaUnsupported('the argument of Γ is not certifiably positive on the range');
  const K = Math.max(0, Math.ceil(9 - lowest));
  if (K > 64) throw new GammaUnsupported('the argument of Γ is too small for the shifted Stirling series');
  const y = K === 0 ? A : E.add(A, E.num(K));
  // (y − ½)·log y − y written as y·(log y − 1) − ½·log y: one product of positive factors,
  // whose elasticity interval arithmetic bounds over [M, ∞) (the difference of two
  // unbounded terms it cannot)
  const terms: Expr[] = [
    E.mul(y, E.add(E.call('log', y), E.num(-1))),
    E.mul(E.num(new Fraction(-1, 2)), E.call('log', y)),
    E.mul(E.num(new Fraction(1, 2)), E.call('log', E.mul(E.num(2), { kind: 'const', name: 'pi' }))),
  ];
  STIRLING.forEach((c, i) => terms.push(E.mul(E.num(c), E.pow(y, E.num(-(2 * i + 1))))));
  terms.push(E.mul(E.num(REMAINDER.mul(dir)), E.pow(y, E.num(-13))));
  for (let j = 0; j < K; j++) terms.push(E.neg(E.call('log', j === 0 ? A : E.add(A, E.num(j)))));
  return E.add(...terms);
}

/** p with every log Γ replaced on side dir; throws GammaUnsupported where Γ enters otherwise */
function side(e: Expr, dir: 1 | -1, variable: string, from: number): Expr {
  if (!containsGamma(e)) return e;
  switch (e.kind) {
    case 'add': return E.add(...e.terms.map((t) => side(t, dir, variable, from)));
    case 'neg': return E.neg(side(e.arg, dir === 1 ? -1 : 1, variable, from));
    case 'mul': {
      const withG = e.factors.filter(containsGamma);
      const nums = e.factors.filter((f) => !containsGamma(f));
      if (withG.length !== 1 || !nums.every((f) => f.kind === 'num')) throw new GammaUnsupported('Γ enters the bias non-linearly');
      const c = nums.reduce((acc, f) => acc.mul((f as Extract<Expr, { kind: 'num' }>).value), new Fraction(1));
      const s = c.compare(0);
      if (s === 0) return E.num(0);
      return E.mul(...nums, side(withG[0]!, s > 0 ? dir : dir === 1 ? -1 : 1, variable, from));
    }
    case 'call':
      if (e.fn === 'log' && e.args.length === 1) {
        const a = e.args[0]!;
        if (a.kind === 'call' && (a.fn === 'gamma' || a.fn === 'factorial') && !containsGamma(a.args[0]!)) {
          const A = a.fn === 'gamma' ? a.args[0]! : E.add(a.args[0]!, E.num(1));
          return stirling(A, dir, variable, from);
        }
      }
      throw new GammaUnsupported(`Γ inside ${e.fn}() other than log Γ`);
    default:
      throw new GammaUnsupported('Γ enters the bias other than through log Γ');
  }
}

/** [p_lo, p_hi] with e^{p_lo} ≤ e^{p} ≤ e^{p_hi} termwise, free of Γ */
export function gammaSandwich(p: Expr, variable: string, from: number): { lo: Expr; hi: Expr } {
  return { lo: side(p, -1, variable, from), hi: side(p, 1, variable, from) };
}
