/**
 * Numerical spot checks for proof steps, with decimal.js: the claimed limit,
 * sign or inequality is compared with values at a few sample points. A check
 * only records agreement; it is never used as an argument.
 *
 * Owns: evaluation at sample points (of expressions with decimal.js, of our
 * expansions in floating point), number formatting, and the agreement rules.
 */
import { Decimal } from 'decimal.js';
import type { Series } from '../asymptotics/series.js';
import type { Coef } from '../conditions/coef.js';
import * as I from '../conditions/interval.js';
import type { Expr } from '../parse/expr.js';
import { evaluateDecimal } from '../numeric/evaluate.js';
import { decimalParams, type ParamPoint } from '../conditions/region-sample.js';
import type { CheckRow, SpotCheck } from './proof.js';

export const PRECISION = 30;
const D = Decimal.clone({ precision: PRECISION });

/** Sample points n = 10, 10², 10³, 10⁴, 10⁶ (shifted to start at `from` or later). */
export function sampleNs(from = 0, ns: readonly number[] = [10, 100, 1000, 10_000, 1_000_000]): number[] {
  return ns.map((n) => Math.max(n, from));
}

export interface Point {
  readonly variable: string;
  readonly params: ParamPoint;
}

/** e at n, or null where it is undefined. */
export function valueAt(e: Expr, point: Point, n: Decimal.Value): Decimal | null {
  try {
    return new D(evaluateDecimal(e, { variable: point.variable, n, params: decimalParams(point.params) }, { precision: PRECISION, maxSteps: 2_000_000 }));
  } catch {
    return null;
  }
}

/** A coefficient's value at the point (floating point). */
export function coefValue(c: Coef, params: ParamPoint): number {
  const iv = c.enclose((name) => { const v = params.get(name); return v ? I.point(v) : I.REALS; });
  const [lo, hi] = I.toFloats(iv);
  return lo === hi ? lo : (lo + hi) / 2;
}

const LOG_AT = (n: number, k: number): number => { let x = n; for (let i = 0; i <= k; i++) x = Math.log(x); return x; };

/** The value of the expansion's explicit terms at n (the O-remainder left out), in floating point. */
export function seriesValue(s: Series, n: number, params: ParamPoint): number {
  let sum = 0;
  for (const t of s.terms) {
    let v = coefValue(t.c, params);
    t.pw.forEach((p, i) => {
      if (p.isZero()) return;
      const base = i === 0 ? n : LOG_AT(n, i - 1);
      v *= Math.pow(base, coefValue(p, params));
    });
    if (t.ex) v *= Math.exp(seriesValue(t.ex, n, params));
    sum += v;
  }
  return sum;
}

/** 6 significant digits, exponent form outside [1e-4, 1e6). */
export function fmt(x: Decimal | number | null, digits = 6): string {
  if (x === null) return 'undefined';
  const d = x instanceof Decimal ? x : new D(x);
  if (!d.isFinite()) return d.isNaN() ? 'NaN' : d.isNeg() ? '−∞' : '+∞';
  if (d.isZero()) return '0';
  const a = d.abs();
  const s = a.gte(1e6) || a.lt(1e-4) ? d.toSignificantDigits(digits).toExponential() : d.toSignificantDigits(digits).toString();
  return s.replace(/^-/, '−');
}

export function fmtN(n: number): string {
  // Unicode superscripts: a number a reader reads, in every format (LaTeX maps them to math)
  if (n >= 1000 && Number.isInteger(Math.log10(n))) return `10${[...String(Math.log10(n))].map((d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]).join('')}`;
  return String(n);
}

export type Claimed = { readonly kind: 'finite'; readonly value: number } | { readonly kind: 'inf'; readonly sign: 1 | -1 };

/** f(n) → claimed, checked at the sample points: the distance to the limit shrinks (or is tiny), or |f| grows with the right sign. */
export function limitCheck(what: string, params: string, ns: readonly number[], f: (n: number) => Decimal | number | null, claimed: Claimed, label = 'value'): SpotCheck {
  const vals = ns.map((n) => { const v = f(n); return v === null ? null : v instanceof Decimal ? v : new D(v); });
  const rows: CheckRow[] = ns.map((n, i) => ({ at: `n = ${fmtN(n)}`, value: `${label} = ${fmt(vals[i]!)}`, ok: vals[i] !== null }));
  const defined = vals.filter((v): v is Decimal => v !== null && v.isFinite());
  let ok = defined.length >= 2;
  if (ok) {
    const first = defined[0]!, last = defined[defined.length - 1]!;
    if (claimed.kind === 'finite') {
      const L = new D(claimed.value);
      const d0 = first.sub(L).abs(), d1 = last.sub(L).abs();
      ok = d1.lte(d0) || d1.lte(L.abs().add(1).mul(1e-6));
    } else {
      ok = (claimed.sign > 0 ? last.gt(first) : last.lt(first)) && (last.isNeg() ? -1 : 1) === claimed.sign;
    }
  }
  return { what, params, rows, ok };
}

/** lhs(n) ⋈ rhs(n) at each sample point; agreement is judged at the largest point (the claim is for n ≥ N₀). */
export function inequalityCheck(what: string, params: string, ns: readonly number[], lhs: (n: number) => Decimal | null, rel: '<=' | '>=' | '<' | '>', rhs: (n: number) => Decimal | null, labels: [string, string]): SpotCheck {
  const rows: CheckRow[] = ns.map((n) => {
    const a = lhs(n), b = rhs(n);
    const holds = a !== null && b !== null && (rel === '<=' ? a.lte(b) : rel === '>=' ? a.gte(b) : rel === '<' ? a.lt(b) : a.gt(b));
    return { at: `n = ${fmtN(n)}`, value: `${labels[0]} = ${fmt(a)}, ${labels[1]} = ${fmt(b)}`, ok: holds };
  });
  return { what, params, rows, ok: rows.length > 0 && rows[rows.length - 1]!.ok, eventual: true };
}

/** sign of f at the sample points; agreement judged at the largest point. */
export function signCheck(what: string, params: string, ns: readonly number[], f: (n: number) => Decimal | number | null, sign: 1 | -1, label: string): SpotCheck {
  const rows: CheckRow[] = ns.map((n) => {
    const v = f(n);
    const d = v === null ? null : v instanceof Decimal ? v : new D(v);
    return { at: `n = ${fmtN(n)}`, value: `${label} = ${fmt(d)}`, ok: d !== null && !d.isZero() && (d.isNeg() ? -1 : 1) === sign };
  });
  return { what, params, rows, ok: rows.length > 0 && rows[rows.length - 1]!.ok };
}

export { D as CheckDecimal };
