/**
 * The asymptotic engine against numbers: for exact expansions the truncated series
 * must match the function at large n to within its O-remainder; intervals must
 * contain the function's values.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Ctx } from '../../src/asymptotics/context.js';
import { expand } from '../../src/asymptotics/expand.js';
import { seriesToString } from '../../src/asymptotics/print.js';
import type { Mono } from '../../src/asymptotics/scale.js';
import type { Series } from '../../src/asymptotics/series.js';
import * as I from '../../src/conditions/interval.js';
import { Region } from '../../src/conditions/region.js';
import { compileFloat } from '../../src/numeric/evaluate.js';
import { parseExpression } from '../../src/parse/parse.js';

const coefValue = (m: Mono): number => {
  const [lo, hi] = I.toFloats(m.c.enclose(() => I.REALS));
  return (lo + hi) / 2;
};
function monoAt(m: Mono, n: number, withCoef = true): number {
  const L = [Math.log(n)];
  for (let k = 1; k < 4; k++) L.push(Math.log(L[k - 1]!));
  let v = withCoef ? coefValue(m) : 1;
  m.pw.forEach((p, i) => { const e = p.asFraction()!.valueOf(); v *= Math.pow(i === 0 ? n : L[i - 1]!, e); });
  if (m.ex) v *= Math.exp(seriesAt(m.ex, n));
  return v;
}
const seriesAt = (s: Series, n: number): number => s.terms.reduce((acc, t) => acc + monoAt(t, n), 0);

function expansion(text: string) {
  const p = parseExpression(text);
  return { a: expand(p.expr, new Ctx(new Region(), 'n')), f: compileFloat(p.expr, p.variable) };
}

const EXACT = [
  '(n^3+1)^(1/3) - n', 'log(1+n)', 'log(log(n+3))', '1/n - 3/(3*n+2)', 'sqrt(n^2+n) - n', 'n*log(1+1/n)',
  'exp(1/n) - 1', 'atan(n)', 'tanh(1/n)', 'log(gamma(n+1))', 'cosh(log(n))', 'sin(1/n)*n', 'n^(1/n)', '(1+1/n)^n',
  'log(3+n/2)^2', 'factorial(n)/factorial(n+2)', 'gamma(n+1/2)/gamma(n)', 'log(factorial(n)) - n*log(n)',
];

test('exact expansions match the function at large n', () => {
  for (const text of EXACT) {
    const { a, f } = expansion(text);
    assert.ok(a.exact, `${text} expands exactly`);
    for (const n of [100, 1e4, 1e6]) {
      const approx = seriesAt(a.lo, n), actual = f(n);
      if (!Number.isFinite(actual)) continue; // float overflow (e.g. factorial(10⁴)); the expansion is checked at other inputs
      const scale = a.lo.err ? Math.abs(monoAt(a.lo.err, n, false)) : 0;
      const err = Math.abs(approx - actual);
      // remainder O(err) with a modest constant, plus float noise
      assert.ok(err <= 1e3 * scale + 1e-9 * Math.max(1, Math.abs(actual)), `${text} at n=${n}: ${approx} vs ${actual} (${seriesToString(a.lo)})`);
    }
  }
});

const BOUNDED = ['sin(n)', 'log(n+1)*(2+sin(n))', 'floor(n/3)', 'ceil(sqrt(n))', 'n + cos(n)^2', '(-1)^n/n', 'sum(cos(n/10^i), i, 1, 5)', 'sign(sin(n))'];

test('interval expansions contain the function', () => {
  for (const text of BOUNDED) {
    const { a, f } = expansion(text);
    for (const n of [1000, 1001, 123457, 1e6 + 3]) {
      const lo = seriesAt(a.lo, n), hi = seriesAt(a.hi, n), v = f(n);
      const slack = (s: Series) => (s.err ? 1e3 * Math.abs(monoAt(s.err, n, false)) : 0) + 1e-9 * Math.max(1, Math.abs(v));
      assert.ok(lo - slack(a.lo) <= v && v <= hi + slack(a.hi), `${text} at n=${n}: ${v} not in [${lo}, ${hi}]`);
    }
  }
});

test('cancellation: (n³+1)^(1/3) − n ~ 1/(3n²)', () => {
  const { a } = expansion('(n^3+1)^(1/3) - n');
  assert.equal(seriesToString({ terms: a.lo.terms.slice(0, 1), err: null }), '(1/3)·n^-2');
});

test('Stirling: log Γ(n+1) = n·log n − n + ½·log n + …', () => {
  const { a } = expansion('log(gamma(n+1))');
  assert.match(seriesToString(a.lo), /^n·log n - n \+ \(1\/2\)·log n/);
});
