/**
 * The TRF law (issue 14, item 2) against certified TRFs: the law's value lies within its
 * stated error order of the certified bracket, and its relative error shrinks as ε → 0.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { trf } from '../../src/trf/trf.js';
import { parseExpression } from '../../src/parse/parse.js';
import { substituteParameters } from '../../src/parse/substitute.js';
import * as E from '../../src/parse/expr.js';
import { evalInterval } from '../../src/numeric/expr-interval.js';

/** the largest relative distance from the law's value to a point of the certified bracket */
function relError(r: ReturnType<typeof trf>['results'][number]): number {
  assert.ok(r.law && r.law.value !== null && r.bracket && r.bracket[1] !== null, JSON.stringify(r.law));
  const lo = Number(BigInt(r.bracket[0]));
  const hi = Number(BigInt(r.bracket[1]));
  return Math.max(Math.abs(r.law.value - lo), Math.abs(r.law.value - hi)) / lo;
}

describe('TRF law', () => {
  it('−m·log(1+n): (1/((m−1)·ε·S))^(1/(m−1)) within O(ε^(1/(m−1))) at m = 1.5, 2, 3 and ε = 1e-2, 1e-4, 1e-6', () => {
    const byM = new Map<number, number[]>();
    for (const eps of ['1e-2', '1e-4', '1e-6']) {
      const report = trf('-m*log(1+n)', { at: ['m=1.5,2,3'], eps });
      for (const r of report.results) {
        const m = r.at.m!;
        assert.equal(r.law!.expression, '(1/((m - 1)*eps*S))^(1/(m - 1))');
        assert.equal(r.law!.errorOrder, 'eps^(1/(m - 1))');
        const err = relError(r);
        const order = Math.pow(Number(eps), 1 / (m - 1));
        // the stated order, with the certified bracket's own width allowed for
        const width = (Number(BigInt(r.bracket![1]!)) - Number(BigInt(r.bracket![0]))) / Number(BigInt(r.bracket![0]));
        assert.ok(err <= 5 * order + 2 * width, `m=${m} ε=${eps}: error ${err} vs order ${order}`);
        byM.set(m, [...(byM.get(m) ?? []), err]);
      }
    }
    for (const [m, errs] of byM) {
      assert.ok(errs[0]! > errs[1]! && errs[1]! > errs[2]!, `m=${m}: errors ${errs.join(', ')} do not shrink`);
    }
  });

  it('rpe trf "-m*log(1+n)" without values: the symbolic law, evaluated with the certified S, matches the certified TRF', () => {
    const law = trf('-m*log(1+n)').results[0]!.law;
    assert.ok(law, 'no symbolic law');
    const parsed = parseExpression(law.expression, { variable: 'eps' });
    for (const eps of ['1e-2', '1e-4', '1e-6']) {
      for (const r of trf('-m*log(1+n)', { at: ['m=3/2,2,3'], eps }).results) {
        const e = substituteParameters(parsed.expr, { m: E.num(r.at.m!), S: E.num(Number(r.sum)) });
        const v = evalInterval(e, { variable: 'eps', x: { lo: Number(eps), hi: Number(eps) } });
        const value = (v.lo + v.hi) / 2;
        const lo = Number(BigInt(r.bracket![0]));
        const hi = Number(BigInt(r.bracket![1]!));
        const err = Math.max(Math.abs(value - lo), Math.abs(value - hi)) / lo;
        const width = (hi - lo) / lo;
        assert.ok(err <= 5 * Math.pow(Number(eps), 1 / (r.at.m! - 1)) + 2 * width, `m=${r.at.m} ε=${eps}: ${value} vs [${lo}, ${hi}]`);
      }
    }
  });

  it('geometric −m·n: the law tends to the exact ⌈ln(1/ε)/m⌉ − 1 (relative error shrinks)', () => {
    const errs = ['1e-2', '1e-6', '1e-12'].map((eps) => relError(trf('-m*n', { at: ['m=1/8'], eps }).results[0]!));
    assert.ok(errs[0]! > errs[2]!, errs.join(', '));
    assert.ok(errs[2]! < 0.02);
  });

  it('stretched exponential −n^a: the corrected law approaches the certified TRF as ε → 0', () => {
    const errs = ['1e-2', '1e-6', '1e-12'].map((eps) => relError(trf('-n^a', { at: ['a=1/2'], eps }).results[0]!));
    assert.ok(errs[0]! > errs[2]!, errs.join(', '));
  });

  it('Bertrand level 1: exp(1/((b−1)·ε·S)) within a factor e^{O(1)} of the certified TRF', () => {
    const r = trf('-log(1+n) - 2*log(log(n+3))').results[0]!;
    assert.match(r.law!.regime, /Bertrand, level 1/);
    const lo = Number(BigInt(r.bracket![0]));
    assert.ok(Math.abs(Math.log(r.law!.value!) - Math.log(lo)) < 1);
  });

  it('property: power laws −s·log(b + n) with s in (1.5, 4): the law is within 5·ε^(1/(s−1))·(1 + b) of the certified TRF', () => {
    fc.assert(fc.property(fc.integer({ min: 3, max: 8 }), fc.integer({ min: 1, max: 3 }), (s2, b) => {
      const s = s2 / 2;
      const r = trf('-s*log(b+n)', { at: [`s=${s2}/2`, `b=${b}`], eps: '1e-4' }).results[0]!;
      const err = relError(r);
      return err <= 5 * Math.pow(1e-4, 1 / (s - 1)) * (1 + b) + 1e-6;
    }), { numRuns: 8 });
  });
});
