/**
 * Every catalog bias at every sample point: the TRF verdict matches the catalog's
 * expectation and S has at least 12 significant digits. Speed (< 50 ms per answer)
 * is measured by `npm run bench` (bench/trf.bench.ts), not asserted in tests.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectedAt, sampleCombinations, toPoint } from '../../src/rules/catalog-cases.js';
import { loadCatalog } from '../../src/rules/loader.js';
import { trf } from '../../src/trf/trf.js';

describe('TRF over the catalog', () => {
  for (const entry of loadCatalog().entries) {
    it(`${entry.id}: verdicts and 12 digits of S`, () => {
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
      }
    });
  }
});
