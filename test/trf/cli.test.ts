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
    assert.equal((await run(['window', '-m*n', '--at', 'm=1'])).code, 2);
  });
  it('check', async () => {
    const r = await run(['check', '-2*log(1+n)', '--max-n', '1e4']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /AGREE/);
  });
});
