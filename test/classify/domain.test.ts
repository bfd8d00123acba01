/**
 * classify() and undefined terms: a series with an undefined term gets no
 * verdict (issue 10, item 3). Every n ≥ from counts, not only the first terms.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classify } from '../../src/classify.js';
import { InputError } from '../../src/parse/errors.js';

function domainError(text: string, options: Parameters<typeof classify>[1] = {}): string {
  try {
    classify(text, options);
  } catch (e) {
    assert.ok(e instanceof InputError && e.kind === 'domain', String(e));
    return e.message;
  }
  assert.fail(`expected a domain error for ${text}`);
}

test('the examples of the issue: no verdict, and a --from that fixes it', () => {
  assert.match(domainError('1/(n-20)^2', { term: true }), /^division by zero at n = 20: the term is undefined .*; use --from 21$/);
  assert.equal(classify('1/(n-20)^2', { term: true, from: 21 }).verdict, 'converges');
  assert.match(domainError('-2*log(n + 0.1 + 0.2 - 0.3)'), /^log of a non-positive number at n = 0: .*use --from 1$/);
  assert.equal(classify('-2*log(n + 0.1 + 0.2 - 0.3)', { from: 1 }).verdict, 'converges');
});

test('failures far past the first terms are found', () => {
  assert.match(domainError('-2*log(n - 1000)'), /at n = 0: .*use --from 1001$/);
  assert.match(domainError('1/((n-3)*(n-1e6))', { term: true, from: 4 }), /^division by zero at n = 1000000: .*use --from 1000001$/);
  // only n = 1000 is undefined: (n − 1000)² − sin(n)/2 < 0 there alone
  assert.match(domainError('-2*log(n+1) + log((n-1000)^2 - sin(n)/2)'), /^log of a non-positive number at n = 1000: .*use --from 1001$/);
  assert.equal(classify('-2*log(n+1) + log(n^2 - 10*n + 26)').verdict, 'diverges');
});

test('non-polynomial arguments proved positive keep their verdicts', () => {
  assert.equal(classify('-log(n - log(n+1))', { from: 1 }).verdict, 'diverges');
  assert.equal(classify('-2*log(log(n+3))').verdict, 'diverges');
  assert.equal(classify('-3*log(log(n+3)) - log(n+1)').verdict, 'converges');
});

test('where the check cannot cover every n the answer is unknown, with the reason', () => {
  const c = classify('-2*log(n+1)*(2 + tan(pi*n/2))');
  assert.equal(c.verdict, 'unknown');
  assert.match(c.cases[0]!.reason ?? '', /^cannot verify that the bias is defined for every n ≥ 1/);
});
