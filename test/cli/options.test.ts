/** Shared series options: --from and --var validation, ClassifyOptions assembly. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidArgumentError } from 'commander';
import { parseFrom, parseVar, toClassifyOptions } from '../../src/cli/series-options.js';

describe('series options', () => {
  it('parseFrom accepts integers only', () => {
    assert.equal(parseFrom('3'), 3);
    assert.equal(parseFrom('-2'), -2);
    assert.equal(parseFrom(' 0 '), 0);
    for (const bad of ['abc', '1.5', '', '1e3', '0x10', '99999999999999999999']) {
      assert.throws(() => parseFrom(bad), InvalidArgumentError, bad);
    }
  });
  it('parseVar accepts one identifier, Greek included', () => {
    assert.equal(parseVar('x'), 'x');
    assert.equal(parseVar('τ'), 'τ');
    assert.throws(() => parseVar('1x'), InvalidArgumentError);
    assert.throws(() => parseVar('a b'), InvalidArgumentError);
  });
  it('toClassifyOptions drops what was not given', () => {
    assert.deepEqual(toClassifyOptions({}), {});
    assert.deepEqual(toClassifyOptions({ var: 'x', from: 1, assume: ['m > 0'], term: true }), { var: 'x', from: 1, assume: ['m > 0'], term: true });
    assert.deepEqual(toClassifyOptions({ assume: [] }), {});
  });
});
