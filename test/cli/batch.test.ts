/** Batch internals in process: line decoding and runBatch over streams. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PassThrough, Readable } from 'node:stream';
import { runBatch } from '../../src/cli/batch.js';
import { decodeBatchLine } from '../../src/cli/batch-request.js';
import { InputError } from '../../src/parse/errors.js';

describe('decodeBatchLine', () => {
  it('reads a bare expression with the defaults', () => {
    assert.deepEqual(decodeBatchLine('  -m*n ', { from: 2 }), { expr: '-m*n', options: { from: 2 } });
  });
  it('reads a JSON request; its fields replace the defaults', () => {
    const r = decodeBatchLine('{"expr":"-n","var":"n","from":1,"assume":["m > 0"],"term":true}', { from: 5, assume: ['x > 0'] });
    assert.deepEqual(r, { expr: '-n', options: { from: 1, var: 'n', assume: ['m > 0'], term: true } });
  });
  it('takes "assume" as a string too (several assumptions separated by commas)', () => {
    assert.deepEqual(decodeBatchLine('{"expr":"-n","assume":"m > 0, b > 0"}', {}), { expr: '-n', options: { assume: 'm > 0, b > 0' } });
  });
  it('rejects malformed requests with InputError', () => {
    for (const line of ['{"expr": 1}', '{"expr": "n", "from": "2"}', '{"expr": "n", "from": 1.5}', '{"expr": "n", "assume": 3}',
      '{"expr": "n", "assume": ["m > 0", 1]}', '{"expr": "n", "term": "yes"}', '{"expr": "n", "extra": 1}', '{"__proto__": {"expr": "n"}}', '{', '{"expr": ""}']) {
      assert.throws(() => decodeBatchLine(line, {}), InputError, line);
    }
  });
  it('gives a column for JSON syntax errors', () => {
    try {
      decodeBatchLine('{"expr" "n"}', {});
      assert.fail('should throw');
    } catch (err) {
      assert.ok(err instanceof InputError);
      assert.equal(typeof err.column, 'number');
    }
  });
});

describe('runBatch', () => {
  it('writes one JSON line per non-blank line, in order', async () => {
    const out = new PassThrough();
    const chunks: string[] = [];
    out.on('data', (c: Buffer) => chunks.push(c.toString()));
    const n = await runBatch({}, Readable.from(['-n\n\n{"expr":2}\n', 'n^2\n']), out, new PassThrough());
    assert.equal(n, 3);
    const lines = chunks.join('').trimEnd().split('\n').map((l) => JSON.parse(l) as { input: string; error?: unknown });
    assert.deepEqual(lines.map((l) => l.input), ['-n', '{"expr":2}', 'n^2']);
    assert.ok(lines[1]!.error);
  });
});
