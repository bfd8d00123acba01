/** Error reporting: exit codes and messages, never a stack unless RPE_DEBUG=1. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CliError, EXIT_INPUT, EXIT_INTERNAL } from '../../src/cli/exit-codes.js';
import { caretLines, reportError } from '../../src/cli/report-error.js';
import { InputError } from '../../src/parse/errors.js';

describe('reportError', () => {
  it('maps InputError to exit 2 with the column', () => {
    const r = reportError(new InputError('syntax', 'unexpected end of input', 8));
    assert.equal(r.exitCode, EXIT_INPUT);
    assert.equal(r.text, 'error: unexpected end of input (column 8)');
  });
  it('adds a caret under the column when the source is given', () => {
    const r = reportError(new InputError('syntax', 'bad', 3), 'a+*b');
    assert.equal(r.text, 'error: bad (column 3)\n  a+*b\n    ^');
    assert.equal(caretLines('x'.repeat(500), 3), '');
  });
  it('draws the caret under the assumption an error is in, not under the expression', () => {
    const r = reportError(new InputError('syntax', 'in assumption 2 "b >> 0": bit shifts are not supported (column 3)', 3, 'b >> 0'), '-b*n');
    assert.equal(r.text, 'error: in assumption 2 "b >> 0": bit shifts are not supported (column 3)\n  b >> 0\n    ^');
    // without a source (--json), no caret at all
    assert.equal(reportError(new InputError('syntax', 'bad (column 3)', 3, 'b >> 0')).text, 'error: bad (column 3)');
  });
  it('maps CliError to its own code', () => {
    assert.deepEqual(reportError(new CliError('no such file', 2)), { exitCode: 2, text: 'error: no such file' });
  });
  it('maps anything else to exit 1 without a stack', () => {
    const saved = process.env.RPE_DEBUG;
    delete process.env.RPE_DEBUG;
    try {
      const r = reportError(new TypeError('boom'));
      assert.equal(r.exitCode, EXIT_INTERNAL);
      assert.match(r.text, /internal error: boom/);
      assert.doesNotMatch(r.text, /\n\s+at /);
      process.env.RPE_DEBUG = '1';
      assert.match(reportError(new TypeError('boom')).text, /\n\s+at /);
    } finally {
      if (saved === undefined) delete process.env.RPE_DEBUG; else process.env.RPE_DEBUG = saved;
    }
  });
});
