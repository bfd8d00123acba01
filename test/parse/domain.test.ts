import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkDomain } from '../../src/parse/domain.js';
import { InputError } from '../../src/parse/errors.js';
import { parseExpression } from '../../src/parse/parse.js';

function domainError(text: string, from: number, count?: number): InputError {
  try {
    checkDomain(parseExpression(text), from, count === undefined ? {} : { count });
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

  it('does not suggest --from when the failures are scattered or fill the window', () => {
    const scattered = domainError('log(sin(n))', 0);
    assert.doesNotMatch(scattered.message, /--from/);
    const all = domainError('log(-n - 1)', 0, 8);
    assert.doesNotMatch(all.message, /--from/);
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

  it('skips expressions with parameters', () => {
    assert.doesNotThrow(() => checkDomain(parseExpression('-r1*log(r2*n)'), 0));
  });

  it('stops quietly when evaluation is too expensive', () => {
    assert.doesNotThrow(() => checkDomain(parseExpression('sum(i, i, 1, 100000000) * n'), 0));
  });
});
