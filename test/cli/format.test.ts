/** Human text of a Classification: series line, verdict, per-case evidence. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatClassification } from '../../src/cli/format.js';
import type { Classification } from '../../src/types.js';

const base = { input: '-m*n', expression: '-m*n', variable: 'n', from: 0, parameters: ['m'], term: false } as const;

describe('formatClassification', () => {
  it('prints one line per case with the deciding test', () => {
    const c: Classification = {
      ...base, verdict: 'conditional',
      cases: [
        { condition: 'm > 0', verdict: 'converges', extrapolation: 'guaranteed',
          tests: [{ test: 'logarithmic-scale-comparison', outcome: 'decisive', verdict: 'converges', summary: 'q(n)/log n -> +inf' }] },
        { condition: 'm <= 0', verdict: 'diverges', extrapolation: 'not-guaranteed',
          tests: [{ test: 'nth-term', outcome: 'decisive', verdict: 'diverges', summary: 'terms do not tend to 0' }] },
      ],
    };
    const text = formatClassification(c, ['m > -1']);
    assert.match(text, /Σ_\{n≥0\} exp\(p\(n\)\),  p\(n\) = -m\*n/);
    assert.match(text, /assuming: m > -1/);
    assert.match(text, /verdict: conditional/);
    assert.match(text, /• m > 0: converges — length extrapolation guaranteed\n\s+by logarithmic-scale-comparison: q\(n\)\/log n -> \+inf/);
    assert.match(text, /• m <= 0: diverges/);
  });
  it('prints a concrete verdict on the verdict line, and the reason when unknown', () => {
    const c: Classification = { ...base, parameters: [], term: true, verdict: 'unknown',
      cases: [{ condition: 'true', verdict: 'unknown', extrapolation: 'unknown', tests: [], reason: 'no test applies' }] };
    const text = formatClassification(c);
    assert.match(text, /a\(n\) = -m\*n/);
    assert.match(text, /verdict: unknown — length extrapolation unknown\n  no test decided: no test applies/);
  });
});
