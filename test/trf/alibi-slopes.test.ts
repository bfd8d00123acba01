/**
 * ALiBi slope rules against independent re-implementations of the two reference
 * codes (Press et al.'s recursive get_slopes and MPT's gen_slopes, written here from
 * their published Python in floating point), and `rpe slopes` / `--alibi-heads` built on them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { slopeExponents, slopeValue } from '../../src/trf/alibi-slopes.js';
import { alibiSlopes } from '../../src/trf/substitute.js';
import { slopes } from '../../src/trf/slopes.js';
import { trf } from '../../src/trf/trf.js';
import { constValue } from '../../src/trf/recognize.js';

/** Press et al., attention_with_linear_biases: get_slopes(n) (bias max 8 only). */
function pressGetSlopes(n: number): number[] {
  const pow2 = (k: number): number[] => {
    const start = 2 ** (-(2 ** -(Math.log2(k) - 3)));
    return Array.from({ length: k }, (_, i) => start * start ** i);
  };
  if (Number.isInteger(Math.log2(n))) return pow2(n);
  const closest = 2 ** Math.floor(Math.log2(n));
  return [...pow2(closest), ...pressGetSlopes(2 * closest).filter((_, i) => i % 2 === 0).slice(0, n - closest)];
}

/** MPT, llmfoundry gen_slopes(n_heads, alibi_bias_max). */
function mptGenSlopes(nHeads: number, biasMax: number): number[] {
  const n = 2 ** Math.ceil(Math.log2(nHeads));
  const s = Array.from({ length: n }, (_, i) => 1 / 2 ** ((i + 1) * (biasMax / n)));
  if (n === nHeads) return s;
  return [...s.filter((_, i) => i % 2 === 1), ...s.filter((_, i) => i % 2 === 0)].slice(0, nHeads);
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));

describe('ALiBi slope rules', () => {
  it('H = 12 gives the reference slopes 2^-1 … 2^-8, 2^-0.5, 2^-1.5, 2^-2.5, 2^-3.5', () => {
    const e = slopeExponents(12).map((f) => f.valueOf());
    assert.deepEqual(e, [1, 2, 3, 4, 5, 6, 7, 8, 0.5, 1.5, 2.5, 3.5]);
  });
  it('the alibi rule equals Press et al.\'s get_slopes for every H from 1 to 300', () => {
    for (let H = 1; H <= 300; H++) {
      const ours = slopeExponents(H).map(slopeValue);
      const ref = pressGetSlopes(H);
      assert.equal(ours.length, H);
      ours.forEach((v, i) => assert.ok(close(v, ref[i]!), `H = ${H}, head ${i + 1}: ${v} vs ${ref[i]}`));
    }
  });
  it('the alibi rule with a bias max equals MPT\'s gen_slopes (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 512 }), fc.integer({ min: 1, max: 32 }), fc.integer({ min: 1, max: 4 }), (H, bn, bd) => {
      const ours = slopeExponents(H, { biasMax: `${bn}/${bd}` }).map(slopeValue);
      const ref = mptGenSlopes(H, bn / bd);
      return ours.every((v, i) => close(v, ref[i]!));
    }), { numRuns: 300 });
  });
  it('the geometric rule is 2^(−8h/H) and agrees with alibi exactly when H is a power of 2', () => {
    for (const H of [1, 2, 3, 5, 12, 16, 40, 64, 112]) {
      const g = slopeExponents(H, { rule: 'geometric' });
      g.forEach((f, i) => assert.ok(f.equals(8 * (i + 1), H) || f.valueOf() === (8 * (i + 1)) / H));
      const a = slopeExponents(H);
      const same = g.every((f, i) => f.equals(a[i]!));
      assert.equal(same, (H & (H - 1)) === 0, `H = ${H}`);
    }
  });
  it('rejects bad head counts and bias maxima', () => {
    for (const H of [0, -1, 1.5, 5000, Number.NaN]) assert.throws(() => slopeExponents(H), /heads/);
    for (const B of ['-1', '0', 'x', Number.POSITIVE_INFINITY]) assert.throws(() => slopeExponents(4, { biasMax: B }), /bias maximum/);
  });
});

describe('--alibi-heads uses the same rule', () => {
  it('substituted values are exact and equal to the rule', () => {
    for (const H of [3, 12, 40]) {
      const vals = alibiSlopes(H);
      const exps = slopeExponents(H);
      vals.forEach((v, i) => {
        const iv = constValue(v.expr);
        const want = slopeValue(exps[i]!);
        assert.ok(iv.lo <= want * (1 + 1e-15) && iv.hi >= want * (1 - 1e-15), `${H}/${i}: ${v.text}`);
      });
    }
    assert.equal(alibiSlopes(3)[0]!.text, '0.0625');
    assert.equal(alibiSlopes(12)[8]!.text, '2^(-0.5)');
  });
  it('trf --alibi-heads 12 gives ⌈ln 100/m⌉ − 1 per head and names the rule; --slope-rule geometric changes it', () => {
    const rep = trf('-m*n', { alibiHeads: 12 });
    assert.match(rep.slopes!, /reference rule \(alibi, bias max 8/);
    const exps = slopeExponents(12);
    rep.results.forEach((r, i) => assert.equal(r.trf, Math.ceil(Math.log(100) / slopeValue(exps[i]!)) - 1));
    const geo = trf('-m*n', { alibiHeads: 12, slopeRule: 'geometric' });
    assert.match(geo.slopes!, /geometric/);
    assert.equal(geo.results[0]!.trf, Math.ceil(Math.log(100) / 2 ** (-8 / 12)) - 1);
    assert.equal(trf('-m*n', { at: ['m=1/2'] }).slopes, undefined);
  });
});

describe('slopes()', () => {
  it('every head: exact slope, number, TRF, window; the model TRF is the largest', () => {
    const r = slopes({ heads: 12 });
    assert.equal(r.rule, 'alibi');
    assert.deepEqual(r.heads.map((h) => h.exact).slice(8), ['2^(-1/2)', '2^(-3/2)', '2^(-5/2)', '2^(-7/2)']);
    assert.deepEqual(r.heads.map((h) => h.slope), slopeExponents(12).map(slopeValue));
    for (const h of r.heads) {
      assert.equal(h.verdict, 'converges');
      assert.equal(h.trf, Math.ceil(Math.log(100) / h.slope) - 1);
      assert.ok(Number(h.window) >= Number(h.trf));
    }
    assert.equal(r.trf, Math.max(...r.heads.map((h) => Number(h.trf))));
    assert.equal(r.trf, 1178);
  });
  it('bias max and ε change the heads as they should', () => {
    const r = slopes({ heads: 8, biasMax: 16, eps: '0.001' });
    assert.equal(r.heads[0]!.exact, '2^(-2)');
    assert.equal(r.heads[7]!.trf, Math.ceil(Math.log(1000) * 2 ** 16) - 1);
  });
});
