/**
 * What every step builder reads: the region's facts and sample point, the
 * notation of the report (a_n, p(n), q(n)), and the reference families of
 * rules/families.json with their cited proofs.
 *
 * Owns: the StepContext shape and the notation helpers.
 */
import type { Family } from '../../rules/schema.js';
import type { Expr } from '../../parse/expr.js';
import { toTex } from '../../parse/print.js';
import type { ParamPoint } from '../../conditions/region-sample.js';
import type { SeriesFacts } from '../../convergence/test.js';
import type { Point } from '../spot-check.js';

export interface StepContext {
  readonly facts: SeriesFacts;
  readonly variable: string;
  readonly from: number;
  readonly term: boolean;
  /** the region, as a condition in plain text and LaTeX ("m > 1"; "true" for none) */
  readonly condition: string;
  readonly conditionTex: string;
  /** the same as a reader writes it, Unicode ("0 < m < 1") */
  readonly conditionText: string;
  /** the sample point for spot checks */
  readonly point: Point;
  readonly params: ParamPoint;
  /** "m = 2" (empty without parameters) */
  readonly paramsText: string;
  /** sample values of n */
  readonly ns: readonly number[];
  readonly families: ReadonlyMap<string, Family>;
}

/** "for m > 1" (empty for the whole space) */
export function inRegion(ctx: StepContext): string {
  return ctx.condition === 'true' ? '' : ` (in the region ${ctx.conditionText})`;
}
export function inRegionTex(ctx: StepContext): string {
  return ctx.conditionTex === '' ? '' : `\\quad\\text{for } ${ctx.conditionTex}`;
}

/** LaTeX of the input expression */
export const exprTex = (e: Expr): string => toTex(e);

/** "a_n" with its definition: a_n = e^{p(n)} or the term itself */
export function termDefTex(ctx: StepContext): string {
  const v = ctx.variable;
  return ctx.term ? `a_{${v}} = ${toTex(ctx.facts.expr)}` : `a_{${v}} = e^{p(${v})},\\quad p(${v}) = ${toTex(ctx.facts.expr)}`;
}
