/** Large integers in the terminal: 2.0·10^179, brackets rounded outward. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { bracketText, intText } from '../../src/cli/number-text.js';

/** "5.62·10^199" → [mantissa digits as bigint, exponent of the last digit]. */
function value(text: string): bigint {
  const m = /^(\d)(?:\.(\d+))?·10\^(\d+)$/.exec(text);
  if (!m) return BigInt(text);
  const digits = m[1]! + (m[2] ?? '');
  return BigInt(digits) * 10n ** BigInt(Number(m[3]) - (digits.length - 1));
}

const bigInt = fc.bigInt({ min: 1n, max: 10n ** 300n });

describe('intText', () => {
  it('prints up to 15 digits in full and larger integers with 2 significant digits', () => {
    assert.equal(intText(123456789012345), '123456789012345');
    assert.equal(intText('2' + '0'.repeat(179)), '2.0·10^179');
    assert.equal(intText('19988217669860047269663951829242583920211794693969679661364373680745248106610450283807498859459988949931430452288708869324818267599099070089106915453207143318415000635085324025856'), '2.0·10^178');
    assert.equal(intText('1e+21'), '1.0·10^21');
  });
  it('is within half a unit of the second digit (random integers)', () => {
    fc.assert(fc.property(bigInt, (x) => {
      const t = intText(x.toString());
      const v = value(t);
      const unit = x.toString().length > 15 ? 10n ** BigInt(x.toString().length - 2) : 1n;
      const err = v > x ? v - x : x - v;
      assert.ok(2n * err <= unit * 10n, `${x} → ${t}`); // a carry (9.96 → 10) may add one exponent
      if (x.toString().length <= 15) assert.equal(t, x.toString());
    }));
  });
});

describe('bracketText', () => {
  it('rounds outward with the digits that tell the ends apart', () => {
    assert.equal(bracketText('56198526233627787166387238361', '56198526236088496517091656921'), '[5.6198526233·10^28, 5.6198526237·10^28]');
    assert.equal(bracketText(3, 5), '[3, 5]');
    assert.equal(bracketText('1000000000000000000', null), '[1.0·10^18, ∞]');
  });
  it('the printed bracket holds the true one (random brackets)', () => {
    fc.assert(fc.property(bigInt, fc.bigInt({ min: 0n, max: 10n ** 200n }), (lo, w) => {
      const hi = lo + w;
      const m = /^\[(.*), (.*)\]$/.exec(bracketText(lo.toString(), hi.toString()))!;
      assert.ok(value(m[1]!) <= lo && value(m[2]!) >= hi, `[${lo}, ${hi}] → ${m[0]}`);
    }));
  });
});
