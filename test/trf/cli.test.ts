/** rpe trf / window / check through commander (registered in-process, as main.ts will). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { registerCheckCommand } from '../../src/cli/check-command.js';
import { createProgram, runProgram } from '../../src/cli/program.js';
import { registerTrfCommand } from '../../src/cli/trf-command.js';
import { registerWindowCommand } from '../../src/cli/window-command.js';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const program = createProgram();
  registerTrfCommand(program);
  registerWindowCommand(program);
  registerCheckCommand(program);
  let out = '';
  let err = '';
  const w1 = process.stdout.write.bind(process.stdout);
  const w2 = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((s: string) => ((out += s), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => ((err += s), true)) as typeof process.stderr.write;
  const saved = process.exitCode;
  process.exitCode = undefined;
  let code: number;
  try {
    code = await runProgram(program, ['node', 'rpe', ...args]);
  } finally {
    process.stdout.write = w1;
    process.stderr.write = w2;
    process.exitCode = saved;
  }
  return { code, out, err };
}

describe('rpe trf', () => {
  it('prints JSON in the documented shape', async () => {
    const r = await run(['trf', '-m*n', '--at', 'm=0.5,0.25', '--json']);
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out);
    assert.deepEqual(Object.keys(j), ['expression', 'eps', 'from', 'results', 'max']);
    assert.deepEqual(Object.keys(j.results[0]), ['at', 'verdict', 'trf', 'bracket', 'sum', 'sumError', 'closedForm', 'method', 'law']);
    assert.deepEqual(j.results.map((x: { trf: number }) => x.trf), [9, 18]);
    assert.equal(j.max, 18);
    assert.equal(j.eps, 0.01);
  });
  it('human output, --eps, --alibi-heads, leading minus', async () => {
    const r = await run(['trf', '-m*n', '--alibi-heads', '2', '--eps', '0.05']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /ε = 0\.05/);
    assert.match(r.out, /max: /);
  });
  it('symbolic closed form for parametric input without --at', async () => {
    const r = await run(['trf', '-r1*log(1+r2*n)', '--json']);
    assert.equal(r.code, 0, r.err);
    assert.match(JSON.parse(r.out).results[0].closedForm, /zeta/);
  });
  it('prints closed forms in Unicode, not LaTeX', async () => {
    const r = await run(['trf', '-r1*log(1+r2*n)']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /S = e\^c·r\^\(−s\)·ζ\(s, b\/r\) = r2\^\(−r1\)·ζ\(r1, 1\/r2\)/);
    assert.doesNotMatch(r.out, /\\/);
    const v = await run(['trf', '-m*n', '--at', 'm=1/2', '--verbose']);
    assert.match(v.out, /closed form: TRF_ε = ⌈ln\(1\/ε\)\/m⌉ − 1/);
    assert.doesNotMatch(v.out, /\\/);
  });
  it('prints a huge TRF bracket as m·10^e rounded outward; the JSON keeps every digit', async () => {
    const r = await run(['trf', '-1.01*log(1+n)']);
    assert.equal(r.code, 0, r.err);
    const m = /TRF ∈ \[(\d)\.(\d+)·10\^(\d+), (\d)\.(\d+)·10\^(\d+)\]/.exec(r.out);
    assert.ok(m, r.out);
    const j = JSON.parse((await run(['trf', '-1.01*log(1+n)', '--json'])).out);
    const [lo, hi] = j.results[0].bracket.map((x: string) => BigInt(x));
    const val = (d: string, f: string, e: string): bigint => BigInt(d + f) * 10n ** BigInt(Number(e) - f.length);
    assert.ok(val(m[1]!, m[2]!, m[3]!) <= lo && val(m[4]!, m[5]!, m[6]!) >= hi);
    assert.ok(String(j.results[0].bracket[0]).length > 100);
  });
  it('option errors name the flag and the command', async () => {
    const a = await run(['trf', '-m*n', '--at', 'k=1']);
    assert.equal(a.code, 2);
    assert.match(a.err, /^error: rpe trf: --at k: the expression has no parameter k \(it has m\)/);
    const e = await run(['trf', '-n', '--eps', '2']);
    assert.match(e.err, /rpe trf: --eps \(ε\) must lie strictly between 0 and 1/);
    const two = await run(['trf', '-r1*log(1+r2*n)', '--at', 'r1=2,r2=1']);
    assert.match(two.err, /give each parameter its own --at/);
  });
  it('input errors exit 2', async () => {
    assert.equal((await run(['trf', '-2*log(n)'])).code, 2);
    assert.equal((await run(['trf', '-n', '--eps', '2'])).code, 2);
    assert.equal((await run(['trf', '-n*', '--json'])).code, 2);
  });
});

describe('rpe window and rpe check', () => {
  it('window', async () => {
    const r = await run(['window', '-m*n', '--logit-bound', '1', '--tol', '0.01', '--at', 'm=0.5', '--json']);
    assert.equal(r.code, 0, r.err);
    assert.equal(JSON.parse(r.out).results[0].window, 14);
  });
  it('window defaults to B = 1 and δ = 0.01 (as rpe report) and names itself in errors', async () => {
    const d = await run(['window', '-m*n', '--at', 'm=0.5', '--json']);
    const e = await run(['window', '-m*n', '--at', 'm=0.5', '--logit-bound', '1', '--tol', '0.01', '--json']);
    assert.equal(d.code, 0, d.err);
    assert.deepEqual(JSON.parse(d.out), JSON.parse(e.out));
    const missing = await run(['window', '-m*n']);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /^error: rpe window: give a value for m with --at m=…; a certified window needs concrete parameters/);
    const tol = await run(['window', '-m*n', '--at', 'm=1', '--tol', 'x']);
    assert.match(tol.err, /rpe window: --tol must be a non-negative number/);
  });
  it('check prints a 180-digit tail start as m·10^e; the JSON keeps every digit', async () => {
    const r = await run(['check', '-1.01*log(1+n)', '--max-n', '1e3']);
    assert.equal(r.code, 0, r.err);
    const m = /tail bound from n = (\d)\.(\d)·10\^(\d+)\)/.exec(r.out);
    assert.ok(m, r.out);
    const full = JSON.parse((await run(['check', '-1.01*log(1+n)', '--max-n', '1e3', '--json'])).out).results[0].total.tailFrom as string;
    assert.ok([full.length - 1, full.length].includes(Number(m[3])), `${full} → ${m[0]}`); // 9.97… may round up to 1.0·10^len
    assert.ok(full.length > 100);
  });
  it('check names itself and its flags in errors', async () => {
    const m = await run(['check', '-m*n']);
    assert.equal(m.code, 2);
    assert.match(m.err, /^error: rpe check: give a value for m with --at m=…; the check needs concrete parameters/);
    const n = await run(['check', '-2*log(1+n)', '--max-n', 'abc']);
    assert.equal(n.code, 2);
    assert.match(n.err, /^error: rpe check: --max-n must be a number from 10 to 1e300, got "abc"/);
  });
  it('check', async () => {
    const r = await run(['check', '-2*log(1+n)', '--max-n', '1e4']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /AGREE/);
  });
});
