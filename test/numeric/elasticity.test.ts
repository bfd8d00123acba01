/** Elasticity arithmetic over [M, ∞): bounds on x·p'(x) that interval arithmetic alone cannot give. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evalElastic } from '../../src/numeric/elasticity.js';
import * as I from '../../src/numeric/interval.js';
import { parseExpression } from '../../src/parse/parse.js';

const D = (expr: string, M: number): I.Interval => evalElastic(parseExpression(expr).expr, { variable: 'n', M: I.exact(M) }).D;

describe('elasticity arithmetic', () => {
  it('−s·log(1 + r·n): x·p\' ∈ [−s, −s·(1 − 1/(rM))]', () => {
    const d = D('-1.5*log(1+0.5*n)', 1e6);
    assert.ok(d.lo >= -1.5 - 1e-12 && d.hi <= -1.5 * (1 - 2 / 0.5e6));
  });
  it('stretched exponentials: x·p\' ≤ −c·a·M^a', () => {
    const d = D('-0.3*n^0.1', 1e20);
    assert.ok(d.hi <= -0.03 * 1e2 * (1 - 1e-12));
  });
  it('log-log corrections (evo-10) close above M', () => {
    const d = D('log(1+log(1+n/256)) - 2*log(1+n/256)', 1e9);
    assert.ok(d.hi < -1.5 && d.lo >= -2 - 1e-12);
  });
  it('two growing terms in a sum (x^0.5 + x) via the ratio bound', () => {
    const d = D('-log(n^0.5 + n)', 1e6);
    assert.ok(d.lo >= -1 - 1e-12 && d.hi <= -0.999);
  });
  it('plain interval arithmetic would not close: the naive bound of x/(1+x) over [M, ∞] is [0, ∞]', () => {
    const naive = I.div({ lo: 1e6, hi: Infinity }, { lo: 1e6 + 1, hi: Infinity });
    assert.equal(naive.hi, Infinity);
  });
});
