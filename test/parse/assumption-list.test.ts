/** Several assumptions in one text: splitting, numbering, and errors that name the assumption and point into it. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { assumptionTexts, parseAssumptions, splitAssumptions } from '../../src/parse/assumption-list.js';
import { parseCondition } from '../../src/parse/parse.js';
import { errorOf } from './error-of.js';


describe('splitAssumptions', () => {
  it('splits at top-level commas and semicolons only', () => {
    assert.deepEqual(splitAssumptions('a > 0, b > 0'), [{ text: 'a > 0', offset: 0 }, { text: 'b > 0', offset: 7 }]);
    assert.deepEqual(splitAssumptions('max(a, b) > 1; log(a, 2) < 3').map((i) => i.text), ['max(a, b) > 1', 'log(a, 2) < 3']);
    assert.deepEqual(splitAssumptions(' , ,'), []);
  });

  it('offsets count code points, like columns', () => {
    // 𝑚 is one code point but two UTF-16 units
    assert.deepEqual(splitAssumptions('𝑚 > 0, b > 0'), [{ text: '𝑚 > 0', offset: 0 }, { text: 'b > 0', offset: 7 }]);
  });

  const item = fc.constantFrom('a > 0', 'b >= 1', 'max(a, b) < 2', '0 < c <= 2', 'a != b', 'r₁ > 0', 'log(a, 2) > 0', '𝑚 > 0');
  const sep = fc.constantFrom(',', ', ', ' ,  ', ';', ' ; ');
  it('property: the items come back, in order, each at its offset', () => {
    fc.assert(fc.property(fc.array(item, { minLength: 1, maxLength: 5 }), fc.array(sep, { minLength: 5, maxLength: 5 }), fc.constantFrom('', ' ', '  '), (items, seps, pad) => {
      const text = pad + items.map((t, k) => (k === 0 ? t : seps[k]! + t)).join('') + pad;
      const got = splitAssumptions(text);
      assert.deepEqual(got.map((g) => g.text), items);
      const cps = Array.from(text);
      for (const g of got) assert.equal(cps.slice(g.offset, g.offset + Array.from(g.text).length).join(''), g.text);
    }));
  });
});

describe('assumptionTexts', () => {
  it('takes a string or an array, each item possibly with commas', () => {
    assert.deepEqual(assumptionTexts('a > 0, b > 0'), ['a > 0', 'b > 0']);
    assert.deepEqual(assumptionTexts(['a > 0, b > 0', 'c < 1']), ['a > 0', 'b > 0', 'c < 1']);
    assert.deepEqual(assumptionTexts(undefined), []);
  });

  it('anything else is an option error', () => {
    for (const bad of [5, [1], { a: 1 }, null, ['a > 0', 2]]) assert.equal(errorOf(() => assumptionTexts(bad)).kind, 'option');
  });
});

describe('parseAssumptions', () => {
  it('parses each, numbered in order', () => {
    const got = parseAssumptions(['a > 0, b > 0', 'a < b'], ['a', 'b'], 'n');
    assert.deepEqual(got.map((g) => [g.index, g.text]), [[1, 'a > 0'], [2, 'b > 0'], [3, 'a < b']]);
    assert.deepEqual(got.map((g) => g.expr), ['a > 0', 'b > 0', 'a < b'].map((t) => parseCondition(t, ['a', 'b'])));
  });

  it('an error names the assumption, counts its column in it, and carries its text', () => {
    const e = errorOf(() => parseAssumptions('a > 0, b >> 0', ['a', 'b'], 'n'));
    assert.match(e.message, /^in assumption 2 "b >> 0": bit shifts are not supported/);
    assert.equal(e.column, 3);
    assert.equal(e.source, 'b >> 0');
    const unknown = errorOf(() => parseAssumptions(['a > 0', '  c > 0'], ['a'], 'n'));
    assert.match(unknown.message, /^in assumption 2 "c > 0": unknown parameter "c"/);
    assert.equal(unknown.column, 1);
    const single = errorOf(() => parseAssumptions('a >', ['a'], 'n'));
    assert.match(single.message, /^in the assumption "a >": /);
    assert.equal(single.source, 'a >');
  });

  it('the summation variable gets its own message', () => {
    for (const [assume, col] of [['n > 0', 1], ['m > 0, 0 < n', 5], ['n >= 1 and m > 0', 1]] as const) {
      const e = errorOf(() => parseAssumptions(assume, ['m'], 'n'));
      assert.equal(e.kind, 'assumption');
      assert.match(e.message, /"n" is the summation variable: assumptions are about the parameters only/);
      assert.equal(e.column, col, e.message);
    }
    assert.match(errorOf(() => parseAssumptions('x > 2', [], 'x')).message, /"x" is the summation variable/);
  });
});
