/**
 * The shared code generator's targets agree: for random expression trees (arithmetic,
 * log, powers, division, conditions, min/max, floor, finite sums, and/or/not — with
 * their undefined points), the Python target run by numpy (and by torch when present)
 * gives compileFloat's value at n = 0 … 24, NaN exactly where compileFloat gives NaN,
 * and the same infinities. Skips with a message when numpy is missing.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { pythonExpression, pythonPrelude, MAX_PYTHON_DEPTH } from '../../src/numeric/codegen/python.js';
import { compileFloat } from '../../src/numeric/float.js';
import { parseExpression } from '../../src/parse/parse.js';
import { hasPythonModule, PYTHON, skipWithout } from '../python/python-env.js';

const N = 25;
const PARAMS = { a: 0.75, b: -2 };

/** Random expression text in n, a, b over the input language, undefined points included. */
const exprText: fc.Arbitrary<string> = fc.letrec((tie) => ({
  e: fc.oneof({ depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('n', 'a', 'b', '0', '1', '2', '1/3', '-1', 'pi', '(n-3)'),
    fc.tuple(tie('e'), tie('e'), fc.constantFrom('+', '-', '*', '/')).map(([x, y, op]) => `(${x} ${op} ${y})`),
    fc.tuple(tie('e'), fc.constantFrom('2', '1/2', '-1', '0.25', 'a', 'n', '3')).map(([x, y]) => `(${x})^(${y})`),
    fc.tuple(tie('e'), fc.constantFrom('log', 'exp', 'abs', 'sign', 'floor', 'ceil', 'sin', 'cos', 'atan', 'tanh', 'cbrt', 'sqrt', 'gamma', 'factorial'))
      .map(([x, f]) => (f === 'exp' ? `exp(min(${x}, 50))` : `${f}(${x})`)),
    fc.tuple(tie('e'), tie('e'), fc.constantFrom('min', 'max')).map(([x, y, f]) => `${f}(${x}, ${y})`),
    fc.tuple(tie('e'), tie('e'), tie('e'), fc.constantFrom('<', '<=', '==', '!=')).map(([c, x, y, op]) => `(${c} ${op} 2 ? ${x} : ${y})`),
    fc.tuple(tie('e'), tie('e'), tie('e')).map(([c, x, y]) => `((${c} > 0 and ${x} < 1) or not (${y} >= 0) ? ${x} : ${y})`),
    fc.tuple(tie('e'), fc.constantFrom('3', 'floor(n/4)', 'n/2', '-1')).map(([x, hi]) => `sum((${x}) * i, i, 1, ${hi})`)),
})).e;

interface Sample { text: string; values: (number | string)[] }

const enc = (v: number): number | string => (Number.isNaN(v) ? 'nan' : v === Infinity ? 'inf' : v === -Infinity ? '-inf' : v);

function samples(count: number, seed: number): Sample[] {
  const out: Sample[] = [];
  for (const text of fc.sample(exprText, { numRuns: count * 3, seed })) {
    let p;
    try { p = parseExpression(text, { variable: 'n' }); } catch { continue; }
    const f = compileFloat(p.expr, 'n');
    out.push({ text, values: Array.from({ length: N }, (_, n) => enc(f(n, PARAMS))) });
    if (out.length === count) break;
  }
  return out;
}

function runPython(backend: 'numpy' | 'torch', cases: readonly Sample[], dir: string): string {
  const fns = cases.map((c, k) => {
    const body = pythonExpression(parseExpression(c.text, { variable: 'n' }).expr, 'n', (name) => `P[${JSON.stringify(name)}]`);
    return `def f${k}(n, P):\n    K = lambda v: _scalar(v, n)  # noqa: E731\n    return ${body} + ${backend === 'torch' ? 'torch' : 'np'}.zeros_like(n)\n`;
  });
  const arr = backend === 'torch' ? 'torch.arange(%d, dtype=torch.float64)' : 'np.arange(%d, dtype=np.float64)';
  const par = backend === 'torch' ? 'torch.tensor(%r, dtype=torch.float64)' : 'np.asarray(%r, dtype=np.float64)';
  const file = join(dir, `gen_${backend}.py`);
  writeFileSync(file, `${pythonPrelude(backend)}
${backend === 'numpy' ? 'np.seterr(all="ignore")\n' : ''}
import json, math, sys
${fns.join('\n')}

def enc(v):
    v = float(v)
    return "nan" if math.isnan(v) else "inf" if v == math.inf else "-inf" if v == -math.inf else v

n = ${arr.replace('%d', String(N))}
P = {"a": ${par.replace('%r', String(PARAMS.a))}, "b": ${par.replace('%r', String(PARAMS.b))}}
out = []
for k in range(${cases.length}):
    try:
        out.append([enc(x) for x in globals()["f%d" % k](n, P).tolist()])
    except Exception as e:
        out.append("error: %r" % e)
print(json.dumps(out))
`);
  const r = spawnSync(PYTHON, [file], { encoding: 'utf8', timeout: 300_000 });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

function compare(backend: 'numpy' | 'torch', cases: readonly Sample[], stdout: string): void {
  const got = JSON.parse(stdout) as ((number | string)[] | string)[];
  for (const [k, c] of cases.entries()) {
    const g = got[k]!;
    assert.ok(Array.isArray(g), `${backend}: ${c.text}: ${String(g)}`);
    for (let n = 0; n < N; n++) {
      const want = c.values[n]!;
      const have = g[n]!;
      const ok = typeof want === 'string' || typeof have === 'string'
        ? want === have
        : Math.abs(want - have) <= 1e-9 * Math.max(1, Math.abs(want));
      assert.ok(ok, `${backend}: ${c.text} at n = ${n}: JavaScript ${want}, Python ${have}`);
    }
  }
}

test('the Python target (numpy, torch) computes what compileFloat computes, NaNs included', { skip: skipWithout('numpy'), timeout: 600_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'rpe-codegen-'));
  try {
    const cases = samples(150, 20261203);
    assert.ok(cases.length >= 100);
    assert.ok(cases.some((c) => c.values.includes('nan')), 'the sample covers undefined points');
    compare('numpy', cases, runPython('numpy', cases, dir));
    if (hasPythonModule('torch')) compare('torch', cases, runPython('torch', cases, dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the Python target spells the tree with the shared helpers and refuses deep nesting', () => {
  const text = (s: string): string => pythonExpression(parseExpression(s).expr, 'n', (p) => `P[${JSON.stringify(p)}]`);
  assert.equal(text('-m*n'), '((-P["m"]) * n)');
  assert.equal(text('log(1+n)/2'), '_div(_log((K(1.0) + n)), K(2.0))');
  assert.equal(text('sqrt(n)'), '_sqrt(n)');
  assert.equal(text('sum(i*n, i, 1, 3)'), '_sum(lambda _i0: (_i0 * n), K(1.0), K(3.0))');
  const deep = `${'log(1+'.repeat(MAX_PYTHON_DEPTH)}n${')'.repeat(MAX_PYTHON_DEPTH)}`;
  assert.throws(() => text(deep), /nested \d+ levels deep/);
});
