/**
 * Constants whose sign only high precision decides (issue 10, item 7): C = 1 + tiny,
 * the sign of C − 1 known by an inequality (constant-generator.ts), placed where it
 * decides the verdict. No case may be decided wrongly; fewer than 5% may be unknown.
 * Each call has a time limit (bounded work).
 *   RPE_SEED=<int>  another seed (default below), RPE_CONST_CASES=<int>  how many (default 400)
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { generateConstantCases } from './constant-generator.js';
import { WatchedClassifier } from './watchdog.js';

const SEED = process.env.RPE_SEED !== undefined ? Number(process.env.RPE_SEED) : 20261203;
const COUNT = process.env.RPE_CONST_CASES !== undefined ? Number(process.env.RPE_CONST_CASES) : 400;
const LIMIT_MS = 10_000;
if (!Number.isSafeInteger(SEED) || !Number.isSafeInteger(COUNT) || COUNT < 1) throw new Error('RPE_SEED and RPE_CONST_CASES must be integers');

const classifier = new WatchedClassifier();
after(async () => { await classifier.close(); });

test('constants signed from their exact value: no wrong verdict, under 5% unknown, none hangs', { timeout: 1_800_000 }, async (t) => {
  await classifier.run('-2*log(n+1)', {}, 120_000); // start-up outside the limits
  const cases = generateConstantCases(SEED, COUNT);
  const bad: string[] = [], unknown: string[] = [];
  for (const c of cases) {
    const w = await classifier.run(c.expr, c.options, LIMIT_MS);
    const line = `${c.family}: ${c.options.term ? 'term ' : ''}${c.expr} — truth ${c.truth} (${c.why}), got `;
    if (w.kind === 'timeout') bad.push(`${line}no answer after ${LIMIT_MS / 1000} s`);
    else if (w.kind === 'error') (w.input ? unknown : bad).push(`${line}${w.name}: ${w.message}`);
    else if (w.result.verdict === 'unknown') unknown.push(`${line}unknown (${w.result.cases[0]?.reason ?? ''})`);
    else if (w.result.verdict !== c.truth) bad.push(`${line}${w.result.verdict}`);
  }
  t.diagnostic(`constants (RPE_SEED=${SEED}): ${cases.length} cases, ${cases.length - bad.length - unknown.length} correct, ${unknown.length} unknown, ${bad.length} wrong, timed out or crashed`);
  assert.equal(bad.length, 0, `${bad.length} wrong, timed out or crashed (RPE_SEED=${SEED}); the first:\n  ${bad.slice(0, 12).join('\n  ')}`);
  assert.ok(unknown.length < 0.05 * cases.length, `${unknown.length} of ${cases.length} unknown (RPE_SEED=${SEED}); the first:\n  ${unknown.slice(0, 12).join('\n  ')}`);
});
