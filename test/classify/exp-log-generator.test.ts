/**
 * Checks of the generator itself (exp-log-generator.ts), independent of the engine:
 * every rewriting is defined for n ≥ 0 and is the block up to o(1); the rendered
 * expressions are q (up to o(1) and the offset) numerically; the truth function agrees
 * with classical series; and the generated cases are balanced between the verdicts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileFloat } from '../../src/numeric/evaluate.js';
import { parseExpression } from '../../src/parse/parse.js';
import {
  BLOCKS, type CaseSpec, generateCases, instantiate, isParam, isTermMode, LEVELS, pairCases, PARAM, rat, type Rational, ratValue, formOf, render, sumParts, truthOf, truthOfCase, written,
} from './exp-log-generator.js';

const compile = (text: string): ((n: number, params?: Record<string, number>) => number) => {
  const p = parseExpression(text);
  return compileFloat(p.expr, p.variable);
};

/** 0…300 and a geometric run up to 10^12 */
const POINTS = [...Array.from({ length: 301 }, (_, i) => i), 1e3, 1e4, 1e5, 1e6, 1e8, 1e10, 1e12];

/** where the o(1) is checked: large enough for the shifts to fade, small enough for float64 to see it */
const NEAR = [1e3, 1e4, 1e5, 1e6, 1e7];

/** |f − block| at the largest points: small, and not growing (o(1), up to float noise). */
function assertVanishing(what: string, diff: (n: number) => number, points: readonly number[], size: (n: number) => number): void {
  const tested = points.filter((n) => Number.isFinite(diff(n)));
  assert.ok(tested.length >= 2, `${what}: fewer than 2 points to test`);
  const [a, b] = tested.slice(-2).map((n) => Math.abs(diff(n))) as [number, number];
  const last = tested.at(-1)!;
  // float64 rounding of values of this size, through a few exp/log: noise, not growth
  const noise = 1e-13 * (1 + Math.abs(size(last))) * (1 + Math.log(last));
  assert.ok(b < 0.05, `${what}: differs from the block by ${b} at n = ${last}`);
  assert.ok(b <= Math.max(a, noise) * (1 + 1e-6), `${what}: the difference grows (${a} then ${b})`);
}

test('the blocks are listed with the level functions L0, L1, L2 in order', () => {
  assert.deepEqual(LEVELS.map((i) => BLOCKS[i]!.name), ['log n', 'log log n', 'log log log n']);
  assert.equal(new Set(BLOCKS.map((b) => b.id)).size, BLOCKS.length);
});

test('every rewriting of every block is defined for n ≥ 0 and differs from the block by o(1)', () => {
  for (const b of BLOCKS) {
    for (const form of b.forms) {
      const f = compile(form);
      for (const n of POINTS.filter((x) => x <= 1e12)) assert.ok(Number.isFinite(f(n)), `${b.name}: ${form} is not finite at n = ${n}`);
      assertVanishing(`${b.name}: ${form}`, (n) => f(n) - b.exact(n), NEAR, b.exact);
    }
    for (const base of b.bases ?? []) {
      const f = compile(`log(${base})`);
      for (const n of POINTS) assert.ok(Number.isFinite(f(n)), `${b.name}: log(${base}) is not finite at n = ${n}`);
      assertVanishing(`${b.name}: base ${base}`, (n) => f(n) - b.exact(n), NEAR, b.exact);
    }
    for (const [k, factor] of b.factors.entries()) {
      for (const c of [rat(1, 2), rat(-3, 4), rat(2)]) {
        const text = factor(`(${c.num}/${c.den})`);
        const f = compile(text);
        // −log(factor)/c is the block up to o(1), where the factor does not under- or overflow
        const diff = (n: number): number => { const v = f(n); return v > 0 && Number.isFinite(v) ? -Math.log(v) / ratValue(c) - b.exact(n) : NaN; };
        assertVanishing(`${b.name}: factor ${k} ${text}`, diff, [20, 50, 100, 200, 300, ...NEAR], b.exact);
      }
    }
  }
});

const q = (terms: [number, Rational][]): { block: number; coef: Rational }[] => terms.map(([block, coef]) => ({ block, coef }));
const at = (id: string): number => { const i = BLOCKS.findIndex((b) => b.id === id); assert.ok(i >= 0, id); return i; };

test('the truth function agrees with classical series', () => {
  const [L0, L1, L2] = ['L0', 'L1', 'L2'].map(at) as [number, number, number];
  const one = rat(1);
  // Σ 1/n, Σ 1/n², Σ 1/(n log n), Σ 1/(n log² n), Bertrand at level 2, Σ e^{−√n}, Σ e^{+√n}
  assert.equal(truthOf(q([[L0, one]])), 'diverges');
  assert.equal(truthOf(q([[L0, rat(2)]])), 'converges');
  assert.equal(truthOf(q([[L0, one], [L1, one]])), 'diverges');
  assert.equal(truthOf(q([[L0, one], [L1, rat(2)]])), 'converges');
  assert.equal(truthOf(q([[L0, one], [L1, one], [L2, one]])), 'diverges');
  assert.equal(truthOf(q([[L0, one], [L1, one], [L2, rat(101, 100)]])), 'converges');
  assert.equal(truthOf(q([[at('sqrt(n)'), one], [L0, rat(-50)]])), 'converges');
  assert.equal(truthOf(q([[at('sqrt(n)'), rat(-1, 100)], [L0, rat(50)]])), 'diverges');
  // q = o(log n) diverges whatever the sign; log n + √log n converges (√log n ≻ log log n)
  assert.equal(truthOf(q([[at('e^sqrtL1'), rat(5)]])), 'diverges');
  assert.equal(truthOf(q([[L0, one], [at('sqrtL0'), rat(1, 100)]])), 'converges');
  assert.equal(truthOf(q([[L0, one], [at('sqrtL0'), rat(-1, 100)], [L1, rat(9)]])), 'diverges');
  // cancellation: two copies of the same block add up
  assert.equal(truthOf(q([[L0, rat(3, 2)], [L0, rat(-1, 2)], [L1, rat(3, 2)]])), 'converges');
  assert.equal(truthOf(q([[L0, rat(3, 2)], [L0, rat(-1, 2)]])), 'diverges');
  assert.equal(truthOf([]), 'diverges');
});

/** q of a case from its rendering, in float: −p in bias mode, −log a_n in term mode. */
function renderedQ(spec: CaseSpec, m?: number): (n: number) => number {
  const f = compile(render(spec));
  const params = m === undefined ? undefined : { [PARAM]: m };
  return (n) => (isTermMode(spec.kind) ? -Math.log(f(n, params)) : -f(n, params));
}

/** q from the blocks themselves: Σ c·B − offset, and −log(e^{−q₁} + e^{−q₂}) for the sum kinds */
function exactQ(spec: CaseSpec, m?: Rational): (n: number) => number {
  const one = (s: CaseSpec): ((n: number) => number) => {
    const terms = instantiate(s, m);
    return (n) => terms.reduce((acc, t) => acc + ratValue(t.coef) * BLOCKS[t.block]!.exact(n), 0) - s.offset;
  };
  if (!spec.second) return one(spec);
  const [a, b] = sumParts(spec).map(one) as [(n: number) => number, (n: number) => number];
  return (n) => { const x = a(n), y = b(n), lo = Math.min(x, y); return lo - Math.log1p(Math.exp(lo - Math.max(x, y))); };
}

test('rendered cases are defined for n ≥ 0 and equal q − offset up to o(1)', () => {
  const cases = [...generateCases(11, 600), ...pairCases(11).filter((_, i) => i % 7 === 0)];
  for (const c of cases) {
    const m = isParam(c.spec) ? rat(3, 2) : undefined;
    const terms = [...instantiate(c.spec, m), ...(c.spec.second ?? []).flatMap((t) => (t.coef === null ? [] : [{ block: t.block, coef: t.coef }]))];
    const exact = exactQ(c.spec, m);
    const f = compile(c.expr);
    const params = m === undefined ? undefined : { [PARAM]: ratValue(m) };
    // the summands c·F as written: where one is beyond float64's exp range, a NaN is 0·∞, not a domain error
    const summands = [...c.spec.terms, ...(c.spec.second ?? [])].flatMap((t) => written([t])).map((t) => {
      const g = compile(formOf(t));
      const k = t.coef === null ? 1.5 : Math.abs(ratValue(t.coef));
      return (n: number): number => k * Math.abs(g(n));
    });
    for (let n = 0; n <= 60; n++) {
      const v = f(n, params);
      if (Number.isNaN(v) && summands.some((s) => s(n) > 600)) continue;
      assert.ok(!Number.isNaN(v), `${c.expr} is undefined at n = ${n}`);
      if (c.options.term) assert.ok(v >= 0, `${c.expr} is negative at n = ${n}`);
    }
    const got = renderedQ(c.spec, m === undefined ? undefined : ratValue(m));
    // where exp does not under- or overflow, the rendering is q up to o(1); the coefficients scale the blocks' o(1)
    const scale = Math.max(1, ...terms.map((t) => Math.abs(ratValue(t.coef))), ...[...c.spec.terms, ...(c.spec.second ?? [])].map((t) => (t.split ? Math.abs(ratValue(t.split.a)) : 0)));
    const diff = (n: number): number => { const g = got(n); return Number.isFinite(g) ? (g - exact(n)) / scale : NaN; };
    const tested = [1e3, 1e4, 1e5, 1e6, 1e7].filter((n) => Number.isFinite(diff(n)));
    if (tested.length > 0) assert.ok(Math.abs(diff(tested.at(-1)!)) < 0.25 * terms.length, `${c.expr}: q differs by ${diff(tested.at(-1)!)}·${scale} at n = ${tested.at(-1)}`);
  }
});

test('the generated cases are balanced and reach every block, mode and level', () => {
  const cases = generateCases(20261203, 3000);
  const concrete = cases.filter((c) => !isParam(c.spec));
  const conv = concrete.filter((c) => truthOfCase(c.spec) === 'converges').length;
  assert.ok(conv > 0.25 * concrete.length && conv < 0.75 * concrete.length, `${conv} of ${concrete.length} converge`);
  for (let b = 0; b < BLOCKS.length; b++) assert.ok(cases.some((c) => c.spec.terms.some((t) => t.block === b)), `block ${BLOCKS[b]!.name} never used`);
  for (const kind of ['bias', 'term', 'sum-term', 'sum-bias', 'param-bias', 'param-term'] as const) assert.ok(cases.filter((c) => c.spec.kind === kind).length > 50, kind);
  assert.ok(cases.filter((c) => c.spec.terms.some((t) => t.split && t.coef !== null && t.coef.num === 0)).length > 100, 'phantom blocks');
  assert.ok(cases.filter((c) => c.spec.terms.some((t) => t.split && t.coef !== null && t.coef.num !== 0)).length > 100, 'split blocks');
  // the boundary: coefficient exactly 1 on L0, then on L1, then on L2
  const boundary = (depth: number): number => concrete.filter((c) => LEVELS.slice(0, depth).every((l) => c.spec.terms.some((t) => t.block === l && t.coef !== null && t.coef.num === 1 && t.coef.den === 1))).length;
  for (const d of [1, 2, 3]) assert.ok(boundary(d) > 30, `only ${boundary(d)} cases at the boundary of depth ${d}`);
  assert.equal(new Set(cases.map((c) => c.expr)).size > 0.95 * cases.length, true, 'too many duplicates');
});
