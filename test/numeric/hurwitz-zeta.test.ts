/** The certified Hurwitz zeta against known values. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hurwitzZeta } from '../../src/numeric/hurwitz-zeta.js';
import * as I from '../../src/numeric/interval.js';

const inside = (z: I.Interval, v: number, rel = 4e-16): boolean => z.lo <= v + Math.abs(v) * rel && v - Math.abs(v) * rel <= z.hi;

describe('Hurwitz zeta', () => {
  it('ζ(2,1) = π²/6, ζ(4,1) = π⁴/90, ζ(3,1/2) = 7ζ(3), ζ(2,3/4)−ζ(2,1/4) = −16·Catalan', () => {
    assert.ok(inside(hurwitzZeta(I.exact(2), I.exact(1)), Math.PI ** 2 / 6));
    assert.ok(inside(hurwitzZeta(I.exact(4), I.exact(1)), Math.PI ** 4 / 90));
    assert.ok(inside(hurwitzZeta(I.exact(3), I.exact(0.5)), 7 * 1.2020569031595942));
    const d = I.sub(hurwitzZeta(I.exact(2), I.exact(0.75)), hurwitzZeta(I.exact(2), I.exact(0.25)));
    assert.ok(inside(d, -16 * 0.915965594177219, 1e-14));
  });
  it('is tight (relative width below 1e-12) and works for huge shifts', () => {
    for (const [s, a] of [[1.01, 1], [1.5, 2], [3, 1e17], [1.5, 1e250]] as const) {
      const z = hurwitzZeta(I.exact(s), I.exact(a));
      assert.ok((z.hi - z.lo) / z.lo < 1e-12, `${s}, ${a}`);
    }
    // ζ(s, a) ≈ a^{1−s}/(s−1) for huge a
    const z = hurwitzZeta(I.exact(1.5), I.exact(1e250));
    assert.ok(inside(z, 2e-125, 1e-12));
  });
});
