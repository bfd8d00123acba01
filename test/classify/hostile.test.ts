/**
 * Hostile and extreme input through classify(): clean InputErrors with columns, or
 * honest answers, never a crash, a hang or code execution.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classify } from '../../src/classify.js';
import { InputError } from '../../src/parse/errors.js';

const nest = (f: string, k: number, inner = 'n'): string => { let s = inner; for (let i = 0; i < k; i++) s = `${f}(${s})`; return s; };

test('malformed or dangerous text is an InputError, with a column where one applies', { timeout: 60_000 }, () => {
  const bad: [string, RegExp?][] = [
    ['-m*log(1+', /./], ['-m*lg(1+n)', /lg/], ['x = 3', undefined], ['__proto__', undefined], ['constructor', undefined], ['import("fs")', undefined],
    ['[1,2,3]', undefined], ['"str"', undefined], ['f(x) = x', undefined], ['n'.repeat(100_000), undefined], ['('.repeat(20_000) + 'n' + ')'.repeat(20_000), undefined],
    ['-'.repeat(20_000) + 'n', undefined], [nest('sin', 20_000), undefined], ['evaluate("1+1")', undefined], ['log(-n)', undefined],
  ];
  for (const [text, msg] of bad) {
    assert.throws(() => classify(text), (e: unknown) => {
      assert.ok(e instanceof InputError, `${text.slice(0, 40)}: ${String(e)}`);
      if (msg) assert.match(e.message, msg);
      return true;
    });
  }
  const e = (() => { try { classify('-m*lg(1+n)'); } catch (err) { return err as InputError; } return null; })();
  assert.equal(e?.column, 4);
});

test('bad options are InputErrors', () => {
  assert.throws(() => classify('-n', { from: 1.5 }), InputError);
  assert.throws(() => classify('-m*n', { assume: ['m >'] }), InputError);
  assert.throws(() => classify('-m*n', { assume: ['m > 1', 'm < 0'] }), InputError);
});

test('a bias undefined at the start of the range is rejected; --from fixes it', () => {
  assert.throws(() => classify('-2*log(n)'), (e: unknown) => e instanceof InputError && e.kind === 'domain');
  assert.equal(classify('-2*log(n)', { from: 1 }).verdict, 'converges');
});

test('extreme but valid expressions answer honestly and quickly', { timeout: 120_000 }, () => {
  const cases: [string, object, string[]][] = [
    [nest('exp', 30), {}, ['diverges', 'unknown']],
    ['-' + nest('exp', 8), {}, ['converges', 'unknown']],
    ['n^n^n^n', { term: true }, ['diverges', 'unknown']],
    ['-n^(10^100)', {}, ['converges']],
    ['-(10^400)*n', {}, ['converges']],
    ['factorial(factorial(n))', { term: true }, ['diverges', 'unknown']],
    ['sum(cos(n*i), i, 1, 10^9)', {}, ['diverges']],
    ['tan(n)', {}, ['unknown']],
    [Array.from({ length: 300 }, (_, i) => `sin(${i}*n)`).join('+'), {}, ['diverges']],
  ];
  for (const [text, opts, allowed] of cases) {
    const c = classify(text, opts);
    assert.ok(allowed.includes(c.verdict), `${text.slice(0, 40)}: ${c.verdict}`);
  }
});

test('symbolic blow-up is bounded: (a0 + … + a12)^8 answers unknown', { timeout: 60_000 }, () => {
  const sum = Array.from({ length: 13 }, (_, i) => `a${i}`).join('+');
  const c = classify(`-(${sum})^8*n`);
  assert.equal(c.verdict, 'unknown');
  assert.match(c.cases[0]!.reason ?? '', /too complex|budget/);
});

test('many parameters stay within the case budget and still partition', { timeout: 60_000 }, () => {
  const c = classify('-m*s*t*u*v*log(n+1)');
  assert.ok(c.cases.length >= 2 && c.cases.length <= 3);
  const wide = classify('-' + Array.from({ length: 60 }, (_, i) => `a${i}*n`).join('-'));
  assert.ok(['conditional', 'unknown'].includes(wide.verdict));
});
