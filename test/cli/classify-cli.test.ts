/** `rpe classify EXPR`: JSON shape, options, human text and exit codes (spawns the CLI). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rpe } from './run-cli.js';
import { assertClassificationShape } from './shape.js';

describe('rpe classify (single)', () => {
  it('--json prints exactly one Classification object and exits 0', () => {
    const r = rpe(['classify', '-m*log(1+n)', '--assume', 'm > 0', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, 1);
    const c = JSON.parse(lines[0]!) as Record<string, unknown>;
    assertClassificationShape(c);
    assert.equal(c.input, '-m*log(1+n)');
    assert.equal(c.variable, 'n');
    assert.equal(c.from, 0);
    assert.equal(c.term, false);
  });

  it('passes --var, --from and --term through', () => {
    const r = rpe(['classify', '1/x^2', '--var', 'x', '--from', '1', '--term', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const c = JSON.parse(r.stdout) as Record<string, unknown>;
    assertClassificationShape(c);
    assert.equal(c.variable, 'x');
    assert.equal(c.from, 1);
    assert.equal(c.term, true);
  });

  it('prints a short human-readable answer without --json', () => {
    const r = rpe(['classify', '-n']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /p\(n\) = /);
    assert.match(r.stdout, /verdict: /);
  });

  it('--from abc is a usage error: exit 2, message on stderr, nothing on stdout', () => {
    const r = rpe(['classify', '-n', '--from', 'abc', '--json']);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /--from/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  });

  it('--from 1.5 and an unknown option are usage errors (exit 2)', () => {
    assert.equal(rpe(['classify', 'n', '--from', '1.5']).code, 2);
    assert.equal(rpe(['classify', 'n', '--jsn']).code, 2);
  });

  it('a syntax error exits 2 with "error: … (column N)" on stderr (needs the real parser)', () => {
    const r = rpe(['classify', '-m*(1+n', '--json']);
    assert.equal(r.code, 2, `exit ${r.code}; stdout ${r.stdout}`);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^error: .+ \(column \d+\)$/m);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  });
});
