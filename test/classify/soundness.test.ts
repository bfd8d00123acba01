/**
 * Never wrong: random terms n^a·(log n)^b·(log log n)^c written in many equivalent
 * ways, with positive bounded factors and lower-order terms added. The ground truth
 * comes from the exponents alone (Bertrand's scale), independently of the engine.
 * The decider must match it; it may answer unknown only rarely.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { classify } from '../../src/classify.js';

const exponent = fc.oneof(
  fc.constantFrom(-3, -2, -1, 0, 1).map((k) => ({ text: `${k}`, v: k })),
  fc.integer({ min: -12, max: 4 }).map((k) => ({ text: `(${k}/4)`, v: k / 4 })),
);

const nPower = (a: string): fc.Arbitrary<string> => fc.constantFrom(`n^${a}`, `exp(${a}*log(n))`, `(n^2)^(${a}/2)`, `1/n^(-${a})`, `sqrt(n)^(2*${a})`);
const bounded = fc.constantFrom('1', '(2 + cos(n))', '(3 + sin(2*n))/2', '(1 + 1/n)', 'atan(n)', '(2 + (-1)^n)');
const lower = fc.constantFrom('', ' + n^(A-1)', ' - n^(A-2)*log(n)^3', ' + n^(A-1/2)/log(n)^9');

function truth(a: number, b: number, c: number): 'converges' | 'diverges' {
  if (a !== -1) return a < -1 ? 'converges' : 'diverges';
  if (b !== -1) return b < -1 ? 'converges' : 'diverges';
  return c < -1 ? 'converges' : 'diverges';
}

test('random Bertrand-scale terms are never decided wrongly (term mode)', () => {
  let unknown = 0, runs = 0;
  fc.assert(fc.property(exponent, exponent, exponent, fc.integer({ min: 1, max: 5 }), bounded, lower, fc.nat(10_000),
    (a, b, c, coef, factor, low, pick) => {
      runs++;
      const np = ['n^A', 'exp(A*log(n))', '1/n^(-A)'][pick % 3]!.replaceAll('A', a.text);
      const term = `${coef}*${np}*log(n)^${b.text}*log(log(n))^${c.text}*${factor}${low.replaceAll('A', a.text)}`;
      const r = classify(term, { term: true, from: 16 });
      if (r.verdict === 'unknown') { unknown++; return; }
      // a lower-order term changes nothing; a bounded factor is a bounded perturbation
      assert.equal(r.verdict, truth(a.v, b.v, c.v), term);
    }), { numRuns: 300, seed: 20261129 });
  assert.ok(unknown <= runs * 0.1, `too many unknowns: ${unknown}/${runs}`);
});

test('random biases −(a·log n + b·log log n) written with shifts are never decided wrongly', () => {
  fc.assert(fc.property(exponent, exponent, fc.constantFrom('n', 'n+1', '2*n+3', 'n/2+1'), fc.constantFrom('', ' + sin(n)', ' - 1/n', ' + atan(n)'),
    (a, b, arg, pert) => {
      const bias = `-${a.text}*log(${arg}) - ${b.text}*log(log(${arg}+2))${pert}`;
      const r = classify(bias, { from: 1 });
      if (r.verdict === 'unknown') return;
      assert.equal(r.verdict, truth(-a.v, -b.v, 0), bias);
    }), { numRuns: 200, seed: 7 });
});

test('nPower rewritings agree', () => {
  fc.assert(fc.property(exponent, fc.nat(), (a, k) => {
    const forms = ['n^A', 'exp(A*log(n))', '(n^2)^(A/2)', '1/n^(-A)', 'sqrt(n)^(2*A)'].map((f) => f.replaceAll('A', a.text));
    const f = forms[k % forms.length]!;
    const r = classify(f, { term: true, from: 1 });
    assert.equal(r.verdict, a.v < -1 ? 'converges' : 'diverges', f);
  }), { numRuns: 60 });
  void nPower;
});
