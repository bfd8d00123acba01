/** The integral test: checked antiderivatives from nerdamer, monotonicity from the sign of p'. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fraction from 'fraction.js';
import { parseExpression } from '../../src/parse/parse.js';
import { toAscii } from '../../src/parse/print.js';
import { antiderivative } from '../../src/convergence/cas/antiderivative.js';
import { exponentialOf, integralTest, type IntegralDetail } from '../../src/convergence/integral.js';
import { factsFor } from './helpers.js';

const run = (e: string, assume: string[] = []) => { const { facts, ctx } = factsFor(e, assume); return integralTest.analyze(facts, ctx); };

test('e^{c·log u} is written u^c before the CAS sees it', () => {
  assert.equal(toAscii(exponentialOf(parseExpression('-m*log(1+n)').expr)), '(1 + n)^(-m)');
  assert.equal(toAscii(exponentialOf(parseExpression('log(1+log(1+n)) - 2*log(1+n)').expr)), '(1 + log(1 + n)) * (1 + n)^(-2)');
});

test('KERPLE log, m > 1: F = (1+n)^{1−m}/(1−m) → 0, converges', () => {
  const a = run('-m*log(1+n)', ['m > 1']);
  assert.equal(a.record.verdict, 'converges');
  const d = a.detail as IntegralDetail;
  assert.equal(d.limit.kind, 'finite');
  assert.ok(d.antiderivative.symbolic, 'F\' − f simplified to 0 by a CAS');
  assert.equal(d.monotone.direction, -1);
});

test('m < 1 and m = 1 diverge (F → +∞: (1+n)^{1−m}/(1−m) and log(1+n))', () => {
  assert.equal(run('-m*log(1+n)', ['m > 0', 'm < 1']).record.verdict, 'diverges');
  assert.equal(run('-log(1+n)').record.verdict, 'diverges');
});

test('log log divergence: ∫ dx/((3+x) log(3+x)) = log log(3+x) → ∞', () => {
  assert.equal(run('-(log(3+k*n)+log(log(3+k*n)))', ['k > 0']).record.verdict, 'diverges');
});

test('a wrong CAS antiderivative is rejected by the check F\' = f', () => {
  // nerdamer integrates (1 + r·x)^(−s) directly as if r were 1; only the substituted form passes
  const f = parseExpression('(1+2*n)^(-3)').expr;
  const a = antiderivative(f, 'n', new Map());
  assert.ok(!('error' in a));
  assert.match(a.method, /substitution/);
  const b = antiderivative(parseExpression('(1+r*n)^(-s)').expr, 'n', new Map([['r', new Fraction(1, 2)], ['s', new Fraction(3)]]));
  assert.ok(!('error' in b) && b.checks.length === 5);
});

test('no elementary antiderivative: inconclusive, not a guess', () => {
  const r = run('-n^2').record;
  assert.equal(r.outcome, 'inconclusive');
  assert.match(r.summary, /no verified antiderivative/);
});

test('increasing terms: not applicable', () => {
  assert.equal(run('log(1+n)').record.outcome, 'not-applicable');
});
