/**
 * The data of the report's chart: the cumulative attention prior
 * P(w)/S = Σ_{n≤w} e^{p(n)} / S against the window w (log axis), one curve per
 * sample parameter point, with the TRF marked. For a diverging series there is
 * no S; the curve is then normalised by the partial sum at the chart's last w
 * (and says so). Float64 sums (compensated): the chart illustrates, it proves nothing.
 *
 * Owns: the sampling of w and the partial sums for the chart.
 */
import type { Expr } from '../parse/expr.js';
import { compileFloat } from '../numeric/evaluate.js';
import { substituteParameters } from '../parse/substitute.js';
import type { ParamPoint } from '../conditions/region-sample.js';
import type { ChartCurve, ChartData } from './proof.js';

export interface CurveInput {
  readonly label: string;
  readonly point: ParamPoint;
  /** S when the series converges (from rpe trf), else null */
  readonly sum: number | null;
  readonly trf: number | null;
}

/** Log-spaced windows 1 … W, 16 per decade (steps of 15 %, below a pixel's worth of the curve's rise), plus the TRF; rounded to integers, so few below 10. */
export function windows(W: number, extra: readonly number[] = []): number[] {
  const out = new Set<number>();
  const decades = Math.log10(W);
  for (let i = 0; i <= Math.ceil(decades * 16); i++) out.add(Math.min(W, Math.round(10 ** (i / 16))));
  for (const e of extra) if (e >= 1 && e <= W) out.add(e);
  return [...out].sort((a, b) => a - b);
}

/** terms summed one by one up to here; beyond, the partial sums are extended by the integral (below) */
const EXACT_W = 1_000_000;
/** the chart reaches 10·TRF, up to here */
const MAX_W = 1e15;

/**
 * ∫_a^b f over log-spaced Simpson panels (x = e^t, 64 panels per decade): the
 * tail of a sum whose terms vary slowly on the scale of one index, as the
 * terms of a series with a TRF beyond 10⁶ do. Euler–Maclaurin's first
 * correction (f(b) − f(a))/2 turns it into Σ_{a<n≤b} f(n).
 */
function tailSum(f: (x: number) => number, a: number, b: number): number {
  const ta = Math.log(a), tb = Math.log(b);
  const panels = Math.max(2, 2 * Math.ceil(((tb - ta) / Math.LN10) * 32));
  const h = (tb - ta) / panels;
  let s = 0;
  for (let i = 0; i <= panels; i++) {
    const t = ta + i * h, x = Math.exp(t);
    const g = Math.exp(f(x)) * x;
    s += (i === 0 || i === panels ? 1 : i % 2 ? 4 : 2) * g;
  }
  return (s * h) / 3 + (Math.exp(f(b)) - Math.exp(f(a))) / 2;
}

export function chartCurve(expr: Expr, variable: string, from: number, c: CurveInput): ChartCurve & { readonly lastW: number } {
  const concrete = substituteParameters(expr, c.point);
  const f = compileFloat(concrete, variable);
  const W = Math.min(MAX_W, Math.max(100, c.trf !== null ? 10 * c.trf : 100_000));
  const ws = windows(W, c.trf !== null ? [c.trf] : []);
  const partial: number[] = [];
  let sum = 0, comp = 0, k = 0;
  for (let n = from; n <= Math.min(W, EXACT_W); n++) {
    const t = Math.exp(f(n));
    const y = t - comp, s = sum + y;
    comp = s - sum - y;
    sum = s;
    if (n >= ws[k]!) { partial.push(sum); k++; }
    if (k >= ws.length) break;
  }
  // past EXACT_W (a TRF beyond 10⁵): the partial sums continue by the integral of the terms
  for (let last = EXACT_W; k < ws.length && W > EXACT_W; k++) {
    const w = ws[k]!;
    sum += tailSum(f, last, w);
    last = w;
    partial.push(sum);
  }
  const norm = c.sum ?? sum;
  const points = ws.slice(0, partial.length).map((w, i) => ({ w, share: Number((partial[i]! / norm).toPrecision(6)) }));
  return { label: c.label, points, trf: c.trf, lastW: W };
}

/** The chart of some curves: one normalisation text for all (S, or the partial sum for diverging curves); null without curves. */
export function chartData(expr: Expr, variable: string, from: number, inputs: readonly CurveInput[], eps: string): ChartData | null {
  if (inputs.length === 0) return null;
  const curves = inputs.map((c) => chartCurve(expr, variable, from, { ...c, label: c.label === '—' ? 'the input' : c.label }));
  const diverging = inputs.filter((c) => c.sum === null);
  const lastW = Math.max(...curves.map((c) => c.lastW));
  return {
    title: 'Cumulative attention prior P(w)/S',
    normalisation: (diverging.length === 0 ? 'P(w) = Σ_{n≤w} e^{p(n)}, S = Σ_n e^{p(n)}; TRF at ε = ' + eps
      : diverging.length === inputs.length ? `diverging: P(w) normalised by the partial sum up to w = ${lastW.toLocaleString('en-US')} (it tends to 0 as the length grows)`
        : `S for converging curves; diverging curves normalised by their partial sum up to w = ${lastW.toLocaleString('en-US')}`)
      + (lastW > EXACT_W ? `; past w = 10⁶ the partial sums continue by the integral of the terms (Euler–Maclaurin)` : ''),
    eps: Number(eps),
    curves: curves.map(({ lastW: _l, ...k }) => k),
  };
}
