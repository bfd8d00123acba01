/**
 * The named experiments: their plans (TRFs finite, distinct, below L; the
 * catalog and candidate types 3–13 present with the paper's verdicts), a tiny
 * multi-seed run end to end with its files, and the CLI's --experiment flags.
 * The paper scale is planned here, never run.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { generatedCorpus } from '../../src/validate/corpus.js';
import { fromJson } from '../../src/validate/json.js';
import { resolveRpe } from '../../src/validate/rpe.js';
import { SCALES, suitePlan } from '../../src/validate/suite.js';
import { runSuite } from '../../src/validate/suite-run.js';
import { writeSuite } from '../../src/validate/suite-output.js';
import { theoryOf } from '../../src/validate/theory.js';
import { registerValidateCommand } from '../../src/cli/validate-command.js';
import { backend } from './helpers.js';

await backend();

test('trf-erf plans: every TRF finite, distinct within its family and below the training length', async () => {
  for (const scale of SCALES) {
    const plan = suitePlan('trf-erf', scale);
    const L = plan.config.train.length;
    assert.ok(plan.seeds.length >= 3);
    assert.deepEqual(plan.config.evalLens, [L]);
    const byFamily = new Map<string, number[]>();
    for (const e of plan.entries) {
      const rpe = resolveRpe(e.spec, plan.config.model.heads, plan.config.model.dModel / plan.config.model.heads);
      assert.ok(rpe.headParams.every((p) => JSON.stringify(p) === JSON.stringify(rpe.headParams[0])), `${e.spec.name}: heads share one value`);
      const th = await theoryOf(rpe, plan.config.eps);
      assert.equal(th.verdict, 'converges', e.spec.name);
      assert.equal(th.trfSource, 'trf', `${e.spec.name}: certified TRF`);
      assert.ok(th.trf !== null && Number.isFinite(th.trf) && th.trf < L - 1, `${scale} ${e.spec.name}: TRF ${th.trf} < ${L - 1}`);
      byFamily.set(e.family, [...(byFamily.get(e.family) ?? []), th.trf!]);
    }
    assert.equal(byFamily.size, 3);
    for (const [f, trfs] of byFamily) {
      assert.equal(new Set(trfs).size, trfs.length, `${scale} ${f}: distinct TRFs ${trfs.join(', ')}`);
      assert.ok(trfs.length >= (scale === 'quick' ? 4 : 5), `${scale} ${f}: at least 5 values (4 at the quick scale)`);
    }
  }
});

test('extrapolation plan: the catalog biases and candidate types 3-13 with their known verdicts', async () => {
  const plan = suitePlan('extrapolation', 'quick');
  const names = plan.entries.map((e) => e.spec.name);
  for (const n of ['ALiBi', 'KERPLE log r1=2', 'KERPLE log r1=0.5', 'no bias', 'T5 buckets', 'Sandwich']) assert.ok(names.includes(n), n);
  for (let t = 3; t <= 13; t++) assert.ok(names.includes(`evo type ${t}`), `type ${t}`);
  const diverge = new Set(['KERPLE log r1=0.5', 'no bias', 'T5 buckets', 'Sandwich', 'evo type 7', 'evo type 13']);
  for (const e of plan.entries) {
    const th = await theoryOf(resolveRpe(e.spec, plan.config.model.heads, plan.config.model.dModel / plan.config.model.heads));
    assert.equal(th.verdict, diverge.has(e.spec.name!) ? 'diverges' : 'converges', e.spec.name);
  }
  assert.ok(plan.seeds.length >= 3);
  assert.equal(Math.max(...plan.config.evalLens), 16 * plan.config.train.length);
});

test('a tiny multi-seed trf-erf run: statistics and files', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rpe-suite-'));
  try {
    const c = generatedCorpus(12000, 3);
    const file = join(dir, 'corpus.txt');
    writeFileSync(file, Buffer.concat([Buffer.from(c.train), Buffer.from(c.valid)]));
    const p0 = suitePlan('trf-erf', 'quick');
    const plan = {
      ...p0, seeds: [1, 2],
      entries: [p0.entries[0]!, p0.entries[3]!, p0.entries[5]!, p0.entries[8]!],
      config: { ...p0.config, model: { ...p0.config.model, dModel: 16, dMlp: 32 }, train: { ...p0.config.train, steps: 3, length: 16, batch: 4 }, evalLens: [16], evalTokens: 128, erfTokens: 64, gradErfRows: 8 },
    };
    const r = await runSuite({ plan, command: 'test', corpusFile: file, jobs: 1, backend: 'wasm' });
    assert.deepEqual(r.experiment.errors, []);
    assert.equal(r.runs.length, 8);
    assert.deepEqual([...new Set(r.runs.map((x) => x.seed))].sort(), [1, 2]);
    for (const x of r.runs) {
      assert.ok(x.erf !== null && x.erf >= 0 && x.erf <= 15);
      assert.ok(x.gradErf !== null && x.gradErf >= 0 && x.gradErf <= 15);
      assert.ok(x.erfProbes.length >= 8);
    }
    assert.deepEqual(r.correlations.map((k) => k.group), [...new Set(plan.entries.map((e) => e.family)), 'all families']);
    assert.equal(r.correlations.at(-1)!.runs, 8);
    assert.equal(r.entries.length, 4);
    assert.equal(r.entries[0]!.erf!.n, 2);
    const paths = await writeSuite(r, dir);
    const doc = fromJson<Record<string, unknown>>(readFileSync(paths.json, 'utf8'));
    for (const k of ['experiment', 'scale', 'command', 'seeds', 'machine', 'seconds', 'correlations', 'entries', 'runs']) assert.ok(k in doc, k);
    assert.match(readFileSync(paths.svg, 'utf8'), /^<svg/);
    assert.match(readFileSync(paths.html, 'utf8'), /<table>/);
    assert.ok(existsSync(paths.html));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('CLI: --experiment, --scale and --seeds parse; --experiment refuses --rpe', async () => {
  const program = new Command().exitOverride();
  registerValidateCommand(program);
  const cmd = program.commands.find((c) => c.name() === 'validate')!;
  let captured: Record<string, unknown> = {};
  cmd.action((flags) => { captured = flags; });
  await program.parseAsync(['validate', '--experiment', 'trf-erf', '--scale', 'default', '--seeds', '4,5,6'], { from: 'user' });
  assert.equal(captured.experiment, 'trf-erf');
  assert.equal(captured.scale, 'default');
  assert.deepEqual(captured.seeds, [4, 5, 6]);
  const p2 = new Command().exitOverride().configureOutput({ writeErr: () => {} });
  registerValidateCommand(p2);
  await assert.rejects(p2.parseAsync(['validate', '--experiment', 'nope'], { from: 'user' }), /Allowed choices/);
  const p3 = new Command().exitOverride().configureOutput({ writeErr: () => {} });
  registerValidateCommand(p3);
  await assert.rejects(p3.parseAsync(['validate', '--experiment', 'trf-erf', '--rpe', '0'], { from: 'user' }), /cannot be combined/);
});
