/**
 * Human text of a Classification: series line, q defined once, verdict, per case one
 * labelled line per sub-region with its deciding test, each expansion once per case,
 * undefined regions as one sentence with the fix, unknown cases with both bounds.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { classify } from '../../src/classify.js';
import { formatClassification } from '../../src/cli/format.js';
import type { Classification, ClassifyOptions } from '../../src/types.js';

const base = { input: '-m*n', expression: '-m*n', variable: 'n', from: 0, parameters: ['m'], term: false } as const;
const text = (e: string, o: ClassifyOptions = {}): string => formatClassification(classify(e, o), o.assume ?? []);

/** The lines under each `•` case (the evidence), without the case line itself. */
function caseBlocks(t: string): string[][] {
  const blocks: string[][] = [];
  for (const line of t.split('\n')) {
    if (/^\s*• /.test(line)) blocks.push([]);
    else if (blocks.length) blocks[blocks.length - 1]!.push(line.trim());
  }
  return blocks;
}

describe('formatClassification on synthetic records', () => {
  it('prints one line per case with the deciding test and the condition in paper notation', () => {
    const c: Classification = {
      ...base, verdict: 'conditional',
      cases: [
        { condition: 'm > 0', verdict: 'converges', extrapolation: 'guaranteed',
          tests: [{ test: 'logarithmic-scale-comparison', outcome: 'decisive', verdict: 'converges', summary: 'q(n) grows fast' }] },
        { condition: 'm <= 0', verdict: 'diverges', extrapolation: 'not-guaranteed',
          tests: [{ test: 'nth-term', outcome: 'decisive', verdict: 'diverges', summary: 'terms do not tend to 0' }] },
      ],
    };
    const t = formatClassification(c, ['m > -1']);
    assert.match(t, /Σ_\{n≥0\} exp\(p\(n\)\),  p\(n\) = -m\*n/);
    assert.match(t, /assuming: m > -1/);
    assert.match(t, /where q\(n\) = −p\(n\)/);
    assert.match(t, /• m > 0: converges — length extrapolation guaranteed\n\s+by comparison on the logarithmic scale: q\(n\) grows fast/);
    assert.match(t, /• m ≤ 0: diverges[^\n]*\n\s+by the nth-term test: terms do not tend to 0/);
  });
  it('term mode speaks of Σ a_k, not of length extrapolation', () => {
    const c: Classification = { ...base, variable: 'k', parameters: [], term: true, verdict: 'unknown',
      cases: [{ condition: 'true', verdict: 'unknown', extrapolation: 'unknown', tests: [], reason: 'no test applies' }] };
    const t = formatClassification(c);
    assert.match(t, /Σ_\{k≥0\} a_k,  a_k = -m\*n/);
    assert.match(t, /verdict: unknown\n  not decided: no test applies/);
    assert.doesNotMatch(t, /extrapolation|attention/);
  });
});

describe('rpe classify text of real inputs', () => {
  it('-m*log(1+n) names each sub-region of m ≤ 1 with the test that decides it', () => {
    const t = text('-m*log(1+n)');
    assert.match(t, /• m > 1: converges/);
    assert.match(t, /• m ≤ 1: diverges/);
    assert.match(t, /\n\s+m < 0: by the nth-term test: the terms do not tend to 0: q\(n\) → −∞/);
    assert.match(t, /\n\s+m = 0: by the nth-term test: the terms do not tend to 0/);
    assert.match(t, /\n\s+0 < m < 1: by comparison on the logarithmic scale: lim q\/log n = m < 1/);
    assert.match(t, /\n\s+m = 1: by comparison on the logarithmic scale: .*lim \(q − log n\)\/log log n = 0 < 1/);
    assert.equal(t.match(/where q\(n\) = −p\(n\)/g)?.length, 1, 'q is defined once');
  });
  it('says only what the limits are: (q − log n)/log log n → 2, never q/L1', () => {
    const t = text('-log(n) - 2*log(log(n))', { from: 3 });
    assert.match(t, /lim \(q − log n\)\/log log n = 2 > 1/);
    fc.assert(fc.property(fc.integer({ min: -6, max: 6 }).filter((c) => c !== 1), (c) => {
      const r = classify(`-log(n) - ${c}*log(log(n))`, { from: 3 });
      const s = r.cases[0]!.tests.find((x) => x.outcome === 'decisive')!.summary;
      if (c !== 0) assert.equal(s, `lim (q − log n)/log log n = ${c} ${c > 1 ? '>' : '<'} 1`);
      assert.equal(r.verdict, c > 1 ? 'converges' : 'diverges');
    }), { numRuns: 6 });
    for (const e of ['-log(n)-a*log(log(n))', '-log(n)-log(log(n))-b*log(log(log(n)))']) assert.doesNotMatch(text(e, { from: 16 }), /\bL\d\b|q\/L/);
  });
  it('no case repeats a line, and each expansion is shown once per case', () => {
    for (const [e, o] of [['-m*log(1+n)', {}], ['-log(n)-a*log(log(n))', { from: 3 }], ['-n^a', {}], ['-m*n', {}], ['-r1*log(1+r2*n)', { assume: ['r1 > 0'] }]] as const) {
      for (const block of caseBlocks(text(e, o))) {
        assert.equal(new Set(block).size, block.length, `${e}: a repeated line in\n${block.join('\n')}`);
      }
    }
  });
  it('an undefined region is one sentence with the fix', () => {
    const t = text('-r1*log(1+r2*n)', { assume: ['r1 > 0'] });
    const unknown = caseBlocks(t)[2]!;
    assert.equal(unknown.length, 1, unknown.join('\n'));
    assert.match(unknown[0]!, /^the bias is undefined for r2 < 0: log of a non-positive number at n = 1, 2, …, 7/);
    assert.match(unknown[0]!, /add --assume 'r2 >= 0'$/);
    // the fix does what it says: with it the region is gone and no verdict is unknown
    assert.ok(classify('-r1*log(1+r2*n)', { assume: ['r1 > 0', 'r2 >= 0'] }).cases.every((k) => k.verdict !== 'unknown'));
    // an undefined first term suggests a later start, which works
    const n0 = text('-n^a');
    assert.match(n0, /the bias is undefined for a < 0: .* at n = 0; to leave these values out, start the sum later with --from 1, or add --assume 'a >= 0'/);
    assert.ok(classify('-n^a', { from: 1 }).cases.every((k) => k.verdict !== 'unknown' || !/undefined/.test(k.reason ?? '')));
  });
  it('unknown: what each bound gives and why neither decides', () => {
    const t = text('-log(n)*(1+sin(n)/2)', { from: 1 });
    assert.match(t, /verdict: unknown/);
    assert.match(t, /q_lo\(n\) = \(1\/2\)·log n/);
    assert.match(t, /q_hi\(n\) = \(3\/2\)·log n/);
    assert.match(t, /the lower bound: lim q_lo\/log n = 1\/2 < 1; Σ e\^\(−q_lo\) diverges, and a divergent series above the terms proves nothing/);
    assert.match(t, /the upper bound: lim q_hi\/log n = 3\/2 > 1; Σ e\^\(−q_hi\) converges, and a convergent series below the terms proves nothing/);
    assert.doesNotMatch(t, /no test was decisive/);
  });
  it('term mode uses the user variable and speaks of Σ a_k', () => {
    const t = text('x^k/sqrt(k)', { term: true, from: 1, var: 'k', assume: ['x > 0'] });
    assert.match(t, /Σ_\{k≥1\} a_k,  a_k = x\^k \/ sqrt\(k\)/);
    assert.match(t, /where q\(k\) = −log\|a_k\|/);
    assert.match(t, /q\(k\) = -log\(x\)·k \+ \(1\/2\)·log k/);
    assert.doesNotMatch(t, /extrapolation|attention|\bn\b/);
  });
});
