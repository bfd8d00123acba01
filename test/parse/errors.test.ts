import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError, type InputErrorKind } from '../../src/parse/errors.js';
import { parseExpression } from '../../src/parse/parse.js';

function errorOf(text: string): InputError {
  try {
    parseExpression(text);
  } catch (e) {
    assert.ok(e instanceof InputError, `expected InputError, got ${String(e)}`);
    return e;
  }
  assert.fail(`expected ${JSON.stringify(text)} to be rejected`);
}

function expectError(text: string, kind: InputErrorKind, column?: number): void {
  const e = errorOf(text);
  assert.equal(e.kind, kind, `${text}: ${e.message}`);
  if (column !== undefined) assert.equal(e.column, column, `${text}: ${e.message}`);
}

describe('error kinds and columns (1-based, in the original text)', () => {
  it('unknown functions', () => {
    expectError('-m*lg(1+n)', 'unknown-function', 4);
    expectError('−m·lg(1+n)', 'unknown-function', 4);
    expectError('λ·log(1+n) + √n + foo(n)', 'unknown-function', 19);
    expectError('log(n) + log(n) + lg(n) + log(n)', 'unknown-function', 19);
    expectError('import(n)', 'unknown-function', 1);
    expectError('evaluate(n)', 'unknown-function', 1);
    expectError('compile(n)', 'unknown-function', 1);
    expectError('m(1+n)', 'unknown-function', 1);
    expectError('n + n(2)', 'unknown-function', 5);
  });

  it('syntax errors from mathjs carry a column', () => {
    expectError('2*(n+', 'syntax', 6);
    expectError('n +* 2', 'syntax');
    expectError('(n', 'syntax');
    expectError('n)', 'syntax', 2);
    expectError('1 2', 'syntax', 3);
    expectError('−n² +', 'syntax');
    const e = errorOf('n +* 2');
    assert.ok(e.column !== undefined && e.column >= 3 && e.column <= 4, e.message);
  });

  it('unsupported syntax is rejected where it occurs', () => {
    expectError('x = 2', 'unsupported', 3);
    expectError('f(x) = x^2', 'unsupported', 6);
    expectError('a.b', 'unsupported', 2);
    expectError('n[1]', 'unsupported', 2);
    expectError('[1, 2]', 'unsupported', 1);
    expectError('{a: 1}', 'unsupported', 1);
    expectError('"abc"', 'unsupported', 1);
    expectError("n'", 'unsupported', 2);
    expectError('n; n', 'unsupported', 2);
    expectError('n % 2', 'unsupported', 3);
    expectError('n mod 2', 'unsupported', 3);
    expectError('n xor 2', 'unsupported', 3);
    expectError('n & 1', 'unsupported', 3);
    expectError('n | 1', 'syntax', 3);
    expectError('~n', 'unsupported', 1);
    expectError('n << 1', 'unsupported', 3);
    expectError('n ?? 1', 'unsupported', 3);
    expectError('5 cm to inch', 'unsupported', 6);
    expectError('n # comment', 'unsupported', 3);
    expectError('true', 'unsupported', 1);
    expectError('n + NaN', 'unsupported', 5);
    expectError('Infinity', 'unsupported', 1);
    expectError('0x1F * n', 'unsupported', 1);
    expectError('1:3', 'unsupported', 2);
    expectError('\\lambda n', 'unsupported', 1);
    expectError('n ∞', 'syntax', 3);
    expectError('n + é', 'syntax', 5);
    expectError('n $ 2', 'syntax', 3);
  });

  it('dangerous or reserved names', () => {
    expectError('constructor * n', 'unsupported', 1);
    expectError('n + __proto__', 'unsupported', 5);
    expectError('toString * n', 'unsupported', 1);
    expectError('_x * n', 'unsupported', 1);
    expectError('log * n', 'syntax', 1);
    expectError('n + sum', 'syntax', 5);
  });

  it('typing: comparisons only as tests', () => {
    expectError('(n < 2) + 1', 'unsupported', 4);
    expectError('n < 2', 'unsupported', 3);
    expectError('n ? 1 : 2', 'syntax', 3);
    expectError('n and n < 2 ? 1 : 0', 'syntax');
    expectError('not n ? 1 : 0', 'syntax');
  });

  it('sum bounds may not use their index', () => {
    expectError('sum(i, i, 1, i) + n', 'syntax', 14);
  });

  it('numbers with huge exponents', () => {
    expectError('1e100000 * n', 'too-large', 1);
    expectError('n * 1e-5000', 'too-large', 5);
  });

  it('empty input', () => {
    expectError('', 'syntax');
    expectError('   ', 'syntax');
    expectError('\u200B', 'syntax');
  });

  it('messages mention the column and toJSON carries it', () => {
    const e = errorOf('-m*lg(1+n)');
    assert.match(e.message, /column 4/);
    assert.deepEqual(Object.keys(e.toJSON()).sort(), ['column', 'kind', 'message']);
  });
});
