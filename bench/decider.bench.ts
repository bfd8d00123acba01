/**
 * `npm run bench`: times classify() in process on the catalog (bias mode: parametric
 * forms and samples) and the peer suite (term mode), runs SymPy's Sum.is_convergent on
 * the same cases in the same run when /usr/bin/python3 has sympy, prints one row per
 * case and the median time ratio, flags every wrong answer, and writes bench/results.json.
 *   options: --no-sympy  --only catalog|peer  --sympy-timeout S  --out FILE
 */
import { writeFileSync } from 'node:fs';
import { cpus, platform, release } from 'node:os';
import { join } from 'node:path';
import { classify } from '../src/classify.js';
import { judge } from '../src/rules/agreement.js';
import { findProjectRoot } from '../src/rules/paths.js';
import { renderTable } from '../src/cli/table.js';
import type { Classification } from '../src/types.js';
import { type BenchCase, catalogBenchCases, PEER_SUITE, peerBenchCases } from './cases.js';
import { runSympy, type SympyResult, type SympyRun } from './sympy-peer.js';
import { median, timeMedian } from './timing.js';

interface Args { sympy: boolean; only?: 'catalog' | 'peer'; timeout: number; out: string }

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { sympy: true, timeout: 20, out: join(findProjectRoot(), 'bench', 'results.json') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--no-sympy') args.sympy = false;
    else if (a === '--only' && (argv[i + 1] === 'catalog' || argv[i + 1] === 'peer')) args.only = argv[++i] as 'catalog' | 'peer';
    else if (a === '--sympy-timeout' && /^\d+$/.test(argv[i + 1] ?? '')) args.timeout = Number(argv[++i]);
    else if (a === '--out' && argv[i + 1]) args.out = argv[++i]!;
    else throw new Error(`unknown bench argument ${a} (options: --no-sympy, --only catalog|peer, --sympy-timeout S, --out FILE)`);
  }
  return args;
}

interface OursResult {
  readonly verdict: Classification['verdict'] | 'error';
  readonly us?: number;
  readonly runs?: number;
  readonly error?: string;
  readonly agreement: 'agree' | 'wrong' | 'undecided' | 'error';
  readonly detail: string;
}

function runOurs(c: BenchCase): OursResult {
  const call = (): Classification => classify(c.formula, c.options);
  let first: Classification;
  try {
    first = call();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { verdict: 'error', error: message, agreement: 'error', detail: message };
  }
  const t = timeMedian(call);
  const a = judge(first, c);
  return { verdict: first.verdict, us: t.medianUs, runs: t.runs, agreement: a.status, detail: a.detail };
}

function flagsOf(c: BenchCase, ours: OursResult, sympy: SympyResult | undefined): string[] {
  const flags: string[] = [];
  if (ours.agreement === 'wrong') flags.push('WRONG');
  if (ours.agreement === 'error') flags.push('ERROR');
  const concrete = c.expected !== 'conditional';
  if (sympy?.answer && (ours.verdict === 'converges' || ours.verdict === 'diverges') && sympy.answer !== ours.verdict) flags.push('≠SymPy');
  if (sympy?.answer && concrete && sympy.answer !== c.expected) flags.push('SymPy wrong');
  if (c.stretch) flags.push('stretch');
  return flags;
}

const fmtUs = (us: number | undefined): string => (us === undefined ? '-' : us < 10 ? us.toFixed(2) : us < 1000 ? us.toFixed(1) : us.toFixed(0));
const fmtMs = (s: number | null | undefined): string => (s === null || s === undefined ? '-' : (s * 1000).toFixed(s < 0.1 ? 2 : 0));
const fmtRatio = (r: number | undefined): string => (r === undefined || !Number.isFinite(r) ? '-' : r >= 100 ? `${r.toFixed(0)}×` : `${r.toFixed(1)}×`);

function sympyCell(r: SympyResult | undefined, run: SympyRun): string {
  if (!run.available) return 'skipped';
  if (!r) return '-';
  if (r.answer) return r.answer;
  return (r.error ?? 'no answer').replace(/:.*$/, '');
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const cases = [
    ...(args.only !== 'peer' ? catalogBenchCases() : []),
    ...(args.only !== 'catalog' ? peerBenchCases() : []),
  ];
  if (args.only !== 'catalog' && !cases.some((c) => c.group === 'peer')) process.stderr.write(`note: peer suite ${PEER_SUITE} not found; skipped\n`);
  process.stderr.write(`timing classify() on ${cases.length} cases…\n`);
  const ours = new Map(cases.map((c) => [c.id, runOurs(c)] as const));

  let sympy: SympyRun;
  if (!args.sympy) sympy = { available: false, skipped: 'disabled with --no-sympy', results: new Map() };
  else {
    process.stderr.write(`running SymPy on the same cases (timeout ${args.timeout} s each)…\n`);
    sympy = await runSympy(cases, args.timeout);
  }

  const rows = cases.map((c) => {
    const o = ours.get(c.id)!;
    const s = sympy.results.get(c.id);
    const ratio = s?.answer && s.seconds !== null && o.us !== undefined && o.us > 0 ? (s.seconds * 1e6) / o.us : undefined;
    return { c, o, s, ratio, flags: flagsOf(c, o, s) };
  });

  const expectedText = (c: BenchCase): string => (c.expected === 'conditional' ? `iff ${c.expectedCondition}` : c.expected);
  const table = renderTable(
    ['case', 'formula', 'expected', 'ours', 'ours µs', 'SymPy', 'SymPy ms', 'ratio', 'flags'],
    rows.map(({ c, o, s, ratio, flags }) => [
      c.id, c.formula, expectedText(c), o.verdict, fmtUs(o.us), sympyCell(s, sympy), fmtMs(s?.seconds), fmtRatio(ratio), flags.join(' '),
    ]),
    { maxWidths: [30, 36, 14, 11, undefined, 14, undefined, undefined, 30], alignRight: [4, 6, 7] },
  );
  process.stdout.write(`${table}\n\n`);

  const ratios = rows.flatMap((r) => (r.ratio === undefined ? [] : [r.ratio]));
  const count = (pred: (r: (typeof rows)[number]) => boolean): number => rows.filter(pred).length;
  const summary = {
    cases: rows.length,
    catalogCases: count((r) => r.c.group === 'catalog'),
    peerCases: count((r) => r.c.group === 'peer'),
    ours: {
      agree: count((r) => r.o.agreement === 'agree'),
      wrong: count((r) => r.o.agreement === 'wrong'),
      undecided: count((r) => r.o.agreement === 'undecided'),
      errors: count((r) => r.o.agreement === 'error'),
      medianUs: median(rows.flatMap((r) => (r.o.us === undefined ? [] : [r.o.us]))),
    },
    sympy: sympy.available
      ? {
          version: sympy.version, timeoutSeconds: sympy.timeoutSeconds,
          answered: count((r) => !!r.s?.answer),
          wrong: count((r) => !!r.s?.answer && r.c.expected !== 'conditional' && r.s.answer !== r.c.expected),
          timeouts: count((r) => /^timeout/.test(r.s?.error ?? '')),
          errors: count((r) => !r.s?.answer && !!r.s?.error && !/^timeout/.test(r.s.error)),
          medianMs: median(rows.flatMap((r) => (r.s?.answer && r.s.seconds !== null ? [r.s.seconds * 1000] : []))),
        }
      : { skipped: sympy.skipped },
    ratio: { casesCompared: ratios.length, median: ratios.length > 0 ? median(ratios) : null },
  };

  const lines = [
    `ours: ${summary.ours.agree} agree, ${summary.ours.wrong} WRONG, ${summary.ours.undecided} undecided, ${summary.ours.errors} errors ` +
      `of ${summary.cases} cases (${summary.catalogCases} catalog, ${summary.peerCases} peer); median ${fmtUs(summary.ours.medianUs)} µs per case`,
  ];
  if (sympy.available) {
    const s = summary.sympy as { version?: string; answered: number; wrong: number; timeouts: number; errors: number; medianMs: number };
    lines.push(`SymPy ${s.version}: answered ${s.answered}, wrong ${s.wrong}, timeouts ${s.timeouts}, errors/undecided ${s.errors}; median ${fmtMs(s.medianMs / 1000)} ms per answered case`);
    lines.push(summary.ratio.median === null
      ? 'median ratio SymPy/ours: no case to compare'
      : `median ratio SymPy/ours over the ${summary.ratio.casesCompared} cases SymPy answered: ${fmtRatio(summary.ratio.median)}`);
  } else {
    lines.push(`SymPy skipped: ${sympy.skipped}. No ratio reported.`);
  }
  const wrong = rows.filter((r) => r.flags.includes('WRONG') || r.flags.includes('ERROR'));
  if (wrong.length > 0) lines.push('', 'WRONG answers / errors of ours:', ...wrong.map((r) => `  ${r.c.id} ${r.c.formula}: ${r.o.detail}`));
  process.stdout.write(`${lines.join('\n')}\n`);

  const results = {
    date: new Date().toISOString(),
    environment: { node: process.version, platform: `${platform()} ${release()}`, cpu: cpus()[0]?.model ?? 'unknown', cpus: cpus().length },
    method: {
      ours: 'classify() in process: 3 warm-up calls, then the median of 5 to 50 timed calls (about 250 ms per case); includes parsing.',
      sympy: 'Sum(term, (n, from, oo)).is_convergent() timed once per case in one warm Python process (cache not cleared); excludes parsing the expression text.',
    },
    summary,
    cases: rows.map(({ c, o, s, ratio, flags }) => ({
      id: c.id, group: c.group, formula: c.formula, options: c.options, expected: c.expected,
      ...(c.expectedCondition ? { expectedCondition: c.expectedCondition } : {}),
      stretch: c.stretch, ours: o, sympy: s ?? null, ratio: ratio ?? null, flags,
    })),
  };
  writeFileSync(args.out, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`results written to ${args.out}\n`);
  if (summary.ours.wrong > 0) process.exitCode = 3;
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
