/** --at parsing, ALiBi slopes and exact parameter substitution. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseExpression } from '../../src/parse/parse.js';
import { toAscii } from '../../src/parse/print.js';
import { InputError } from '../../src/parse/errors.js';
import { substituteParameters } from '../../src/parse/substitute.js';
import { alibiSlopes, combineAt, parseAtOption } from '../../src/trf/substitute.js';
import { trf } from '../../src/trf/trf.js';

describe('parameter points', () => {
  it('parses lists, fractions and constant expressions exactly', () => {
    const a = parseAtOption('m=0.5,1/3,2^(-1/3)');
    assert.equal(a.name, 'm');
    assert.deepEqual(a.values.map((v) => v.text), ['0.5', '1 / 3', '2^(-1 / 3)']);
  });
  it('substitutes exact values', () => {
    const e = parseExpression('-r1*log(1+r2*n)').expr;
    const s = substituteParameters(e, { r1: parseAtOption('r1=3/2').values[0]!.expr, r2: parseAtOption('r2=0.5').values[0]!.expr });
    assert.equal(toAscii(s), '-(3 / 2) * log(1 + 0.5 * n)');
  });
  it('gives the H ALiBi slopes: 2^(−8h/H) for H a power of 2, the reference interleave otherwise', () => {
    const s = alibiSlopes(8).map((v) => v.text);
    assert.deepEqual(s, ['0.5', '0.25', '0.125', '0.0625', '0.03125', '0.015625', '0.0078125', '0.00390625']);
    // H = 3: the 2 slopes of 2 heads (2^-4, 2^-8), then the first odd slope of 4 heads (2^-2)
    assert.deepEqual(alibiSlopes(3).map((v) => v.text), ['0.0625', '0.00390625', '0.25']);
    assert.equal(alibiSlopes(3, { rule: 'geometric' })[0]!.text, '2^(-8 / 3)');
  });
  it('zips equal-length lists and broadcasts single values', () => {
    const pts = combineAt([parseAtOption('a=1,2,3'), parseAtOption('b=5')]);
    assert.equal(pts.length, 3);
    assert.deepEqual(pts.map((p) => [p.a!.text, p.b!.text]), [['1', '5'], ['2', '5'], ['3', '5']]);
    assert.throws(() => combineAt([parseAtOption('a=1,2'), parseAtOption('b=1,2,3')]), InputError);
  });
  it('one result per head and max is the largest', () => {
    const rep = trf('-m*n', { alibiHeads: 8 });
    assert.equal(rep.results.length, 8);
    assert.deepEqual(rep.results.map((r) => r.trf), [9, 18, 36, 73, 147, 294, 589, 1178]);
    assert.equal(rep.max, 1178);
    assert.equal(rep.results[7]!.at.m, 1 / 256);
  });
  it('irrational slopes (H = 3, geometric rule) are handled exactly', () => {
    const rep = trf('-m*n', { alibiHeads: 3, slopeRule: 'geometric' });
    // m_1 = 2^(−8/3): ⌈ln 100 / m⌉ − 1
    const m = 2 ** (-8 / 3);
    assert.equal(rep.results[0]!.trf, Math.ceil(Math.log(100) / m) - 1);
  });
  it('asks for values of parameters it lacks, and rejects unknown ones', () => {
    assert.throws(() => trf('-m*n - sin(m*n)'), /give a value for m with at: \{m: …\}/);
    // a known family without values gets its symbolic closed form instead
    const sym = trf('-m*n').results[0]!;
    assert.equal(sym.trf, null);
    assert.match(sym.closedForm!, /\\ln\(1\/\\varepsilon\)/);
    assert.throws(() => trf('-m*n', { at: ['k=1'] }), /no parameter k/);
    assert.throws(() => trf('-m*n', { at: ['m=x'] }), InputError);
    assert.throws(() => trf('-sqrt(n)', { eps: 1.5 }), /between 0 and 1/);
  });
  it('--from shifts the start for a bias undefined at 0', () => {
    assert.throws(() => trf('-2*log(n)'), /--from/);
    const r = trf('-2*log(n)', { from: 1 }).results[0]!;
    // Σ_{n≥1} n^{-2} = ζ(2); tail(w) = ζ(2, w+1) ≤ 0.01 ζ(2) → w = 61
    assert.equal(r.trf, 61);
    assert.ok(Math.abs(Number(r.sum) - Math.PI ** 2 / 6) < 1e-12);
  });
});
