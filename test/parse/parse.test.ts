import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError } from '../../src/parse/errors.js';
import { Fraction, type Expr } from '../../src/parse/expr.js';
import { parseCondition, parseExpression } from '../../src/parse/parse.js';
import { toAscii } from '../../src/parse/print.js';
import { exprEquals, freeParameters } from '../../src/parse/walk.js';

const norm = (s: string, variable?: string): string =>
  parseExpression(s, variable === undefined ? {} : { variable }).normalized;

function throwsKind(fn: () => unknown, kind: string): void {
  assert.throws(fn, (e: unknown) => e instanceof InputError && e.kind === kind);
}

describe('parseExpression: Unicode forms', () => {
  const cases: [string, string][] = [
    ['−m·log(1+n)', '-m * log(1 + n)'],
    ['n²', 'n^2'],
    ['n⁻¹', 'n^(-1)'],
    ['2n', '2 * n'],
    ['m log(1+n)', 'm * log(1 + n)'],
    ['α n', 'alpha * n'],
    ['-αn', '-alpha * n'],
    ['λ·(n+1)', 'lambda * (n + 1)'],
    ['λ(n+1)', 'lambda * (n + 1)'],
    ['√n', 'sqrt(n)'],
    ['∛n', 'cbrt(n)'],
    ['π n', 'pi * n'],
    ['2πn', '2 * pi * n'],
    ['e⁻ⁿ', 'e^(-n)'],
    ['γ·n', 'gam * n'],
    ['Γ(n+1)', 'gamma(n + 1)'],
    ['r₁ log(1 + r₂ n)', 'r1 * log(1 + r2 * n)'],
    ['n^{0.5}', 'sqrt(n)'],
    ['⌊n/2⌋', 'floor(n / 2)'],
    ['−(k n)^{1.25}', '-(k * n)^1.25'],
    ['n ≥ 1 ? 1 : 0', 'n >= 1 ? 1 : 0'],
  ];
  for (const [input, expected] of cases) {
    it(`${input} -> ${expected}`, () => assert.equal(norm(input), expected));
  }
});

describe('parseExpression: functions', () => {
  const cases: [string, string][] = [
    ['log(n)', 'log(n)'],
    ['ln(n)', 'log(n)'],
    ['log(n, 2)', 'log(n) / log(2)'],
    ['log2(n)', 'log(n) / log(2)'],
    ['log10(n)', 'log(n) / log(10)'],
    ['exp(-n)', 'exp(-n)'],
    ['sqrt(n)', 'sqrt(n)'],
    ['cbrt(n)', 'cbrt(n)'],
    ['abs(n - 3)', 'abs(n - 3)'],
    ['sign(n)', 'sign(n)'],
    ['floor(n / 4)', 'floor(n / 4)'],
    ['ceil(n / 4)', 'ceil(n / 4)'],
    ['min(n, 4)', 'min(n, 4)'],
    ['max(n, 4, 2 n)', 'max(n, 4, 2 * n)'],
    ['sin(n)', 'sin(n)'],
    ['cos(n)', 'cos(n)'],
    ['tan(n)', 'tan(n)'],
    ['atan(n)', 'atan(n)'],
    ['tanh(n)', 'tanh(n)'],
    ['cosh(n)', 'cosh(n)'],
    ['sinh(n)', 'sinh(n)'],
    ['factorial(n)', 'n!'],
    ['n!', 'n!'],
    ['(n + 1)!', '(n + 1)!'],
    ['gamma(n + 1)', 'gamma(n + 1)'],
    ['-log(n!)', '-log(n!)'],
  ];
  for (const [input, expected] of cases) {
    it(`${input} -> ${expected}`, () => assert.equal(norm(input), expected));
  }

  it('sqrt is pow(x, 1/2) and log(x, b) is a quotient of logs', () => {
    const s = parseExpression('sqrt(n)').expr;
    assert.equal(s.kind, 'pow');
    assert.ok(s.kind === 'pow' && s.exp.kind === 'num' && s.exp.value.equals(new Fraction(1, 2)));
    const l = parseExpression('log(n, 3)').expr;
    assert.ok(l.kind === 'div' && l.num.kind === 'call' && l.den.kind === 'call' && l.den.fn === 'log');
  });

  it('checks argument counts', () => {
    throwsKind(() => parseExpression('log()'), 'syntax');
    throwsKind(() => parseExpression('log(n, 2, 3)'), 'syntax');
    throwsKind(() => parseExpression('min(n)'), 'syntax');
    throwsKind(() => parseExpression('exp(n, 2)'), 'syntax');
    throwsKind(() => parseExpression('sum(n, i, 1)'), 'syntax');
  });
});

describe('parseExpression: numbers are exact', () => {
  const value = (s: string): Fraction => {
    const e = parseExpression(s).expr;
    assert.equal(e.kind, 'num');
    return (e as Extract<Expr, { kind: 'num' }>).value;
  };
  it('converts literal text exactly', () => {
    assert.ok(value('0.1').equals(new Fraction(1, 10)));
    assert.ok(value('1e-3').equals(new Fraction(1, 1000)));
    assert.ok(value('2.5e2').equals(new Fraction(250)));
    assert.ok(value('-4').equals(new Fraction(-4)));
    assert.ok(value('.5').equals(new Fraction(1, 2)));
    assert.ok(value('0.1000000000000000000000000000001').equals(new Fraction(10n ** 30n + 1n, 10n ** 31n)));
    assert.equal(value('123456789012345678901234567890').n, 123456789012345678901234567890n);
  });
  it('keeps n^(6/5) as a quotient of exact literals and n^1.2 as one literal', () => {
    const a = parseExpression('n^(6/5)').expr;
    assert.ok(a.kind === 'pow' && a.exp.kind === 'div');
    const b = parseExpression('n^1.2').expr;
    assert.ok(b.kind === 'pow' && b.exp.kind === 'num' && b.exp.value.equals(new Fraction(6, 5)));
  });
});

describe('parseExpression: catalog and structure', () => {
  it('ALiBi, KERPLE, no bias', () => {
    assert.equal(norm('-m*n'), '-m * n');
    assert.equal(norm('-r1*log(1 + r2*n)'), '-r1 * log(1 + r2 * n)');
    assert.equal(norm('-r1*n^r2'), '-r1 * n^r2');
    assert.equal(norm('0'), '0');
    assert.equal(norm('-4'), '-4');
    assert.deepEqual(parseExpression('0').parameters, []);
  });

  it('T5-like nested conditionals', () => {
    const p = parseExpression('n < 16 ? -n/4 : -4');
    assert.equal(p.normalized, 'n < 16 ? -n / 4 : -4');
    assert.equal(p.expr.kind, 'cond');
    const q = parseExpression('n < 16 ? -n/4 : n < 128 ? -4 - log(n/16) : -4 - log(8)');
    assert.equal(q.normalized, 'n < 16 ? -n / 4 : n < 128 ? -4 - log(n / 16) : -4 - log(8)');
    assert.ok(q.expr.kind === 'cond' && q.expr.else.kind === 'cond');
    assert.equal(norm('n < 2 ? (n < 1 ? 0 : 1) : 2'), 'n < 2 ? (n < 1 ? 0 : 1) : 2');
  });

  it('Sandwich finite sum with a bound index', () => {
    const p = parseExpression('lambda*(sum(cos(n/10000^(2*i/d)), i, 1, d/2) - d/2)');
    assert.equal(p.normalized, 'lambda * (sum(cos(n / 10000^(2 * i / d)), i, 1, d / 2) - d / 2)');
    assert.deepEqual(p.parameters, ['d', 'lambda']);
    const e = p.expr;
    assert.ok(e.kind === 'mul');
    const inner = e.factors[1]!;
    assert.ok(inner.kind === 'add' && inner.terms[0]!.kind === 'sum');
    const sum = (inner as Extract<Expr, { kind: 'add' }>).terms[0] as Extract<Expr, { kind: 'sum' }>;
    assert.equal(sum.index, 'i');
    let sawIndex = false;
    const visit = (x: Expr): void => {
      if (x.kind === 'index') sawIndex = true;
      if (x.kind === 'param') assert.notEqual(x.name, 'i');
      for (const c of Object.values(x)) if (c && typeof c === 'object' && 'kind' in c) visit(c as Expr);
      for (const c of Object.values(x)) if (Array.isArray(c)) c.forEach((y) => visit(y as Expr));
    };
    visit(sum.body);
    assert.ok(sawIndex);
  });

  it('flattens sums and products, and folds only direct negative literals', () => {
    const e = parseExpression('n + (m + 1) - 2').expr;
    assert.ok(e.kind === 'add' && e.terms.length === 4);
    const m = parseExpression('2 n m * (n + 1)').expr;
    assert.ok(m.kind === 'mul' && m.factors.length === 4);
    const m2 = parseExpression('2 n * (m n)').expr;
    assert.ok(m2.kind === 'mul' && m2.factors.length === 4);
    const d = parseExpression('-(-3) + n').expr;
    assert.ok(d.kind === 'add' && d.terms[0]!.kind === 'neg');
  });

  it('implicit multiplication follows mathjs', () => {
    assert.equal(norm('1/2n'), '1 / 2 * n');
    assert.equal(norm('2 sin(n)'), '2 * sin(n)');
    assert.equal(norm('(n+1)(n+2)'), '(n + 1) * (n + 2)');
  });

  it('precedence: unary minus, powers and factorial', () => {
    assert.equal(norm('-n^2'), '-n^2');
    assert.equal(norm('(-n)^2'), '(-n)^2');
    assert.equal(norm('n^2^3'), 'n^2^3');
    assert.equal(norm('(n^2)^3'), '(n^2)^3');
    assert.equal(norm('2^-n'), '2^(-n)');
    assert.equal(norm('-n!'), '-n!');
    assert.equal(norm('n!^2'), 'n!^2');
    assert.equal(norm('a - (b - n)'), 'a - (b - n)');
    assert.equal(norm('n / (m * n)'), 'n / (m * n)');
    assert.equal(norm('n - -n'), 'n - (-n)');
  });

  it('constants: pi, PI, e, E', () => {
    for (const [s, name] of [['pi', 'pi'], ['PI', 'pi'], ['e', 'e'], ['E', 'e']] as const) {
      const p = parseExpression(`${s} * n`);
      const e = p.expr;
      assert.ok(e.kind === 'mul' && e.factors[0]!.kind === 'const' && e.factors[0]!.name === name);
      assert.deepEqual(p.parameters, []);
    }
  });

  it('chained comparisons become and; logic operators', () => {
    assert.equal(norm('0 < n < 4 ? 1 : 0'), '0 < n and n < 4 ? 1 : 0');
    assert.equal(norm('n < 1 or n > 5 and not (n == 3) ? 1 : 0'), 'n < 1 or n > 5 and not (n == 3) ? 1 : 0');
    assert.equal(norm('(n < 1 or n > 5) and n != 3 ? 1 : 0'), '(n < 1 or n > 5) and n != 3 ? 1 : 0');
  });
});

describe('parseExpression: variable and parameters', () => {
  it('lists parameters sorted', () => {
    assert.deepEqual(parseExpression('b*n + a*n + lambda_h').parameters, ['a', 'b', 'lambda_h']);
  });
  it('uses options.variable', () => {
    const p = parseExpression('-m*x', { variable: 'x' });
    assert.equal(p.variable, 'x');
    assert.deepEqual(p.parameters, ['m']);
    assert.deepEqual(parseExpression('-n*x', { variable: 'x' }).parameters, ['n']);
  });
  it('allows constant expressions without the variable', () => {
    assert.equal(norm('-4 + log(2)'), '-4 + log(2)');
  });
  it('rejects expressions with symbols but without the variable', () => {
    throwsKind(() => parseExpression('-m'), 'variable');
    throwsKind(() => parseExpression('-m*n', { variable: 'x' }), 'variable');
  });
  it('rejects bad variable names', () => {
    throwsKind(() => parseExpression('n', { variable: 'log' }), 'option');
    throwsKind(() => parseExpression('n', { variable: '1x' }), 'option');
    throwsKind(() => parseExpression('n', { variable: 'pi' }), 'option');
  });
  it('rejects functions and constants used as names', () => {
    throwsKind(() => parseExpression('log * n'), 'syntax');
    throwsKind(() => parseExpression('sin n'), 'syntax');
    throwsKind(() => parseExpression('sum(n, e, 1, 2)'), 'syntax');
    throwsKind(() => parseExpression('sum(i, n, 1, 2)'), 'syntax');
    throwsKind(() => parseExpression('sum(sum(i, i, 1, 2), i, 1, 2) + n'), 'syntax');
    throwsKind(() => parseExpression('sum(n, 2, 1, 2)'), 'syntax');
  });
  it('a sum index is not a parameter, but the same name outside the sum is', () => {
    assert.deepEqual(parseExpression('sum(i*n, i, 1, 3)').parameters, []);
    assert.deepEqual(parseExpression('i + sum(i*n, i, 1, k)').parameters, ['i', 'k']);
  });
  it('freeParameters and exprEquals', () => {
    const a = parseExpression('-m*log(1+n)').expr;
    const b = parseExpression('−m·log(1 + n)').expr;
    assert.ok(exprEquals(a, b));
    assert.ok(!exprEquals(a, parseExpression('-m*log(2+n)').expr));
    assert.deepEqual(freeParameters(a), ['m']);
  });
  it('keeps the original input', () => {
    assert.equal(parseExpression(' −m·n ').input, ' −m·n ');
  });
});

describe('parseCondition', () => {
  it('parses comparisons and logic', () => {
    assert.equal(toAscii(parseCondition('b > 0')), 'b > 0');
    assert.equal(toAscii(parseCondition('r1 > 0 and r2 <= 2')), 'r1 > 0 and r2 <= 2');
    assert.equal(toAscii(parseCondition('m != 0')), 'm != 0');
    assert.equal(toAscii(parseCondition('0 < r2 <= 2')), '0 < r2 and r2 <= 2');
    assert.equal(toAscii(parseCondition('r1 ≥ 1 ∨ r2 ≠ 0')), 'r1 >= 1 or r2 != 0');
    assert.equal(toAscii(parseCondition('not (m < 0)')), 'not (m < 0)');
    const c = parseCondition('b > 0');
    assert.ok(c.kind === 'cmp' && c.left.kind === 'param');
  });
  it('rejects non-conditions with kind assumption', () => {
    throwsKind(() => parseCondition('b + 1'), 'assumption');
    throwsKind(() => parseCondition('b > 0 ? 1 : 2'), 'assumption');
  });
  it('checks names against the given parameters', () => {
    assert.doesNotThrow(() => parseCondition('r1 > 1', ['r1', 'r2']));
    assert.throws(() => parseCondition('x > 1', ['r1', 'r2']),
      (e: unknown) => e instanceof InputError && e.kind === 'assumption' && e.column === 1);
  });
  it('reports syntax errors', () => {
    throwsKind(() => parseCondition('b >'), 'syntax');
    throwsKind(() => parseCondition('b = 1'), 'unsupported');
  });
});
