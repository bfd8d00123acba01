/** "Did you mean …?" for unknown functions: the edit distance, the hint, and the parser's message. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { InputError } from '../../src/parse/errors.js';
import { FUNCTION_ARITY, isFunctionName } from '../../src/parse/names.js';
import { parseExpression } from '../../src/parse/parse.js';
import { closestFunctions, editDistance, functionHint } from '../../src/parse/suggest.js';

function messageOf(text: string): string {
  try {
    parseExpression(text);
  } catch (e) {
    assert.ok(e instanceof InputError && e.kind === 'unknown-function', String(e));
    return e.message;
  }
  return assert.fail(`${text} was accepted`);
}

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and neighbour swaps', () => {
    assert.equal(editDistance('log', 'log'), 0);
    assert.equal(editDistance('lgo', 'log'), 1);
    assert.equal(editDistance('lg', 'log'), 1);
    assert.equal(editDistance('logg', 'log'), 1);
    assert.equal(editDistance('lug', 'log'), 1);
    assert.equal(editDistance('', 'exp'), 3);
    assert.equal(editDistance('sqrt', 'cbrt'), 2);
  });

  it('property: symmetric, zero only on equal strings, at most the longer length', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'l', 'o', 'g'), maxLength: 7 });
    fc.assert(fc.property(word, word, (a, b) => {
      const d = editDistance(a, b);
      assert.equal(d, editDistance(b, a));
      assert.equal(d === 0, a === b);
      assert.ok(d <= Math.max(a.length, b.length));
    }));
  });
});

describe('functionHint', () => {
  const names = Object.keys(FUNCTION_ARITY).filter((f) => f.length >= 3);
  const edit = fc.tuple(fc.constantFrom(...names), fc.constantFrom('swap', 'delete', 'substitute', 'insert'), fc.nat(), fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'));
  const apply = ([f, kind, at, ch]: [string, string, number, string]): string => {
    const i = at % f.length;
    if (kind === 'swap') return i + 1 < f.length ? f.slice(0, i) + f[i + 1] + f[i] + f.slice(i + 2) : f;
    if (kind === 'delete') return f.slice(0, i) + f.slice(i + 1);
    if (kind === 'substitute') return f.slice(0, i) + ch + f.slice(i + 1);
    return f.slice(0, i) + ch + f.slice(i);
  };

  it('property: one typo in a function name suggests that function', () => {
    fc.assert(fc.property(edit, (e) => {
      const typo = apply(e);
      fc.pre(typo !== e[0] && !isFunctionName(typo));
      const hint = functionHint(typo);
      // an alias or an unsupported name is a deliberate answer; otherwise the function is offered
      if (hint !== undefined && (hint.startsWith('write') || hint.includes('not supported'))) return;
      assert.ok(closestFunctions(typo).includes(e[0]), `${typo}: ${hint}`);
      assert.match(hint ?? '', new RegExp(`did you mean .*\\b${e[0]}\\b`), typo);
    }), { numRuns: 500 });
  });

  it('aliases and unsupported functions', () => {
    assert.equal(functionHint('arctan'), 'write atan(…)');
    assert.equal(functionHint('lgamma'), 'write log(gamma(…))');
    assert.equal(functionHint('asin'), 'this function is not supported');
    assert.equal(functionHint('xyzzy'), undefined);
  });
});

describe('the parser’s message for an unknown function', () => {
  it('says "did you mean log?" instead of listing every function', () => {
    const m = messageOf('lgo(n)');
    assert.match(m, /unknown function "lgo"; did you mean log\?/);
    assert.doesNotMatch(m, /supported functions/);
    assert.match(messageOf('-m*Log(1+n)'), /did you mean log\?/);
    assert.match(messageOf('-sqr(n)'), /did you mean sqrt\?/);
    assert.match(messageOf('-m*lg(1+n)'), /did you mean log or ln\?/);
  });

  it('keeps the product hint for a parameter and lists the functions when nothing is close', () => {
    assert.match(messageOf('m(1+n)'), /for a product write m\*\(…\)/);
    const far = messageOf('-m*xyzzy(n)');
    assert.match(far, /for a product write xyzzy\*\(…\)/);
    assert.match(far, /supported functions: log, ln/);
  });
});
