/**
 * The CLI on formulas pasted from papers and on several assumptions in one --assume:
 * the examples, the error messages with their caret, "did you mean" for
 * options, and batch lines (spawns the CLI; batch decoding also without a spawn).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answerLine } from '../../src/cli/batch.js';
import { classify } from '../../src/classify.js';
import { evalCondition } from '../../src/rules/condition-eval.js';
import type { Classification } from '../../src/types.js';
import { rpe } from './run-cli.js';
import { assertClassificationShape } from './shape.js';

/** The case whose condition holds at the point; fails unless exactly one does. */
function caseAt(c: Classification, point: Record<string, number>): Classification['cases'][number] {
  const holding = c.cases.filter((k) => evalCondition(k.condition, point));
  assert.equal(holding.length, 1, `${JSON.stringify(point)}: ${holding.map((k) => k.condition).join(' | ')}`);
  return holding[0]!;
}

describe('rpe classify on formulas as papers write them', () => {
  it('"−r₁·log(1+r₂n)" --assume "r₁ > 0, r₂ > 0": converges for r1 > 1, diverges for r1 <= 1', () => {
    const r = rpe(['classify', '−r₁·log(1+r₂n)', '--assume', 'r₁ > 0, r₂ > 0', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const c = JSON.parse(r.stdout) as Classification;
    assertClassificationShape(c as unknown as Record<string, unknown>);
    assert.equal(c.expression, '-r1 * log(1 + r2 * n)');
    assert.deepEqual(c.parameters, ['r1', 'r2']);
    assert.equal(c.verdict, 'conditional');
    // Every point the assumptions allow lies in exactly one case, with the right verdict.
    // (Whether an impossible region such as r2 == 0 is also listed is the region analysis's
    // business, not asserted here: no sample point satisfies it.)
    for (const r1 of [0.01, 0.5, 0.99, 1, 1.01, 2, 40]) {
      for (const r2 of [0.001, 0.5, 1, 7]) {
        assert.equal(caseAt(c, { r1, r2 }).verdict, r1 > 1 ? 'converges' : 'diverges', `r1 = ${r1}, r2 = ${r2}`);
      }
    }
    // the CLI's JSON is the API's object
    assert.deepEqual(c, JSON.parse(JSON.stringify(classify('−r₁·log(1+r₂n)', { assume: 'r₁ > 0, r₂ > 0' }))));
  });

  it('"-m*|n|" --assume "m > 0" converges', () => {
    const r = rpe(['classify', '-m*|n|', '--assume', 'm > 0', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const c = JSON.parse(r.stdout) as Classification;
    assert.equal(c.expression, '-m * abs(n)');
    assert.equal(c.verdict, 'converges');
  });

  it('an error in an assumption names it, with the caret under the assumption', () => {
    const r = rpe(['classify', '-m*n', '--assume', 'm > 0, m >> 0']);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'error: in assumption 2 "m >> 0": bit shifts are not supported (column 3)\n  m >> 0\n    ^\n');
  });

  it('an assumption about the summation variable gets its own message', () => {
    const r = rpe(['classify', '-m*n', '--assume', 'n > 0']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /"n" is the summation variable: assumptions are about the parameters only/);
  });

  it('r2n in ASCII gets the product hint, not --var', () => {
    const r = rpe(['classify', '-r1*log(1+r2n)']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /r2\*n/);
    assert.doesNotMatch(r.stderr, /--var/);
  });

  it('a bias in i and j gets the distance hint with a caret under i', () => {
    const r = rpe(['classify', '-m*|i - j|']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /write the bias as a function of the distance n = i − j/);
    assert.match(r.stderr, /\n {2}-m\*\|i - j\|\n {6}\^\n$/);
  });

  it('a misspelt function gets "did you mean log?"', () => {
    const r = rpe(['classify', '-m*lgo(1+n)']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown function "lgo"; did you mean log\?/);
    assert.doesNotMatch(r.stderr, /supported functions/);
  });
});

describe('misspelt options get "did you mean"', () => {
  for (const [args, hint] of [
    [['classify', '-m*n', '--asume', 'm > 0'], '--assume'],
    [['classify', '--jsn', '-n'], '--json'],
    [['trf', '-n', '--jsno'], '--json'],
    [['--verison'], '--version'],
  ] as const) {
    it(`rpe ${args.join(' ')}`, () => {
      const r = rpe(args);
      assert.equal(r.code, 2);
      assert.ok(r.stderr.includes(`(Did you mean ${hint}?)`), r.stderr);
    });
  }
});

describe('batch lines with several assumptions', () => {
  const expr = '-a*n - b*log(1+n)';
  it('"assume" may be a string with commas or an array whose items have commas', () => {
    const expected = JSON.parse(JSON.stringify(classify(expr, { assume: ['a > 0', 'b > 0'] }))) as unknown;
    for (const assume of ['"a > 0, b > 0"', '["a > 0, b > 0"]', '["a > 0", "b > 0"]']) {
      assert.deepEqual(JSON.parse(JSON.stringify(answerLine(`{"expr": "${expr}", "assume": ${assume}}`, {}))), expected, assume);
    }
    // the command line's --assume is the default of bare lines
    assert.deepEqual(JSON.parse(JSON.stringify(answerLine(expr, { assume: ['a > 0, b > 0'] }))), expected);
  });

  it('an error line names the assumption and gives the text its column counts in', () => {
    assert.deepEqual(answerLine('{"expr": "-a*n", "assume": "a > 0, a >> 1"}', {}), {
      input: '{"expr": "-a*n", "assume": "a > 0, a >> 1"}',
      error: { message: 'in assumption 2 "a >> 1": bit shifts are not supported (column 3)', column: 3, source: 'a >> 1' },
    });
    assert.match((answerLine('{"expr": "-a*n", "assume": 3}', {}) as { error: { message: string } }).error.message, /"assume" must be a string/);
  });

  it('through the CLI', () => {
    const r = rpe(['classify', '--assume', 'a > 0, b > 0'], `${expr}\n{"expr": "-a*n", "assume": "a > 0, n > 1"}\n`);
    assert.equal(r.code, 0, r.stderr);
    const [first, second] = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal((first as unknown as Classification).verdict, 'converges');
    assert.match((second!.error as { message: string }).message, /^in assumption 2 "n > 1": "n" is the summation variable/);
  });
});
