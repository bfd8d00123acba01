/**
 * `rpe report EXPR [--format md|tex|html|json] [-o FILE] [--at …]`, run in-process
 * on a program with the report command registered (registerReportCommand).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createProgram, runProgram } from '../../src/cli/program.js';
import { formatFor, registerReportCommand } from '../../src/cli/report-command.js';

const dir = mkdtempSync(join(tmpdir(), 'rpe-report-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function rpe(...args: string[]): Promise<number> {
  const program = createProgram();
  registerReportCommand(program);
  process.exitCode = undefined;
  const code = await runProgram(program, ['node', 'rpe', ...args]);
  process.exitCode = undefined;
  return code;
}

test('the format follows --format, else the extension of -o, else Markdown', () => {
  assert.equal(formatFor({ output: 'a.html' }), 'html');
  assert.equal(formatFor({ output: 'a.tex' }), 'tex');
  assert.equal(formatFor({ output: 'a.MD' }), 'md');
  assert.equal(formatFor({ format: 'json', output: 'a.out' }), 'json');
  assert.equal(formatFor({}), 'md');
});

test('-o checks the extension: .pdf is refused with the pdflatex hint, unknown or contradicting ones too', () => {
  assert.throws(() => formatFor({ output: 'out.pdf' }), /does not write PDF; write LaTeX with -o out\.tex and compile it with pdflatex out\.tex/);
  assert.throws(() => formatFor({ output: 'a.txt' }), /cannot tell the format of a\.txt from its extension; use \.md, \.tex, \.html or \.json, or give --format/);
  assert.throws(() => formatFor({ format: 'json', output: 'a.html' }), /--format json writes JSON, but a\.html names a HTML file/);
});

test('rpe report -o out.pdf exits 2 and writes nothing', async () => {
  const out = join(dir, 'out.pdf');
  assert.equal(await rpe('report', '-m*n', '-o', out), 2);
  assert.equal(existsSync(out), false);
});

test('rpe report "-m*log(1+n)" -o report.md', async () => {
  const out = join(dir, 'r.md');
  let said = '';
  const w = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((s: string) => ((said += s), true)) as typeof process.stdout.write;
  try {
    assert.equal(await rpe('report', '-m*log(1+n)', '-o', out), 0);
  } finally {
    process.stdout.write = w;
  }
  // (the test runner shares stdout: only the command's own last line is ours)
  assert.ok(said.endsWith(`wrote ${out} (Markdown, ${readFileSync(out).length} bytes)\n`), said.slice(-200));
  const md = readFileSync(out, 'utf8');
  assert.match(md, /## 1\. Case \$m > 1\$: converges/);
  assert.match(md, /\| ratio test \| inconclusive \|/);
});

test('rpe report --proofs 0 is accepted (verdicts and tables only); --proofs -1 is refused', async () => {
  const out = join(dir, 'r0.md');
  assert.equal(await rpe('report', '-m*n', '--assume', 'm > 0', '--proofs', '0', '-o', out), 0);
  const md = readFileSync(out, 'utf8');
  assert.match(md, /Decided by the/);
  assert.doesNotMatch(md, /\*\*Proof \(/);
  assert.notEqual(await rpe('report', '-m*n', '--proofs', '-1', '-o', out), 0);
});

test('--format json with --assume and --at: the Report object', async () => {
  const out = join(dir, 'r.json');
  assert.equal(await rpe('report', '-m*n', '--assume', 'm > 0', '--at', 'm=1/2', '--format', 'json', '-o', out), 0);
  const r = JSON.parse(readFileSync(out, 'utf8'));
  assert.equal(r.classification.verdict, 'converges');
  assert.equal(r.cases[0].theorem.results[0].trf, '9');
});

test('an invalid expression exits 2', async () => {
  assert.equal(await rpe('report', '-m*log(1+', '-o', join(dir, 'bad.md')), 2);
});
