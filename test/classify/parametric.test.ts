/** Parametric families: the partitions of the parameter space and their verdicts. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classify } from '../../src/classify.js';
import type { Classification } from '../../src/types.js';

const conditionOf = (c: Classification, verdict: string): string | undefined => c.cases.find((k) => k.verdict === verdict)?.condition;

test('−m·log(1+n) converges iff m > 1', () => {
  const c = classify('-m*log(1+n)');
  assert.equal(c.verdict, 'conditional');
  assert.deepEqual(c.parameters, ['m']);
  assert.equal(conditionOf(c, 'converges'), 'm > 1');
  assert.equal(conditionOf(c, 'diverges'), 'm <= 1');
  assert.equal(c.cases.find((k) => k.verdict === 'converges')!.extrapolation, 'guaranteed');
  assert.equal(c.cases.find((k) => k.verdict === 'diverges')!.extrapolation, 'not-guaranteed');
});

test('−m·n converges iff m > 0', () => {
  const c = classify('-m*n');
  assert.equal(conditionOf(c, 'converges'), 'm > 0');
  assert.equal(conditionOf(c, 'diverges'), 'm <= 0');
});

test('−a·log(1+b·n) with b > 0: converges iff a > 1', () => {
  const c = classify('-a*log(1+b*n)', { assume: ['b > 0'] });
  assert.equal(conditionOf(c, 'converges'), 'a > 1');
  assert.equal(conditionOf(c, 'diverges'), 'a <= 1');
  assert.equal(c.cases.length, 2);
});

test('−a·log(1+b·n) without assumptions: b < 0 makes the bias undefined, reported as unknown', () => {
  const c = classify('-a*log(1+b*n)');
  const u = c.cases.find((k) => k.verdict === 'unknown');
  assert.ok(u, 'an unknown region');
  assert.equal(u.condition, 'b < 0');
  assert.match(u.reason ?? '', /undefined/);
});

test('KERPLE power −r1·n^r2 converges for r1 > 0, r2 > 0', () => {
  const c = classify('-r1*n^r2', { assume: ['r1 > 0', 'r2 > 0', 'r2 <= 2'] });
  assert.equal(c.verdict, 'converges');
  assert.equal(c.cases.length, 1);
  assert.equal(c.cases[0]!.condition, 'true');
  const free = classify('-r1*n^r2');
  assert.equal(conditionOf(free, 'converges'), 'r1 > 0 and r2 > 0');
});

test('iterated-log boundary: −m·log(1+n) − s·log(log(n+3))', () => {
  const c = classify('-m*log(1+n) - s*log(log(n+3))');
  assert.equal(conditionOf(c, 'converges'), '(m == 1 and s > 1) or m > 1');
  assert.equal(conditionOf(c, 'diverges'), 'm < 1 or (m == 1 and s <= 1)');
});

test('Bertrand family at level 3 with a parameter at the boundary', () => {
  const c = classify('-log(n) - log(log(n)) - log(log(log(n))) - s*log(log(log(log(n))))', { from: 20 });
  assert.equal(conditionOf(c, 'converges'), 's > 1');
  assert.equal(conditionOf(c, 'diverges'), 's <= 1');
});

test('cases partition: every sample point lies in exactly one case', () => {
  const c = classify('-m*log(1+n) - s*log(log(n+3))');
  // evaluate the printed conditions with a tiny interpreter over and/or/comparisons
  const holds = (cond: string, m: number, s: number): boolean => {
    const js = cond.replace(/\band\b/g, '&&').replace(/\bor\b/g, '||').replace(/==/g, '===');
    return Function('m', 's', `return ${js};`)(m, s) as boolean; // conditions are our own output, not user text
  };
  for (const m of [-1, 0, 0.5, 1, 1.5]) for (const s of [-1, 0, 1, 2]) {
    const hits = c.cases.filter((k) => holds(k.condition, m, s));
    assert.equal(hits.length, 1, `m=${m}, s=${s}`);
  }
});

test('oscillation multiplying the leading term is never called convergent', () => {
  const c = classify('-log(n+1)*(2+sin(n))');
  assert.equal(c.verdict, 'unknown');
  assert.ok(c.cases[0]!.reason);
});

test('bounded perturbation: −2·log(1+n) + sin(n) converges, −log(1+n) + cos(n) diverges', () => {
  assert.equal(classify('-2*log(1+n) + sin(n)').verdict, 'converges');
  assert.equal(classify('-log(1+n) + cos(n)').verdict, 'diverges');
  const rec = classify('-2*log(1+n) + sin(n)').cases[0]!.tests.find((t) => t.outcome === 'decisive')!;
  assert.equal(rec.test, 'bounded-perturbation');
});

test('the deciding test is recorded with its family and level', () => {
  const c = classify('-2*log(1+n)');
  const rec = c.cases[0]!.tests.find((t) => t.outcome === 'decisive')!;
  assert.equal(rec.test, 'logarithmic-scale-comparison');
  assert.equal(rec.family?.id, 'p-series');
  assert.equal(rec.level, 0);
  assert.equal(rec.limit, '2');
  const b = classify('-log(1+n) - 2*log(log(n+2))').cases[0]!.tests.find((t) => t.outcome === 'decisive')!;
  assert.equal(b.family?.id, 'bertrand-1');
});

test('conditions in lowest terms: solved, implied conjuncts dropped, relative to the assumptions', () => {
  // Σ (1+n)^(log x) converges iff log x < −1, i.e. x < 1/e
  const l = classify('log(x)*log(1+n)');
  assert.equal(conditionOf(l, 'converges'), 'x > 0 and x < exp(-1)');
  assert.equal(conditionOf(l, 'diverges'), 'x >= exp(-1)');
  assert.equal(conditionOf(l, 'unknown'), 'x <= 0');
  const ms = classify('-(m+s)*log(1+n)');
  assert.equal(conditionOf(ms, 'converges'), 'm + s > 1');
  assert.equal(conditionOf(ms, 'diverges'), 'm + s <= 1');
  const k = classify('-r1*log(1+r2*n)', { assume: ['r1 > 0', 'r2 > 0'] });
  assert.equal(conditionOf(k, 'converges'), 'r1 > 1');
  assert.equal(conditionOf(k, 'diverges'), 'r1 <= 1');
  const t = classify('x^n/sqrt(n)', { term: true, from: 1, assume: ['x > 0'] });
  assert.equal(conditionOf(t, 'converges'), 'x < 1');
  assert.equal(conditionOf(t, 'diverges'), 'x >= 1');
});

test('linear relations between parameters are facts: regions they exclude are dropped', () => {
  // a > b + 1: the exponent (b − a)·log(1+n) has b − a < −1, so it converges everywhere allowed
  const c = classify('-a*log(1+n) + b*log(1+n)', { assume: ['a > b + 1'] });
  assert.equal(c.verdict, 'converges');
  assert.deepEqual(c.cases.map((k) => k.condition), ['true']);
  // a < b only: b − a > 0, the terms grow
  assert.equal(classify('-a*log(1+n) + b*log(1+n)', { assume: ['a < b'] }).verdict, 'diverges');
  // H >= h >= 1 rules out H = 0, where the bias is undefined
  assert.equal(classify('-2^(-8*h/H)*n', { assume: ['h >= 1', 'H >= h'] }).verdict, 'converges');
  // a > b − 1 leaves both signs of b − a − 1 possible: both cases stay
  const open = classify('-a*log(1+n) + b*log(1+n)', { assume: ['a > b - 1'] });
  assert.equal(open.verdict, 'conditional');
});
