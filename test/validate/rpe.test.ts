/** --rpe/--at specifications: per-head values, auto-bound h/H, errors before training. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evalAtValue, parseAt, resolveRpe, RpeError } from '../../src/validate/rpe.js';

test('parseAt splits on top-level commas only', () => {
  assert.deepEqual(parseAt('m=2^(-8*h/H), r1=max(1,2)'), { m: '2^(-8*h/H)', r1: 'max(1,2)' });
  assert.throws(() => parseAt('m'), RpeError);
  assert.throws(() => parseAt('1x=2'), RpeError);
});

test('ALiBi slopes are per head', () => {
  const r = resolveRpe({ expression: '-m*n', at: { m: '2^(-8*h/H)' } }, 8, 8);
  assert.deepEqual(r.headParams.map((p) => p.m), [1 / 2, 1 / 4, 1 / 8, 1 / 16, 1 / 32, 1 / 64, 1 / 128, 1 / 256]);
  assert.equal(r.fn(10, 0), -5);
  assert.equal(r.label, '-m*n @ m=2^(-8*h/H)');
});

test('h and H in the bias are bound to the head', () => {
  const r = resolveRpe({ expression: '-2^(-8*h/H)*n', at: {} }, 4, 16);
  assert.equal(r.fn(4, 0), -(2 ** -2) * 4);
  assert.equal(r.fn(4, 3), -(2 ** -8) * 4);
});

test('missing, unknown and non-finite parameters are errors', () => {
  assert.throws(() => resolveRpe({ expression: '-r1*log(1+r2*n)', at: { r1: '2' } }, 2, 4), /r2/);
  assert.throws(() => resolveRpe({ expression: '-m*n', at: { m: '1', q: '2' } }, 2, 4), /no parameter q/);
  assert.throws(() => evalAtValue('1/0', { h: 1, H: 1, D: 1 }), RpeError);
  assert.throws(() => resolveRpe({ expression: '-m*', at: {} }, 2, 4));
});

test('m=alibi gives the reference ALiBi slopes of H heads, as rpe trf --alibi-heads does', async () => {
  const { slopeExponents, slopeValue } = await import('../../src/trf/alibi-slopes.js');
  const r = resolveRpe({ expression: '-m*n', at: { m: 'alibi' } }, 12, 8);
  assert.deepEqual(r.headParams.map((p) => p.m), slopeExponents(12).map(slopeValue));
  assert.equal(r.headParams[8]!.m, 2 ** -0.5);
  const g = resolveRpe({ expression: '-m*n', at: { m: 'geometric(4)' } }, 3, 8);
  assert.equal(g.headParams[0]!.m, 2 ** (-4 / 3));
  assert.throws(() => resolveRpe({ expression: '-m*n', at: { m: 'alibi(-1)' } }, 4, 8), /bias maximum/);
});
