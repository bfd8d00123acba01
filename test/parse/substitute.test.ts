/** Substitution helpers: n → n+1, n → 2^n, parameters → values; and exact tidying. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fraction from 'fraction.js';
import { parseExpression } from '../../src/parse/parse.js';
import { toAscii } from '../../src/parse/print.js';
import { substituteParameters } from '../../src/parse/substitute.js';
import { condense, shiftByOne } from '../../src/parse/index-shift.js';
import { tidy } from '../../src/parse/tidy.js';

const p = (s: string) => parseExpression(s).expr;

test('n → n+1 replaces every occurrence of the variable, not the parameters', () => {
  assert.equal(toAscii(shiftByOne(p('-m*log(1+n) + n'), 'n')), '-m * log(1 + n + 1) + n + 1');
});

test('n → 2^n (condensation) keeps the variable name', () => {
  assert.equal(toAscii(condense(p('-log(1+n)'), 'n')), '-log(1 + 2^n)');
});

test('pinned parameters become exact numbers', () => {
  assert.equal(toAscii(substituteParameters(p('-m*n'), new Map([['m', new Fraction(3, 2)]]))), '-1.5 * n');
});

test('tidy folds 0 +, 1 ·, x/1, x^1 and rational constants exactly', () => {
  assert.equal(toAscii(tidy(p('-m*(0+1)/(1+n)'))), '-m / (n + 1)');
  assert.equal(toAscii(tidy(p('(1/3)*2*n^(2-1)'))), '2 / 3 * n');
  assert.equal(toAscii(tidy(p('-(-(n+0))*1'))), 'n');
});
