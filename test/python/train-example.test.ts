/**
 * examples/torch/train.py under `torchrun --nproc_per_node=2` with gloo on CPU: a
 * few steps on a tiny generated corpus with an exported bias (KERPLE log with
 * learnable r1, r2), then perplexity at L … 16L. The loss must fall, and both ranks
 * must log the same losses, the same perplexities and the same weights. Skips with a
 * message when torch (or torchrun) is missing.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildExport } from '../../src/cli/export-module.js';
import { PYTHON, skipWithout } from './python-env.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Deterministic text with structure a byte LM learns within a few steps (a small word list, LCG-drawn). */
function corpus(bytes: number): string {
  const words = ['the', 'bias', 'converges', 'head', 'slope', 'attention', 'length', 'token', 'sum', 'series'];
  let x = 12345;
  let out = '';
  while (out.length < bytes) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out += words[x % words.length]! + (x % 7 === 0 ? '.\n' : ' ');
  }
  return out;
}

interface RankLog { rank: number; world: number; losses: number[]; ppl: Record<string, number>; checksum: number }

const skip = skipWithout('torch') || (existsSync(dirname(PYTHON) + '/torchrun') ? false : 'no torchrun next to ' + PYTHON);

test('the torchrun recipe trains on 2 gloo processes: the loss falls and the ranks agree', { skip, timeout: 300_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'rpe-train-'));
  try {
    writeFileSync(join(dir, 'corpus.txt'), corpus(40_000));
    const bias = buildExport('-r1*log(1+r2*n)', { at: ['r1=2', 'r2=1'], heads: 4, learnable: ['r1', 'r2'], clamp: ['r1=0.01:', 'r2=0.01:'] });
    writeFileSync(join(dir, 'bias.py'), bias.source);
    const steps = 30;
    const r = spawnSync(join(dirname(PYTHON), 'torchrun'), [
      // --redirects/--tee 1:1: Debian's torch 1.13 under Python 3.11 cannot read their default "0"
      // (enum.Flag no longer iterates the zero member); an explicit mapping works on every version
      '--standalone', '--nproc_per_node=2', '--redirects', '1:1', '--tee', '1:1', join(ROOT, 'examples', 'torch', 'train.py'),
      '--bias', join(dir, 'bias.py'), '--text', join(dir, 'corpus.txt'),
      '--length', '16', '--dim', '32', '--layers', '2', '--batch', '8', '--steps', String(steps),
      '--lr', '3e-3', '--warmup', '5', '--eval-tokens', '1024', '--log-every', '10', '--log', join(dir, 'rank{rank}.json'),
    ], { encoding: 'utf8', timeout: 280_000, env: { ...process.env, OMP_NUM_THREADS: '1' } });
    const out = `${r.stdout}\n${r.stderr}`;
    assert.equal(r.status, 0, out);
    const logs = [0, 1].map((k) => JSON.parse(readFileSync(join(dir, `rank${k}.json`), 'utf8')) as RankLog);
    const [a, b] = logs as [RankLog, RankLog];
    assert.deepEqual([a.world, b.world], [2, 2]);
    assert.equal(a.losses.length, steps);
    const head = a.losses.slice(0, 3).reduce((s, x) => s + x, 0) / 3;
    const tail = a.losses.slice(-3).reduce((s, x) => s + x, 0) / 3;
    assert.ok(tail < head - 0.5, `loss should fall: first steps ${head.toFixed(3)}, last steps ${tail.toFixed(3)}\n${out}`);
    assert.deepEqual(b.losses, a.losses, 'both ranks log the all-reduced loss');
    assert.equal(b.checksum, a.checksum, 'DDP keeps the weights equal on both ranks');
    assert.deepEqual(Object.keys(a.ppl), ['16', '32', '64', '128', '256']);
    assert.deepEqual(b.ppl, a.ppl);
    for (const p of Object.values(a.ppl)) assert.ok(Number.isFinite(p) && p > 1, `perplexity ${p}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
