import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { InputError } from '../../src/parse/errors.js';
import { parseCondition, parseExpression } from '../../src/parse/parse.js';

/**
 * Runs `fn`, which must throw an InputError (never RangeError), within `ms` of CPU
 * time (CPU rather than wall-clock time, so a loaded test machine does not fail it).
 */
function rejectsQuickly(fn: () => unknown, ms = 200): InputError {
  const t0 = process.cpuUsage();
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  const used = process.cpuUsage(t0);
  const elapsed = (used.user + used.system) / 1000;
  assert.ok(caught instanceof InputError, `expected InputError, got ${String(caught)}`);
  assert.ok(elapsed < ms, `took ${elapsed.toFixed(1)} ms`);
  return caught;
}

const nest = (open: string, inner: string, close: string, depth: number): string =>
  open.repeat(depth) + inner + close.repeat(depth);

describe('hostile input never crashes, hangs or runs code', () => {
  before(() => {
    // warm up mathjs and the JIT so timings measure the guards, not start-up
    parseExpression('-m*log(1 + n) + sum(i, i, 1, 3) + (n < 2 ? 1 : 0)');
  });

  it('100,000-character input', () => {
    const e = rejectsQuickly(() => parseExpression('n+'.repeat(50_000) + 'n'));
    assert.equal(e.kind, 'too-large');
    rejectsQuickly(() => parseExpression('x'.repeat(100_000)));
    rejectsQuickly(() => parseCondition('n>0 and '.repeat(12_500)));
  });

  for (const depth of [20_000, 4_900]) {
    describe(`nesting ${depth} deep`, () => {
      it('((((…))))', () => assert.equal(rejectsQuickly(() => parseExpression(nest('(', 'n', ')', depth))).kind, 'too-large'));
      it('-(-(-(…', () => assert.equal(rejectsQuickly(() => parseExpression(nest('-(', 'n', ')', Math.floor(depth * 2 / 3)))).kind, 'too-large'));
      it('sin(sin(…', () => assert.equal(rejectsQuickly(() => parseExpression(nest('sin(', 'n', ')', Math.floor(depth / 2)))).kind, 'too-large'));
      it('n^n^n^…', () => assert.equal(rejectsQuickly(() => parseExpression(Array(depth).fill('n').join('^'))).kind, 'too-large'));
      it('----…n', () => assert.equal(rejectsQuickly(() => parseExpression('-'.repeat(depth) + 'n')).kind, 'too-large'));
      it('n!!!…', () => assert.equal(rejectsQuickly(() => parseExpression('n' + '!'.repeat(depth))).kind, 'too-large'));
      it('n/n/n/…', () => assert.equal(rejectsQuickly(() => parseExpression(Array(Math.floor(depth / 2)).fill('n').join('/'))).kind, 'too-large'));
      it('c ? a : c ? a : …', () => assert.equal(rejectsQuickly(() => parseExpression('n<1?1:'.repeat(Math.floor(depth / 6)) + 'n')).kind, 'too-large'));
      it('√√√…n and √(√(…', () => {
        assert.equal(rejectsQuickly(() => parseExpression('√'.repeat(depth) + 'n')).kind, 'too-large');
        assert.equal(rejectsQuickly(() => parseExpression(nest('√(', 'n', ')', Math.floor(depth / 3)))).kind, 'too-large');
      });
      it('[[[…]]] and {{{…}}}', () => {
        const expected = depth < 10_000 ? 'unsupported' : 'too-large';
        assert.equal(rejectsQuickly(() => parseExpression(nest('[', 'n', ']', depth / 2))).kind, expected);
        assert.equal(rejectsQuickly(() => parseExpression(nest('{', 'n', '}', depth / 2))).kind, expected);
      });
      it('unbalanced ((((( and )))))', () => {
        rejectsQuickly(() => parseExpression('('.repeat(depth / 2)));
        rejectsQuickly(() => parseExpression(')'.repeat(depth / 2)));
      });
    });
  }

  it('the nesting limit leaves room for real expressions', () => {
    assert.doesNotThrow(() => parseExpression(nest('(', 'n', ')', 90)));
    assert.doesNotThrow(() => parseExpression(nest('sin(', 'n', ')', 90)));
    assert.doesNotThrow(() => parseExpression('n<1?1:'.repeat(40) + 'n'));
    assert.doesNotThrow(() => parseExpression(Array(40).fill('n').join('^')));
  });

  it('long flat expressions parse within the limits, or are rejected as too large', () => {
    const ok = parseExpression(Array(1000).fill('n').join(' + '));
    assert.equal(ok.expr.kind, 'add');
    const e = rejectsQuickly(() => parseExpression('λ'.repeat(9000)), 1000);
    assert.equal(e.kind, 'too-large');
  });

  it('code-like input is only ever parsed', () => {
    const g = globalThis as Record<string, unknown>;
    for (const s of [
      'import("fs")', 'evaluate("1+1")', 'constructor.constructor("return process")()',
      '__proto__', 'f(x) = x', 'x = 1; x', 'process.exit(1)', 'require("fs")', 'eval(n)',
      'Function("return 1")()', 'createUnit("foo")', 'this', 'n.toString()', 'n[0]',
    ]) {
      assert.throws(() => parseExpression(s), InputError, s);
    }
    assert.equal(g['x'], undefined);
  });
});
