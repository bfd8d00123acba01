/**
 * The window guarantee: the derived bound holds in a random-logit experiment
 * (never exceeded), it is tight (one less fails for an adversarial sequence), and
 * it equals the TRF at ε' = δ/((2−δ)e^{2B}+δ).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Rng } from '../../src/validate/rng.js';
import { trf } from '../../src/trf/trf.js';
import { windowBound } from '../../src/trf/window.js';

/** max over the vector components of |full − windowed| as a norm, for one query */
function outputChange(logits: Float64Array, bias: (n: number) => number, values: Float64Array[], w: number): number {
  const L = logits.length;
  const d = values[0]!.length;
  const s = new Float64Array(L);
  let mx = -Infinity;
  for (let n = 0; n < L; n++) {
    s[n] = logits[n]! + bias(n);
    mx = Math.max(mx, s[n]!);
  }
  const full = new Float64Array(d);
  const win = new Float64Array(d);
  let zFull = 0;
  let zWin = 0;
  for (let n = 0; n < L; n++) {
    const e = Math.exp(s[n]! - mx);
    zFull += e;
    if (n <= w) zWin += e;
    for (let k = 0; k < d; k++) {
      full[k]! += e * values[n]![k]!;
      if (n <= w) win[k]! += e * values[n]![k]!;
    }
  }
  let sq = 0;
  for (let k = 0; k < d; k++) sq += (full[k]! / zFull - win[k]! / zWin) ** 2;
  return Math.sqrt(sq);
}

function unitVectors(rng: Rng, L: number, d: number): Float64Array[] {
  const out: Float64Array[] = [];
  for (let n = 0; n < L; n++) {
    const v = new Float64Array(d);
    let norm = 0;
    for (let k = 0; k < d; k++) {
      v[k] = rng.next() * 2 - 1;
      norm += v[k]! ** 2;
    }
    const scale = rng.next() / Math.sqrt(norm); // ‖v‖ ≤ 1
    for (let k = 0; k < d; k++) v[k]! *= scale;
    out.push(v);
  }
  return out;
}

const BIASES: Array<{ expr: string; at: string[]; f: (n: number) => number }> = [
  { expr: '-m*n', at: ['m=0.25'], f: (n) => -0.25 * n },
  { expr: '-m*n', at: ['m=1/32'], f: (n) => -n / 32 },
  { expr: '-2*log(1+n)', at: [], f: (n) => -2 * Math.log1p(n) },
  { expr: '-sqrt(n)', at: [], f: (n) => -Math.sqrt(n) },
];

describe('rpe window', () => {
  it('equals the TRF at ε\' = δ/((2−δ)e^{2B}+δ)', () => {
    const B = 1.5;
    const delta = 0.1;
    const epsPrime = delta / ((2 - delta) * Math.exp(2 * B) + delta);
    const w = windowBound('-m*n', { logitBound: B, tol: delta, at: ['m=0.1'] });
    const t = trf('-m*n', { eps: epsPrime.toPrecision(15), at: ['m=0.1'] });
    assert.equal(w.results[0]!.window, t.results[0]!.trf);
    assert.ok(Math.abs(Number(w.epsEquivalent) - epsPrime) <= 1e-12 * epsPrime);
  });

  it('random logits never exceed the bound δ·max‖v‖', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: BIASES.length - 1 }),
        fc.constantFrom(0.25, 0.5, 1, 2),
        fc.constantFrom(0.02, 0.05, 0.1, 0.3),
        fc.integer({ min: 1, max: 2 ** 30 }),
        (bi, B, delta, seed) => {
          const bias = BIASES[bi]!;
          const report = windowBound(bias.expr, { logitBound: B, tol: delta, at: bias.at });
          const w = Number(report.results[0]!.window);
          assert.ok(Number.isSafeInteger(w));
          const rng = new Rng(seed);
          for (const L of [w + 1, w + 2, 2 * w + 3, Math.min(8 * w + 10, 6000)]) {
            const values = unitVectors(rng, L, 4);
            const maxNorm = Math.max(...values.map((v) => Math.hypot(...v)));
            for (let trial = 0; trial < 4; trial++) {
              const logits = new Float64Array(L);
              for (let n = 0; n < L; n++) {
                // uniform in [−B, B], with extreme values half of the time
                const u = rng.next();
                logits[n] = trial % 2 === 0 ? (2 * u - 1) * B : (u < 0.5 ? -B : B);
              }
              const change = outputChange(logits, bias.f, values, w);
              assert.ok(change <= delta * maxNorm * (1 + 1e-9) + 1e-15, `${bias.expr} B=${B} δ=${delta} L=${L}: change ${change} > ${delta * maxNorm}`);
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('is tight: one less fails for the adversarial sequence (−B inside, +B outside, values ±u)', () => {
    for (const bias of BIASES.slice(0, 2)) {
      const B = 1;
      const delta = 0.05;
      const report = windowBound(bias.expr, { logitBound: B, tol: delta, at: bias.at });
      const w = Number(report.results[0]!.window);
      const L = 60 * w;
      const check = (win: number): number => {
        const logits = new Float64Array(L).map((_, n) => (n <= win ? -B : B));
        const values = Array.from({ length: L }, (_, n) => Float64Array.of(n <= win ? 1 : -1));
        return outputChange(logits, bias.f, values, win);
      };
      assert.ok(check(w) <= delta, `at w = ${w}: ${check(w)}`);
      assert.ok(check(w - 1) > delta, `at w − 1 = ${w - 1}: ${check(w - 1)} should exceed ${delta}`);
    }
  });

  it('has no finite window for a divergent bias', () => {
    const r = windowBound('-log(1+n)', { logitBound: 1, tol: 0.1 }).results[0]!;
    assert.equal(r.window, null);
    assert.equal(r.verdict, 'diverges');
  });

  it('δ ≥ 2 makes every window work', () => {
    assert.equal(windowBound('-n', { logitBound: 1, tol: 2 }).results[0]!.window, 0);
  });
});
