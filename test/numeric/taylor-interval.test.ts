/** Taylor-mode interval AD: coefficients enclose known closed forms; block enclosures contain pointwise ones. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { compileTaylor, evalTaylor, NonSmoothError } from '../../src/numeric/expr-taylor.js';
import * as I from '../../src/numeric/interval.js';
import * as T from '../../src/numeric/taylor-interval.js';
import { parseExpression } from '../../src/parse/parse.js';

const at = (expr: string, x: I.Interval, K: number): T.TaylorSeries =>
  evalTaylor(parseExpression(expr).expr, { variable: 'n', x: T.identity(x, K), domain: x });

function binom(alpha: number, k: number): number {
  let r = 1;
  for (let i = 0; i < k; i++) r = (r * (alpha - i)) / (i + 1);
  return r;
}

describe('Taylor series with interval coefficients', () => {
  it('(1 + x/2)^(−3/2): coefficients C(−1.5, k)·0.5^k·(1+x0/2)^(−1.5−k)', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), (x0) => {
      const s = at('(1 + n/2)^(-1.5)', I.exact(x0), 10);
      for (let k = 0; k <= 10; k++) {
        const truth = binom(-1.5, k) * 0.5 ** k * (1 + x0 / 2) ** (-1.5 - k);
        const c = T.coef(s, k);
        assert.ok(c.lo <= truth * (1 + 1e-12) + 1e-300 && truth * (1 - 1e-12) - 1e-300 <= c.hi || (c.lo <= truth && truth <= c.hi), `k=${k} ${truth} ∉ [${c.lo}, ${c.hi}]`);
      }
    }), { numRuns: 100 });
  });
  it('exp(−sqrt(x)), log, sin·cos, atan agree with finite differences of the point series', () => {
    for (const expr of ['exp(-sqrt(n))', 'log(1+n)^2', 'sin(n)*cos(n)', 'atan(n)', 'tanh(n/3)']) {
      const x0 = 2.5;
      const s = at(expr, I.exact(x0), 3);
      const f = (x: number): number => {
        const v = at(expr, I.exact(x), 0);
        return T.coef(v, 0).lo;
      };
      const h = 1e-4;
      const d1 = (f(x0 + h) - f(x0 - h)) / (2 * h);
      const c1 = T.coef(s, 1);
      assert.ok(Math.abs(I.mid(c1) - d1) < 1e-6, `${expr}: ${I.mid(c1)} vs ${d1}`);
    }
  });
  it('a block enclosure contains the pointwise coefficients of every point in the block', () => {
    fc.assert(fc.property(fc.double({ min: 1, max: 1e4, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, t) => {
      const X = { lo: a, hi: a * 1.5 };
      const p = a + t * (X.hi - X.lo);
      const block = at('-0.3*n^0.1 + log(2+n)', X, 8);
      const point = at('-0.3*n^0.1 + log(2+n)', I.exact(p), 8);
      for (let k = 0; k <= 8; k++) {
        const b = T.coef(block, k);
        const c = T.coef(point, k);
        assert.ok(b.lo <= c.hi && c.lo <= b.hi, `k=${k}`);
      }
    }), { numRuns: 100 });
  });
  it('refuses branches that switch inside the block', () => {
    const f = compileTaylor(parseExpression('n < 16 ? -n : -2*n').expr, 'n');
    assert.throws(() => f(T.identity({ lo: 10, hi: 20 }, 4), { lo: 10, hi: 20 }, new Map()), NonSmoothError);
    const ok = f(T.identity({ lo: 20, hi: 30 }, 4), { lo: 20, hi: 30 }, new Map());
    const c1 = T.coef(ok, 1);
    assert.ok(c1.lo <= -2 && -2 <= c1.hi && c1.hi - c1.lo < 1e-15);
  });
});
