/** Sharable URL fragments: every state round-trips, the documented form is produced, hostile fragments are harmless. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { decodeFragment, encodeFragment, type PlaygroundState } from '../../playground/src/fragment.js';

test('the documented form: #expr=<encodeURIComponent(formula)>&m=1.5', () => {
  const s: PlaygroundState = { formula: '−m·log(1+n)', assume: '', eps: '0.01', from: '0', values: { m: '1.5' } };
  assert.equal(encodeFragment(s), `#expr=${encodeURIComponent('−m·log(1+n)')}&m=1.5`);
  assert.deepEqual(decodeFragment(encodeFragment(s)), s);
});

test('assumptions, ε and reserved parameter names are kept', () => {
  const s: PlaygroundState = { formula: '-eps*n + expr + from', assume: 'eps > 0, expr < 1', eps: '0.05', from: '2', values: { eps: '1/2', expr: '2^(-1/3)', from: '4', b: '3' } };
  const f = encodeFragment(s);
  assert.match(f, /param\.eps=/);
  assert.match(f, /&from=2&/);
  assert.match(f, /param\.from=4/);
  assert.deepEqual(decodeFragment(f), s);
});

test('any state round-trips', () => {
  const name = fc.stringMatching(/^[a-z][a-z0-9_]{0,5}$/);
  fc.assert(fc.property(fc.string(), fc.string(), fc.string({ minLength: 1 }), fc.dictionary(name, fc.string()), (formula, assume, eps, values) => {
    const s: PlaygroundState = { formula, assume, eps: eps.trim() === '0.01' ? '0.01' : eps, from: '0', values };
    const back = decodeFragment(encodeFragment(s));
    assert.ok(back);
    assert.equal(back.formula, s.formula);
    assert.equal(back.assume.trim() === '' ? '' : back.assume, s.assume.trim() === '' ? '' : s.assume);
    assert.deepEqual({ ...back.values }, { ...values });
  }), { numRuns: 300 });
});

test('a fragment without a formula, malformed escapes and __proto__ are harmless', () => {
  assert.equal(decodeFragment(''), null);
  assert.equal(decodeFragment('#m=2'), null);
  const d = decodeFragment('#expr=%E0%A4%A&__proto__=1&m=%');
  assert.ok(d);
  assert.equal(d.formula, '%E0%A4%A');
  assert.equal(d.values.m, '%');
  assert.equal(Object.getPrototypeOf(d.values), Object.prototype);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test('a hand-written "+" is a plus, not a space', () => {
  assert.equal(decodeFragment('#expr=-m*log(1+n)')?.formula, '-m*log(1+n)');
});
