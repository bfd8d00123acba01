/**
 * Property tests: for random parameters in families with known thresholds the
 * verdict matches the known answer, and float partial sums show no contradiction
 * (for values away from the threshold, where a few thousand terms can show it).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { classify } from '../../src/classify.js';
import { compileFloat } from '../../src/numeric/evaluate.js';
import { parseExpression } from '../../src/parse/parse.js';

/** a rational as text, e.g. "7/4" */
const rational = (lo: number, hi: number, den = 8): fc.Arbitrary<{ text: string; value: number }> =>
  fc.integer({ min: Math.ceil(lo * den), max: Math.floor(hi * den) }).map((k) => ({ text: `(${k}/${den})`, value: k / den }));

/** Partial-sum increments: Δ(N) = S(2N) − S(N). Convergent power-like tails shrink them; divergent ones do not. */
function incrementRatio(expr: string, term: boolean, N = 2048): number {
  const p = parseExpression(expr);
  const f = compileFloat(p.expr, p.variable);
  const a = (n: number): number => (term ? f(n) : Math.exp(f(n)));
  const sum = (lo: number, hi: number): number => { let s = 0; for (let n = lo; n < hi; n++) s += a(n); return s; };
  return sum(2 * N, 4 * N) / sum(N, 2 * N);
}

test('−c·log(1+b·n): converges iff c > 1, for random c and b > 0', () => {
  fc.assert(fc.property(rational(-3, 4), rational(0.125, 4), (c, b) => {
    const expr = `-${c.text}*log(1+${b.text}*n)`;
    const v = classify(expr).verdict;
    assert.equal(v, c.value > 1 ? 'converges' : 'diverges', expr);
    if (c.value >= 1.4) assert.ok(incrementRatio(expr, false) < 0.8, `partial sums of ${expr} keep growing`);
    if (c.value <= 0.8) assert.ok(incrementRatio(expr, false) > 1, `partial sums of ${expr} settle`);
  }), { numRuns: 60 });
});

test('−c·n^a: converges iff c > 0 (a > 0), terms do not vanish when c ≤ 0', () => {
  fc.assert(fc.property(rational(-2, 2), rational(0.125, 2), (c, a) => {
    const expr = `-${c.text}*n^${a.text}`;
    assert.equal(classify(expr).verdict, c.value > 0 ? 'converges' : 'diverges', expr);
  }), { numRuns: 60 });
});

test('Bertrand family −log n − s·log log n (from 3): converges iff s > 1', () => {
  fc.assert(fc.property(rational(-2, 3), (s) => {
    const expr = `-log(n) - ${s.text}*log(log(n))`;
    assert.equal(classify(expr, { from: 3 }).verdict, s.value > 1 ? 'converges' : 'diverges', expr);
  }), { numRuns: 40 });
});

test('term mode 1/n^s·log(n)^t: converges iff s > 1, or s = 1 and t < −1', () => {
  fc.assert(fc.property(rational(0, 3, 4), rational(-3, 3, 2), (s, t) => {
    const expr = `1/n^${s.text} * log(n)^${t.text}`;
    const expected = s.value > 1 || (s.value === 1 && t.value < -1) ? 'converges' : 'diverges';
    assert.equal(classify(expr, { term: true, from: 2 }).verdict, expected, expr);
  }), { numRuns: 60 });
});

test('geometric −m·n and bounded perturbations: converge iff m > 0', () => {
  fc.assert(fc.property(rational(-2, 2), fc.constantFrom('sin(n)', 'cos(3*n)', 'atan(n)', 'floor(n/3) - n/3', '0'), (m, b) => {
    const expr = `-${m.text}*n + ${b}`;
    assert.equal(classify(expr).verdict, m.value > 0 ? 'converges' : 'diverges', expr);
    if (m.value >= 0.25) assert.ok(incrementRatio(expr, false, 8) < 0.5);
  }), { numRuns: 60 });
});

test('parametric results agree with the concrete ones at sample points', () => {
  const parametric = classify('-m*log(1+n) - s*log(log(n+3))');
  fc.assert(fc.property(fc.constantFrom(0, 1, 2), fc.constantFrom(0, 1, 2), rational(-1, 3, 2), rational(-1, 3, 2), (_i, _j, m, s) => {
    const concrete = classify(`-${m.text}*log(1+n) - ${s.text}*log(log(n+3))`).verdict;
    const expected = m.value > 1 || (m.value === 1 && s.value > 1) ? 'converges' : 'diverges';
    assert.equal(concrete, expected);
    assert.ok(parametric.cases.some((k) => k.verdict === expected));
  }), { numRuns: 40 });
});
