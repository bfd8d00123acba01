import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkDomain } from '../../../src/numeric/domain/input.js';
import { InputError } from '../../../src/parse/errors.js';
import { parseExpression } from '../../../src/parse/parse.js';

function domainError(text: string, from: number, term = false): InputError {
  try {
    checkDomain(parseExpression(text), from, { term });
  } catch (e) {
    assert.ok(e instanceof InputError);
    assert.equal(e.kind, 'domain');
    return e;
  }
  assert.fail(`expected a domain error for ${text} from ${from}`);
}

describe('checkDomain', () => {
  it('accepts biases defined on the range', () => {
    for (const s of ['-m*n', '0', '-4', '-log(1 + n)', 'n < 16 ? -n/4 : -4', 'sqrt(n)', '-n!', 'sum(cos(n/i), i, 1, 4)']) {
      assert.doesNotThrow(() => checkDomain(parseExpression(s), 0), s);
    }
    assert.doesNotThrow(() => checkDomain(parseExpression('-log(n)'), 1));
  });

  it('names the first undefined n and suggests --from', () => {
    const e = domainError('-2*log(n)', 0);
    assert.equal(e.message, 'log of a non-positive number at n = 0: the bias is undefined on the summation range; use --from 1');
    assert.match(domainError('log(n - 3)', 0).message, /at n = 0: .*use --from 4$/);
    assert.match(domainError('1/(n - 5)', 0).message, /^division by zero at n = 5: .*use --from 6$/);
    assert.match(domainError('-log(n)', -3).message, /at n = -3: .*use --from 1$/);
  });

  it('does not suggest --from when the failures are scattered or never end', () => {
    const scattered = domainError('log(sin(n))', 0);
    assert.doesNotMatch(scattered.message, /--from/);
    const all = domainError('log(-n - 1)', 0);
    assert.doesNotMatch(all.message, /--from/);
    assert.match(all.message, /also for every n ≥ 1/);
  });

  it('every n, not only the first terms: exact roots of rational arguments (issue 10)', () => {
    assert.equal(domainError('1/(n-20)^2', 0, true).message, 'division by zero at n = 20: the term is undefined on the summation range; use --from 21');
    assert.equal(checkDomain(parseExpression('1/(n-20)^2'), 21, { term: true }), null);
    assert.equal(domainError('-2*log(n + 0.1 + 0.2 - 0.3)', 0).message, 'log of a non-positive number at n = 0: the bias is undefined on the summation range; use --from 1');
    assert.equal(domainError('log(n - 1000)', 0).message, 'log of a non-positive number at n = 0: the bias is undefined on the summation range (also at n = 1, …, 1000); use --from 1001');
    assert.equal(domainError('1/((n-3)*(n-1e6))', 0, true).message, 'division by zero at n = 3: the term is undefined on the summation range (also at n = 1000000); use --from 1000001');
    assert.match(domainError('log(n^2 - 10*n + 24)', 0).message, /^log of a non-positive number at n = 4: .*\(also at n = 5, 6\); use --from 7$/);
    for (const ok of ['1/(n^2 - 2)', 'log(n^2 - 10*n + 26)', '-log(log(n+3))']) assert.equal(checkDomain(parseExpression(ok), 0), null, ok);
    assert.equal(checkDomain(parseExpression('-log(n - log(n+1))'), 1), null);
    assert.match(domainError('-log(n - log(n+1))', 0).message, /at n = 0: .*use --from 1$/);
  });

  it('returns a caveat where it cannot cover every n', () => {
    const caveat = checkDomain(parseExpression('-log(n+1)*(2 + tan(pi*n/2))'), 0);
    assert.match(caveat ?? '', /^cannot verify that the bias is defined for every n ≥ 1 \(tan at a pole/);
  });

  it('uses the variable name', () => {
    assert.throws(() => checkDomain(parseExpression('log(x)', { variable: 'x' }), 0), /at x = 0/);
  });

  it('other domain problems', () => {
    assert.match(domainError('sqrt(n - 2)', 0).message, /^square root of a negative number at n = 0/);
    assert.match(domainError('(n - 2)^0.5', 0).message, /^square root of a negative number at n = 0/);
    assert.match(domainError('gamma(n)', 0).message, /^gamma at a non-positive integer at n = 0/);
    assert.match(domainError('factorial(n - 1)', 0).message, /^factorial .* at n = 0/);
    assert.match(domainError('(-1)^(n/2)', 0).message, /non-integer power at n = 1/);
  });

  it('leaves requirements with parameters to the regions, and reports the others as a caveat', () => {
    assert.equal(checkDomain(parseExpression('-r1*log(r2*n)'), 0), null);
    assert.match(checkDomain(parseExpression('-m*log(n-1)'), 0) ?? '', /^log of a non-positive number at n = 0: .*use --from 2$/);
  });

  it('stops quietly when evaluation is too expensive', () => {
    assert.doesNotThrow(() => checkDomain(parseExpression('sum(i, i, 1, 100000000) * n'), 0));
  });
});
