/**
 * The end of every proof: the paper's theorem instantiated for a converging case
 * (weight bound, tail bound, TRF and the `rpe window` guarantee at sample
 * parameters), or attention dilution for a diverging one (the mass of any fixed
 * window tends to 0 with the length, so the guarantee does not apply).
 *
 * Owns: the wording of the theorem section and its numbers (TRF and window come
 * from src/trf; partial sums for the checks from decimal.js).
 */
import type { Expr } from '../parse/expr.js';
import { toTex } from '../parse/print.js';
import * as DI from '../numeric/decimal-interval.js';
import { termInterval } from '../trf/head.js';
import { substituteParameters } from '../parse/substitute.js';
import { trf } from '../trf/trf.js';
import { windowBound } from '../trf/window.js';
import type { ParamPoint } from '../conditions/region-sample.js';
import type { ProofStep, SpotCheck, TheoremResult, TheoremSection } from './proof.js';
import { CheckDecimal, fmt, fmtN } from './spot-check.js';

export interface TheoremInput {
  readonly input: string;
  readonly expr: Expr;
  readonly variable: string;
  readonly from: number;
  readonly condition: string;
  readonly conditionTex: string;
  /** sample parameter points of this case (at most a few) */
  readonly points: readonly ParamPoint[];
  readonly eps: string;
  readonly logitBound: string;
  readonly tol: string;
  readonly options: { readonly var?: string };
}

const CITATION = 'S. Qin, Y. Zhong, Z. Deng, "Exploring Transformer Extrapolation", AAAI 2024 (arXiv:2307.10156)';

const atStrings = (p: ParamPoint): string[] => [...p].map(([k, v]) => `${k}=${v.toFraction()}`);
const pointText = (p: ParamPoint): string => [...p].map(([k, v]) => `${k} = ${v.toFraction()}`).join(', ') || '—';
/** the point in LaTeX ("m = \\frac{3}{2}"), empty without parameters */
export const pointTex = (p: ParamPoint): string => [...p].map(([k, v]) => `${toTex({ kind: 'param', name: k })} = ${toTex({ kind: 'num', value: v })}`).join(',\\ ');

/**
 * partial sums Σ_{n=from}^{L} e^{p(n)} at the given L (increasing): each term a
 * certified interval (src/trf/head.ts), accumulated in decimal.js; the midpoint
 * of the enclosure is returned. null from the first undefined term on.
 */
export function partialSums(expr: Expr, variable: string, params: ParamPoint, from: number, Ls: readonly number[]): (InstanceType<typeof CheckDecimal> | null)[] {
  const p = substituteParameters(expr, params);
  const out: (InstanceType<typeof CheckDecimal> | null)[] = [];
  let s = DI.ZERO;
  let n = from;
  try {
    for (const L of Ls) {
      for (; n <= L; n++) s = DI.add(s, DI.fromInterval(termInterval(p, variable, BigInt(n))));
      out.push(new CheckDecimal(DI.midRad(s).mid));
    }
  } catch {
    while (out.length < Ls.length) out.push(null);
  }
  return out;
}

function conditionSuffix(t: TheoremInput): string {
  return t.condition === 'true' ? '' : `\\quad\\text{for } ${t.conditionTex}`;
}

export function convergingTheorem(t: TheoremInput): TheoremSection {
  const v = t.variable;
  const results: TheoremResult[] = t.points.map((p) => trfAt(t, p));
  const checks = t.points.slice(0, 2).map((p) => trfCheck(t, p, results[t.points.indexOf(p)]!)).filter((c): c is SpotCheck => c !== null);
  const steps: ProofStep[] = [
    {
      claimTex: `S = \\sum_{${v} \\ge ${t.from}} e^{p(${v})} < \\infty${conditionSuffix(t)}`,
      claimText: `S = Σ e^{p(${v})} < ∞${t.condition === 'true' ? '' : ` for ${t.condition}`}`,
      justification: { kind: 'theorem', name: 'the proofs above', text: 'Each region of this case has a complete proof above.' },
    },
    {
      claimTex: `a_{ij} \\le e^{2B}\\,\\frac{e^{p(i-j)}}{\\sum_{m=0}^{i} e^{p(m)}}\\qquad (0 \\le j \\le i)`,
      claimText: 'a_ij ≤ e^{2B}·e^{p(i−j)} / Σ_{m=0}^{i} e^{p(m)} when every content logit satisfies |q_i·k_j/√d| ≤ B',
      justification: { kind: 'lemma', name: 'weight bound', text: 'With logits $x_{ij} + p(i-j)$ and $|x_{ij}| \\le B$: the numerator of the softmax is at most $e^{B} e^{p(i-j)}$ and the denominator at least $e^{-B}\\sum_{m=0}^{i} e^{p(m)}$.', citation: CITATION },
    },
    {
      claimTex: `\\sum_{j \\le i-w-1} a_{ij} \\le e^{2B}\\,\\frac{T(w)}{P(w)} \\xrightarrow[w \\to \\infty]{} 0\\ \\text{uniformly in } i,\\qquad P(w) = \\sum_{${v}=${t.from}}^{w} e^{p(${v})},\\ T(w) = \\sum_{${v} > w} e^{p(${v})}`,
      claimText: 'the attention mass outside a window of w recent tokens is at most e^{2B}·T(w)/P(w), which tends to 0 as w → ∞ uniformly in the position i',
      justification: { kind: 'lemma', name: 'tail bound', text: 'Sum the weight bound over $j \\le i - w - 1$: the numerators add up to at most $T(w)$, and for $i \\ge w$ the denominator is at least $P(w)$. $T(w) \\to 0$ because $S < \\infty$.' },
    },
    {
      claimTex: `\\mathrm{TRF}_{\\varepsilon} = \\min\\Bigl\\{ w : \\sum_{${v}=${t.from}}^{w} e^{p(${v})} \\ge (1-\\varepsilon)\\,S \\Bigr\\},\\quad \\varepsilon = ${t.eps};\\qquad W(B, \\delta) = \\mathrm{TRF}_{\\varepsilon'},\\ \\varepsilon' = \\frac{\\delta}{(2-\\delta)e^{2B} + \\delta},\\ B = ${t.logitBound},\\ \\delta = ${t.tol}`,
      claimText: `TRF at ε = ${t.eps} and the guaranteed window W(B = ${t.logitBound}, δ = ${t.tol}) at the sample parameters: ${results.map((r) => `${r.at}: TRF = ${r.trf ?? '—'}, window = ${r.window ?? '—'}`).join('; ')}`,
      justification: {
        kind: 'theorem', name: 'Qin–Zhong–Deng theorem (instantiated)', citation: CITATION,
        text: 'Since $S < \\infty$ the transformer is guaranteed to extrapolate: attending only to the last $W$ tokens changes each output by at most $\\delta \\max\\|v\\|$, for every position and every sequence length, when all content logits are bounded by $B$. The numbers are certified enclosures from `rpe trf` and `rpe window` (TRF: our threshold convention; window: $\\|o - \\bar o_{\\mathrm{in}}\\| \\le 2 e^{2B} T/(P + e^{2B} T) \\max\\|v\\|$).',
      },
      ...(checks[0] ? { check: checks[0] } : {}),
    },
  ];
  return { title: 'The extrapolation theorem, instantiated', steps, results, eps: t.eps, logitBound: t.logitBound, tol: t.tol };
}

function trfAt(t: TheoremInput, p: ParamPoint): TheoremResult {
  const base = { ...(t.options.var !== undefined ? { var: t.options.var } : {}), from: t.from, at: atStrings(p) };
  try {
    const r = trf(t.input, { ...base, eps: t.eps }).results[0]!;
    const w = windowBound(t.input, { ...base, logitBound: t.logitBound, tol: t.tol }).results[0]!;
    return { at: pointText(p), atTex: pointTex(p), sum: r.sum, trf: r.trf === null ? null : String(r.trf), window: w.window === null ? null : String(w.window), method: r.method };
  } catch (e) {
    return { at: pointText(p), atTex: pointTex(p), sum: null, trf: null, window: null, method: `not computed: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** P(TRF)/S ≥ 1 − ε and P(TRF − 1)/S < 1 − ε, by summing the head in decimal.js (for TRF ≤ 20000). */
function trfCheck(t: TheoremInput, p: ParamPoint, r: TheoremResult): SpotCheck | null {
  if (r.trf === null || r.sum === null) return null;
  const w = Number(r.trf);
  if (!Number.isSafeInteger(w) || w > 50_000 || w < t.from) return null;
  const [before, at] = partialSums(t.expr, t.variable, p, t.from, w > t.from ? [w - 1, w] : [w, w]);
  if (!before || !at) return null;
  const S = new CheckDecimal(r.sum);
  const target = new CheckDecimal(1).sub(new CheckDecimal(t.eps));
  return {
    what: `P(TRF)/S reaches 1 − ε and P(TRF − 1)/S does not (S from rpe trf; partial sums of certified terms accumulated in decimal.js)`, params: r.at,
    rows: [
      { at: `w = TRF − 1 = ${w - 1}`, value: `P(w)/S = ${fmt(before.div(S), 12)}`, ok: w === t.from || before.div(S).lt(target) },
      { at: `w = TRF = ${w}`, value: `P(w)/S = ${fmt(at.div(S), 12)}`, ok: at.div(S).gte(target) },
    ],
    ok: (w === t.from || before.div(S).lt(target)) && at.div(S).gte(target),
  };
}

export function divergingTheorem(t: TheoremInput): TheoremSection {
  const v = t.variable;
  const p = t.points[0] ?? new Map();
  const w = Math.max(10, t.from);
  const Ls = [100, 1000, 10_000].filter((L) => L > w);
  const sums = partialSums(t.expr, t.variable, p, t.from, [w, ...Ls]);
  const Sw = sums[0];
  const rows = Ls.map((L, i) => { const SL = sums[i + 1]; return { at: `L = ${fmtN(L)}`, value: `P(${w})/P(L) = ${Sw && SL ? fmt(Sw.div(SL), 15) : 'undefined'}`, ok: !!(Sw && SL) }; });
  const ratios = Ls.map((_, i) => (Sw && sums[i + 1] ? Sw.div(sums[i + 1]!) : null));
  const decreasing = ratios.every((r, i) => r !== null && (i === 0 || r.lt(ratios[i - 1]!)));
  const steps: ProofStep[] = [
    {
      claimTex: `P(L) = \\sum_{${v}=${t.from}}^{L} e^{p(${v})} \\to \\infty\\quad (L \\to \\infty)${conditionSuffix(t)}`,
      claimText: `the partial sums P(L) of Σ e^{p(${v})} tend to ∞${t.condition === 'true' ? '' : ` for ${t.condition}`}`,
      justification: { kind: 'theorem', name: 'the proofs above', text: 'The series diverges (proofs above) and its terms are positive, so its partial sums increase without bound.' },
    },
    {
      claimTex: `\\sum_{j \\ge L-w} a_{Lj} \\le e^{2B}\\,\\frac{P(w)}{P(L)}\\qquad (L \\ge w)`,
      claimText: 'with content logits bounded by B, the attention mass that the query at position L puts on its w most recent tokens is at most e^{2B}·P(w)/P(L)',
      justification: { kind: 'lemma', name: 'weight bound', text: 'Each weight is at most $e^{2B} e^{p(L-j)} / P(L)$; sum over the $w+1$ most recent keys.', citation: CITATION },
    },
    {
      claimTex: `e^{2B}\\,\\frac{P(w)}{P(L)} \\xrightarrow[L \\to \\infty]{} 0\\quad\\text{for every fixed } w`,
      claimText: 'attention dilution: for every fixed window w the mass inside it tends to 0 as the length grows',
      justification: {
        kind: 'theorem', name: 'attention dilution', citation: CITATION,
        text: 'Since $P(L) \\to \\infty$ while $P(w)$ is fixed. No finite window carries a fixed share of the attention uniformly in the length, so truncated and full attention need not be close: the hypothesis $S < \\infty$ of the Qin–Zhong–Deng theorem fails and its extrapolation guarantee does not apply.',
      },
      check: { what: `P(${w})/P(L) decreases as L grows (certified terms summed in decimal.js)`, params: pointText(p), rows, ok: decreasing },
    },
  ];
  return { title: 'Attention dilution: the guarantee does not apply', steps, results: [], eps: t.eps, logitBound: t.logitBound, tol: t.tol };
}
