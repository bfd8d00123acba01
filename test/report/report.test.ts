/**
 * `report("-m*log(1+n)")`: m > 1 ⇒ converges, proved by limit comparison with the
 * p-series and by the integral test, with the ratio test marked inconclusive;
 * m ≤ 1 ⇒ diverges, every region with its own proof; every step with a claim,
 * a justification and (where it is about numbers) a check that agrees.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classify } from '../../src/classify.js';
import { buildReport } from '../../src/report/build.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import type { ProofStep, Report } from '../../src/report/proof.js';

const r: Report = buildReport('-m*log(1+n)', { maxProofs: 2 });
const conv = r.cases.find((c) => c.verdict === 'converges')!;
const div = r.cases.find((c) => c.verdict === 'diverges')!;
const allSteps = (rep: Report): ProofStep[] => rep.cases.flatMap((c) => [...c.regions.flatMap((g) => g.proofs.flatMap((p) => p.steps)), ...(c.theorem?.steps ?? [])]);

test('the report carries the same Classification as classify()', () => {
  assert.deepEqual(r.classification, classify('-m*log(1+n)'));
  assert.equal(conv.condition, 'm > 1');
  assert.equal(div.condition, 'm <= 1');
});

test('m > 1: limit comparison with the p-series and the integral test; ratio test inconclusive', () => {
  assert.equal(conv.regions.length, 1);
  const g = conv.regions[0]!;
  assert.deepEqual(g.proofs.map((p) => p.test), ['limit-comparison', 'integral']);
  const lc = g.proofs[0]!.steps.find((s) => s.justification.kind === 'family')!;
  assert.equal(lc.justification.ref, 'p-series');
  assert.match(lc.justification.citation ?? '', /Knopp/);
  const ratio = g.tests.find((t) => t.test === 'ratio')!;
  assert.equal(ratio.outcome, 'inconclusive');
  assert.match(ratio.summary, /lim a_\{n\+1\}\/a_n = 1, inconclusive/);
  assert.equal(g.sample, 'm = 2');
});

test('m ≤ 1: every region (m < 0, m = 0, 0 < m < 1, m = 1) has its own proof of divergence', () => {
  assert.deepEqual(div.regions.map((g) => g.condition), ['m < 0', 'm == 0', 'm > 0 and m < 1', 'm == 1']);
  for (const g of div.regions) {
    assert.ok(g.proofs.length >= 1, g.condition);
    assert.equal(g.verdict, 'diverges');
    const last = g.proofs[0]!.steps.at(-1)!;
    assert.match(last.claimText, /diverges/);
  }
  assert.equal(div.regions[0]!.proofs[0]!.test, 'nth-term');
});

test('converging case ends with the theorem instantiated: TRF and window at the sample point', () => {
  const t = conv.theorem!;
  assert.match(t.title, /theorem/);
  assert.equal(t.results[0]!.at, 'm = 2');
  assert.equal(t.results[0]!.trf, '60');
  assert.ok(Number(t.results[0]!.window) > 60);
  assert.ok(t.steps.at(-1)!.check?.ok);
});

test('diverging case ends with attention dilution and says the guarantee does not apply', () => {
  const t = div.theorem!;
  assert.match(t.title, /dilution/);
  assert.match(t.steps.at(-1)!.justification.text, /does not apply/);
  assert.ok(t.steps.at(-1)!.check?.ok);
});

test('every step has a claim in LaTeX and text and a justification; every check agrees or is an eventual claim', () => {
  for (const s of allSteps(r)) {
    assert.ok(s.claimTex.length > 0 && s.claimText.length > 0);
    assert.ok(s.justification.name && s.justification.text);
    assert.doesNotMatch(s.justification.text, /\bclearly\b/i);
    if (s.check) assert.ok(s.check.ok || s.check.eventual, `${s.claimText}: ${s.check.what}`);
  }
});

test('Markdown: GitHub-flavoured with $…$ math, tables of tests, proofs and the TRF table', () => {
  const md = renderMarkdown(r);
  assert.match(md, /^# Convergence report: `-m\*log\(1\+n\)`/);
  assert.match(md, /\| ratio test \| inconclusive \|/);
  assert.match(md, /\*\*Proof \(limit comparison\)\.\*\*/);
  assert.match(md, /<details><summary>1 more proof: integral test<\/summary>/);
  assert.match(md, /\$\$\n\s*a_\{n\} = e\^\{p\(n\)\}/);
  assert.match(md, /\| \$m = 2\$ \| 1\.644934066848\d* \| 60 \| 894 \|/);
  // the summary comes first, in words, with the conditions typeset as a reader writes them
  assert.ok(md.indexOf('## Summary') < md.indexOf('## Contents') && md.indexOf('## Contents') < md.indexOf('## 1. Case'));
  assert.match(md, /\| \$0 < m < 1\$ \| diverges \| not guaranteed \| limit comparison \|/);
  assert.match(md, /\| integral test \| does not apply \|/);
  assert.doesNotMatch(md, /not-guaranteed|not-applicable|\\land|conditional:/);
});

test('--proofs: 1 by default (the deciding test), 0 writes none and still names the deciding test', () => {
  const one = buildReport('-m*log(1+n)');
  assert.ok(one.cases.every((c) => c.regions.every((g) => g.proofs.length === 1)));
  const none = buildReport('-m*log(1+n)', { maxProofs: 0 });
  assert.ok(none.cases.every((c) => c.regions.every((g) => g.proofs.length === 0 && g.decidedBy !== undefined)));
  assert.equal(none.cases[0]!.regions[0]!.decidedBy, 'limit comparison');
  assert.match(renderMarkdown(none), /Decided by the limit comparison \(proofs omitted\)/);
});

test('term mode: a series term gets proofs and no theorem section', () => {
  const t = buildReport('1/n^2', { term: true, from: 1 });
  assert.equal(t.classification.verdict, 'converges');
  assert.equal(t.cases[0]!.theorem, undefined);
  assert.ok(t.cases[0]!.regions[0]!.proofs.length >= 1);
});
