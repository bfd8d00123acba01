/** Catalog expansion (samples, substitution) and agreement judging, on hand-made results. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { judge } from '../../src/rules/agreement.js';
import { casesOf, sampleCombinations } from '../../src/rules/catalog-cases.js';
import { substituteSymbols, symbolsOf } from '../../src/rules/formula-symbols.js';
import type { CatalogEntry } from '../../src/rules/schema.js';
import type { Classification, ClassificationCase } from '../../src/types.js';

const kerpleLog: CatalogEntry = {
  id: 'kl', name: 'KL', source: 's', formula: '-r1*log(1+r2*n)',
  parameters: { r1: { description: 'a', samples: ['1/2', 1, 2] }, r2: { description: 'b', samples: [0.5] } },
  assume: ['r1 > 0', 'r2 > 0'], expected: { verdict: 'conditional', condition: 'r1 > 1' },
};

const result = (verdict: Classification['verdict'], cases: ClassificationCase[]): Classification => ({
  input: 'x', expression: 'x', variable: 'n', from: 0, parameters: ['r1', 'r2'], term: false, verdict, cases,
});
const k = (condition: string, verdict: ClassificationCase['verdict']): ClassificationCase =>
  ({ condition, verdict, extrapolation: 'unknown', tests: [] });

describe('formula symbols', () => {
  it('lists free symbols, not functions, constants or sum indices', () => {
    assert.deepEqual([...symbolsOf('lambda*(sum(cos(n/10000^(2*i/d)), i, 1, d/2) - d/2) + pi')].sort(), ['d', 'lambda', 'n']);
    assert.deepEqual([...symbolsOf('n < 16 ? -n/8 : -min(16 + floor(log(n/16)), 31)/8')], ['n']);
  });
  it('substitutes values with correct parentheses', () => {
    assert.equal(substituteSymbols('-m*n', { m: '1/2' }), '-(1 / 2) * n');
    assert.equal(substituteSymbols('-(k*n)^0.5', { k: '1/4' }), '-(1 / 4 * n) ^ 0.5');
    assert.equal(substituteSymbols('-k^2', { k: '-1' }), '-(-1) ^ 2');
  });
});

describe('catalog cases', () => {
  it('combines samples and computes the expected verdict at each', () => {
    assert.equal(sampleCombinations(kerpleLog.parameters).length, 3);
    const { parametric, samples } = casesOf(kerpleLog);
    assert.equal(parametric.points.length, 3);
    assert.deepEqual(parametric.options, { assume: ['r1 > 0', 'r2 > 0'] });
    assert.deepEqual(samples.map((s) => [s.id, s.expected]), [
      ['kl[r1=1/2,r2=0.5]', 'diverges'], ['kl[r1=1,r2=0.5]', 'diverges'], ['kl[r1=2,r2=0.5]', 'converges'],
    ]);
    assert.equal(samples[2]!.formula, '-2 * log(1 + 0.5 * n)');
  });
});

describe('judge', () => {
  const { parametric, samples } = casesOf(kerpleLog);
  it('agrees with a correct partition', () => {
    const r = result('conditional', [k('r1 > 1 and r2 > 0', 'converges'), k('r1 <= 1 and r2 > 0', 'diverges')]);
    assert.equal(judge(r, parametric).status, 'agree');
  });
  it('flags a wrong boundary, overlapping cases and a wrong concrete verdict', () => {
    assert.equal(judge(result('conditional', [k('r1 >= 1', 'converges'), k('r1 < 1', 'diverges')]), parametric).status, 'wrong');
    assert.equal(judge(result('conditional', [k('r1 > 0', 'converges'), k('r1 <= 1', 'diverges')]), parametric).status, 'wrong');
    assert.equal(judge(result('converges', [k('true', 'converges')]), parametric).status, 'wrong');
    assert.equal(judge(result('converges', [k('true', 'converges')]), samples[0]!).status, 'wrong');
  });
  it('calls unknown regions undecided, never wrong', () => {
    assert.equal(judge(result('conditional', [k('r1 > 1', 'converges'), k('r1 <= 1', 'unknown')]), parametric).status, 'undecided');
    assert.equal(judge(result('unknown', [k('true', 'unknown')]), samples[2]!).status, 'undecided');
    assert.equal(judge(result('converges', [k('true', 'converges')]), samples[2]!).status, 'agree');
  });
});
