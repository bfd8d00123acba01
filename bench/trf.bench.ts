/**
 * TRF benchmark: times `trf()` in process (warm-up, then the median of repeated
 * runs) on every catalog bias at every sample point, plus the huge-TRF cases of
 * the TRF issue, and prints TRF (or certified bracket), S and the time; rows over
 * 50 ms are flagged SLOW.   options: --eps E   --json   --markdown
 */
import { loadCatalog } from '../src/rules/loader.js';
import { renderTable } from '../src/cli/table.js';
import { sampleCombinations } from '../src/rules/catalog-cases.js';
import { trf, type TrfReport } from '../src/trf/trf.js';
import { timeMedian } from './timing.js';

interface Row {
  readonly id: string;
  readonly formula: string;
  readonly at: string;
  readonly verdict: string;
  readonly trf: string;
  readonly sum: string;
  readonly ms: number;
  readonly error?: string;
}

interface Case {
  readonly id: string;
  readonly formula: string;
  readonly at: string[];
  readonly from?: number;
  readonly variable?: string;
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const entry of loadCatalog().entries) {
    const combos = sampleCombinations(entry.parameters);
    const base = { id: entry.id, formula: entry.formula, ...(entry.from !== undefined ? { from: entry.from } : {}), ...(entry.variable !== undefined ? { variable: entry.variable } : {}) };
    if (combos.length === 0) out.push({ ...base, at: [] });
    for (const c of combos) out.push({ ...base, at: Object.entries(c).map(([k, v]) => `${k}=${v}`) });
  }
  for (const formula of ['-0.3*n^0.1', '-0.01*log(1+n)^2', '-sqrt(n)', '-2*log(1+n)', '-1.01*log(1+n)']) out.push({ id: 'issue', formula, at: [] });
  // issue 14: Bertrand tails, a TRF near 10^2000, a bounded perturbation, Γ
  for (const formula of ['-log(1+n) - 2*log(log(n+3))', '-log(n+3)-log(log(n+3))-2*log(log(log(n+3)))', '-1.001*log(1+n)', '-2*log(1+n) + sin(n)', '-log(gamma(n+2))', '-log(factorial(n))']) {
    out.push({ id: 'issue-14', formula, at: [] });
  }
  return out;
}

/** an integer, in scientific notation (12 digits) above 10^15 */
function big(n: bigint): string {
  const s = n.toString();
  if (s.length <= 15) return s;
  return `${s[0]}.${s.slice(1, 12)}e${s.length - 1}`;
}

/** (h − l)/h for integers of any size */
function rel(l: bigint, h: bigint): number {
  const shift = BigInt(Math.max(0, h.toString(2).length - 60));
  return Number((h - l) >> shift) / Number(h >> shift);
}

function trfText(r: TrfReport['results'][number]): string {
  if (r.bracket === null) return '—';
  const [lo, hi] = r.bracket;
  if (String(lo) === String(hi)) return String(lo);
  const l = BigInt(lo);
  const h = hi === null ? null : BigInt(hi);
  return h === null ? `≥ ${big(l)}` : `[${big(l)}, ${big(h)}] (rel. width ${rel(l, h).toExponential(1)})`;
}

function main(argv: readonly string[]): void {
  const epsIdx = argv.indexOf('--eps');
  const eps = epsIdx >= 0 ? argv[epsIdx + 1]! : '0.01';
  const rows: Row[] = [];
  for (const c of cases()) {
    const options = { eps, at: c.at, ...(c.from !== undefined ? { from: c.from } : {}), ...(c.variable !== undefined ? { var: c.variable } : {}) };
    let report: TrfReport;
    try {
      report = trf(c.formula, options);
    } catch (err) {
      rows.push({ id: c.id, formula: c.formula, at: c.at.join(','), verdict: 'error', trf: '', sum: '', ms: NaN, error: err instanceof Error ? err.message : String(err) });
      continue;
    }
    const t = timeMedian(() => trf(c.formula, options), { warmup: 2, minRuns: 5, maxRuns: 15, budgetMs: 300 });
    const r = report.results[0]!;
    rows.push({
      id: c.id, formula: c.formula, at: c.at.join(','), verdict: r.verdict, trf: trfText(r),
      sum: r.sum === null ? '—' : `${r.sum} ± ${r.sumError}`, ms: t.medianUs / 1000,
    });
  }
  if (argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ eps, rows }, null, 1)}\n`);
    return;
  }
  const cells = rows.map((r) => [r.id, r.formula, r.at, r.verdict, r.trf, r.sum, Number.isFinite(r.ms) ? r.ms.toFixed(1) : 'error', r.ms > 50 ? 'SLOW' : r.error ?? '']);
  if (argv.includes('--markdown')) {
    const head = ['entry', 'p(n)', 'at', 'verdict', `TRF (ε=${eps})`, 'S', 'ms', ''];
    const line = (xs: readonly string[]): string => `| ${xs.map((x) => x.replace(/\|/g, '\\|')).join(' | ')} |`;
    process.stdout.write([line(head), line(head.map(() => '---')), ...cells.map(line)].join('\n') + '\n');
  } else {
    process.stdout.write(renderTable(['entry', 'p(n)', 'at', 'verdict', `TRF (ε=${eps})`, 'S', 'ms', ''], cells, {}) + '\n');
  }
  const slow = rows.filter((r) => r.ms > 50).length;
  const times = rows.filter((r) => Number.isFinite(r.ms)).map((r) => r.ms).sort((a, b) => a - b);
  process.stdout.write(`\n${rows.length} cases, median ${times[Math.floor(times.length / 2)]?.toFixed(1)} ms, max ${times[times.length - 1]?.toFixed(1)} ms, ${slow} over 50 ms\n`);
}

main(process.argv.slice(2));
