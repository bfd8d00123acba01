/**
 * The LaTeX report is a standalone document that compiles with pdflatex
 * (texlive-latex-base: apt-get install texlive-latex-base). Skips with a message
 * where pdflatex is not installed.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildReport } from '../../src/report/build.js';
import { escapeText, renderLatex } from '../../src/report/latex.js';

const hasPdflatex = spawnSync('pdflatex', ['--version'], { encoding: 'utf8' }).status === 0;

test('prose is escaped; Unicode symbols become math', () => {
  assert.equal(escapeText('a_n ≤ 50% & x^2 → ∞'), 'a\\_n $\\le$ 50\\% \\& x\\^{}2 $\\to$ $\\infty$');
});

test('standalone document with only texlive-latex-base packages', () => {
  const tex = renderLatex(buildReport('-2*log(1+n)'));
  assert.match(tex, /^\\documentclass\[11pt\]\{article\}/);
  assert.match(tex, /\\end\{document\}\n$/);
  for (const m of tex.matchAll(/\\usepackage(?:\[[^\]]*\])?\{([^}]*)\}/g)) for (const p of m[1]!.split(',')) assert.ok(['amsmath', 'amssymb', 'longtable', 'graphicx', 'array', 'hyperref'].includes(p), p);
});

for (const [name, expr, assume] of [
  ['-m*log(1+n)', '-m*log(1+n)', []],
  ['T5 buckets (cases)', 'n < 16 ? -n/8 : -min(16 + floor(log(n/16)/log(128/16)*(32-16)), 31)/8', []],
  ['Sandwich (finite sum)', 'lambda*(sum(cos(n/10000^(2*i/d)), i, 1, d/2) - d/2)', ['lambda > 0', 'd > 0']],
] as const) {
  test(`pdflatex compiles the report of ${name}`, { skip: hasPdflatex ? false : 'pdflatex is not installed (apt-get install texlive-latex-base)', timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'rpe-tex-'));
    try {
      writeFileSync(join(dir, 'report.tex'), renderLatex(buildReport(expr, { assume: [...assume] })));
      const r = spawnSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', '-no-shell-escape', 'report.tex'], { cwd: dir, encoding: 'utf8', timeout: 100_000 });
      assert.equal(r.status, 0, r.stdout.split('\n').filter((l) => l.startsWith('!')).join('\n') || r.stdout.slice(-2000));
      assert.ok(existsSync(join(dir, 'report.pdf')));
      // nothing runs into the margin: wide claims are split or scaled, tables wrap
      const log = readFileSync(join(dir, 'report.log'), 'latin1');
      assert.deepEqual(log.split('\n').filter((l) => /^Overfull \\hbox \((\d*[1-9]\d*\.\d+|0\.[5-9]\d*)pt too wide/.test(l)), [], 'overfull lines');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
