/**
 * Constants through the whole decider: the examples whose verdict hangs on a
 * constant's exact sign, and inputs whose exact expansion would not fit (each must
 * simply complete; the suite's own timeout is the bound).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classify } from '../../src/classify.js';

const verdict = (input: string): string => classify(input).verdict;

describe('verdicts decided by a constant’s exact sign', () => {
  const cases: [string, string, string][] = [
    ['sin(10^23)*n', 'diverges', 'sin(10^23) = +0.7011…, so p → +∞'],
    ['-(1 + log(1 + exp(-50)) - exp(-51))*log(n+1)', 'converges', 'the coefficient of log n is 1 + 1.2·10^−22'],
    ['-(e - exp(1) + 2)*n', 'converges', 'e − exp(1) = 0 exactly'],
    ['(sqrt(2)^2 - 2)*n', 'diverges', 'the bias is exactly 0'],
    ['-sin(pi)*n', 'diverges', 'the bias is exactly 0'],
    ['cos(10^22)*n', 'diverges', 'cos(10^22) = 0.5232…'],
    ['-(exp(pi*sqrt(163)) - 262537412640768744)*n', 'diverges', 'e^{π√163} is 7.5·10^−13 below the integer, so the slope is +7.5·10^−13'],
    ['-(1+2^(-3000))^(2^40)*log(n+1)', 'converges', 'the coefficient is 1 + 10^−891'],
    ['-log(n+1)*(sqrt(8) - 2*sqrt(2) + 1)', 'diverges', 'the coefficient is exactly 1: Σ 1/(n+1)'],
  ];
  for (const [input, want, why] of cases) it(`${input}: ${want} (${why})`, () => assert.equal(verdict(input), want));

  it('a sign no precision settles is an honest unknown', () => {
    assert.equal(verdict('sin(2^(2^20))*n'), 'unknown');
    assert.equal(verdict('(atan(1/2) + atan(1/3) - pi/4)*n'), 'unknown'); // exactly 0, by an identity the canonical form lacks
  });
});

describe('bounded work: huge exact constants stay symbolic', () => {
  const cases: [string, string][] = [
    ['-log(n+1)*2^(2^20)', 'converges'],
    ['-sqrt(1e400)*n', 'converges'],
    ['-(1+2^(-3000))^(2^40)*n', 'converges'],
    ['-10^(-100000)*n', 'converges'],
    ['-n*2^100000', 'converges'],
    ['-log(n+1)*10^(10^6)', 'converges'],
    ['-n^(2^20)', 'converges'],
    ['-n*(2^(1/2))^(2^40)', 'converges'],
  ];
  for (const [input, want] of cases) it(`${input}: ${want}`, () => assert.equal(verdict(input), want));
});
