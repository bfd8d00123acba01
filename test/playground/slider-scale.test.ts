/** Slider ranges and positions: catalog ranges, defaults covering the boundaries, exact short values, log scales. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { boundariesIn, defaultValue, fromPosition, rangeFor, STEPS, toPosition } from '../../playground/src/slider-scale.js';

test('a catalog range wins; samples give a range otherwise, log-scaled when they span decades', () => {
  assert.deepEqual(rangeFor({ description: '', range: [0.01, 2] }, [], NaN), { min: 0.01, max: 2, log: true, source: 'catalog', steps: STEPS });
  assert.deepEqual(rangeFor({ description: '', range: [0, 2] }, [], NaN), { min: 0, max: 2, log: false, source: 'catalog', steps: 200 });
  const alibi = rangeFor({ description: '', samples: ['1/2', '1/4', '1/256'] }, [], NaN);
  assert.equal(alibi.min, 1 / 256);
  assert.equal(alibi.max, 0.5);
  assert.equal(alibi.log, true);
  assert.equal(defaultValue({ description: '', samples: ['1/2'] }, alibi), '1/2');
});

test('a default range covers every boundary of the regions, and the typed value', () => {
  assert.deepEqual(boundariesIn(['m > 1', 'm <= 1']), [1, 1]);
  assert.deepEqual(boundariesIn(['a + b > 3/2', 'r1 > 0.5']), [1.5, 0.5]);
  const r = rangeFor(undefined, boundariesIn(['s > 5']), NaN);
  assert.ok(r.min <= 5 && r.max >= 5 && r.source === 'default');
  const typed = rangeFor(undefined, [], 40);
  assert.ok(typed.max >= 40);
  const negative = rangeFor(undefined, [], -3);
  assert.ok(negative.min <= -3 && !negative.log);
});

test('positions map to short decimals inside the range, and back to the same position', () => {
  const ranges = [rangeFor(undefined, [1], NaN), rangeFor({ description: '', range: [0.01, 2] }, [], NaN), rangeFor({ description: '', range: [-2, 2] }, [], NaN)];
  for (const r of ranges) {
    for (let pos = 0; pos <= r.steps; pos++) {
      const text = fromPosition(r, pos);
      assert.match(text, /^-?\d+(\.\d+)?(e-?\d+)?$/, text);
      const v = Number(text);
      assert.ok(v >= r.min - 1e-12 && v <= r.max + 1e-12, `${text} in [${r.min}, ${r.max}]`);
      assert.ok(Math.abs(toPosition(r, v) - pos) <= 1, `position ${pos} → ${text} → ${toPosition(r, v)}`);
    }
  }
});

test('the slider crosses a boundary: 1 itself and values on both sides are reachable on the default range', () => {
  const r = rangeFor(undefined, [1], NaN);
  const values = Array.from({ length: r.steps + 1 }, (_, i) => Number(fromPosition(r, i)));
  assert.ok(values.some((v) => v < 1) && values.some((v) => v > 1) && values.includes(1));
  fc.assert(fc.property(fc.integer({ min: 0, max: r.steps - 1 }), (i) => values[i + 1]! > values[i]!));
});

test('linear ranges snap to round steps and every position is a distinct short decimal', () => {
  fc.assert(fc.property(fc.double({ min: -50, max: 50, noNaN: true }), fc.double({ min: 0.001, max: 100, noNaN: true }), (lo, width) => {
    const r = rangeFor({ description: '', range: [lo, lo + width] }, [], NaN);
    if (r.log) return;
    assert.ok(r.min <= lo + 1e-9 && r.max >= lo + width - 1e-9 && r.steps <= STEPS * 1.05 + 1);
    const seen = new Set<string>();
    for (let k = 0; k <= r.steps; k++) {
      const t = fromPosition(r, k);
      assert.ok(t.replace(/^-/, '').length <= 12, t);
      assert.ok(!seen.has(t), `duplicate ${t}`);
      seen.add(t);
    }
  }), { numRuns: 200 });
});
