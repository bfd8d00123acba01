/**
 * rules/families.json: the comparison families are well formed and cited, their
 * conditions evaluate at every sample, and (needs the real decider) each sample term
 * classifies, in term mode, to the verdict its condition gives.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classify } from '../../src/classify.js';
import { casesOf, expectedAt, sampleCombinations, toPoint } from '../../src/rules/catalog-cases.js';
import { evalCondition, satisfiesAll } from '../../src/rules/condition-eval.js';
import { substituteSymbols } from '../../src/rules/formula-symbols.js';
import { loadCatalog, loadFamilies } from '../../src/rules/loader.js';
import { RulesError, validateFamilies } from '../../src/rules/schema.js';

const { families } = loadFamilies();

describe('rules/families.json schema', () => {
  it('has the reference families the tests compare with', () => {
    const ids = families.map((f) => f.id);
    for (const id of ['geometric', 'p-series', 'bertrand-1', 'bertrand-2', 'bertrand-3', 'stretched-exponential']) assert.ok(ids.includes(id), id);
  });
  it('every family has a proof with a method, a sketch and a citation', () => {
    for (const f of families) {
      assert.ok(f.proof.method.length > 0 && f.proof.sketch.length > 20 && f.proof.citation.length > 20, f.id);
    }
  });
  it('every condition evaluates at every sample', () => {
    for (const f of families) {
      for (const values of sampleCombinations(f.parameters)) {
        assert.equal(typeof evalCondition(f.condition, toPoint(values)), 'boolean', `${f.id} ${JSON.stringify(values)}`);
      }
    }
  });
  it('rejects a bad document with paths', () => {
    assert.throws(() => validateFamilies({ version: 1, families: [{ id: 'Bad Id', name: 'n' }] }), (err: unknown) =>
      err instanceof RulesError && /families\[0\]\.id/.test(err.message) && /families\[0\]\.proof/.test(err.message));
  });
});

describe('family samples in term mode (need the real decider)', () => {
  for (const f of families) {
    for (const values of sampleCombinations(f.parameters).filter((v) => satisfiesAll(f.assume, toPoint(v)))) {
      const term = substituteSymbols(f.term, Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)])));
      const want = expectedAt('conditional', f.condition, toPoint(values));
      it(`${f.id} ${JSON.stringify(values)}: Σ_{n≥${f.from}} ${term} ${want}`, () => {
        const r = classify(term, { term: true, from: f.from });
        assert.equal(r.verdict, want);
      });
    }
  }
});

describe('families the decider cites (needs the real decider)', () => {
  it('every family id in the catalog results is defined in families.json', () => {
    const known = new Set(families.map((f) => f.id));
    const cited = new Set<string>();
    for (const entry of loadCatalog().entries) {
      const { parametric, samples } = casesOf(entry);
      for (const c of [parametric, ...samples]) {
        for (const k of classify(c.formula, c.options).cases) for (const t of k.tests) if (t.family) cited.add(t.family.id);
      }
    }
    assert.ok(cited.size > 0, 'no comparison family cited at all');
    for (const id of cited) assert.ok(known.has(id), `family "${id}" is cited but not in rules/families.json`);
  });
});
