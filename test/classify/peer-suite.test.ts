/**
 * SymPy's own Sum.is_convergent suite (../shared/corpus), in term mode: every row
 * not marked stretch must be decided right; stretch rows may be unknown but never wrong.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { classify } from '../../src/classify.js';

const CORPUS = new URL('../../../shared/corpus/sympy-is-convergent.tsv', import.meta.url);

interface Row { term: string; variable: string; from: number; expected: 'converges' | 'diverges'; stretch: boolean }

function rows(): Row[] {
  const lines = readFileSync(CORPUS, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
  const [header, ...body] = lines;
  assert.ok(header!.startsWith('term\t'), 'corpus header');
  return body.map((l) => {
    const [term, variable, from, expected, , note] = l.split('\t');
    return { term: term!, variable: variable!, from: Number(from), expected: expected === 'C' ? 'converges' : 'diverges', stretch: (note ?? '').includes('stretch') };
  });
}

test('peer suite: SymPy is_convergent cases', { skip: !existsSync(CORPUS) && 'shared corpus not found' }, async (t) => {
  const all = rows();
  assert.ok(all.length >= 40, 'the corpus has its rows');
  for (const r of all) {
    await t.test(`${r.term} from ${r.from}${r.stretch ? ' (stretch)' : ''}`, () => {
      const c = classify(r.term, { var: r.variable, from: r.from, term: true });
      if (r.stretch) assert.ok(c.verdict === r.expected || c.verdict === 'unknown', `stretch row decided wrongly: ${c.verdict}`);
      else assert.equal(c.verdict, r.expected);
      assert.equal(c.cases.length, 1);
      assert.equal(c.cases[0]!.condition, 'true');
    });
  }
});
