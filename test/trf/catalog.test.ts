/**
 * Every catalog bias at every sample point: the TRF verdict matches the catalog's
 * expectation, S has at least 12 significant digits, and each answer takes
 * < 50 ms in process (minimum of repeated runs, so machine load does not count;
 * RPE_SKIP_TIMING=1 skips the time check).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { performance } from 'node:perf_hooks';
import { expectedAt, sampleCombinations, toPoint } from '../../src/cli/catalog-cases.js';
import { loadCatalog } from '../../src/cli/rules-loader.js';
import { trf } from '../../src/trf/trf.js';

const SKIP_TIMING = process.env.RPE_SKIP_TIMING === '1';

function bestMs(fn: () => unknown, runs = 5): number {
  fn();
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

describe('TRF over the catalog', () => {
  for (const entry of loadCatalog().entries) {
    it(`${entry.id}: verdicts, 12 digits of S, < 50 ms`, () => {
      const combos = sampleCombinations(entry.parameters);
      for (const values of combos.length ? combos : [{}]) {
        const at = Object.entries(values).map(([k, v]) => `${k}=${v}`);
        const options = { at, ...(entry.from !== undefined ? { from: entry.from } : {}), ...(entry.variable !== undefined ? { var: entry.variable } : {}) };
        const r = trf(entry.formula, options).results[0]!;
        const expected = expectedAt(entry.expected.verdict, entry.expected.condition, toPoint(values));
        assert.equal(r.verdict, expected, `${entry.id} ${at}: ${r.method}`);
        if (expected === 'converges') {
          assert.ok(r.bracket && r.bracket[1] !== null, `${entry.id} ${at}: no bracket`);
          // 12 significant digits: the error is below half a unit in the 12th digit
          const S = Number(r.sum);
          const unit = 10 ** (Math.floor(Math.log10(S)) - 11);
          assert.ok(Number(r.sumError) <= unit / 2, `${entry.id} ${at}: S = ${r.sum} ± ${r.sumError}`);
        } else {
          assert.equal(r.trf, null);
        }
        if (!SKIP_TIMING) {
          const ms = bestMs(() => trf(entry.formula, options));
          assert.ok(ms < 50, `${entry.id} ${at}: ${ms.toFixed(1)} ms`);
        }
      }
    });
  }
  for (const expr of ['-0.3*n^0.1', '-0.01*log(1+n)^2']) {
    it(`${expr}: < 50 ms`, { skip: SKIP_TIMING }, () => {
      const ms = bestMs(() => trf(expr));
      assert.ok(ms < 50, `${ms.toFixed(1)} ms`);
    });
  }
});
