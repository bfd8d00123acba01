/**
 * The results table, as rows of cells, plain text (terminal) and Markdown.
 *
 * Owns: which columns the summary shows and how numbers are printed:
 * RPE | verdict | TRF | ERF | grad ERF | ppl at each length | ppl(max)/ppl(L) | extrapolates | agrees.
 */
import type { ExperimentResult } from './experiment.js';
import type { RunResult } from './run.js';

export function fmtTrf(t: number | null): string {
  if (t === null) return '?';
  return Number.isFinite(t) ? String(t) : '∞';
}

export function fmtErf(e: number | null): string {
  return e === null ? '–' : String(e);
}

function fmtAgree(a: boolean | null): string {
  return a === null ? '–' : a ? 'yes' : 'NO';
}

export function header(result: ExperimentResult): string[] {
  const L = result.config.train.length;
  const longest = Math.max(...result.config.evalLens);
  return ['RPE', 'verdict', `TRF (ε=${result.config.eps})`, 'ERF', 'grad ERF',
    ...result.config.evalLens.map((n) => `ppl@${n}`), `ppl@${longest}/ppl@${L}`, `extrapolates (≤${result.config.threshold})`, 'agrees'];
}

export function row(r: RunResult, result: ExperimentResult): string[] {
  return [r.rpe, r.verdict, fmtTrf(r.trf), fmtErf(r.erf), fmtErf(r.gradErf),
    ...result.config.evalLens.map((n) => (r.ppl[String(n)] ?? NaN).toFixed(3)),
    r.pplRatio.toFixed(3), r.extrapolates ? 'yes' : 'no', fmtAgree(r.agrees)];
}

export function footer(result: ExperimentResult): string {
  const rho = result.spearmanTrfErf;
  const c = result.correlations;
  const a = result.agreement;
  const f = (v: number | null): string => (v === null ? 'n/a' : v.toFixed(3));
  return `agreement with the verdict: ${a.agree}/${a.known}${a.known < a.total ? ` (${a.total - a.known} unknown verdicts)` : ''}; `
    + `Spearman ρ(TRF, ERF) = ${rho === null ? 'n/a (fewer than 3 runs with a TRF, or a constant column)' : rho.toFixed(3)}`
    + (c ? `; ρ(TRF, grad ERF) = ${f(c.spearmanTrfGradErf)}; Kendall τ(TRF, ERF) = ${f(c.kendallTrfErf)}, τ(TRF, grad ERF) = ${f(c.kendallTrfGradErf)}; ρ(ERF, grad ERF) = ${f(c.spearmanErfGradErf)}` : '');
}

export function textTable(result: ExperimentResult): string {
  const rows = [header(result), ...result.runs.map((r) => row(r, result))];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...r[c]!].length)));
  const line = (cells: string[]): string => cells.map((s, c) => s + ' '.repeat(widths[c]! - [...s].length)).join('  ').trimEnd();
  return [line(rows[0]!), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.slice(1).map(line), '', footer(result)].join('\n');
}

export function markdownTable(result: ExperimentResult): string {
  const esc = (s: string): string => s.replace(/\|/g, '\\|');
  const h = header(result);
  return [
    `| ${h.map(esc).join(' | ')} |`,
    `| ${h.map((_, i) => (i === 0 || i === 1 ? '---' : '---:')).join(' | ')} |`,
    ...result.runs.map((r) => `| ${row(r, result).map(esc).join(' | ')} |`),
  ].join('\n');
}
