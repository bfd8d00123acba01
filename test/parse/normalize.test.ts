import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError } from '../../src/parse/errors.js';
import { normalizeText, originalColumn } from '../../src/parse/normalize.js';

const norm = (s: string): string => normalizeText(s).text;

describe('normalizeText', () => {
  it('maps dashes, products, division and comparisons', () => {
    assert.equal(norm('−m·log(1+n)'), '-m*log(1+n)');
    assert.equal(norm('a‐b‒c–d—e'), 'a-b-c-d-e');
    assert.equal(norm('a×b⋅c∗d∙e'), 'a*b*c*d*e');
    assert.equal(norm('a÷b∕c'), 'a/b/c');
    assert.equal(norm('a≤b'), 'a<=b');
    assert.equal(norm('a≥b'), 'a>=b');
    assert.equal(norm('a≠b'), 'a!=b');
    assert.equal(norm('a>0 ∧ b<1'), 'a>0  and  b<1');
    assert.equal(norm('a>0 && b<1 || c>2'), 'a>0  and  b<1  or  c>2');
    assert.equal(norm('n**2'), 'n^2');
  });

  it('maps superscripts, including signs and groups', () => {
    assert.equal(norm('n²'), 'n^(2)');
    assert.equal(norm('n⁻¹'), 'n^(-1)');
    assert.equal(norm('n¹²'), 'n^(12)');
    assert.equal(norm('e⁻ⁿ'), 'e^(-n)');
    assert.equal(norm('2⁽ⁿ⁺¹⁾'), '2^((n+1))');
    assert.equal(norm('n^{1.5}'), 'n^(1.5)');
    assert.equal(norm('n^ {2}'), 'n^ (2)');
  });

  it('maps subscripts to name suffixes', () => {
    assert.equal(norm('r₁ log(1 + r₂ n)'), 'r1 log(1 + r2 n)');
    assert.equal(norm('mₕ'), 'm_h');
  });

  it('maps radicals to sqrt/cbrt, binding to the next atom', () => {
    assert.equal(norm('√n'), 'sqrt(n)');
    assert.equal(norm('√(n+1)'), 'sqrt(n+1)');
    assert.equal(norm('∛n'), 'cbrt(n)');
    assert.equal(norm('∛(n-1)'), 'cbrt(n-1)');
    assert.equal(norm('∜n'), 'sqrt(sqrt(n))');
    assert.equal(norm('√√n'), 'sqrt(sqrt(n))');
    assert.equal(norm('√log(n)'), 'sqrt(log(n))');
    assert.equal(norm('√2n'), 'sqrt(2)n');
    assert.equal(norm('n√n'), 'n sqrt(n)');
    assert.equal(norm('√n²'), 'sqrt(n)^(2)');
    assert.equal(norm('√(√n + 1)'), 'sqrt(sqrt(n) + 1)');
    assert.equal(norm('1/√π'), '1/sqrt(pi)');
  });

  it('rejects a radical without an operand, with its column', () => {
    assert.throws(() => normalizeText('1 + √'), (e: unknown) => e instanceof InputError && e.kind === 'syntax' && e.column === 5);
    assert.throws(() => normalizeText('√-n'), (e: unknown) => e instanceof InputError && e.column === 1);
  });

  it('maps Greek letters to ASCII names with word boundaries', () => {
    assert.equal(norm('α'), 'alpha');
    assert.equal(norm('λn'), 'lambda n');
    assert.equal(norm('2λ'), '2 lambda');
    assert.equal(norm('mλ'), 'm lambda');
    assert.equal(norm('λ1'), 'lambda1');
    assert.equal(norm('λ_h'), 'lambda_h');
    assert.equal(norm('λₕ'), 'lambda_h');
    assert.equal(norm('αβ'), 'alpha beta');
    assert.equal(norm('γ'), 'gam');
    assert.equal(norm('Γ(n+1)'), 'gamma(n+1)');
    assert.equal(norm('Λ'), 'Lambda');
    assert.equal(norm('λ(n+1)'), 'lambda*(n+1)');
    assert.equal(norm('π'), 'pi');
    assert.equal(norm('2πn'), '2 pi n');
    assert.equal(norm('µ'), 'mu');
    const all = 'αβγδεζηθικλμνξορστυφχψω';
    assert.equal(norm(all.split('').join(' ')),
      'alpha beta gam delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron rho sigma tau upsilon phi chi psi omega');
    assert.equal(norm('Α Β Δ Θ Λ Ξ Π Σ Φ Ψ Ω'), 'Alpha Beta Delta Theta Lambda Xi Pi Sigma Phi Psi Omega');
  });

  it('maps floor and ceiling brackets', () => {
    assert.equal(norm('⌊n/2⌋'), 'floor(n/2)');
    assert.equal(norm('2⌈n⌉'), '2 ceil(n)');
  });

  it('maps exotic spaces and drops zero-width characters', () => {
    assert.equal(norm('n\u00A0+\u2009n\u3000+\tn\n+ 1'), 'n + n + n + 1');
    assert.equal(norm('n\u200B+\uFEFF1'), 'n+1');
  });

  it('folds full-width and mathematical letters through NFKC', () => {
    assert.equal(norm('ｎ＋１'), 'n+1');
    assert.equal(norm('𝑛'), 'n');
    assert.equal(norm('𝜆'), 'lambda');
    assert.equal(norm('½n'), '(1/2)n');
  });

  it('keeps a column map into the original text (code points, 1-based)', () => {
    const t = normalizeText('−λ·√n');
    // -lambda*sqrt(n)
    assert.equal(t.text, '-lambda*sqrt(n)');
    assert.equal(originalColumn(t, 0), 1);
    assert.equal(originalColumn(t, 1), 2);
    assert.equal(originalColumn(t, 6), 2);
    assert.equal(originalColumn(t, 7), 3);
    assert.equal(originalColumn(t, 8), 4);
    assert.equal(originalColumn(t, 13), 5);
    assert.equal(originalColumn(t, t.text.length), 6);
    const astral = normalizeText('𝑛 + é');
    assert.equal(originalColumn(astral, astral.text.indexOf('é')), 5);
  });

  it('leaves unsupported characters for the scanner', () => {
    assert.equal(norm('n ∞'), 'n ∞');
  });
});
