import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Fraction, type CmpOp, type Expr, type FnName } from '../../src/parse/expr.js';
import { parseExpression } from '../../src/parse/parse.js';
import { toAscii, toTex } from '../../src/parse/print.js';
import { usesVariable } from '../../src/parse/walk.js';
import { compileFloat } from '../../src/numeric/evaluate.js';

const tex = (s: string): string => toTex(parseExpression(s).expr);

describe('toAscii', () => {
  it('prints minimal parentheses in mathjs syntax', () => {
    const cases: [string, string][] = [
      ['-m*log(1+n)', '-m * log(1 + n)'],
      ['-(m*log(1+n))', '-(m * log(1 + n))'],
      ['((n))', 'n'],
      ['(n+1)/(n-1)', '(n + 1) / (n - 1)'],
      ['n/(2/3)', 'n / (2 / 3)'],
      ['(n/2)/3', 'n / 2 / 3'],
      ['n*(2/3)', 'n * (2 / 3)'],
      ['-n^(1/3)', '-n^(1 / 3)'],
      ['n^(-0.5)', 'n^(-0.5)'],
      ['(-2)^n', '(-2)^n'],
      ['n*(-2)', 'n * (-2)'],
      ['n - (-2)', 'n - (-2)'],
      ['n + -2', 'n - 2'],
      ['(n < 2 ? 1 : 2) * n', '(n < 2 ? 1 : 2) * n'],
      ['0.0001 * n', '0.0001 * n'],
      ['1e-30 * n', '1e-30 * n'],
      ['1.5e-30 * n', '1.5e-30 * n'],
      ['1e25 * n', '1e25 * n'],
      ['2^(n!)', '2^n!'],
    ];
    for (const [input, expected] of cases) assert.equal(parseExpression(input).normalized, expected, input);
  });

  it('prints rationals that are not terminating decimals as quotients', () => {
    const third: Expr = { kind: 'mul', factors: [{ kind: 'num', value: new Fraction(1, 3) }, { kind: 'var', name: 'n' }] };
    assert.equal(toAscii(third), '1 / 3 * n');
    const negThird: Expr = { kind: 'add', terms: [{ kind: 'var', name: 'n' }, { kind: 'num', value: new Fraction(-1, 3) }] };
    assert.equal(toAscii(negThird), 'n - 1 / 3');
  });
});

describe('toTex', () => {
  it('uses LaTeX macros', () => {
    assert.equal(tex('-m*log(1+n)'), '-m \\log\\left(1 + n\\right)');
    assert.equal(tex('n/4'), '\\frac{n}{4}');
    assert.equal(tex('n^2'), 'n^{2}');
    assert.equal(tex('sqrt(n)'), '\\sqrt{n}');
    assert.equal(tex('cbrt(n)'), '\\sqrt[3]{n}');
    assert.equal(tex('floor(n/2)'), '\\left\\lfloor \\frac{n}{2} \\right\\rfloor');
    assert.equal(tex('ceil(n)'), '\\left\\lceil n \\right\\rceil');
    assert.equal(tex('abs(n)'), '\\left|n\\right|');
    assert.equal(tex('exp(-n)'), 'e^{-n}');
    assert.equal(tex('atan(n)'), '\\arctan\\left(n\\right)');
    assert.equal(tex('gamma(n)'), '\\Gamma\\left(n\\right)');
    assert.equal(tex('(n+1)!'), '\\left(n + 1\\right)!');
    assert.equal(tex('min(n, 2)'), '\\min\\left(n, 2\\right)');
    assert.equal(tex('2*3*n'), '2 \\cdot 3 n');
    assert.equal(tex('pi*n'), '\\pi n');
  });

  it('Greek names and subscripts', () => {
    assert.equal(tex('λ n'), '\\lambda n');
    assert.equal(tex('γ n'), '\\gamma n');
    assert.equal(tex('Λ n'), '\\Lambda n');
    assert.equal(tex('lambda_h * n'), '\\lambda_{h} n');
    assert.equal(tex('r1 * n'), 'r_{1} n');
    assert.equal(tex('slope * n'), '\\mathrm{slope} n');
  });

  it('sums and conditionals', () => {
    assert.equal(tex('lambda*(sum(cos(n/10000^(2*i/d)), i, 1, d/2) - d/2)'),
      '\\lambda \\left(\\sum_{i=1}^{d/2} \\cos\\left(\\frac{n}{10000^{2 i/d}}\\right) - \\frac{d}{2}\\right)');
    assert.equal(tex('n < 16 ? -n/4 : n <= 128 ? -4 : -5'),
      '\\begin{cases} \\frac{-n}{4} & \\text{if } n < 16 \\\\ -4 & \\text{if } n \\le 128 \\\\ -5 & \\text{otherwise} \\end{cases}');
  });
});

// ---------------------------------------------------------------- round trip

const PARAMS = ['a', 'b', 'm', 'lambda', 'r1'];
const FNS1: FnName[] = ['log', 'exp', 'abs', 'sign', 'floor', 'ceil', 'sin', 'cos', 'tan', 'atan', 'tanh', 'cosh', 'sinh', 'factorial', 'gamma', 'cbrt'];
const CMPS: CmpOp[] = ['<', '<=', '>', '>=', '==', '!='];

const numArb: fc.Arbitrary<Expr> = fc.oneof(
  fc.integer({ min: -20, max: 20 }).map((k) => ({ kind: 'num', value: new Fraction(k) }) as Expr),
  fc.constantFrom(new Fraction(1, 2), new Fraction(1, 3), new Fraction(-2, 7), new Fraction(1, 8), new Fraction(-3, 2), new Fraction(10n ** 25n), new Fraction(1n, 10n ** 30n))
    .map((value) => ({ kind: 'num', value }) as Expr),
);

function exprArb(inSum: boolean): fc.Arbitrary<Expr> {
  const { tree } = fc.letrec<{ tree: Expr; leaf: Expr; node: Expr; test: Expr }>((tie) => ({
    leaf: fc.oneof(
      numArb,
      fc.constant<Expr>({ kind: 'var', name: 'n' }),
      fc.constantFrom(...PARAMS).map((name) => ({ kind: 'param', name }) as Expr),
      fc.constantFrom<'pi' | 'e'>('pi', 'e').map((name) => ({ kind: 'const', name }) as Expr),
      ...(inSum ? [fc.constant<Expr>({ kind: 'index', name: 'i' })] : []),
    ),
    tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('leaf'), tie('node')),
    test: fc.oneof(
      fc.record({ op: fc.constantFrom(...CMPS), left: tie('tree'), right: tie('tree') }).map((r) => ({ kind: 'cmp', ...r }) as Expr),
      fc.tuple(fc.constantFrom<'and' | 'or'>('and', 'or'), fc.array(
        fc.record({ op: fc.constantFrom(...CMPS), left: tie('tree'), right: tie('tree') }).map((r) => ({ kind: 'cmp', ...r }) as Expr),
        { minLength: 2, maxLength: 3 },
      )).map(([op, args]) => ({ kind: 'logic', op, args }) as Expr),
      fc.record({ op: fc.constantFrom(...CMPS), left: tie('tree'), right: tie('tree') })
        .map((r) => ({ kind: 'logic', op: 'not', args: [{ kind: 'cmp', ...r }] }) as Expr),
    ),
    node: fc.oneof(
      fc.array(tie('tree'), { minLength: 2, maxLength: 3 }).map((terms) => ({ kind: 'add', terms }) as Expr),
      fc.array(tie('tree'), { minLength: 2, maxLength: 3 }).map((factors) => ({ kind: 'mul', factors }) as Expr),
      tie('tree').map((arg) => ({ kind: 'neg', arg }) as Expr),
      fc.tuple(tie('tree'), tie('tree')).map(([num, den]) => ({ kind: 'div', num, den }) as Expr),
      fc.tuple(tie('tree'), tie('tree')).map(([base, exp]) => ({ kind: 'pow', base, exp }) as Expr),
      fc.tuple(fc.constantFrom(...FNS1), tie('tree')).map(([fn, x]) => ({ kind: 'call', fn, args: [x] }) as Expr),
      fc.tuple(fc.constantFrom<FnName>('min', 'max'), fc.array(tie('tree'), { minLength: 2, maxLength: 3 }))
        .map(([fn, args]) => ({ kind: 'call', fn, args }) as Expr),
      fc.tuple(tie('test'), tie('tree'), tie('tree')).map(([test, then, otherwise]) => ({ kind: 'cond', test, then, else: otherwise }) as Expr),
    ),
  }));
  return tree;
}

const withSums: fc.Arbitrary<Expr> = fc.oneof(
  exprArb(false),
  fc.tuple(exprArb(true), exprArb(false), exprArb(false), exprArb(false)).map(([body, lo, hi, rest]) =>
    ({ kind: 'add', terms: [rest, { kind: 'sum', body, index: 'i', lo, hi }] }) as Expr),
);

function withVariable(e: Expr): Expr {
  return usesVariable(e) ? e : { kind: 'add', terms: [e, { kind: 'var', name: 'n' }] };
}

function close(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

describe('round trip', () => {
  it('parseExpression(toAscii(e)) prints the same', () => {
    fc.assert(fc.property(withSums, (raw) => {
      const e = withVariable(raw);
      const text = toAscii(e);
      const parsed = parseExpression(text);
      assert.equal(toAscii(parsed.expr), text);
      assert.equal(parsed.normalized, text);
      assert.equal(typeof toTex(e), 'string');
    }), { numRuns: 500 });
  });

  it('the reparsed tree has the same values', () => {
    const point = fc.record({
      n: fc.integer({ min: 0, max: 30 }),
      a: fc.double({ min: -3, max: 3, noNaN: true }),
      b: fc.integer({ min: -3, max: 3 }),
    });
    fc.assert(fc.property(exprArb(false), point, (raw, p) => {
      const e = withVariable(raw);
      const params = { a: p.a, b: p.b, m: 0.5, lambda: 2, r1: 1.5 };
      const before = compileFloat(e, 'n')(p.n, params);
      const after = compileFloat(parseExpression(toAscii(e)).expr, 'n')(p.n, params);
      assert.ok(close(before, after), `${toAscii(e)}: ${before} vs ${after}`);
    }), { numRuns: 300 });
  });
});
