/**
 * The integral test: if f is positive, continuous and non-increasing on [N, ∞),
 * then Σ_{n≥N} f(n) and ∫_N^∞ f(x) dx converge together, and ∫_N^X f = F(X) − F(N)
 * for an antiderivative F. Here f(x) = e^{p(x)} (or |a(x)|) on real x:
 * - monotonicity: p'(x) < 0 for large x, read by the asymptotic engine (monotone.ts);
 * - F: from nerdamer, accepted only after the checks of antiderivative.ts;
 * - lim_{X→∞} F(X): read by the asymptotic engine on F's expansion; finite means
 *   convergence, +∞ divergence.
 * Before asking the CAS, e^{c·log u} is written u^c (a bias −m·log(1+n) becomes
 * the integrand (1+x)^(−m)).
 *
 * Owns: the integrand, the hand-off to the CAS layer and the reading of F(∞).
 */
import type { Ctx } from '../asymptotics/context.js';
import { expand } from '../asymptotics/expand.js';
import { seriesToString } from '../asymptotics/print.js';
import * as E from '../parse/expr.js';
import type { Expr } from '../parse/expr.js';
import { freeParameters, usesVariable } from '../parse/walk.js';
import { type Antiderivative, antiderivative } from './cas/antiderivative.js';
import { analyzingTest } from './detail.js';
import { leadingTerms, type Limit, limitText, seriesLimit } from './readings/limit.js';
import { type Monotonicity, monotonicity } from './readings/monotone.js';
import { samplePoint } from '../conditions/region-sample.js';
import { substituteParameters } from '../parse/substitute.js';
import { inconclusive, notApplicable, type SeriesFacts } from './test.js';

export interface IntegralDetail {
  readonly monotone: Monotonicity;
  /** the integrand f(x) as handed to the CAS (pinned parameters substituted) */
  readonly integrand: Expr;
  readonly antiderivative: Antiderivative;
  /** lim F(x) as x → ∞ */
  readonly limit: Limit;
  /** F's expansion as x → ∞ */
  readonly expansion: string;
  readonly expansionTex: string;
}

/** Terms of a sum with their signs: −(a + b) → [−a, −b]. */
function signedTerms(e: Expr, sign: 1 | -1 = 1): { sign: 1 | -1; term: Expr }[] {
  if (e.kind === 'add') return e.terms.flatMap((t) => signedTerms(t, sign));
  if (e.kind === 'neg') return signedTerms(e.arg, sign === 1 ? -1 : 1);
  return [{ sign, term: e }];
}

/** c·log(u) with c free of the variable → [c, u] */
function logMultiple(t: Expr): [Expr, Expr] | null {
  if (t.kind === 'call' && t.fn === 'log') return [E.num(1), t.args[0]!];
  if (t.kind !== 'mul') return null;
  const logs = t.factors.filter((f) => f.kind === 'call' && f.fn === 'log');
  if (logs.length !== 1) return null;
  const rest = t.factors.filter((f) => f !== logs[0]);
  if (rest.some(usesVariable)) return null;
  return [rest.length === 1 ? rest[0]! : E.mul(...rest), (logs[0] as Extract<Expr, { kind: 'call' }>).args[0]!];
}

/** e^{p} with every c·log(u) term of p written as the factor u^c. */
export function exponentialOf(p: Expr): Expr {
  const factors: Expr[] = [];
  const others: Expr[] = [];
  for (const { sign, term } of signedTerms(p)) {
    const lm = logMultiple(term);
    if (lm) {
      const [c, u] = lm;
      const exp = sign === 1 ? c : c.kind === 'num' ? E.num(c.value.neg()) : E.neg(c);
      factors.push(exp.kind === 'num' && exp.value.equals(1) ? u : E.pow(u, exp));
    } else others.push(sign === 1 ? term : E.neg(term));
  }
  if (others.length) factors.push(E.call('exp', others.length === 1 ? others[0]! : E.add(...others)));
  return factors.length === 1 ? factors[0]! : E.mul(...factors);
}

export function integrandOf(facts: SeriesFacts): Expr {
  if (!facts.termMode) return exponentialOf(facts.expr);
  return facts.termSign === -1 ? E.neg(facts.expr) : facts.expr;
}

declare module './detail.js' {
  interface TestDetails {
    integral: IntegralDetail;
  }
}

export const integralTest = analyzingTest('integral', (facts, ctx: Ctx) => {
  if (facts.termSign === null) return { record: notApplicable('integral', 'the terms change sign') };
  const m = monotonicity(facts, ctx);
  if ('error' in m) return { record: notApplicable('integral', `monotonicity is not established: ${m.error}`) };
  if (m.direction !== -1) return { record: notApplicable('integral', m.direction === 1 ? 'the terms eventually increase' : `the sign of the slope is not determined (${m.text})`) };
  const integrand = substituteParameters(integrandOf(facts), ctx.pinned);
  const point = samplePoint(ctx.region, freeParameters(integrand));
  if (!point) return { record: inconclusive('integral', 'no parameter point of the region to check an antiderivative at') };
  const anti = antiderivative(integrand, facts.variable, point);
  if ('error' in anti) return { record: inconclusive('integral', `no verified antiderivative: ${anti.error}`) };
  const Fx = expand(anti.F, ctx);
  if (!Fx.exact) return { record: inconclusive('integral', 'the antiderivative is known only within bounds') };
  const limit = seriesLimit(Fx.lo, ctx);
  if (!limit) return { record: inconclusive('integral', `the limit of F(x) = ${seriesToString(Fx.lo)} cannot be read`) };
  const head = leadingTerms(Fx.lo, 2);
  const detail: IntegralDetail = { monotone: m, integrand, antiderivative: anti, limit, expansion: seriesToString(head), expansionTex: seriesToString(head, true) };
  const v = facts.variable;
  const base = {
    asymptotic: `F(${v}) = ${seriesToString(head)} → ${limitText(limit)}`,
    asymptoticTex: `F(${v}) = ${seriesToString(head, true)} \\to ${limitText(limit, true)}`,
    limit: limitText(limit),
  };
  if (!anti.symbolic) return { record: inconclusive('integral', 'F\' = f agrees numerically, but no CAS simplified F\' − f to 0', base), detail };
  if (limit.kind === 'finite')
    return { record: { test: 'integral', outcome: 'decisive', verdict: 'converges', summary: `f is positive and eventually decreasing, and ∫^∞ f = lim F − F(N) is finite (lim F = ${limitText(limit)})`, ...base }, detail };
  if (limit.sign > 0)
    return { record: { test: 'integral', outcome: 'decisive', verdict: 'diverges', summary: 'f is positive and eventually decreasing, and F(x) → +∞, so ∫^∞ f diverges', ...base }, detail };
  return { record: inconclusive('integral', 'F(x) → −∞, which contradicts F\' = f > 0: the CAS result is not usable', base), detail };
});
