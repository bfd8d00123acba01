/**
 * `npm run bench:validator`: the validator's speed, next to PyTorch.
 *
 * Owns: timing one Adam training step (batch 16 × L = 64, the default 2-layer,
 * d = 64, 4-head model, ALiBi bias) and one evaluation forward pass at 16L = 1024
 * on the selected tfjs backend, and — where `/usr/bin/python3 -c "import torch"`
 * works — the same architecture in PyTorch on the CPU (bench/torch_peer.py), in
 * the same run, interleaved round by round so that machine load hits both
 * alike. Prints the ratios; the target is a step within 1.5× of PyTorch's.
 *
 * Flags: --rounds N (3), --steps N per round (10), --backend NAME (auto),
 * --torch-threads N (1: wasm runs one thread), --profile (per-kernel times of
 * one step), --json.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { selectBackend, type BackendRequest } from '../src/validate/backend.js';
import { BiasTables } from '../src/validate/bias-table.js';
import { DEFAULT_MODEL, disposeBatch, forward, initParams, loss, makeBatch } from '../src/validate/model.js';
import { nllSum } from '../src/validate/ops.js';
import { Rng } from '../src/validate/rng.js';

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const has = (name: string): boolean => process.argv.includes(`--${name}`);

const ROUNDS = Number(flag('rounds', '3'));
const STEPS = Number(flag('steps', '10'));
const TORCH_THREADS = Number(flag('torch-threads', '1'));
const cfg = DEFAULT_MODEL;
const B = 16, L = 64, EVAL_LEN = 16 * L;

const info = await selectBackend(flag('backend', 'auto') as BackendRequest);
const slopes = (h: number): number => 2 ** (-8 * (h + 1) / cfg.heads);
const tables = new BiasTables((n, h) => -slopes(h) * n, cfg.heads, EVAL_LEN);
const params = initParams(cfg, 1);
const vars = [...params.values()];
const opt = tf.train.adam(1e-3, 0.9, 0.999, 1e-8);
const rng = new Rng(2);
const trainRows = new Uint8Array(B * (L + 1)).map(() => rng.int(cfg.vocab));
const evalRows = new Uint8Array(EVAL_LEN + 1).map(() => rng.int(cfg.vocab));

function step(): void {
  const b = makeBatch(trainRows, B, L, cfg.vocab, true);
  const l = opt.minimize(() => loss(params, cfg, b, tables.get(L)), true, vars)!;
  l.dataSync();
  l.dispose();
  disposeBatch(b);
}

function evalPass(): void {
  const b = makeBatch(evalRows, 1, EVAL_LEN, cfg.vocab, false);
  const s = tf.tidy(() => nllSum(forward(params, cfg, b, tables.get(EVAL_LEN)), b.targets));
  s.dataSync();
  s.dispose();
  disposeBatch(b);
}

function timeMs(f: () => void, reps: number): number {
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) f();
  return (performance.now() - t0) / reps;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

interface TorchTiming { torch: string; threads: number; stepMs: number; evalMs: number }

function torchAvailable(): boolean {
  return spawnSync('/usr/bin/python3', ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;
}

function torchRound(): TorchTiming | null {
  const script = fileURLToPath(new URL('./torch_peer.py', import.meta.url));
  const arg = JSON.stringify({ layers: cfg.layers, dModel: cfg.dModel, heads: cfg.heads, dMlp: cfg.dMlp, batch: B, trainLen: L, evalLen: EVAL_LEN, steps: STEPS, warmup: 3, threads: TORCH_THREADS });
  const r = spawnSync('/usr/bin/python3', [script, arg], { encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(`torch peer failed: ${r.stderr.split('\n').slice(-3).join(' ')}\n`);
    return null;
  }
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as TorchTiming;
}

// warm-up: kernels, XNNPACK operators, tables
for (let i = 0; i < 3; i++) step();
evalPass();

const withTorch = torchAvailable();
const tfStep: number[] = [], tfEval: number[] = [], ptStep: number[] = [], ptEval: number[] = [];
let torchVersion = '';
for (let r = 0; r < ROUNDS; r++) {
  tfStep.push(timeMs(step, STEPS));
  tfEval.push(timeMs(evalPass, Math.max(2, STEPS >> 2)));
  if (withTorch) {
    const t = torchRound();
    if (t) { ptStep.push(t.stepMs); ptEval.push(t.evalMs); torchVersion = `${t.torch}, ${t.threads} thread(s)`; }
  }
  process.stderr.write(`round ${r + 1}/${ROUNDS}: tfjs step ${tfStep.at(-1)!.toFixed(1)} ms${ptStep.length > r ? `, torch step ${ptStep.at(-1)!.toFixed(1)} ms` : ''}\n`);
}

let profile: Array<{ kernel: string; ms: number; calls: number }> | undefined;
if (has('profile')) {
  const agg = new Map<string, { ms: number; calls: number }>();
  const reps = 3;
  for (let r = 0; r < reps; r++) {
    const p = await tf.profile(() => { step(); });
    for (const k of p.kernels) {
      if (k.name === 'forward' || k.name.endsWith('__op')) continue; // customGrad wrappers, counted in their kernels
      const key = `${k.name} ${JSON.stringify(k.inputShapes)}`;
      const a = agg.get(key) ?? { ms: 0, calls: 0 };
      a.ms += (k.kernelTimeMs as number) / reps;
      a.calls += 1 / reps;
      agg.set(key, a);
    }
  }
  profile = [...agg].map(([kernel, a]) => ({ kernel, ms: a.ms, calls: a.calls })).sort((x, y) => y.ms - x.ms).slice(0, 20);
}

const result = {
  backend: info.description,
  model: { ...cfg, batch: B, trainLen: L, evalLen: EVAL_LEN },
  tfjs: { stepMs: median(tfStep), evalMs: median(tfEval) },
  torch: ptStep.length ? { version: torchVersion, stepMs: median(ptStep), evalMs: median(ptEval) } : null,
  stepRatio: ptStep.length ? median(tfStep) / median(ptStep) : null,
  evalRatio: ptEval.length ? median(tfEval) / median(ptEval) : null,
  target: 1.5,
  rounds: ROUNDS, stepsPerRound: STEPS,
  ...(profile ? { profile } : {}),
};

if (has('json')) {
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} else {
  const f = (x: number): string => x.toFixed(1).padStart(8);
  const lines = [
    `backend: ${result.backend}; model ${cfg.layers} layers, d=${cfg.dModel}, ${cfg.heads} heads, MLP ${cfg.dMlp}; batch ${B}×${L}; eval 1×${EVAL_LEN}`,
    `median of ${ROUNDS} rounds × ${STEPS} steps, interleaved with PyTorch`,
    '',
    `                       tfjs (ms)  torch (ms)   ratio`,
    `training step (Adam)  ${f(result.tfjs.stepMs)}   ${result.torch ? f(result.torch.stepMs) : '     n/a'}   ${result.stepRatio ? result.stepRatio.toFixed(2) + '×' : 'n/a'}`,
    `eval forward @${EVAL_LEN}    ${f(result.tfjs.evalMs)}   ${result.torch ? f(result.torch.evalMs) : '     n/a'}   ${result.evalRatio ? result.evalRatio.toFixed(2) + '×' : 'n/a'}`,
    '',
    result.torch
      ? `PyTorch ${result.torch.version}. Target: step within ${result.target}× of PyTorch: ${result.stepRatio! <= result.target ? 'met' : 'NOT met'} (${result.stepRatio!.toFixed(2)}×).`
      : 'PyTorch not available (/usr/bin/python3 -c "import torch" failed): no ratio.',
  ];
  if (profile) {
    lines.push('', 'per-kernel time of one step (tf.profile, top 20):');
    for (const p of profile) lines.push(`${p.ms.toFixed(2).padStart(8)} ms ${p.calls.toFixed(0).padStart(4)}×  ${p.kernel}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}
tables.dispose();
