import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { compileFloat, DomainError, evaluateDecimal } from '../../src/numeric/evaluate.js';
import { parseExpression } from '../../src/parse/parse.js';

/** Biases from the catalog and the fairseq-evo candidates, plus every function. */
const EXPRESSIONS = [
  '-m*n',
  '-r1*log(1 + r2*n)',
  '-r1*n^r2',
  'lambda*(sum(cos(n/10000^(2*i/d)), i, 1, d/2) - d/2)',
  'n < 16 ? -n/4 : n < 128 ? -4 - log(n/16) : -4 - log(8)',
  '0',
  '-k*n',
  '-log(1 + (k*n)^2)',
  '-(k*n)^2',
  '-(k*n)^0.5',
  '-log(1 + k*n)',
  '-(k*n)^1.25',
  '-0.5*(k*n)^0.75',
  'log(1 + log(1 + k*n)) - 2*log(1 + k*n)',
  '-log(3 + k*n)^2',
  '-(log(3 + k*n) + log(log(3 + k*n)))',
  '-log(2 + n)*(2 + sin(n))',
  'abs(sin(n)) - sign(cos(n)) + floor(n/3) - ceil(n/7)',
  'atan(n) + tanh(n/50) - cosh(n/200) + sinh(n/300) + tan(n/1000)',
  'cbrt(n - 50) + sqrt(n) - exp(-n/10) + min(n, 3, m) - max(n/2, 1)',
  '-log(gamma(n/10 + 1.5)) + log(factorial(floor(n/10))) + gamma(0.5 - n/100)',
  '-n*log(2)/log(10) + log2(1 + n) - log10(1 + n) + log(1 + n, 3)',
  'pi*n/1000 - e',
  'n > 10 and n < 20 or n == 500 ? 1 : not (n != 3) ? 2 : 3',
];

const PARAM_RANGES = {
  m: fc.double({ min: 1 / 256, max: 0.5, noNaN: true }),
  r1: fc.double({ min: 0.01, max: 2, noNaN: true }),
  r2: fc.double({ min: 0.01, max: 2, noNaN: true }),
  k: fc.double({ min: 1 / 256, max: 0.5, noNaN: true }),
  lambda: fc.double({ min: 0.1, max: 2, noNaN: true }),
  d: fc.constantFrom(16, 64, 128),
};

function close(a: number, b: number): boolean {
  if (!Number.isFinite(b)) return a === b;
  return Math.abs(a - b) <= 1e-11 * Math.max(1, Math.abs(b));
}

describe('compileFloat', () => {
  it('agrees with evaluateDecimal on catalog biases and every function', () => {
    for (const text of EXPRESSIONS) {
      const p = parseExpression(text);
      const f = compileFloat(p.expr, p.variable);
      fc.assert(fc.property(fc.integer({ min: 0, max: 1000 }), fc.record(PARAM_RANGES), (n, params) => {
        const fl = f(n, params);
        let dec: number;
        try {
          dec = evaluateDecimal(p.expr, { variable: p.variable, n, params }, { precision: 30 }).toNumber();
        } catch (e) {
          assert.ok(e instanceof DomainError, String(e));
          assert.ok(Number.isNaN(fl), `${text} at ${n}: float ${fl} where decimal is undefined`);
          return;
        }
        assert.ok(close(fl, dec), `${text} at n = ${n} ${JSON.stringify(params)}: ${fl} vs ${dec}`);
      }), { numRuns: 30 });
    }
  });

  it('returns NaN outside the domain', () => {
    const nan = (text: string, n: number): void => {
      const p = parseExpression(text);
      assert.ok(Number.isNaN(compileFloat(p.expr, p.variable)(n)), `${text} at ${n}`);
    };
    nan('log(n)', 0);
    nan('log(n)', -1);
    nan('1/n', 0);
    nan('n^(-2)', 0);
    nan('sqrt(n)', -1);
    nan('n^(1/3)', -8);
    nan('gamma(n)', -2);
    nan('factorial(n)', 2.5);
    nan('sum(i, i, 1, n)', 2.5);
    nan('sum(i, i, 1, n)', 2e6);
    nan('log(n) < 1 ? 1 : 2', 0);
    nan('n > 0 and log(n) < 1 ? 1 : 2', -1 / 0 * 0);
  });

  it('short-circuits like evaluateDecimal', () => {
    const p = parseExpression('n <= 0 or log(n) > 1 ? 1 : 0');
    assert.equal(compileFloat(p.expr, 'n')(0), 1);
    const q = parseExpression('n > 0 and log(n) > 1 ? 1 : 0');
    assert.equal(compileFloat(q.expr, 'n')(0), 0);
  });

  it('fills a table quickly', () => {
    const p = parseExpression('lambda*(sum(cos(n/10000^(2*i/d)), i, 1, d/2) - d/2)');
    const f = compileFloat(p.expr, 'n');
    const params = { lambda: 0.5, d: 128 };
    const table = new Float64Array(4096);
    for (let n = 0; n < table.length; n++) table[n] = f(n, params);
    assert.equal(table[0], 0);
    assert.ok(table.every((v) => Number.isFinite(v) && v <= 1e-12));
  });

  it('throws on a missing parameter or a wrong variable', () => {
    const p = parseExpression('-m*n');
    assert.throws(() => compileFloat(p.expr, 'n')(1), /parameter m/);
    assert.throws(() => compileFloat(p.expr, 'x'), /variable/);
  });
});
