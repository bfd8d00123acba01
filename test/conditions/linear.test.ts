import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import Fraction from 'fraction.js';
import { applyCondition } from '../../src/conditions/assumptions.js';
import { Coef } from '../../src/conditions/coef.js';
import { feasible, implies, linearForm, negForm, type LinConstraint, type LinForm } from '../../src/conditions/linear.js';
import { Region } from '../../src/conditions/region.js';
import { parseCondition } from '../../src/parse/parse.js';

const VARS = ['a', 'b', 'c'];
const small = fc.integer({ min: -4, max: 4 });
const rational = fc.tuple(fc.integer({ min: -12, max: 12 }), fc.integer({ min: 1, max: 4 })).map(([n, d]) => new Fraction(n, d));
const point = fc.tuple(rational, rational, rational).map((vs) => new Map(VARS.map((v, i) => [v, vs[i]!])));
const coeffs = fc.tuple(small, small, small).filter((cs) => cs.some((c) => c !== 0));

const valueAt = (f: LinForm, p: ReadonlyMap<string, Fraction>): Fraction =>
  [...f.coeffs].reduce((acc, [x, a]) => acc.add(a.mul(p.get(x)!)), f.c);
const form = (cs: readonly number[], c: Fraction): LinForm => ({ coeffs: new Map(cs.flatMap((a, i) => (a === 0 ? [] : [[VARS[i]!, new Fraction(a)] as const]))), c });

/** constraints that hold at p by construction: the form's value at p minus a slack ≥ 0 (strict only when the slack leaves room) */
const satisfiedAt = (p: ReadonlyMap<string, Fraction>) =>
  fc.array(fc.tuple(coeffs, fc.integer({ min: 0, max: 3 }), fc.boolean()), { minLength: 1, maxLength: 7 }).map((list) =>
    list.map(([cs, slack, strict]): LinConstraint => {
      const f0 = form(cs, new Fraction(0));
      // choose c so that the value at p is exactly `slack`
      const f = form(cs, new Fraction(slack).sub(valueAt(f0, p)));
      return { form: f, strict: strict && slack > 0 };
    }));

test('Fourier–Motzkin: constraints that hold at a point are feasible', () => {
  fc.assert(fc.property(point.chain((p) => satisfiedAt(p)), (cs) => feasible(cs) === true), { numRuns: 300 });
});

test('Fourier–Motzkin: a Farkas combination made negative is infeasible', () => {
  // Σ λᵢ fᵢ + g = −δ with λᵢ ≥ 0 and g ≥ 0 (or g > 0 when δ = 0) cannot all hold
  const gen = fc.tuple(
    fc.array(fc.tuple(coeffs, small, fc.boolean(), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 6 }),
    fc.integer({ min: 0, max: 3 }),
  );
  fc.assert(fc.property(gen, ([list, delta]) => {
    const cs: LinConstraint[] = list.map(([co, c, strict]) => ({ form: form(co, new Fraction(c)), strict }));
    const sum = new Map<string, Fraction>();
    let k = new Fraction(0);
    list.forEach(([co, c, , lambda], i) => {
      co.forEach((a, j) => sum.set(VARS[j]!, (sum.get(VARS[j]!) ?? new Fraction(0)).add(new Fraction(a * lambda))));
      k = k.add(new Fraction(c * lambda));
      void i;
    });
    const g: LinForm = { coeffs: new Map([...sum].filter(([, v]) => v.n !== 0n).map(([x, v]) => [x, v.neg()])), c: k.neg().sub(delta) };
    const gStrict = delta === 0;
    // when every λ is 0 and δ = 0 the combination says 0 > 0: still infeasible
    return feasible([...cs, { form: g, strict: gStrict }]) === false;
  }), { numRuns: 300 });
});

test('implication: m + s - 1 > 0 implies m + s > 0, not the other way', () => {
  const ms = linearForm(Coef.param('m').add(Coef.param('s')))!;
  const ms1 = linearForm(Coef.param('m').add(Coef.param('s')).sub(Coef.of(1)))!;
  assert.equal(implies([{ form: ms1, strict: true }], [[{ form: ms, strict: true }]]), true);
  assert.equal(implies([{ form: ms, strict: true }], [[{ form: ms1, strict: true }]]), false);
  assert.equal(linearForm(Coef.param('m').mul(Coef.param('s'))), null);
});

const region = (...conds: string[]): Region[] => conds.reduce<Region[]>((rs, c) => applyCondition(rs, parseCondition(c)), [new Region()]);

test('regions the linear assumptions exclude together are empty: H >= h >= 1 and H == 0', () => {
  const [root] = region('h >= 1', 'H >= h');
  assert.deepEqual(root!.withSign(Coef.param('H'), [0]), []);
  assert.deepEqual(root!.withSign(Coef.param('H'), [-1]), []);
  assert.equal(root!.withSign(Coef.param('H'), [1]).length, 1);
  // without H >= h the point H = 0 is possible
  const [free] = region('h >= 1');
  assert.equal(free!.withSign(Coef.param('H'), [0]).length, 1);
  // the sign of H − h + 1 is decided by the facts, without a split
  assert.equal(root!.sign(Coef.param('H').sub(Coef.param('h')).add(Coef.of(1))), 1);
  assert.equal(root!.sign(Coef.param('h').sub(Coef.param('H')).sub(Coef.of(1))), -1);
  // a < b and b < a leave nothing; a < b and b <= a + 1 leave a strip
  assert.deepEqual(region('a < b', 'b < a'), []);
  assert.equal(region('a < b', 'b <= a + 1').length, 1);
});

test('random linear assumption sets: a region is dropped exactly when it is infeasible by construction', () => {
  // assumptions that hold at a point p, plus a region condition that either holds at p (feasible) or is
  // the negated positive combination of the assumptions (infeasible by Farkas)
  const gen = point.chain((p) => fc.tuple(fc.constant(p), satisfiedAt(p), fc.boolean(), fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 7, maxLength: 7 })));
  fc.assert(fc.property(gen, ([p, cs, makeInfeasible, lambdas]) => {
    const text = (f: LinForm, strict: boolean): string => `${toText(f)} ${strict ? '>' : '>='} 0`;
    const [root] = region(...cs.map((k) => text(k.form, k.strict)));
    assert.ok(root, 'assumptions that hold at a point are consistent');
    let goal: { coef: Coef; signs: (-1 | 0 | 1)[] };
    if (makeInfeasible) {
      // −(Σ λᵢ fᵢ) − 1 ≥ 0 contradicts Σ λᵢ fᵢ ≥ 0
      const sum = cs.reduce((acc, k, i) => acc.add(coefOf(k.form).scale(new Fraction(lambdas[i] ?? 0))), Coef.of(0));
      goal = { coef: sum.neg().sub(Coef.of(1)), signs: [0, 1] };
    } else {
      const f = form([1, -1, 2], new Fraction(0));
      const v = valueAt(f, p);
      goal = { coef: coefOf(f).sub(Coef.of(v)), signs: [0] }; // a − b + 2c equals its value at p
    }
    const got = root!.withSign(goal.coef, goal.signs);
    return makeInfeasible ? got.length === 0 : got.length === 1;
  }), { numRuns: 150 });
});

const coefOf = (f: LinForm): Coef => [...f.coeffs].reduce((acc, [x, a]) => acc.add(Coef.param(x).scale(a)), Coef.of(f.c));
const toText = (f: LinForm): string => coefOf(f).toString();

test('implication: a positive combination of the premise, loosened, is implied; a constraint violated at a premise point is not', () => {
  const gen = point.chain((p) => fc.tuple(fc.constant(p), satisfiedAt(p), fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 7, maxLength: 7 }), fc.integer({ min: 0, max: 2 }), coeffs));
  fc.assert(fc.property(gen, ([p, cs, lambdas, loosen, co]) => {
    // Σ λᵢ fᵢ + loosen ≥ 0 follows from fᵢ ≥ 0
    const sum = cs.reduce<LinForm>((acc, k, i) => {
      const l = new Fraction(lambdas[i] ?? 0);
      const coeffs = new Map(acc.coeffs);
      for (const [x, a] of k.form.coeffs) coeffs.set(x, (coeffs.get(x) ?? new Fraction(0)).add(a.mul(l)));
      for (const [x, a] of [...coeffs]) if (a.n === 0n) coeffs.delete(x);
      return { coeffs, c: acc.c.add(k.form.c.mul(l)) };
    }, { coeffs: new Map(), c: new Fraction(loosen) });
    assert.equal(implies(cs, [[{ form: sum, strict: false }]]), true);
    // g(p) = −1 < 0: p satisfies the premise and not g ≥ 0
    const g0 = form(co, new Fraction(0));
    const g = form(co, new Fraction(-1).sub(valueAt(g0, p)));
    assert.equal(implies(cs, [[{ form: g, strict: false }]]), false);
    // ... nor the disjunction of g ≥ 0 with another constraint violated at p
    assert.equal(implies(cs, [[{ form: g, strict: false }], [{ form: negForm(cs[0]!.form), strict: true }]]), false);
  }), { numRuns: 200 });
});
