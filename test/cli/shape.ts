/** Test helper: asserts the Classification contract of src/types.ts on parsed JSON. */
import assert from 'node:assert/strict';

const VERDICTS = ['converges', 'diverges', 'conditional', 'unknown'];
const CASE_VERDICTS = ['converges', 'diverges', 'unknown'];
const EXTRAPOLATIONS = ['guaranteed', 'not-guaranteed', 'unknown'];

/** Checks the Classification contract of src/types.ts. */
export function assertClassificationShape(c: Record<string, unknown>): void {
  for (const key of ['input', 'expression', 'variable']) assert.equal(typeof c[key], 'string', key);
  assert.ok(Number.isInteger(c.from), 'from');
  assert.ok(Array.isArray(c.parameters) && c.parameters.every((p) => typeof p === 'string'), 'parameters');
  assert.equal(typeof c.term, 'boolean', 'term');
  assert.ok(VERDICTS.includes(c.verdict as string), `verdict ${String(c.verdict)}`);
  assert.ok(Array.isArray(c.cases) && c.cases.length > 0, 'cases');
  for (const k of c.cases as Record<string, unknown>[]) {
    assert.equal(typeof k.condition, 'string');
    assert.ok(CASE_VERDICTS.includes(k.verdict as string));
    assert.ok(EXTRAPOLATIONS.includes(k.extrapolation as string));
    assert.ok(Array.isArray(k.tests));
  }
}
