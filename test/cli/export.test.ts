/**
 * `rpe export`: the module text (parameters per head, exact values, docstring, the
 * linear case) and the option errors, in process; one CLI run for -o and one for an
 * error's exit code. The numbers of the exported code are tested in test/python.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildExport } from '../../src/cli/export-module.js';
import { InputError } from '../../src/parse/errors.js';
import { rpe } from './run-cli.js';

test('per-head values: lists, expressions in h and H, and the reference ALiBi slopes', () => {
  const a = buildExport('-r1*log(1+r2*n)', { at: ['r1=1/2,2', 'r2=2^(-h)'] });
  assert.equal(a.heads, 2);
  assert.deepEqual(a.values.map((v) => [v.r1!.value, v.r2!.value]), [[0.5, 0.5], [2, 0.25]]);
  assert.equal(a.linear, false);
  assert.match(a.source, /converges when r1 > 1/);
  assert.match(a.source, /head 2: r1 = 2, r2 = 2\^\(-2\) -> converges, TRF = \d+\n/);
  assert.match(a.source, /def alibi_slopes[\s\S]*raise NotImplementedError/);
  const b = buildExport('-m*n', { alibiHeads: 12 });
  assert.equal(b.linear, true);
  assert.equal(b.values[8]!.m!.value, 2 ** -0.5);
  assert.equal(b.values[11]!.m!.exact, '2^(-3.5)');
  assert.match(b.source, /head 1: m = 2\^\(-1\) -> converges, TRF = 9\n/);
  const c = buildExport('-m*n', { at: ['m=2^(-8*h/H)'], heads: 4 });
  assert.deepEqual(c.values.map((v) => v.m!.value), [0.25, 1 / 16, 1 / 64, 1 / 256]);
});

test('learnable parameters and clamps', () => {
  const m = buildExport('-r1*log(1+r2*n)', { at: ['r1=2', 'r2=1'], heads: 3, learnable: ['r1'], clamp: ['r1=0.01:', 'r2=:5'] });
  assert.match(m.source, /self\.p_r1 = nn\.Parameter\(torch\.tensor\(\[\[2\.0\], \[2\.0\], \[2\.0\]\]/);
  assert.match(m.source, /self\.register_buffer\("p_r2"/);
  assert.match(m.source, /self\.p_r1\.clamp_\(min=0\.01\)/);
  assert.match(m.source, /self\.p_r2\.clamp_\(max=5\.0\)/);
  assert.match(m.source, /hold at\nthe initial values/);
});

test('bad options are input errors that say what to do', () => {
  const cases: [string, Parameters<typeof buildExport>[1], RegExp][] = [
    ['-m*n', {}, /give a value for m with --at m=/],
    ['-m*n', { at: ['q=1'] }, /no parameter q \(it has m\)/],
    ['-m*n', { at: ['m=1,2,3'], heads: 2 }, /3 values for 2 heads/],
    ['-m*n', { at: ['m=n'] }, /must be a constant \(it may use h and H\)/],
    ['-m*n', { at: ['m=2*q'] }, /may use only h .* and H/],
    ['-m*n', { at: ['m=log(0)'] }, /not a finite number/],
    ['-m*n', { at: ['m=1'], learnable: ['k'] }, /--learnable k: the expression has no parameter k/],
    ['-m*n', { at: ['m=1'], clamp: ['m=2:1'] }, /exceeds the upper bound/],
    ['-m*n', { at: ['m=1'], clamp: ['m=:'] }, /give a lower or an upper bound/],
    ['-k*log(1+n)', { alibiHeads: 4, at: ['k=1'] }, /--alibi-heads and --at both set k/],
    ['-m*n', { at: ['m=1'], backend: 'numpy', learnable: ['m'] }, /--learnable needs --torch/],
    ['-m*n', { at: ['m=1'], className: 'not a name' }, /Python identifier/],
  ];
  for (const [expr, options, message] of cases) {
    assert.throws(() => buildExport(expr, options), (err: unknown) => err instanceof InputError && message.test(err.message), `${expr} ${JSON.stringify(options)}`);
  }
});

test('rpe export -o writes the module; a bad option exits 2', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rpe-export-cli-'));
  try {
    const file = join(dir, 'bias.py');
    const ok = rpe(['export', '-m*n', '--alibi-heads', '8', '--numpy', '-o', file]);
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(ok.stdout, '');
    const src = readFileSync(file, 'utf8');
    assert.match(src, /^"""p\(n\) = -m \* n, n = i - j >= 0 \(query i, key j\), 8 heads\./);
    assert.match(src, /import numpy as np/);
    const bad = rpe(['export', '-m*n', '--at', 'q=1']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /no parameter q/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
