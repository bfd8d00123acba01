/** Test helper: the InputError that `f` throws (fails the test when it throws nothing, or something else). */
import assert from 'node:assert/strict';
import { InputError } from '../../src/parse/errors.js';

export function errorOf(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof InputError, `expected InputError, got ${String(e)}`);
    return e;
  }
  return assert.fail('expected an InputError');
}
