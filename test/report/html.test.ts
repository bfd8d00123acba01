/**
 * The HTML report is one self-contained file: KaTeX rendered server-side with its
 * CSS and the used fonts inlined, the chart an inline SVG drawn by vega, and a
 * Content Security Policy that forbids any network access.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildReport } from '../../src/report/build.js';
import { chartSpec } from '../../src/report/chart-svg.js';
import { renderHtml } from '../../src/report/html.js';

const report = buildReport('-m*log(1+n)', { at: ['m=2,3/2'] });
const { html, mathErrors } = await renderHtml(report);

test('no KaTeX errors; math is typeset server-side', () => {
  assert.deepEqual(mathErrors, []);
  assert.doesNotMatch(html, /katex-error/);
  assert.ok((html.match(/class="katex"/g) ?? []).length > 50);
});

test('self-contained: no external URL is loaded, fonts are data: URIs, a CSP forbids the network', () => {
  assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//);
  assert.doesNotMatch(html, /url\((?!data:)[^)]*\)/);
  assert.match(html, /@font-face\{[^}]*font-family:KaTeX_Main[^}]*data:font\/woff2;base64,/);
  assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
});

test('the chart: an SVG with one curve per sample point, a log axis, and the TRF marked', () => {
  assert.match(html, /<figure id="chart"[^>]*><svg[^>]*class="marks"/);
  assert.match(html, /TRF = 60/);
  assert.match(html, /TRF = 5860/);
  const spec = chartSpec(report.chart!) as unknown as { layer: { encoding?: { x?: { scale?: { type: string } } } }[] };
  assert.equal(spec.layer[0]!.encoding!.x!.scale!.type, 'log');
  assert.deepEqual(report.chart!.curves.map((c) => c.label), ['m = 2', 'm = 3/2', 'm = 1 (diverges)', 'm = 1/2 (diverges)']);
});

test('cumulative prior: increasing, reaches 1 − ε at the TRF', () => {
  const c = report.chart!.curves[0]!;
  for (let i = 1; i < c.points.length; i++) assert.ok(c.points[i]!.share >= c.points[i - 1]!.share);
  const at = c.points.find((p) => p.w === c.trf)!;
  assert.ok(at.share >= 0.99 - 1e-9);
});

test('summary first: the verdict per region in words with typeset conditions, then the contents, then the proofs', () => {
  const at = (s: string): number => { const i = html.indexOf(s); assert.ok(i >= 0, s); return i; };
  assert.ok(at('<section id="summary">') < at('id="chart"') && at('id="chart"') < at('<nav class="toc"') && at('<nav class="toc"') < at('<section id="case-1">'));
  const summary = html.slice(at('<section id="summary">'), at('<nav class="toc"'));
  assert.match(summary, /not guaranteed/);
  assert.doesNotMatch(html.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<[^>]*>/g, ''), /not-guaranteed|not-applicable|conditional:|m>0∧m<1/);
  assert.match(html, /does not apply/);
  // every region's deciding proof in full; the table of tests folded
  assert.equal((html.match(/<details class="tests">/g) ?? []).length, report.cases.reduce((n, c) => n + c.regions.length, 0));
});

test('only the KaTeX font files the page uses are inlined, and the page stays small', () => {
  const faces = [...html.matchAll(/@font-face\{[^}]*font-family:(KaTeX_\w+)[^}]*font-style:(\w+)[^}]*font-weight:(\d+)/g)].map((m) => `${m[1]}-${m[2]}-${m[3]}`);
  assert.ok(faces.includes('KaTeX_Main-normal-400') && faces.includes('KaTeX_Math-italic-400'), faces.join());
  assert.ok(!faces.includes('KaTeX_Main-normal-700') && !faces.includes('KaTeX_Math-italic-700'), `no bold face is used: ${faces.join()}`);
  assert.ok(Buffer.byteLength(html) < 300_000, `${Buffer.byteLength(html)} bytes`);
});
