import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkDefined, type DomainResult } from '../../../src/numeric/domain/check.js';
import { parseExpression } from '../../../src/parse/parse.js';

function check(text: string, from = 0): DomainResult {
  const p = parseExpression(text);
  return checkDefined(p.expr, p.variable, from);
}

function failsAt(text: string, from: number, n: bigint | number, what?: RegExp): DomainResult & { kind: 'undefined' } {
  const r = check(text, from);
  assert.equal(r.kind, 'undefined', `${text} from ${from}: ${JSON.stringify(r, (_, v) => (typeof v === 'bigint' ? String(v) : v))}`);
  assert.equal(r.n, BigInt(n), text);
  if (what) assert.match(r.what, what);
  return r;
}

const defined = (text: string, from = 0): void => assert.deepEqual(check(text, from), { kind: 'defined' }, `${text} from ${from}`);

describe('checkDefined: rational arguments, decided exactly', () => {
  it('the examples of issue 10', () => {
    failsAt('1/(n-20)^2', 0, 20, /division by zero/);
    defined('1/(n-20)^2', 21);
    // exactly -2·log n: 0.1 + 0.2 - 0.3 is 0 in exact rationals
    failsAt('-2*log(n + 0.1 + 0.2 - 0.3)', 0, 0, /log/);
    defined('-2*log(n + 0.1 + 0.2 - 0.3)', 1);
  });

  it('roots far out', () => {
    const r = failsAt('log(n - 1000)', 0, 0);
    assert.deepEqual(r.known, [{ lo: 0n, hi: 1000n }]);
    defined('log(n - 1000)', 1001);
    failsAt('log(n - 1000)', 1000, 1000);
    const two = failsAt('1/((n-3)*(n-1e6))', 0, 3);
    assert.deepEqual(two.known, [{ lo: 3n, hi: 3n }, { lo: 1000000n, hi: 1000000n }]);
    failsAt('1/((n-3)*(n-1e6))', 4, 1000000);
    defined('1/((n-3)*(n-1e6))', 1000001);
    failsAt('log(n - 1e300)', 1, 1);
  });

  it('irrational and non-integer roots are no failure', () => {
    defined('1/(n^2 - 2)');
    defined('log(n^2 - 10*n + 26)');
    defined('1/(2*n - 7)');
    defined('log((n - 7/2)^2)');
  });

  it('a negative stretch between roots', () => {
    const r = failsAt('log(n^2 - 10*n + 24)', 0, 4);
    assert.deepEqual(r.known, [{ lo: 4n, hi: 6n }]);
    defined('log(n^2 - 10*n + 24)', 7);
    defined('sqrt(n^2 - 10*n + 24)', 6);
    failsAt('sqrt(n^2 - 10*n + 24)', 0, 5, /square root/);
  });

  it('powers, gamma, factorial, sum bounds', () => {
    defined('(-1)^n');
    failsAt('(-1)^(n/2)', 0, 1, /non-integer power/);
    failsAt('n^(-2)', 0, 0, /division by zero|zero to a negative power/);
    defined('n^n');
    failsAt('gamma(n - 2)', 0, 0, /gamma/);
    defined('gamma(n - 2)', 3);
    defined('gamma(n - 1/2)');
    failsAt('factorial(n - 1)', 0, 0, /factorial/);
    failsAt('factorial(n/2)', 0, 1, /factorial/);
    defined('-n!');
    defined('sum(1/i, i, 1, n)');
    failsAt('sum(1/i, i, 1, n/2)', 0, 1, /sum bound/);
    defined('tan(n)');
  });

  it('conditionals: a branch matters only where it is taken', () => {
    defined('n < 16 ? -n/8 : -min(16 + floor(log(n/16)/log(128/16)*(32-16)), 31)/8');
    failsAt('n < 5 ? 0 : log(10 - n)', 0, 10);
    defined('n < 20 ? log(20 - n) : -n');
    defined('n > 3 and log(n - 3) > 1 ? -n : 0');
    failsAt('n > 2 and log(n - 3) > 1 ? -n : 0', 0, 3);
  });
});

describe('checkDefined: other arguments, by enclosures', () => {
  it('nested logs and differences of growing terms', () => {
    defined('-log(log(n+3))');
    defined('-log(n - log(n+1))', 1);
    failsAt('-log(n - log(n+1))', 0, 0, /log/);
    defined('-2*log(n+1) + log(n+2)^(log(log(n+3)))/(n+1)');
    defined('log(1/(n+1) + exp(-n))');
    defined('log(2 + sin(n))');
  });

  it('refutes where a point is certainly undefined', () => {
    failsAt('log(sin(n))', 0, 0);
    failsAt('log(sin(n))', 1, 4);
    failsAt('log(n - 100 + sin(n))', 0, 0);
  });

  it('says unverified rather than guessing', () => {
    const r = check('tan(pi*n/2)');
    assert.equal(r.kind, 'unverified');
    // log(sin(1/n)) is positive-argument for n ≥ 1, but its tail tends to 0 and no enclosure shows it
    const s = check('log(sin(1/n))', 1);
    assert.notEqual(s.kind, 'undefined');
  });

  it('bounded work on hostile inputs', () => {
    for (const text of ['-log(n+1)*2^(2^20)', 'sum(i, i, 1, 100000000) * n', '-sqrt(1e400)*n', 'log((n+1)^30 - n^30)', 'log(n^100 + 1)']) {
      const t = performance.now();
      const r = check(text, 1);
      assert.equal(r.kind, 'defined', text);
      assert.ok(performance.now() - t < 2000, `${text}: ${performance.now() - t} ms`);
    }
  });
});

describe('checkDefined: properties', () => {
  const smallInt = fc.integer({ min: -9, max: 9 });
  const poly = (cs: number[]): string => cs.map((c, i) => `(${c})*n^${i}`).join(' + ') || '0';

  it('a planted integer root r >= from is reported, or an earlier failure', () => {
    fc.assert(fc.property(
      fc.integer({ min: -20, max: 20 }), fc.integer({ min: 0, max: 3000 }), fc.array(smallInt, { minLength: 1, maxLength: 4 }), fc.constantFrom('1/', 'log', 'sqrt'),
      (from, offset, cs, op) => {
        const r = from + offset;
        const factor = cs.some((c) => c !== 0) ? `(${poly(cs)})` : '1';
        const p = `(n - ${r})*${factor}`;
        const text = op === '1/' ? `1/(${p})` : op === 'log' ? `log((${p})^2)` : `1/sqrt((${p})^2)`;
        const result = check(text, from);
        assert.equal(result.kind, 'undefined', text);
        if (result.kind !== 'undefined') return;
        assert.ok(result.n >= BigInt(from) && result.n <= BigInt(r), `${text} from ${from}: reported ${result.n}`);
      },
    ), { numRuns: 150, seed: 1010 });
  });

  it('polynomials positive on every integer >= from are accepted', () => {
    fc.assert(fc.property(
      fc.integer({ min: -20, max: 20 }), fc.array(fc.integer({ min: -50, max: 3000 }), { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 3 }),
      (from, shifts, c, kind) => {
        let p: string;
        if (kind === 0) p = shifts.map((s) => `(n - ${from} + 1 + ${Math.abs(s)})`).join('*'); // positive factors on n >= from
        else if (kind === 1) p = shifts.map((s) => `(n - ${s})^2`).join(' + ') + ` + ${c}`; // squares plus a positive constant
        else if (kind === 2) p = shifts.map((s) => `(n - ${s} - 1/2)^2`).join('*'); // roots between integers
        else p = `(n - ${shifts[0]})^2*${c} + ${c}/7`;
        const text = `-log(${p})`;
        assert.deepEqual(check(text, from), { kind: 'defined' }, `${text} from ${from}`);
      },
    ), { numRuns: 150, seed: 2020 });
  });
});
