/**
 * The TRF law: the leading-order asymptotics of TRF_ε as ε → 0, as an expression in
 * eps, the parameters and S (the full sum), read off the asymptotic expansion of p(n)
 * that the decider computes (src/asymptotics).
 *
 * Owns: the regimes and their formulas. With Λ = ln(1/ε), e^{C} the constant factor of
 * e^{p} and the tail approximated by its integral:
 *   p = C − c·n^a (+ o(1)), a > 0      tail(w) ≈ e^{C − c w^a}/(a c w^{a−1}), so
 *        TRF ≈ ((Λ − (1 − 1/a)·ln(Λ/c) − ln(a·c·S·e^{−C}))/c)^{1/a}  (a = 1: geometric)
 *   p = C − s·log n + O(1/n), s > 1    tail(w) ≈ e^{C} w^{1−s}/(s−1), so
 *        TRF ≈ (e^{C}/((s−1)·ε·S))^{1/(s−1)}, relative error O(ε^{1/(s−1)})
 *   p = C − log n − b·log log n (+ o(1)), b > 1   (Bertrand, level 1)
 *        TRF ≈ exp((e^{C}/((b−1)·ε·S))^{1/(b−1)}), and one more exp per log level.
 * The expansion is computed in a small rational box around the given parameter point,
 * so the coefficients stay symbolic (−m, not −3/2) while their signs are decided.
 * The law is an approximation and says so (regime, error); certified numbers come
 * from the bracket, never from here.
 */
import Fraction from 'fraction.js';
import { Coef } from '../conditions/coef.js';
import { Region } from '../conditions/region.js';
import { expand } from '../asymptotics/expand.js';
import { Ctx } from '../asymptotics/context.js';
import type { Mono } from '../asymptotics/scale.js';
import type { Expr } from '../parse/expr.js';
import { parseExpression } from '../parse/parse.js';
import { toTex } from '../parse/print.js';
import { substituteParameters } from '../parse/substitute.js';
import * as E from '../parse/expr.js';
import { evalInterval } from '../numeric/expr-interval.js';

export interface TrfLaw {
  /** mathjs expression in eps, the parameters and S (the full sum Σ e^{p(n)}) */
  readonly expression: string;
  readonly latex: string;
  /** the same law for the terminal */
  readonly unicode: string;
  readonly regime: string;
  /** the order of the error of the law as ε → 0 */
  readonly error: string;
  /** the error order as a mathjs expression in eps (relative error ≤ const·this as ε → 0), when known */
  readonly errorOrder: string | null;
  /** the law evaluated at this result's ε, parameters and certified S (an approximation) */
  readonly value: number | null;
}

const shape = (m: Mono): string => m.pw.map((p) => p.toString()).join(',') + (m.ex ? ',exp' : '');
const isShape = (m: Mono | undefined, pw: readonly number[]): boolean =>
  m !== undefined && m.ex === null && m.pw.every((p, i) => { const f = p.asFraction(); return f !== null && f.equals(pw[i] ?? 0); });
const str = (c: Coef): string => {
  const t = c.toString();
  return /^([A-Za-z_][A-Za-z0-9_]*|\d+(\.\d+)?)$/.test(t) ? t : `(${t})`;
};
/** e^C as a factor ('' when C = 0) and as a divisor term */
const expC = (C: string): string => (C === '0' ? '1' : `exp(${C})`);

/** the constant term C of the expansion and whether every later term tends to 0 like a negative power of n */
function constantTerm(terms: readonly Mono[], from: number): { C: string; next: Mono | undefined } | null {
  const rest = terms.slice(from);
  const first = rest[0];
  if (first === undefined) return { C: '0', next: undefined };
  if (isShape(first, [0, 0, 0, 0, 0])) return { C: str(first.c), next: rest[1] };
  // the next term already tends to 0: C = 0
  if (first.ex === null && first.pw.every((p) => p.asFraction() !== null) && (first.pw[0]!.asFraction()!.compare(0) < 0)) return { C: '0', next: first };
  return null;
}

const decays = (m: Mono | undefined): boolean => m === undefined || (m.ex === null && (m.pw[0]!.asFraction()?.compare(0) ?? 0) < 0);

function uni(expr: string): string {
  return expr.replace(/\beps\b/g, 'ε').replace(/\blog\(/g, 'ln(').replace(/\s*\*\s*/g, '·');
}

function finish(expression: string, regime: string, error: string, errorOrder: string | null, values: Readonly<Record<string, Fraction>>, eps: number, S: number | null): TrfLaw {
  let latex = expression;
  let value: number | null = null;
  try {
    const parsed = parseExpression(expression, { variable: 'eps' });
    latex = toTex(parsed.expr).replace(/\\mathrm\{eps\}/g, '\\varepsilon').replace(/\beps\b/g, '\\varepsilon');
    if (S !== null && Number.isFinite(S) && S > 0) {
      const sub: Record<string, Expr> = { S: E.num(new Fraction(S)) };
      for (const [k, v] of Object.entries(values)) sub[k] = E.num(v);
      const concrete = substituteParameters(parsed.expr, sub);
      const v = evalInterval(concrete, { variable: 'eps', x: { lo: eps, hi: eps } });
      const mid = v.lo / 2 + v.hi / 2;
      value = Number.isFinite(mid) ? mid : null;
    }
  } catch {
    value = null;
  }
  return { expression, latex: `\\mathrm{TRF}_\\varepsilon \\approx ${latex}`, unicode: `TRF_ε ≈ ${uni(expression)}`, regime, error, errorOrder, value };
}

/**
 * The law for p at a parameter point (values exact), ε and the certified S (for `value`);
 * null when the expansion does not fall in a known regime.
 */
export function trfLaw(p: Expr, variable: string, values: Readonly<Record<string, Fraction>>, eps: number, S: number | null): TrfLaw | null {
  let region = new Region();
  for (const [name, v] of Object.entries(values)) {
    // a small box around the point: the coefficients stay symbolic, their signs decidable
    const d = v.abs().mul(new Fraction(1, 1000000)).add(new Fraction(1, 10 ** 9));
    region = region.withInterval(name, { lo: v.sub(d), hi: v.add(d), loOpen: false, hiOpen: false });
  }
  let terms: readonly Mono[];
  try {
    const a = expand(p, new Ctx(region, variable));
    if (!a.exact && shape(a.lo.terms[0]!) !== shape(a.hi.terms[0]!)) return null;
    terms = a.lo.terms;
  } catch {
    return null;
  }
  const t1 = terms[0];
  if (!t1 || t1.ex !== null) return null;
  const pw = t1.pw.map((x) => x.asFraction());
  const neg = (c: Coef): Coef => c.mul(Coef.of(-1));
  const fin = (e: string, r: string, err: string, order: string | null): TrfLaw => finish(e, r, err, order, values, eps, S);
  // p ~ −c·n^a (a > 0): geometric / stretched exponential
  const a0 = t1.pw[0]!;
  const aFrac = pw[0];
  const onlyPower = pw.slice(1).every((x) => x !== null && x.equals(0));
  if (onlyPower && (aFrac === null || aFrac.compare(0) > 0) && t1.c.asFraction()?.compare(0) !== 1) {
    const c = str(neg(t1.c));
    const a = str(a0);
    const ct = constantTerm(terms, 1);
    const C = ct?.C ?? '0';
    const corrected = ct !== null && decays(ct.next);
    const isGeometric = aFrac !== null && aFrac.equals(1);
    const expression = isGeometric
      ? `(log(1/eps) - log(${c}*S${C === '0' ? '' : `*exp(-${C})`}))/${c}`
      : `((log(1/eps) - (1 - 1/${a})*log(log(1/eps)/${c}) - log(${a}*${c}*S${C === '0' ? '' : `*exp(-${C})`}))/${c})^(1/${a})`;
    if (!corrected) {
      return fin(`(log(1/eps)/${c})^(1/${a})`, isGeometric ? 'geometric (e^{p} ~ e^{-c n})' : 'stretched exponential (p ~ -c n^a)',
        'leading order only (the expansion has further growing terms): relative o(1)', null);
    }
    return fin(expression, isGeometric ? 'geometric: p = C - c·n + o(1)' : 'stretched exponential: p = C - c·n^a + o(1)',
      isGeometric ? 'relative O(1/log(1/ε)) (the integral for the sum)' : 'relative O((log log(1/ε)/log(1/ε))^2) after the first correction; O(log log(1/ε)/log(1/ε)) for (log(1/ε)/c)^(1/a)',
      isGeometric ? '1/log(1/eps)' : '(log(log(1/eps))/log(1/eps))^2');
  }
  // p ~ −s·log n …
  if (isShape({ ...t1, c: Coef.of(1) }, [0, 1, 0, 0, 0])) {
    const sCoef = neg(t1.c);
    const sF = sCoef.asFraction();
    const t2 = terms[1];
    if (sF === null || !sF.equals(1)) {
      const s = str(sCoef);
      const ct = constantTerm(terms, 1);
      if (ct === null) return fin(`(1/((${s} - 1)*eps*S))^(1/(${s} - 1))`, 'power law with log factors: p = -s·log n + …', 'leading order up to a factor (log TRF)^O(1)', null);
      return fin(`(${expC(ct.C)}/((${s} - 1)*eps*S))^(1/(${s} - 1))`, 'power law: p = C - s·log n + O(1/n), e^{p} ~ e^C n^{-s}',
        decays(ct.next) ? 'relative O(ε^(1/(s−1))), i.e. O(1/TRF)' : 'relative o(1)', decays(ct.next) ? `eps^(1/(${s} - 1))` : null);
    }
    // s = 1: Bertrand levels
    let level = 1;
    let k = 1;
    let tk = t2;
    for (; level <= 3; level++) {
      const target = [0, 0, 0, 0, 0];
      target[level + 1] = 1;
      if (!tk || !isShape({ ...tk, c: Coef.of(1) }, target)) return null;
      const bF = neg(tk.c).asFraction();
      if (bF === null || !bF.equals(1)) break;
      k++;
      tk = terms[k];
    }
    if (level > 3 || !tk) return null;
    const b = str(neg(tk.c));
    const ct = constantTerm(terms, k + 1);
    const C = ct?.C ?? '0';
    let inner = `(${expC(C)}/((${b} - 1)*eps*S))^(1/(${b} - 1))`;
    for (let i = 0; i < level; i++) inner = `exp(${inner})`;
    return fin(inner, `Bertrand, level ${level}: e^{p} ~ e^C/(n·log n⋯(log_${level} n)^b), b > 1`,
      `relative O(ε^(1/(b−1))) in the innermost logarithm log_${level}(TRF) (TRF itself within a factor e^{O(1)})`, null);
  }
  return null;
}
