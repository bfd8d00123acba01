/**
 * Cauchy condensation: for a non-increasing sequence of positive terms, Σ a_n
 * and Σ 2^k·a_{2^k} converge together. Monotonicity comes from monotone.ts
 * (the sign of p' read by the asymptotic engine). The condensed series is
 * again a series of the same kind: for a bias it is Σ e^{p_c(k)} with
 * p_c(k) = p(2^k) + k·log 2, which the nth-term test and the logarithmic-scale
 * comparison then decide (typically geometric growth or decay).
 *
 * Owns: the condensed series and the hand-off to the tests that decide it.
 */
import type { Ctx } from '../asymptotics/context.js';
import * as E from '../parse/expr.js';
import type { Expr } from '../parse/expr.js';
import type { TestRecord } from '../types.js';
import { analyzingTest } from './detail.js';
import { seriesFacts } from './readings/facts.js';
import { logScaleComparisonTest } from './log-scale-comparison.js';
import { type Monotonicity, monotonicity } from './readings/monotone.js';
import { nthTermTest } from './nth-term.js';
import { condense } from '../parse/index-shift.js';
import { inconclusive, notApplicable, type SeriesFacts } from './test.js';

export interface CondensationDetail {
  readonly monotone: Monotonicity;
  /** the condensed series: bias p_c(k) (so b_k = e^{p_c(k)}) or term b_k; its variable is the input's */
  readonly condensed: Expr;
  readonly condensedFacts: SeriesFacts;
  /** the test that decided (or failed to decide) the condensed series */
  readonly inner: TestRecord;
}

function decideCondensed(cf: SeriesFacts, ctx: Ctx): TestRecord {
  const r = nthTermTest.run(cf, ctx);
  return r.outcome === 'decisive' && r.verdict ? r : logScaleComparisonTest.run(cf, ctx);
}

export function condensedExpression(facts: SeriesFacts): Expr {
  const v = facts.variable;
  const c = condense(facts.expr, v);
  if (facts.termMode) return E.mul(E.pow(E.num(2), E.variable(v)), c);
  return E.add(c, E.mul(E.variable(v), E.call('log', E.num(2))));
}

function condensedFacts(facts: SeriesFacts, condensed: Expr, ctx: Ctx): SeriesFacts {
  return seriesFacts(condensed, facts.variable, facts.termMode, ctx);
}

declare module './detail.js' {
  interface TestDetails {
    'cauchy-condensation': CondensationDetail;
  }
}

export const cauchyCondensationTest = analyzingTest('cauchy-condensation', (facts, ctx) => {
  if (facts.termSign === null) return { record: notApplicable('cauchy-condensation', 'the terms change sign') };
  const m = monotonicity(facts, ctx);
  if ('error' in m) return { record: notApplicable('cauchy-condensation', `monotonicity is not established: ${m.error}`) };
  if (m.direction !== -1) return { record: notApplicable('cauchy-condensation', m.direction === 1 ? 'the terms eventually increase' : `the sign of the slope is not determined (${m.text})`) };
  const condensed = condensedExpression(facts);
  const cf = condensedFacts(facts, condensed, ctx);
  const inner = decideCondensed(cf, ctx);
  const detail: CondensationDetail = { monotone: m, condensed, condensedFacts: cf, inner };
  const base = { ...(inner.asymptotic ? { asymptotic: `condensed: ${inner.asymptotic}`, asymptoticTex: `\\text{condensed: } ${inner.asymptoticTex ?? ''}` } : {}), ...(inner.family ? { family: inner.family } : {}), ...(inner.limit ? { limit: inner.limit } : {}) };
  if (inner.outcome === 'decisive' && inner.verdict)
    return { record: { test: 'cauchy-condensation', outcome: 'decisive', verdict: inner.verdict, summary: `the terms are eventually non-increasing (${m.text} < 0), and the condensed series Σ 2^k·a_{2^k} ${inner.verdict === 'converges' ? 'converges' : 'diverges'}: ${inner.summary}`, ...base }, detail };
  return { record: inconclusive('cauchy-condensation', `the condensed series is not decided: ${inner.summary}`, base), detail };
});
