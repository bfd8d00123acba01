/** `rpe classify` batch mode: every non-blank stdin line gets one JSON line, in order. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rpe } from './run-cli.js';
import { assertClassificationShape } from './shape.js';

const LINES = [
  '-m*n',
  '',
  '{"expr": "-r1*log(1+r2*n)", "assume": ["r1 > 0", "r2 > 0"]}',
  '   ',
  '{"expr": 5}',
  '{not json',
  '{"expr": "n", "colour": "red"}',
  'n^2',
  '{"expr": "1/n^2", "term": true, "from": 1, "var": "n"}',
];

describe('rpe classify (batch)', () => {
  it('answers every line in order, with errors for bad lines, and exits 0', () => {
    const r = rpe(['classify'], `${LINES.join('\n')}\n`);
    assert.equal(r.code, 0, r.stderr);
    const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const asked = LINES.filter((l) => l.trim() !== '');
    assert.equal(out.length, asked.length);

    assertClassificationShape(out[0]!);
    assert.equal(out[0]!.input, '-m*n');

    assertClassificationShape(out[1]!);
    assert.equal(out[1]!.input, '-r1*log(1+r2*n)');

    for (const i of [2, 3, 4]) {
      assert.equal(out[i]!.input, asked[i]);
      const error = out[i]!.error as { message: unknown; column?: unknown };
      assert.equal(typeof error.message, 'string');
      assert.ok(!('verdict' in out[i]!));
    }
    assert.equal(typeof (out[3]!.error as { column?: unknown }).column, 'number', 'bad JSON has a column');

    assertClassificationShape(out[5]!);
    assert.equal(out[5]!.input, 'n^2');

    assertClassificationShape(out[6]!);
    assert.equal(out[6]!.term, true);
    assert.equal(out[6]!.from, 1);
  });

  it('applies command-line options as defaults and accepts CRLF line ends', () => {
    const r = rpe(['classify', '--from', '2'], '-n\r\n{"expr": "-n", "from": 5}\r\n');
    assert.equal(r.code, 0, r.stderr);
    const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual(out.map((c) => c.from), [2, 5]);
    assert.equal(out[0]!.input, '-n');
  });

  it('empty input gives empty output and exit 0', () => {
    const r = rpe(['classify'], '');
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '');
  });

  it('a syntax error on one line yields {"input","error":{"message","column"}} and the batch goes on (needs the real parser)', () => {
    const r = rpe(['classify'], '-m*(1+n\n-n\n');
    assert.equal(r.code, 0, r.stderr);
    const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(out.length, 2);
    assert.equal(out[0]!.input, '-m*(1+n');
    const error = out[0]!.error as { message: string; column: number };
    assert.equal(typeof error.message, 'string');
    assert.equal(typeof error.column, 'number');
    assertClassificationShape(out[1]!);
  });
});
