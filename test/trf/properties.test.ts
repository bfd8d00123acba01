/**
 * fast-check properties of the certified TRF:
 *  - the bracket contains a brute-force TRF wherever brute force is feasible;
 *  - TRF is monotone in ε and in the slope;
 *  - ALiBi matches its closed form exactly (against a 50-digit brute force);
 *  - S matches the Hurwitz zeta for the KERPLE log family to 1e-12 relative.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { parseExpression } from '../../src/parse/parse.js';
import { buildSeriesModel } from '../../src/trf/series-model.js';
import { trf } from '../../src/trf/trf.js';

const D50 = Decimal.clone({ precision: 50 });

const epsArb = fc.constantFrom('0.001', '0.005', '0.01', '0.02', '0.05', '0.1', '0.2', '0.3');

function bracketOf(expr: string, eps: string, at: string[] = []): [bigint, bigint] {
  const r = trf(expr, { eps, at }).results[0]!;
  assert.equal(r.verdict, 'converges', `${expr}: ${r.method}`);
  assert.ok(r.bracket && r.bracket[1] !== null, `${expr}: no bracket (${r.method})`);
  return [BigInt(r.bracket[0]), BigInt(r.bracket[1]!)];
}

/** brute force: 50-digit partial sums of e^{−m n} against (1−ε)·S with S = 1/(1 − e^{−m}) */
function alibiBrute(m: Decimal, eps: Decimal): bigint {
  const q = new D50(m).neg().exp();
  const S = new D50(1).div(new D50(1).minus(q));
  const target = new D50(1).minus(eps).times(S);
  let partial = new D50(0);
  let term = new D50(1);
  for (let w = 0n; ; w++) {
    partial = partial.plus(term);
    if (partial.gte(target)) return w;
    term = term.times(q);
  }
}

/**
 * brute force for p(n) = −c·n^a (c ≥ 0.2, a ≥ 0.5): float64 sums until the terms
 * are below 1e-30 of the sum; null when (1−ε)S is too close to a partial sum to tell.
 */
function stretchedBrute(c: number, a: number, eps: number): bigint | null {
  const terms: number[] = [];
  let S = 0;
  for (let n = 0; ; n++) {
    const t = Math.exp(-c * Math.pow(n, a));
    terms.push(t);
    S += t;
    if (n > 10 && t < 1e-30 * S) break;
  }
  // tail sums from the small end for accuracy
  const tail: number[] = new Array(terms.length + 1).fill(0);
  for (let i = terms.length - 1; i >= 0; i--) tail[i] = tail[i + 1]! + terms[i]!;
  S = tail[0]!;
  for (let w = 0; w < terms.length; w++) {
    const t = tail[w + 1]!;
    if (Math.abs(t - eps * S) <= 1e-12 * eps * S) return null;
    if (t <= eps * S) return BigInt(w);
  }
  return null;
}

describe('TRF properties', () => {
  it('ALiBi: the closed form equals a 50-digit brute force exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 100 }), epsArb, (num, den, eps) => {
        const m = new D50(num).div(den);
        fc.pre(m.gte(0.005) && m.lte(5));
        const r = trf('-m*n', { eps, at: [`m=${num}/${den}`] }).results[0]!;
        assert.deepEqual(r.bracket, [r.trf, r.trf]);
        assert.equal(BigInt(r.trf!), alibiBrute(m, new D50(eps)));
      }),
      { numRuns: 60 },
    );
  });

  it('the certified bracket contains the brute-force TRF (stretched exponentials)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 200 }), fc.integer({ min: 50, max: 200 }), epsArb,
        (c100, a100, eps) => {
          const c = c100 / 100;
          const a = a100 / 100;
          const brute = stretchedBrute(c, a, Number(eps));
          fc.pre(brute !== null);
          const [lo, hi] = bracketOf(`-${c}*n^${a}`, eps);
          assert.ok(lo <= brute! && brute! <= hi, `c=${c} a=${a} eps=${eps}: brute ${brute} not in [${lo}, ${hi}]`);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('the certified bracket contains the brute-force TRF (generic mixtures)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 30, max: 150 }), fc.integer({ min: 0, max: 300 }), epsArb, (m100, d100, eps) => {
        const m = m100 / 100;
        const d = d100 / 100;
        // p(n) = −m·n − d·log(1+n): geometric times a power, no closed form used
        const f = (n: number): number => Math.exp(-m * n - d * Math.log1p(n));
        let S = 0;
        const terms: number[] = [];
        for (let n = 0; ; n++) {
          const t = f(n);
          terms.push(t);
          S += t;
          if (t < 1e-30 * S) break;
        }
        let tail = S;
        let brute: bigint | null = null;
        for (let w = 0; w < terms.length; w++) {
          tail -= terms[w]!;
          if (Math.abs(tail - Number(eps) * S) <= 1e-10 * Number(eps) * S) return;
          if (tail <= Number(eps) * S) {
            brute = BigInt(w);
            break;
          }
        }
        const [lo, hi] = bracketOf(`-${m}*n - ${d}*log(1+n)`, eps);
        assert.ok(brute !== null && lo <= brute && brute <= hi, `m=${m} d=${d}: ${brute} not in [${lo}, ${hi}]`);
      }),
      { numRuns: 25 },
    );
  });

  it('TRF is monotone in ε', () => {
    const exprs = ['-m*n', '-2.5*log(1+m*n)', '-sqrt(m*n)', 'log(1+log(1+m*n)) - 2*log(1+m*n)'];
    fc.assert(
      fc.property(fc.constantFrom(...exprs), fc.integer({ min: 1, max: 8 }), epsArb, epsArb, (expr, k, e1, e2) => {
        fc.pre(Number(e1) < Number(e2));
        const at = [`m=1/${2 ** k}`];
        const [lo1, hi1] = bracketOf(expr, e1, at);
        const [lo2, hi2] = bracketOf(expr, e2, at);
        // smaller ε needs a wider window: TRF(e1) ≥ TRF(e2), compatible brackets
        assert.ok(hi1 >= lo2, `${expr} ${at}: [${lo1},${hi1}] at ${e1} vs [${lo2},${hi2}] at ${e2}`);
        if (lo1 === hi1 && lo2 === hi2) assert.ok(lo1 >= lo2);
      }),
      { numRuns: 30 },
    );
  });

  it('TRF is monotone in the slope', () => {
    const exprs = ['-m*n', '-(m*n)^0.75', '-1.5*log(1+m*n)', '-log(1+(m*n)^2)'];
    fc.assert(
      fc.property(fc.constantFrom(...exprs), fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 400 }), epsArb, (expr, a, b, eps) => {
        fc.pre(a < b);
        const [lo1, hi1] = bracketOf(expr, eps, [`m=${a}/100`]);
        const [lo2, hi2] = bracketOf(expr, eps, [`m=${b}/100`]);
        // a smaller slope decays slower: TRF(a) ≥ TRF(b)
        assert.ok(hi1 >= lo2, `${expr}: m=${a}/100 [${lo1},${hi1}] vs m=${b}/100 [${lo2},${hi2}]`);
        if (lo1 === hi1 && lo2 === hi2) assert.ok(lo1 >= lo2);
      }),
      { numRuns: 30 },
    );
  });

  it('KERPLE log: S from the Hurwitz closed form and from the generic engine agree to 1e-12', () => {
    fc.assert(
      fc.property(fc.integer({ min: 130, max: 400 }), fc.integer({ min: 5, max: 200 }), (r1c, r2c) => {
        const r1 = r1c / 100;
        const r2 = r2c / 100;
        const closed = trf('-r1*log(1+r2*n)', { at: [`r1=${r1}`, `r2=${r2}`] }).results[0]!;
        assert.match(closed.method, /Hurwitz/);
        const model = buildSeriesModel(parseExpression(`-${r1}*log(1+${r2}*n)`).expr, 'n', 0n);
        const S = model.S;
        assert.ok(S, model.openReason ?? '');
        const generic = S.lo.plus(S.hi).div(2);
        const rel = generic.minus(closed.sum!).abs().div(generic).toNumber();
        assert.ok(rel <= 1e-12, `r1=${r1} r2=${r2}: ${generic} vs ${closed.sum} (rel ${rel})`);
      }),
      { numRuns: 20 },
    );
  });
});
