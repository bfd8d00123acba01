/** texToText: the TRF closed forms in Unicode for the terminal, never raw LaTeX. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { texToText } from '../../src/cli/tex-text.js';
import { trf } from '../../src/trf/trf.js';

describe('texToText', () => {
  it('renders fractions, powers, subscripted parameters, Greek and relations', () => {
    assert.equal(texToText('S = r_{2}^{-r_{1}}\\,\\zeta\\!\\left(r_{1}, \\frac{1}{r_{2}}\\right)'), 'S = r2^(−r1)·ζ(r1, 1/r2)');
    assert.equal(texToText('\\mathrm{TRF}_\\varepsilon = \\left\\lceil \\frac{\\ln(1/\\varepsilon)}{m} \\right\\rceil - 1'), 'TRF_ε = ⌈ln(1/ε)/m⌉ − 1');
    assert.equal(texToText('\\frac{1}{r}\\left(x\\right)^{1/a} \\le \\tfrac12'), '(1/r)·(x)^(1/a) ≤ 1/2');
    assert.equal(texToText('\\sum_{n>w} e^{p(n)}'), 'Σ_{n>w} e^(p(n))');
  });
  it('leaves no LaTeX in any closed form trf() writes', () => {
    const inputs: [string, Parameters<typeof trf>[1]][] = [
      ['-r1*log(1+r2*n)', {}], ['-m*n', {}], ['-k*n^a', {}], ['-m*n', { at: { m: 0.5 } }],
      ['-2*log(1+n)', {}], ['-2*log(1+n)', { from: 3 }], ['-n^0.5', {}], ['-(n/4)^2', {}],
    ];
    for (const [e, o] of inputs) {
      for (const r of trf(e, o).results) {
        if (!r.closedForm) continue;
        const t = texToText(r.closedForm);
        assert.doesNotMatch(t, /\\|\b(frac|tfrac|left|right|mathrm|varepsilon|zeta)\b/, `${e}: ${t}`);
      }
    }
  });
  it('the symbolic KERPLE-log form puts the constants in', () => {
    const r = trf('-r1*log(1+r2*n)').results[0]!;
    assert.match(texToText(r.closedForm!), /S = e\^c·r\^\(−s\)·ζ\(s, b\/r\) = r2\^\(−r1\)·ζ\(r1, 1\/r2\)/);
  });
});
