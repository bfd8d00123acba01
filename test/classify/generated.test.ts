/**
 * Generated exp-log cases whose verdict is known by construction (issue 10, item 7):
 * q = Σ c_i·B_i over blocks of known growth order, in several rewritings, in bias and
 * term mode and as parametric families (exp-log-generator.ts). classify() must never
 * contradict the truth, and may say unknown on fewer than 5% of the cases.
 *
 *   RPE_SEED=<int>          another seed (default below); the seed is printed
 *   RPE_GEN_CASES=<int>     how many random cases (default 10000)
 *   RPE_GEN_WORKERS=<int>   worker threads (default min(2, cores); 0 or 1: this thread)
 */
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { test, type TestContext } from 'node:test';
import { generateCases, pairCases } from './exp-log-generator.js';
import { checkAll, formatOutcome, type Outcome, summarise, workerCount } from './generated-check.js';

const SEED = process.env.RPE_SEED !== undefined ? Number(process.env.RPE_SEED) : 20261203;
const COUNT = process.env.RPE_GEN_CASES !== undefined ? Number(process.env.RPE_GEN_CASES) : 10_000;
const MAX_UNKNOWN = 0.05;
const SHOW = 12;

if (!Number.isSafeInteger(SEED)) throw new Error(`RPE_SEED must be an integer, got ${process.env.RPE_SEED}`);
if (!Number.isSafeInteger(COUNT) || COUNT < 1) throw new Error(`RPE_GEN_CASES must be a positive integer, got ${process.env.RPE_GEN_CASES}`);

function report(t: TestContext, label: string, out: readonly Outcome[], wallMs: number, cpu: NodeJS.CpuUsage): void {
  const s = summarise(out);
  t.diagnostic(`${label} (RPE_SEED=${SEED}): ${s.cases} cases, ${s.correct} correct, ${s.unknown} unknown, ${s.wrong} wrong, ${s.crash} crashed; `
    + `${(wallMs / 1000).toFixed(1)} s wall on ${workerCount()} worker(s), ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU (all threads)`);
  const kinds = [...new Set(out.map((o) => o.kind))];
  for (const k of kinds) {
    const ks = summarise(out.filter((o) => o.kind === k));
    t.diagnostic(`  ${k}: ${ks.cases} cases, ${ks.correct} correct, ${ks.unknown} unknown, ${ks.wrong} wrong, ${ks.crash} crashed; ${(ks.ms / ks.cases).toFixed(1)} ms per case`);
  }
  const bad = out.filter((o) => o.status === 'wrong' || o.status === 'crash');
  const unknown = out.filter((o) => o.status === 'unknown');
  assert.equal(bad.length, 0, `${bad.length} wrong or crashed (RPE_SEED=${SEED}); the first ${Math.min(SHOW, bad.length)}:\n${bad.slice(0, SHOW).map(formatOutcome).join('\n')}`);
  assert.ok(unknown.length < MAX_UNKNOWN * out.length,
    `${unknown.length} of ${out.length} unknown (RPE_SEED=${SEED}), the limit is ${MAX_UNKNOWN * 100}%; the first ${Math.min(SHOW, unknown.length)}:\n${unknown.slice(0, SHOW).map(formatOutcome).join('\n')}`);
}

test(`generated exp-log cases: no wrong verdict, under ${MAX_UNKNOWN * 100}% unknown`, { timeout: 1_800_000 }, async (t) => {
  const cases = generateCases(SEED, COUNT);
  const t0 = performance.now(), c0 = process.cpuUsage();
  const out = await checkAll(cases);
  report(t, 'generated', out, performance.now() - t0, process.cpuUsage(c0));
});

test('growth-order pairs: L0 + … + L_{d−1} + B_i − B_j for every ordered pair of blocks', { timeout: 600_000 }, async (t) => {
  const cases = pairCases(SEED);
  const t0 = performance.now(), c0 = process.cpuUsage();
  const out = await checkAll(cases);
  report(t, 'pairs', out, performance.now() - t0, process.cpuUsage(c0));
});
