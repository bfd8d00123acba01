/**
 * rules/catalog.json: the schema holds, and every entry — its parametric form and every
 * sample substitution — classifies to the expected verdict/condition. The verdict tests
 * fail until the real decider lands (src/classify.ts is a stub until then).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { casesOf } from '../../src/rules/catalog-cases.js';
import { runCase } from '../../src/rules/catalog-run.js';
import { loadCatalog } from '../../src/rules/loader.js';
import { RulesError, validateCatalog } from '../../src/rules/schema.js';

const catalog = loadCatalog();

describe('rules/catalog.json schema', () => {
  it('is valid and lists the literature biases of issue 2', () => {
    const ids = catalog.entries.map((e) => e.id);
    for (const id of ['alibi', 'kerple-log', 'kerple-power', 'sandwich', 't5', 'no-bias']) assert.ok(ids.includes(id), id);
    for (let t = 3; t <= 13; t++) assert.ok(ids.includes(`evo-${t}`), `evo-${t}`);
    const kl = catalog.entries.find((e) => e.id === 'kerple-log')!;
    assert.deepEqual(kl.expected, { verdict: 'conditional', condition: 'r1 > 1' });
  });
  it('reports every problem of a bad document with its path', () => {
    const bad = { version: 1, entries: [
      { id: 'x', name: 'X', source: 's', formula: '-m*n', parameters: {}, assume: [], expected: { verdict: 'maybe' } },
      { id: 'x', name: 'Y', source: 's', formula: '-n', parameters: { q: { description: 'unused' } }, assume: 'q > 0', expected: { verdict: 'conditional' } },
    ] };
    try {
      validateCatalog(bad);
      assert.fail('should throw');
    } catch (err) {
      assert.ok(err instanceof RulesError);
      const text = err.message;
      assert.match(text, /entries\[0\]\.formula: uses undeclared symbol "m"/);
      assert.match(text, /entries\[0\]\.expected\.verdict: must be one of/);
      assert.match(text, /entries\[1\]\.id: duplicate id "x"/);
      assert.match(text, /entries\[1\]\.assume: must be an array/);
      assert.match(text, /entries\[1\]\.expected\.condition: must be a non-empty string/);
      assert.match(text, /entries\[1\]\.parameters\.q: does not occur in formula/);
    }
  });
});

describe('catalog verdicts (need the real decider)', () => {
  for (const entry of catalog.entries) {
    const { parametric, samples } = casesOf(entry);
    for (const c of [parametric, ...samples]) {
      it(`${c.id}: ${c.formula} → ${c.expected}${c.expectedCondition ? ` iff ${c.expectedCondition}` : ''}`, () => {
        const run = runCase(c);
        assert.equal(run.agreement.status, 'agree', `${run.agreement.status}: ${run.agreement.detail}`);
      });
    }
  }
});
