/** The window ERF's monotone envelope and its probe grid. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { envelopeErf, probeGrid, type Probe } from '../../src/validate/erf.js';

test('envelope: a non-monotone probe above the limit pushes the ERF past it', () => {
  // the README's ALiBi case: window 7 within 1%, window 31 not, full attention 6.70
  const probes: Probe[] = [
    { window: 3, ppl: 7.2 }, { window: 7, ppl: 6.75 }, { window: 15, ppl: 6.72 }, { window: 31, ppl: 6.84 }, { window: 63, ppl: 6.70 },
  ];
  assert.equal(envelopeErf(probes, 6.70 * 1.01), 63);
  const fixed = probes.map((p) => (p.window === 31 ? { window: 31, ppl: 6.71 } : p));
  assert.equal(envelopeErf(fixed, 6.70 * 1.01), 7);
  assert.equal(envelopeErf([{ window: 5, ppl: 2 }], 1), null);
  assert.equal(envelopeErf([], 1), null);
});

test('envelope: every wider probe is within the limit and the next narrower probe is not (property)', () => {
  fc.assert(fc.property(
    fc.uniqueArray(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 25 }),
    fc.array(fc.double({ min: 1, max: 3, noNaN: true }), { minLength: 25, maxLength: 25 }),
    fc.double({ min: 1, max: 3, noNaN: true }),
    (windows, ppls, limit) => {
      const probes = windows.map((w, i) => ({ window: w, ppl: ppls[i]! }));
      const erf = envelopeErf(probes, limit);
      const sorted = [...probes].sort((a, b) => a.window - b.window);
      if (erf === null) return sorted[sorted.length - 1]!.ppl > limit;
      const wider = sorted.filter((p) => p.window >= erf);
      const below = sorted.filter((p) => p.window < erf);
      return wider.every((p) => p.ppl <= limit) && (below.length === 0 || below[below.length - 1]!.ppl > limit)
        && probes.some((p) => p.window === erf);
    },
  ));
});

test('probe grid: ascending, from 0 to L−1, steps at most about √2', () => {
  for (const L of [2, 8, 64, 128, 1000]) {
    const g = probeGrid(L);
    assert.equal(g[0], 0);
    assert.equal(g[g.length - 1], L - 1);
    for (let i = 1; i < g.length; i++) {
      assert.ok(g[i]! > g[i - 1]!);
      if (g[i - 1]! >= 4) assert.ok(g[i]! <= Math.ceil(g[i - 1]! * Math.SQRT2) + 1, `${g[i - 1]} → ${g[i]}`);
    }
  }
  assert.deepEqual(probeGrid(64), [0, 1, 2, 3, 4, 6, 8, 11, 16, 23, 32, 45, 63]);
});
