/** The fused bias table equals p_h(i−j) below the diagonal and −∞ elsewhere, from the parsed expression. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BiasError, BiasTables, tableData, tabulate } from '../../src/validate/bias-table.js';
import { resolveRpe } from '../../src/validate/rpe.js';
import { DEFAULT_RPES } from '../../src/validate/defaults.js';
import { Rng } from '../../src/validate/rng.js';
import { backend } from './helpers.js';

await backend();

test('table entries equal p(i−j) on random entries (ALiBi slopes, KERPLE log)', () => {
  const H = 4, T = 40;
  const cases: Array<[string, Record<string, string>, (n: number, h: number) => number]> = [
    ['-m*n', { m: '2^(-8*h/H)' }, (n, h) => -(2 ** (-8 * h / H)) * n],
    ['-r1*log(1+r2*n)', { r1: '2', r2: '0.5' }, (n) => -2 * Math.log(1 + 0.5 * n)],
    ['-log(1+k*n)', { k: '2^(-8*h/H)' }, (n, h) => -Math.log(1 + 2 ** (-8 * h / H) * n)],
  ];
  const rng = new Rng(3);
  for (const [expression, at, p] of cases) {
    const rpe = resolveRpe({ expression, at }, H, 8);
    const tables = new BiasTables(rpe.fn, H, T);
    const data = tables.get(T).dataSync();
    for (let k = 0; k < 300; k++) {
      const h = rng.int(H), i = rng.int(T), j = rng.int(T);
      const got = data[h * T * T + i * T + j]!;
      if (j > i) assert.equal(got, -Infinity, `${expression} [${h},${i},${j}] above the diagonal`);
      else assert.ok(Math.abs(got - p(i - j, h + 1)) <= 1e-5 * (1 + Math.abs(p(i - j, h + 1))), `${expression} [${h},${i},${j}]: ${got} vs ${p(i - j, h + 1)}`);
    }
    tables.dispose();
  }
});

test('a window keeps distances ≤ w only', () => {
  const bias = tabulate((n) => -n, 1, 10);
  const d = tableData(bias, 10, 2);
  for (let i = 0; i < 10; i++) for (let j = 0; j < 10; j++) {
    const v = d[i * 10 + j]!;
    if (j <= i && i - j <= 2) assert.equal(v, -(i - j));
    else assert.equal(v, -Infinity);
  }
});

test('every default RPE compiles and gives finite p(0)', () => {
  for (const spec of DEFAULT_RPES) {
    const rpe = resolveRpe(spec, 4, 16);
    for (let h = 0; h < 4; h++) assert.ok(Number.isFinite(rpe.fn(0, h)), spec.expression);
  }
  const t5 = resolveRpe(DEFAULT_RPES.find((s) => s.name === 'T5 buckets')!, 4, 16);
  // exact below 16, constant beyond 128
  assert.equal(t5.fn(5, 0), -0.25 * 5);
  assert.equal(t5.fn(200, 0), t5.fn(5000, 0));
});

test('undefined or +∞ bias values are rejected', () => {
  assert.throws(() => tabulate((n) => Math.log(n - 3), 1, 8), BiasError);
  assert.throws(() => tabulate(() => Infinity, 1, 8), BiasError);
  assert.throws(() => tabulate((n) => (n === 0 ? -Infinity : 0), 1, 8), BiasError);
  assert.doesNotThrow(() => tabulate((n) => (n > 3 ? -Infinity : 0), 1, 8));
});
