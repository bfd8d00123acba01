/**
 * The first terms of a parametric bias must be defined throughout a region that
 * gets a verdict: log(n + m) at n = 0 needs m > 0. Also a consistency property:
 * at any rational point, the parametric answer never contradicts the concrete one
 * (an undefined concrete series is never "converges" or "diverges" parametrically).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { classify } from '../../src/classify.js';
import { evalCondition } from '../../src/rules/condition-eval.js';
import { InputError } from '../../src/parse/errors.js';

function caseAt(formula: string, point: Record<string, number>, assume: string[] = []) {
  const c = classify(formula, { assume });
  const hits = c.cases.filter((k) => k.condition === 'true' || evalCondition(k.condition, point));
  assert.equal(hits.length, 1, `${formula}: exactly one case holds at ${JSON.stringify(point)}: ${c.cases.map((k) => k.condition).join(' | ')}`);
  return hits[0]!;
}

test('log(n + m) needs m > 0 at n = 0', () => {
  const c = classify('-2*log(n+m)');
  const byVerdict = Object.fromEntries(c.cases.map((k) => [k.verdict, k]));
  assert.equal(byVerdict.converges?.condition, 'm > 0');
  assert.equal(byVerdict.unknown?.condition, 'm <= 0');
  assert.match(byVerdict.unknown?.reason ?? '', /log of a non-positive number at n = 0/);
});

test('a parameter-free partial operation is checked too when other parameters are present', () => {
  const c = classify('-m*log(n-1)');
  assert.equal(c.verdict, 'unknown');
  assert.equal(classify('-m*log(n-1)', { from: 2 }).verdict, 'conditional');
});

test('assumptions that make the arguments positive leave the verdicts as they were', () => {
  assert.equal(classify('-r1*log(1+r2*n)', { assume: ['r1 > 0', 'r2 > 0'] }).verdict, 'conditional');
  assert.equal(classify('-r1*n^r2', { assume: ['r1 > 0', 'r2 > 0', 'r2 <= 2'] }).verdict, 'converges');
  assert.equal(classify('-(k*n)^0.5', { assume: ['k > 0'] }).verdict, 'converges');
});

test('0^r needs r >= 0; a zero denominator at a head term makes the region unknown', () => {
  assert.equal(caseAt('-r1*n^r2', { r1: 1, r2: -1 }).verdict, 'unknown');
  assert.equal(caseAt('-r1*n^r2', { r1: 1, r2: 1 }).verdict, 'converges');
  assert.equal(caseAt('-m*n/(n+a)', { m: 1, a: -3 }).verdict, 'unknown');
  assert.equal(caseAt('-m*n/(n+a)', { m: 1, a: 2 }).verdict, 'diverges');
});

test('at a rational point the parametric verdict never contradicts the concrete series', () => {
  const forms = ['-2*log(n+m)', '-m*log(n+m)', '-2*log(m*n+1)', '-n/(n+m) - 2*log(1+n)', '-(n+m)^(1/2)'];
  fc.assert(fc.property(fc.constantFrom(...forms), fc.integer({ min: -8, max: 8 }), fc.integer({ min: 1, max: 4 }), (form, p, q) => {
    const m = p / q;
    const parametric = caseAt(form, { m }).verdict;
    let concrete: string;
    try {
      concrete = classify(form.replaceAll('m', `(${p}/${q})`)).verdict;
    } catch (e) {
      if (!(e instanceof InputError) || e.kind !== 'domain') throw e;
      concrete = 'undefined';
    }
    if (parametric === 'unknown') return;
    assert.notEqual(concrete, 'undefined', `${form} at m = ${p}/${q}: parametric ${parametric}, but the series is undefined there`);
    if (concrete !== 'unknown') assert.equal(parametric, concrete, `${form} at m = ${p}/${q}`);
  }), { numRuns: 150 });
});
