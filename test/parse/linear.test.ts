/** linearCoefficient: c with p ≡ c·n for trees of that shape (checked numerically), null otherwise. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { compileFloat } from '../../src/numeric/float.js';
import { linearCoefficient } from '../../src/parse/linear.js';
import { parseExpression } from '../../src/parse/parse.js';

const coef = (text: string): number | null => {
  const p = parseExpression(text);
  const c = linearCoefficient(p.expr, p.variable);
  return c === null ? null : compileFloat(c, p.variable)(0, { m: 0.3, k: 2 });
};

test('the ALiBi shapes give their coefficient', () => {
  assert.equal(coef('-m*n'), -0.3);
  assert.equal(coef('-n*m/2'), -0.15);
  assert.equal(coef('-(m*n) - k*n'), -2.3);
  assert.equal(coef('n'), 1);
  assert.equal(coef('-(n/k)'), -0.5);
});

test('other shapes are not read as linear', () => {
  for (const t of ['-m*n + 1', '-m*n^2', '-log(1+n)', '-m*n*n', '-m/n', '0', '-m*abs(n)', 'n < 3 ? -n : -2*n']) {
    assert.equal(coef(t), null, t);
  }
});

test('built c·n trees: coefficient times n equals p(n)', () => {
  // a linear tree: sums, negations, products and quotients by n-free constants around n
  const leaf = fc.constantFrom('n', '(3*n)', '(n/4)', '(-n)', '(m*n)');
  const tree = fc.letrec((tie) => ({
    t: fc.oneof({ depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.tuple(tie('t'), tie('t')).map(([a, b]) => `(${a} + ${b})`),
      fc.tuple(tie('t'), fc.constantFrom('2', 'k', '(1/3)')).map(([a, c]) => `(${c}*${a})`),
      fc.tuple(tie('t'), fc.constantFrom('5', 'k')).map(([a, c]) => `(${a}/${c})`),
      tie('t').map((a) => `(-${a})`)),
  })).t;
  fc.assert(fc.property(tree, fc.integer({ min: 0, max: 1000 }), (text, n) => {
    const p = parseExpression(text, { variable: 'n' });
    const c = linearCoefficient(p.expr, 'n');
    assert.ok(c !== null, text);
    const params = { m: 0.3, k: 2 };
    const want = compileFloat(p.expr, 'n')(n, params);
    const got = compileFloat(c, 'n')(0, params) * n;
    assert.ok(Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want)), `${text} at n=${n}: ${got} vs ${want}`);
  }), { numRuns: 200 });
});
