/**
 * The theory side of a run: the symbolic verdict and the TRF of the bias the
 * model was trained with.
 *
 * Owns: asking the decider (`classify`, the same call as `rpe classify`) and the
 * TRF engine (`trf(expr, {eps, at, from})`, src/trf/trf.ts) about each head's bias, and
 * combining heads: the model's series converge when every head's does, diverge
 * when some head's does; the model's TRF is the largest head TRF (∞ when some
 * head diverges). A conditional verdict is resolved by evaluating each case's
 * condition at the head's parameter values.
 * If the TRF engine gives no TRF for a head the decider calls convergent, a
 * float64 partial-sum estimate is used instead and marked `trfSource: "estimate"`.
 */
import { classify } from '../classify.js';
import { evalCondition } from '../rules/condition-eval.js';
import type { Verdict } from '../types.js';
import type { ResolvedRpe } from './rpe.js';
import { trf } from '../trf/trf.js';

export interface Theory {
  readonly verdict: Verdict;
  readonly headVerdicts: readonly Verdict[];
  /** why the verdict is unknown, when it is */
  readonly reason?: string;
  /** the model's TRF (largest head TRF); Infinity for divergence; null when unknown */
  readonly trf: number | null;
  readonly headTrfs: ReadonlyArray<number | null>;
  readonly eps: number;
  readonly trfSource: 'trf' | 'estimate' | 'divergent' | 'none';
}

/** The `at` items for one head: "name=value" with the value printed to round-trip exactly. */
export function atItems(point: Readonly<Record<string, number>>): string[] {
  return Object.entries(point).map(([k, v]) => `${k}=${String(v)}`);
}

/** The certified TRF of one head from src/trf (null when it gives none). */
function engineTrf(expression: string, point: Readonly<Record<string, number>>, eps: number): { value: number | null; verdict?: string } {
  const report = trf(expression, { eps, at: atItems(point), from: 0 });
  const r = report.results[0];
  if (!r) return { value: null };
  if (r.verdict === 'diverges') return { value: Infinity, verdict: r.verdict };
  return { value: trfNumber(r.trf), verdict: r.verdict };
}

/** Read a TRF value from whatever shape the engine returns. */
export function trfNumber(result: unknown): number | null {
  if (typeof result === 'number') return Number.isNaN(result) ? null : result;
  if (typeof result === 'bigint') return Number(result);
  if (typeof result === 'string') {
    if (/^(inf|infinity|∞|\+inf)/i.test(result)) return Infinity;
    const v = Number(result);
    return Number.isFinite(v) ? v : null;
  }
  if (result && typeof result === 'object') {
    const o = result as Record<string, unknown>;
    for (const key of ['trf', 'value', 'w', 'width', 'window']) {
      if (key in o) {
        const v = trfNumber(o[key]);
        if (v !== null) return v;
      }
    }
    if (o.verdict === 'diverges' || o.infinite === true) return Infinity;
  }
  return null;
}

/**
 * float64 estimate: the smallest w with Σ_{n≤w} e^p ≥ (1−ε)·Σ_{n≤N} e^p, where N is
 * where the terms have become negligible (term·n below 1e-5 of the running sum,
 * a tail bound for terms decaying faster than about n^-1.1), or maxTerms.
 */
export function estimateTrf(p: (n: number) => number, eps: number, maxTerms = 5_000_000): number {
  const partial: number[] = [];
  let total = 0;
  for (let n = 0; n < maxTerms; n++) {
    const t = Math.exp(p(n));
    total += t;
    partial.push(total);
    if (n > 100 && t * (n + 1) < total * 1e-5) break;
  }
  const target = (1 - eps) * total;
  let lo = 0;
  let hi = partial.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (partial[mid]! >= target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function headVerdict(cases: ReadonlyArray<{ condition: string; verdict: Verdict }>, point: Record<string, number>): Verdict {
  for (const c of cases) {
    try {
      if (c.condition === 'true' || evalCondition(c.condition, point)) return c.verdict;
    } catch { /* a condition we cannot evaluate decides nothing */ }
  }
  return 'unknown';
}

export async function theoryOf(rpe: ResolvedRpe, eps = 0.01): Promise<Theory> {
  const heads = rpe.headParams.length;
  let headVerdicts: Verdict[];
  let reason: string | undefined;
  try {
    const c = classify(rpe.spec.expression, { var: 'n', from: 0 });
    headVerdicts = rpe.headParams.map((pt) => headVerdict(c.cases, { ...pt }));
    if (headVerdicts.includes('unknown')) {
      reason = c.cases.find((k) => k.verdict === 'unknown')?.reason ?? 'no case of the classification applies to these parameter values';
    }
  } catch (err) {
    headVerdicts = new Array<Verdict>(heads).fill('unknown');
    reason = `classify failed: ${err instanceof Error ? err.message : String(err)}`;
  }
  const verdict: Verdict = headVerdicts.includes('diverges') ? 'diverges'
    : headVerdicts.every((v) => v === 'converges') ? 'converges' : 'unknown';

  let source: Theory['trfSource'] = 'trf';
  const headTrfs: Array<number | null> = [];
  for (let h = 0; h < heads; h++) {
    if (headVerdicts[h] === 'diverges') { headTrfs.push(Infinity); continue; }
    let value: number | null = null;
    try {
      value = engineTrf(rpe.spec.expression, rpe.headParams[h]!, eps).value;
    } catch { value = null; }
    if ((value === null || value === Infinity) && headVerdicts[h] === 'converges') {
      value = estimateTrf((n) => rpe.fn(n, h), eps);
      source = 'estimate';
    }
    headTrfs.push(value);
  }
  const modelTrf = headTrfs.some((t) => t === null) ? null : Math.max(...(headTrfs as number[]));
  if (verdict === 'diverges' && headTrfs.every((t) => t === Infinity)) source = 'divergent';
  if (modelTrf === null) source = 'none';
  return { verdict, headVerdicts, ...(reason ? { reason } : {}), trf: modelTrf, headTrfs, eps, trfSource: source };
}
