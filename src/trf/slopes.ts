/**
 * `rpe slopes`: the ALiBi heads of a model, one row per head.
 *
 * Owns: putting together, for the H slopes of a rule (./alibi-slopes.ts), each
 * head's exact slope 2^(−e_h) (as an expression and as a number), its verdict, its
 * certified TRF_ε and its window guarantee, and the model's TRF — the largest over
 * the heads, since the model attends as far as its farthest-reaching head. The
 * numbers come from the public `trf()` and `windowBound()` on the bias −m·n, so a
 * head here has exactly the TRF `rpe trf "-m*n" --alibi-heads H` gives it.
 */
import type Fraction from 'fraction.js';
import { type SlopeOptions, type SlopeRule, slopeExponents, slopeValue } from './alibi-slopes.js';
import type { TrfVerdict } from './concrete.js';
import { slopeRuleText } from './substitute.js';
import { type JsonInteger, trf } from './trf.js';
import { windowBound } from './window.js';

export interface SlopesOptions {
  readonly heads: number;
  readonly rule?: SlopeRule;
  readonly biasMax?: number | string;
  /** ε of the TRF, default 0.01 */
  readonly eps?: number | string;
  /** B and δ of the window guarantee, default 1 and 0.01 (as in `rpe report`) */
  readonly logitBound?: number | string;
  readonly tol?: number | string;
}

export interface SlopeHead {
  /** 1-based head index */
  readonly head: number;
  /** the slope as a number (the double nearest 2^(−e)) */
  readonly slope: number;
  /** the slope exactly, e.g. "2^(-1/2)" */
  readonly exact: string;
  /** e with slope = 2^(−e), as a fraction "p/q" */
  readonly exponent: string;
  readonly verdict: TrfVerdict;
  readonly trf: JsonInteger | null;
  readonly bracket: readonly [JsonInteger, JsonInteger | null] | null;
  readonly window: JsonInteger | null;
}

export interface SlopesReport {
  readonly rule: SlopeRule;
  readonly biasMax: string;
  readonly description: string;
  readonly eps: number;
  readonly logitBound: number;
  readonly tol: number;
  readonly heads: readonly SlopeHead[];
  /** the model's TRF: the largest over the heads (null if a head has none) */
  readonly trf: JsonInteger | null;
  /** the model's window: the largest over the heads */
  readonly window: JsonInteger | null;
}

/** 2^(-e) written exactly: "2^(-3)", "2^(-1/2)". */
export function slopeText(e: Fraction): string {
  return `2^(-${e.toFraction()})`;
}

export function slopes(options: SlopesOptions): SlopesReport {
  const slopeOpts: SlopeOptions = {
    ...(options.rule !== undefined ? { rule: options.rule } : {}),
    ...(options.biasMax !== undefined ? { biasMax: options.biasMax } : {}),
  };
  const exps = slopeExponents(options.heads, slopeOpts);
  const point = {
    alibiHeads: options.heads,
    ...(options.rule !== undefined ? { slopeRule: options.rule } : {}),
    ...(options.biasMax !== undefined ? { biasMax: options.biasMax } : {}),
  };
  const t = trf('-m*n', { ...point, ...(options.eps !== undefined ? { eps: options.eps } : {}) });
  const w = windowBound('-m*n', { ...point, logitBound: options.logitBound ?? 1, tol: options.tol ?? 0.01 });
  const heads = exps.map((e, i): SlopeHead => {
    const r = t.results[i]!;
    return {
      head: i + 1, slope: slopeValue(e), exact: slopeText(e), exponent: e.toFraction(),
      verdict: r.verdict, trf: r.trf, bracket: r.bracket, window: w.results[i]!.window,
    };
  });
  return {
    rule: options.rule ?? 'alibi',
    biasMax: options.biasMax === undefined ? '8' : String(options.biasMax),
    description: slopeRuleText(options.heads, slopeOpts),
    eps: t.eps, logitBound: w.logitBound, tol: w.tol,
    heads, trf: t.max, window: w.max,
  };
}
