/** `rpe slopes`, `rpe design` and `rpe heads` end to end: JSON shapes, the done-when figures, exit codes. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT, rpe } from './run-cli.js';

const FIX = join(ROOT, 'test', 'trf', 'fixtures');

describe('rpe slopes', () => {
  it('--heads 12 --json gives the reference slopes 2^-1 … 2^-8, 2^-0.5 … 2^-3.5 and the model TRF', () => {
    const r = rpe(['slopes', '--heads', '12', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.equal(j.rule, 'alibi');
    const want = [1, 2, 3, 4, 5, 6, 7, 8, 0.5, 1.5, 2.5, 3.5].map((e) => 2 ** -e);
    assert.deepEqual(j.heads.map((h: { slope: number }) => h.slope), want);
    assert.deepEqual(j.heads.map((h: { head: number }) => h.head), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    assert.equal(j.heads[8].exact, '2^(-1/2)');
    for (const h of j.heads) assert.deepEqual(Object.keys(h).slice(0, 2), ['head', 'slope']);
    assert.equal(j.trf, Math.max(...j.heads.map((h: { trf: number }) => h.trf)));
  });
  it('--rule geometric, text output names the rule; bad input exits 2', () => {
    const r = rpe(['slopes', '--heads', '3', '--rule', 'geometric']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /geometric rule/);
    assert.match(r.stdout, /2\^\(-8\/3\)/);
    assert.equal(rpe(['slopes']).code, 2);
    assert.equal(rpe(['slopes', '--heads', '4', '--rule', 'nope']).code, 2);
  });
  it('trf --alibi-heads says which rule', () => {
    const r = rpe(['trf', '-m*n', '--alibi-heads', '12', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.match(j.slopes, /reference rule/);
    assert.equal(j.results[8].at.m, 2 ** -0.5);
    assert.equal(rpe(['trf', '-m*n', '--at', 'm=1', '--slope-rule', 'alibi']).code, 2);
  });
  it('report --alibi-heads uses the same slopes and names the rule', () => {
    const r = rpe(['report', '-m*n', '--alibi-heads', '3', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /reference rule/);
    // H = 3: 2^-4, 2^-8, 2^-2 (the first head's slope is 1/16)
    assert.match(r.stdout, /0\.0625/);
  });
});

describe('rpe design', () => {
  it('"-m*n" --trf 2048 --json brackets ln(100)/2049 ≈ 0.0022475', () => {
    const r = rpe(['design', '-m*n', '--trf', '2048', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.equal(j.parameter, 'm');
    assert.equal(j.monotone, true);
    assert.equal(typeof j.condition, 'string');
    const t = Math.log(100) / 2049;
    assert.ok(j.threshold[0] <= t && t <= j.threshold[1], JSON.stringify(j.threshold));
    assert.ok(Math.abs(j.threshold[0] - 0.0022475) < 1e-7);
  });
  it('KERPLE r1 as a function of the target reach, and the window variant', () => {
    const r = rpe(['design', '-r1*log(1+r2*n)', '--param', 'r1', '--at', 'r2=1/2', '--trf', '512,2048', '--rel-tol', '1e-6', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.equal(j.results.length, 2);
    assert.ok(j.results[0].threshold[0] > j.results[1].threshold[1]);
    const w = rpe(['design', '-m*n', '--window', '2048', '--logit-bound', '1', '--tol', '0.01']);
    assert.equal(w.code, 0, w.stderr);
    assert.match(w.stdout, /window/);
    assert.equal(rpe(['design', '-m*n']).code, 2);
    assert.equal(rpe(['design', '-m*n', '--window', '10']).code, 2);
    assert.equal(rpe(['design', '-m*n', '--trf', 'x']).code, 2);
  });
});

describe('rpe heads', () => {
  it('reads the JSON, CSV and safetensors fixtures alike', () => {
    const outs = [
      ['--params', join(FIX, 'kerple-heads.json')],
      ['--params', join(FIX, 'kerple-heads.csv')],
      ['--params', join(FIX, 'kerple-heads.safetensors'), '--tensor', 'r1=layers.0.attention.bias_p', '--tensor', 'r2=layers.0.attention.bias_a'],
    ].map((args) => {
      const r = rpe(['heads', '-r1*log(1+r2*n)', ...args, '--json']);
      assert.equal(r.code, 0, r.stderr);
      return JSON.parse(r.stdout);
    });
    for (const j of outs) {
      assert.equal(j.verdict, 'diverges');
      assert.equal(j.heads.length, 8);
      assert.deepEqual(j.heads.map((h: { trf: number | null }) => h.trf), outs[0].heads.map((h: { trf: number | null }) => h.trf));
    }
  });
  it('clamps, text output, and input errors exit 2', () => {
    const r = rpe(['heads', '-r1*log(1+r2*n)', '--params', join(FIX, 'kerple-heads.csv'), '--clamp', 'r1>=1.6']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /model: converges \(8 of 8/);
    assert.match(r.stdout, /clamped/);
    assert.equal(rpe(['heads', '-r1*log(1+r2*n)']).code, 2);
    assert.equal(rpe(['heads', '-r1*log(1+r2*n)', '--params', join(FIX, 'nope.json')]).code, 2);
    const st = rpe(['heads', '-r1*log(1+r2*n)', '--params', join(FIX, 'kerple-heads.safetensors')]);
    assert.equal(st.code, 2);
    assert.match(st.stderr, /--tensor r1=/);
  });
});
