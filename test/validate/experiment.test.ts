/** End to end with a tiny configuration: the experiment, its files, the CLI and re-evaluation from weights. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { generatedCorpus } from '../../src/validate/corpus.js';
import { rescoreExperiment, runExperiment } from '../../src/validate/experiment.js';
import { writeOutputs } from '../../src/validate/output.js';
import { fromJson } from '../../src/validate/json.js';
import type { ExperimentConfig } from '../../src/validate/run.js';
import { configFromFlags, registerValidateCommand } from '../../src/cli/validate-command.js';
import { backend } from './helpers.js';

await backend();

const config: ExperimentConfig = {
  model: { vocab: 256, layers: 1, dModel: 16, heads: 2, dMlp: 32 },
  train: { steps: 4, batch: 4, length: 8, lr: 3e-3, warmup: 2 },
  seed: 1, evalLens: [8, 16, 32], evalTokens: 64, erfTokens: 32, erfTolerance: 0.01, threshold: 1.1, eps: 0.01,
};

function corpusFile(dir: string): string {
  const c = generatedCorpus(6000, 3);
  const path = join(dir, 'corpus.txt');
  writeFileSync(path, Buffer.concat([Buffer.from(c.train), Buffer.from(c.valid)]));
  return path;
}

test('runExperiment writes JSON, SVG and HTML with the documented fields; weights re-evaluate', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rpe-exp-'));
  try {
    const specs = [
      { name: 'alibi', expression: '-m*n', at: { m: '2^(-8*h/H)' } },
      { name: 'nope', expression: '0', at: {} },
      { name: 'kerple', expression: '-r1*log(1+r2*n)', at: { r1: '2', r2: '1' } },
    ];
    const out = join(dir, 'out');
    const result = await runExperiment({ specs, config, corpusFile: corpusFile(dir), outDir: out, jobs: 1 });
    assert.equal(result.runs.length, 3);
    assert.deepEqual(result.errors, []);
    const paths = await writeOutputs(result, out);
    const doc = fromJson<Record<string, unknown> & { runs: Array<Record<string, unknown>> }>(readFileSync(paths.json, 'utf8'));
    for (const key of ['backend', 'corpus', 'config', 'runs', 'spearmanTrfErf']) assert.ok(key in doc, key);
    for (const key of ['rpe', 'at', 'verdict', 'trf', 'erf', 'ppl', 'extrapolates', 'agrees']) assert.ok(key in doc.runs[0]!, key);
    assert.deepEqual(Object.keys(doc.runs[0]!.ppl as object), ['8', '16', '32']);
    assert.equal(doc.runs[1]!.trf, Infinity, 'an infinite TRF survives JSON as "Infinity"');
    assert.match(readFileSync(paths.json, 'utf8'), /"trf": "Infinity"/);
    assert.match(readFileSync(paths.pplSvg, 'utf8'), /^<svg/);
    assert.match(readFileSync(paths.trfErfSvg, 'utf8'), /^<svg/);
    assert.match(readFileSync(paths.html, 'utf8'), /<table>/);
    assert.ok(existsSync(join(out, 'weights', 'alibi.bin')));
    const again = await rescoreExperiment(join(out, 'weights'), config, join(dir, 'corpus.txt'), 'wasm');
    const byName = new Map(again.runs.map((r) => [r.rpe, r]));
    for (const r of result.runs) {
      assert.ok(Math.abs(byName.get(r.rpe)!.ppl['8']! - r.ppl['8']!) < 1e-4, `${r.rpe}: re-evaluated perplexity`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('parallel runs in worker processes give the same numbers as inline runs', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rpe-par-'));
  try {
    const file = corpusFile(dir);
    const specs = [{ expression: '-0.5*n', at: {} }, { expression: '0', at: {} }];
    const seq = await runExperiment({ specs, config, corpusFile: file, jobs: 1 });
    const par = await runExperiment({ specs, config, corpusFile: file, jobs: 2 });
    assert.deepEqual(par.errors, []);
    assert.equal(par.jobs, 2);
    assert.deepEqual(par.runs.map((r) => r.ppl), seq.runs.map((r) => r.ppl));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('CLI: --rpe/--at/--name pair in order; sizes follow --train-len and --quick', async () => {
  const program = new Command().exitOverride();
  registerValidateCommand(program);
  const cmd = program.commands.find((c) => c.name() === 'validate')!;
  let captured: unknown;
  cmd.action((flags) => { captured = flags; });
  await program.parseAsync(['validate', '--rpe', '-m*n', '--at', 'm=2^(-8*h/H)', '--name', 'ALiBi', '--rpe', '0', '--quick', '--train-len', '32'], { from: 'user' });
  const cfg = configFromFlags(captured as Parameters<typeof configFromFlags>[0]);
  assert.deepEqual(cfg.evalLens, [32, 64, 128, 256, 512]);
  assert.equal(cfg.train.length, 32);
  assert.equal(cfg.evalTokens % 512, 0);
  const program2 = new Command().exitOverride().configureOutput({ writeErr: () => {} });
  registerValidateCommand(program2);
  await assert.rejects(program2.parseAsync(['validate', '--at', 'm=1'], { from: 'user' }), /must follow an --rpe/);
});
