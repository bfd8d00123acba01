import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classify } from '../../src/classify.js';
import { regionDomainProblem } from '../../src/conditions/region-domain.js';
import { applyCondition } from '../../src/conditions/assumptions.js';
import { Region } from '../../src/conditions/region.js';
import { InputError } from '../../src/parse/errors.js';
import { parseCondition, parseExpression } from '../../src/parse/parse.js';

function problem(text: string, assume: string[], from = 0): string | null {
  const p = parseExpression(text);
  let regions = [new Region()];
  for (const a of assume) regions = applyCondition(regions, parseCondition(a, p.parameters));
  assert.equal(regions.length, 1);
  return regionDomainProblem(p.expr, p.variable, p.parameters, from, regions[0]!, 'bias');
}

test('catalog-style arguments are proved defined for every n from the region', () => {
  assert.equal(problem('-r1*log(1+r2*n)', ['r1 > 0', 'r2 > 0']), null);
  assert.equal(problem('-r1*n^r2', ['r1 > 0', 'r2 > 0']), null);
  assert.equal(problem('-(k*n)^0.5', ['k > 0']), null);
  assert.equal(problem('log(1+log(1+k*n)) - 2*log(1+k*n)', ['k > 0']), null);
  assert.equal(problem('-(log(3+k*n)+log(log(3+k*n)))', ['k > 0']), null);
  assert.equal(problem('lambda*(sum(cos(n/10000^(2*i/d)), i, 1, d/2) - d/2)', ['lambda > 0', 'd > 0']), null);
  assert.equal(problem('-m*n + log(2 + sin(n) + a)', ['a >= 0']), null);
});

test('a failure for the whole region is named; what cannot be proved is said so', () => {
  assert.match(problem('-r1*log(r2*n)', ['r2 > 0']) ?? '', /undefined for these parameter values: log of a non-positive number at n = 0/);
  // n^2 - a·n + 100 < 0 at n = 8 … 13 for a = 21: beyond the first terms, and the hull of a cannot exclude it
  assert.match(problem('-4*log(n+1) + log(n^2 - a*n + 100)', ['a > 20', 'a < 22']) ?? '', /^cannot verify that the bias is defined for every n ≥ \d+/);
});

test('classify: the region with unprovable middle terms is unknown, never a verdict', () => {
  const c = classify('-4*log(n+1) + log(n^2 - a*n + 100)', { assume: ['a > 20', 'a < 22'] });
  assert.equal(c.verdict, 'unknown');
  assert.match(c.cases[0]!.reason ?? '', /cannot verify that the bias is defined/);
  // the concrete instance really is undefined there
  assert.throws(() => classify('-4*log(n+1) + log(n^2 - 21*n + 100)'), (e: unknown) => e instanceof InputError && e.kind === 'domain' && /at n = 8/.test(e.message));
  // and with a < 20 the argument has no real root: every term is defined, and the verdict stands
  assert.equal(classify('-4*log(n+1) + log(n^2 - 19*n + 100)').verdict, 'converges');
});

test('classify: catalog verdicts stay', () => {
  assert.equal(classify('-r1*log(1+r2*n)', { assume: ['r1 > 0', 'r2 > 0'] }).verdict, 'conditional');
  assert.equal(classify('-r1*n^r2', { assume: ['r1 > 0', 'r2 > 0', 'r2 <= 2'] }).verdict, 'converges');
  assert.equal(classify('lambda*(sum(cos(n/10000^(2*i/d)), i, 1, d/2) - d/2)', { assume: ['lambda > 0', 'd > 0'] }).verdict, 'diverges');
  assert.equal(classify('log(1+log(1+k*n)) - 2*log(1+k*n)', { assume: ['k > 0'] }).verdict, 'converges');
});
