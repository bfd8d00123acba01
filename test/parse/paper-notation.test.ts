/**
 * Formulas as papers write them: subscripts end a name (r₂n is r2·n), |x| is abs(x),
 * a bias in i and j gets the distance hint, a name that swallowed the variable gets
 * the product hint, and mathjs's precedence of implicit multiplication is what
 * docs/input.md says it is.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { GREEK_TO_ASCII } from '../../src/parse/names.js';
import { normalizeText } from '../../src/parse/normalize.js';
import { parseExpression } from '../../src/parse/parse.js';
import { errorOf } from './error-of.js';

const ascii = (s: string): string => parseExpression(s).normalized;
const norm = (s: string): string => normalizeText(s).text;


describe('subscripts end a name', () => {
  it('r₂n is r2·n, and the issue’s formula parses as -r1*log(1+r2*n)', () => {
    assert.equal(norm('r₂n'), 'r2 n');
    assert.equal(ascii('−r₁·log(1+r₂n)'), ascii('-r1*log(1+r2*n)'));
    assert.deepEqual(parseExpression('−r₁·log(1+r₂n)').parameters, ['r1', 'r2']);
    assert.equal(ascii('λₕn'), ascii('lambda_h*n'));
    assert.equal(ascii('r₁₀n²'), ascii('r10*n^2'));
    assert.equal(ascii('r₁2n'), ascii('r1*2*n'));
  });

  it('a ( after a subscripted name multiplies, unless the name is a function', () => {
    assert.equal(ascii('r₂(1+n)'), ascii('r2*(1+n)'));
    assert.equal(ascii('r₂ (1+n)'), ascii('r2*(1+n)'));
    assert.equal(ascii('log₂(n)'), ascii('log2(n)'));
    assert.equal(ascii('log₁₀(1+n)'), ascii('log10(1+n)'));
  });

  it('the hint for a fused ASCII name is the product, not --var', () => {
    const e = errorOf(() => parseExpression('-r1*log(1+r2n)'));
    assert.equal(e.kind, 'variable');
    assert.match(e.message, /r2\*n/);
    assert.doesNotMatch(e.message, /--var/);
    const e2 = errorOf(() => parseExpression('-mn'));
    assert.match(e2.message, /m\*n/);
    // a symbol that does not contain the variable still gets the --var hint
    assert.match(errorOf(() => parseExpression('-m*x')).message, /--var/);
  });

  // Random names with subscripts (digits or letters, Latin or Greek bases) and random
  // spacing between the factors: the text must parse as the product of the intended names.
  const DIGIT_SUB = ['₀', '₁', '₂', '₃', '₄', '₅', '₆', '₇', '₈', '₉'];
  const LETTER_SUB: Readonly<Record<string, string>> = { 'ₐ': 'a', 'ₕ': 'h', 'ₖ': 'k', 'ₘ': 'm', 'ₚ': 'p', 'ₛ': 's', 'ₜ': 't', 'ᵢ': 'i', 'ⱼ': 'j' };
  const BASES = ['a', 'b', 'c', 'm', 'r', 's', 't', 'w', 'x', 'y', 'z', 'α', 'β', 'λ', 'σ', 'θ'];
  const subscripted = fc.record({
    base: fc.constantFrom(...BASES),
    sub: fc.oneof(
      fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 3 }).map((ds) => ({ text: ds.map((d) => DIGIT_SUB[d]!).join(''), ascii: ds.join('') })),
      fc.array(fc.constantFrom(...Object.keys(LETTER_SUB)), { minLength: 1, maxLength: 2 }).map((ls) => ({ text: ls.join(''), ascii: `_${ls.map((l) => LETTER_SUB[l]!).join('')}` })),
    ),
  }).map(({ base, sub }) => ({ text: base + sub.text, ascii: (Object.hasOwn(GREEK_TO_ASCII, base) ? GREEK_TO_ASCII[base]! : base) + sub.ascii }));
  const space = fc.constantFrom('', ' ', '  ', '\u00A0', '\u2009');
  const last = fc.constantFrom({ text: 'n', ascii: 'n' }, { text: 'n²', ascii: 'n^2' }, { text: '(1+n)', ascii: '(1+n)' }, { text: 'log(1+n)', ascii: 'log(1+n)' });

  it('property: subscripted names with any spacing parse as the intended product', () => {
    fc.assert(
      fc.property(fc.array(subscripted, { minLength: 1, maxLength: 4 }), fc.array(space, { minLength: 4, maxLength: 4 }), last, fc.boolean(), (names, spaces, tail, minus) => {
        const text = (minus ? '−' : '') + names.map((f, k) => f.text + spaces[k]!).join('') + tail.text;
        const intended = (minus ? '-' : '') + [...names.map((f) => f.ascii), tail.ascii].join('*');
        assert.deepEqual(parseExpression(text).expr, parseExpression(intended).expr, `${text} vs ${intended}`);
      }),
      { numRuns: 300 },
    );
  });
});

describe('|x| is abs(x)', () => {
  it('maps bars, nested bars and products of bars', () => {
    assert.equal(norm('|n|'), 'abs(n)');
    assert.equal(ascii('-m*|n|'), ascii('-m*abs(n)'));
    assert.equal(ascii('-m|n|'), ascii('-m*abs(n)'));
    assert.equal(ascii('|a||n|'), ascii('abs(a)*abs(n)'));
    assert.equal(ascii('|a|·|n|'), ascii('abs(a)*abs(n)'));
    assert.equal(ascii('||n|-|a||'), ascii('abs(abs(n)-abs(a))'));
    assert.equal(ascii('||n||'), ascii('abs(abs(n))'));
    assert.equal(ascii('|n|²'), ascii('abs(n)^2'));
    assert.equal(ascii('√|n|'), ascii('sqrt(abs(n))'));
    assert.equal(ascii('-log(1+|n - 3|)'), ascii('-log(1+abs(n-3))'));
    assert.equal(ascii('‖n‖'), ascii('abs(n)'));
    assert.equal(ascii('∣n∣'), ascii('abs(n)'));
    assert.equal(ascii('-min(|n|, |n-1|)'), ascii('-min(abs(n), abs(n-1))'));
  });

  it('a doubled bar between operands is still the logical or', () => {
    assert.equal(norm('a>0 || b>1'), 'a>0  or  b>1');
    assert.equal(norm('(n>1)||(n<0)'), '(n>1) or (n<0)');
    assert.equal(ascii('n < 2 || n > 5 ? 0 : -n'), ascii('n < 2 or n > 5 ? 0 : -n'));
  });

  it('a bar without its partner is an error with its column', () => {
    const cases: [string, number][] = [['n | 1', 3], ['|n', 1], ['-m*|n', 4], ['n|', 2], ['||n|', 1], ['(|n)|', 2], ['log(|n)', 5], ['|', 1], ['−m·|n + |1|', 4]];
    for (const [text, col] of cases) {
      const e = errorOf(() => parseExpression(text));
      assert.equal(e.kind, 'syntax', `${text}: ${e.message}`);
      assert.equal(e.column, col, `${text}: ${e.message}`);
      assert.match(e.message, /\|/);
    }
  });

  it('a bar nested deeper than the cap is refused, not a stack overflow', () => {
    const e = errorOf(() => parseExpression(`${'|'.repeat(3000)}n${'|'.repeat(3000)}`));
    assert.equal(e.kind, 'too-large');
  });

  // Random expressions with explicit operators, written once with bars and once with abs():
  // both must give the same tree. (Explicit operators keep every bar's reading unambiguous.)
  const expr: fc.Memo<{ bar: string; abs: string }> = fc.memo((depth) => {
    const atom = fc.constantFrom('n', 'm', '2', '1/2', 'log(1+n)').map((s) => ({ bar: s, abs: s }));
    if (depth <= 1) return atom;
    return fc.oneof(
      atom,
      expr(depth - 1).map((e) => ({ bar: `|${e.bar}|`, abs: `abs(${e.abs})` })),
      expr(depth - 1).map((e) => ({ bar: `(${e.bar})`, abs: `(${e.abs})` })),
      fc.tuple(expr(depth - 1), fc.constantFrom('+', '-', '*', '/'), expr(depth - 1), fc.constantFrom('', ' '))
        .map(([a, op, b, sp]) => ({ bar: `${a.bar}${sp}${op}${sp}${b.bar}`, abs: `${a.abs} ${op} ${b.abs}` })),
      expr(depth - 1).map((e) => ({ bar: `-${e.bar}`, abs: `-${e.abs}` })),
    );
  });

  it('property: |e| parses as abs(e)', () => {
    fc.assert(
      fc.property(expr(5), (e) => {
        assert.deepEqual(parseExpression(`n + ${e.bar}`).expr, parseExpression(`n + ${e.abs}`).expr, e.bar);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a bias written in i and j', () => {
  it('gets the distance hint, as an error and not a rewrite', () => {
    for (const [text, col] of [['-m*|i - j|', 5], ['-(i-j)', 3], ['−m·|i − j|', 5], ['-log(1 + abs(j - i))', 14]] as const) {
      const e = errorOf(() => parseExpression(text));
      assert.equal(e.kind, 'variable', text);
      assert.match(e.message, /write the bias as a function of the distance n = i − j/, text);
      assert.equal(e.column, col, `${text}: ${e.message}`);
    }
    assert.match(errorOf(() => parseExpression('-(i-j)', { variable: 'k' })).message, /distance k = i − j/);
  });

  it('i and j as parameters next to the variable are still parameters', () => {
    assert.deepEqual(parseExpression('-i*n - j').parameters, ['i', 'j']);
  });
});

describe('mathjs precedence of implicit multiplication (docs/input.md)', () => {
  it('binds tighter than / except after a number divided by a number', () => {
    // -n²/2σ² is -n²/(2σ²): the Gaussian of a paper, not -(n²/2)·σ²
    assert.equal(ascii('-n^2/2σ²'), ascii('-n^2/(2*sigma^2)'));
    assert.equal(ascii('n/2m'), ascii('n/(2*m)'));
    assert.equal(ascii('-n/2 m'), ascii('-n/(2*m)'));
    // a number over a number, then a name: the quotient is the coefficient
    assert.equal(ascii('1/2 n'), ascii('(1/2)*n'));
    assert.equal(ascii('-1/2n'), ascii('((-1)/2)*n'));
    assert.equal(ascii('1/2|n|'), ascii('(1/2)*abs(n)'));
    assert.equal(ascii('n/2|n|'), ascii('n/(2*abs(n))'));
  });
});
