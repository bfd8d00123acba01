/** The nerdamer plugin, from the real nerdamer package: registerNerdamer(nerdamer). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import nerdamer from 'nerdamer';
// the host's own calculus add-on, as a nerdamer user loads it for diff(): the plugin must leave it working
import 'nerdamer/Calculus.js';
import { classify } from '../../src/classify.js';
import { registerNerdamer } from '../../src/plugin/index.js';

registerNerdamer(nerdamer as unknown as Parameters<typeof registerNerdamer>[0]);
const n = nerdamer as unknown as typeof nerdamer & Record<string, (...a: unknown[]) => unknown>;

test('nerdamer.classify returns the same Classification object as the API', () => {
  assert.deepEqual(n.classify!('-2*log(1+n)'), classify('-2*log(1+n)'));
  assert.deepEqual(n.classify!('-m*n', { assume: ['m > 0'] }), classify('-m*n', { assume: ['m > 0'] }));
});

test('convergent and trf called directly', () => {
  assert.equal(n.convergent!('-2*log(1+n)'), true);
  assert.equal(n.convergent!('-m*log(1+n)'), 'm > 1');
  assert.equal(n.trf!('-m*n', 0.01, { m: 0.5 }), 9);
});

test('convergent and trf inside nerdamer expressions return Symbols', () => {
  assert.equal(nerdamer('convergent(-2*log(1+n))').toString(), '1');
  assert.equal(nerdamer('convergent(-log(1+n))').toString(), '0');
  assert.equal(nerdamer('trf(-n/2)').toString(), '9');
  assert.equal(nerdamer('x + 2*convergent(-2*log(1+n))').toString(), '2+x');
});

test('nerdamer keeps working as before', () => {
  assert.equal(nerdamer('diff(x^2, x)').toString(), '2*x');
});
