import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { DomainError, EvaluationLimitError, evaluateDecimal } from '../../src/numeric/evaluate.js';
import { parseExpression } from '../../src/parse/parse.js';

function value(text: string, n: Decimal.Value, params?: Record<string, Decimal.Value>, precision?: number): Decimal {
  const p = parseExpression(text);
  return evaluateDecimal(p.expr, params === undefined ? { variable: p.variable, n } : { variable: p.variable, n, params },
    precision === undefined ? {} : { precision });
}

function domainError(text: string, n: Decimal.Value, operation: RegExp): void {
  assert.throws(() => value(text, n), (e: unknown) => e instanceof DomainError && operation.test(e.operation), text);
}

const near = (a: number, b: number, rel = 1e-13): boolean =>
  Math.abs(a - b) <= rel * Math.max(1, Math.abs(b));

describe('evaluateDecimal: values', () => {
  it('agrees with Math.* at random points', () => {
    const fns: [string, (x: number) => number, fc.Arbitrary<number>][] = [
      ['log(n)', Math.log, fc.double({ min: 1e-6, max: 1e6, noNaN: true })],
      ['exp(n)', Math.exp, fc.double({ min: -50, max: 50, noNaN: true })],
      ['sqrt(n)', Math.sqrt, fc.double({ min: 0, max: 1e6, noNaN: true })],
      ['cbrt(n)', Math.cbrt, fc.double({ min: -1e6, max: 1e6, noNaN: true })],
      ['abs(n)', Math.abs, fc.double({ min: -1e6, max: 1e6, noNaN: true })],
      ['sign(n)', Math.sign, fc.double({ min: -10, max: 10, noNaN: true })],
      ['floor(n)', Math.floor, fc.double({ min: -1e6, max: 1e6, noNaN: true })],
      ['ceil(n)', Math.ceil, fc.double({ min: -1e6, max: 1e6, noNaN: true })],
      ['sin(n)', Math.sin, fc.double({ min: -100, max: 100, noNaN: true })],
      ['cos(n)', Math.cos, fc.double({ min: -100, max: 100, noNaN: true })],
      ['tan(n)', Math.tan, fc.double({ min: -1.5, max: 1.5, noNaN: true })],
      ['atan(n)', Math.atan, fc.double({ min: -1e3, max: 1e3, noNaN: true })],
      ['tanh(n)', Math.tanh, fc.double({ min: -20, max: 20, noNaN: true })],
      ['cosh(n)', Math.cosh, fc.double({ min: -20, max: 20, noNaN: true })],
      ['sinh(n)', Math.sinh, fc.double({ min: -20, max: 20, noNaN: true })],
      ['log(1 + n)/log(2)', (x) => Math.log2(1 + x), fc.double({ min: 0, max: 1e6, noNaN: true })],
      ['log10(n)', Math.log10, fc.double({ min: 1e-6, max: 1e6, noNaN: true })],
      ['log(n, 3)', (x) => Math.log(x) / Math.log(3), fc.double({ min: 1e-6, max: 1e6, noNaN: true })],
      ['n^2.5', (x) => x ** 2.5, fc.double({ min: 0, max: 1e3, noNaN: true })],
      ['min(n, 2, -n)', (x) => Math.min(x, 2, -x), fc.double({ min: -10, max: 10, noNaN: true })],
      ['max(n, 2)', (x) => Math.max(x, 2), fc.double({ min: -10, max: 10, noNaN: true })],
    ];
    for (const [text, f, arb] of fns) {
      const expr = parseExpression(text).expr;
      fc.assert(fc.property(arb, (x) => {
        const got = evaluateDecimal(expr, { variable: 'n', n: x }).toNumber();
        assert.ok(near(got, f(x)), `${text} at ${x}: ${got} vs ${f(x)}`);
      }), { numRuns: 40 });
    }
  });

  it('exact arithmetic and constants', () => {
    assert.equal(value('0.1 + 0.2 - 0.3', 0).toString(), '0');
    assert.equal(value('1/3 * 3', 0).toString(), '1');
    assert.equal(value('pi', 0, undefined, 30).toString(), '3.14159265358979323846264338328');
    assert.equal(value('e', 0, undefined, 20).toString(), '2.7182818284590452354');
    assert.equal(value('2^-n', 3).toString(), '0.125');
    assert.equal(value('(-2)^n', 3).toString(), '-8');
    assert.equal(value('cbrt(n)', -27).toString(), '-3');
    assert.equal(value('0^0', 0).toString(), '1');
    assert.equal(value('n!', 20).toString(), '2432902008176640000');
    assert.equal(value('gamma(n)', 0.5, undefined, 20).toString(), '1.7724538509055160273');
  });

  it('precision option', () => {
    assert.equal(value('1/3', 0, undefined, 5).toString(), '0.33333');
    assert.equal(value('log(2)', 0, undefined, 50).toString(), '0.69314718055994530941723212145817656807550013436026');
    assert.throws(() => value('n', 0, undefined, 0));
    assert.throws(() => value('n', 0, undefined, 10_000));
  });

  it('parameters, conditionals and sums', () => {
    assert.equal(value('-m*n', 4, { m: '0.25' }).toString(), '-1');
    assert.equal(value('n < 16 ? -n/4 : -4', 8).toString(), '-2');
    assert.equal(value('n < 16 ? -n/4 : -4', 100).toString(), '-4');
    assert.equal(value('n <= 0 or log(n) > 1 ? 1 : 0', 0).toString(), '1');
    assert.equal(value('n > 0 and log(n) > 1 ? 1 : 0', 0).toString(), '0');
    assert.equal(value('n < 1 ? 0 : log(n)', 0).toString(), '0');
    assert.equal(value('sum(i, i, 1, n)', 100).toString(), '5050');
    assert.equal(value('sum(i, i, 5, 1) + n', 0).toString(), '0');
    assert.equal(value('sum(sum(i*j, j, 1, i), i, 1, n)', 3).toString(), '25');
    const sandwich = value('lambda*(sum(cos(n/10000^(2*i/d)), i, 1, d/2) - d/2)', 5, { lambda: 1, d: 128 });
    assert.ok(sandwich.minus('-16.0986503406232514372831981232938231302681822').abs().lt('1e-35'), sandwich.toString());
    assert.throws(() => value('-m*n', 1), /no value given for the parameter m/);
    assert.throws(() => value('-m*n', 1, { toString: 1 } as never), /parameter m/);
  });
});

describe('evaluateDecimal: DomainError', () => {
  it('undefined operations', () => {
    domainError('log(n)', 0, /^log of a non-positive number$/);
    domainError('log(n)', -1, /^log of a non-positive number$/);
    domainError('1/n', 0, /^division by zero$/);
    domainError('n^(-1)', 0, /^zero to a negative power$/);
    domainError('sqrt(n)', -4, /^square root of a negative number$/);
    domainError('n^0.5', -4, /^square root of a negative number$/);
    domainError('n^(1/3)', -8, /^negative number to a non-integer power$/);
    domainError('gamma(n)', 0, /^gamma at a non-positive integer$/);
    domainError('gamma(n)', -2, /^gamma at a non-positive integer$/);
    domainError('n!', -1, /^factorial of a negative or non-integer number$/);
    domainError('n!', 2.5, /^factorial of a negative or non-integer number$/);
    domainError('sum(i, i, 1, n)', 2.5, /^sum bound that is not an integer$/);
  });
  it('messages name the operation and the value', () => {
    try {
      value('log(n - 3)', 1);
      assert.fail('expected a DomainError');
    } catch (e) {
      assert.ok(e instanceof DomainError);
      assert.equal(e.message, 'log of a non-positive number (-2)');
      assert.equal(e.value, '-2');
    }
  });
  it('limits are not domain errors', () => {
    assert.throws(() => value('sum(i, i, 1, 2000000) + n', 0), EvaluationLimitError);
    const p = parseExpression('sum(i, i, 1, 1000) + n');
    assert.throws(() => evaluateDecimal(p.expr, { variable: 'n', n: 0 }, { maxSteps: 100 }), EvaluationLimitError);
  });
});
