/**
 * `node --import tsx bench/generated-vs-sympy.ts`: the exp-log generator's concrete
 * cases (test/classify/exp-log-generator.ts, truth known by construction) through
 * classify() and through SymPy's Sum.is_convergent (bench/sympy-peer.ts, the same peer
 * harness as `npm run bench`), where SymPy answers. Reports, against the truth, how
 * often each is right, wrong or silent, where the two agree, and the time ratio.
 *   options: --seed S (default 20261203)  --cases N (default 120)  --sympy-timeout S (default 5)
 *            --no-sympy  --out FILE (default bench/generated-results.json)
 */
import { writeFileSync } from 'node:fs';
import { cpus, platform, release } from 'node:os';
import { join } from 'node:path';
import { classify } from '../src/classify.js';
import { findProjectRoot } from '../src/rules/paths.js';
import type { Classification } from '../src/types.js';
import { describeSpec, generateCases, type GenCase, isParam, truthOfCase, type Truth } from '../test/classify/exp-log-generator.js';
import type { BenchCase } from './cases.js';
import { runSympy, type SympyRun } from './sympy-peer.js';
import { median, timeMedian } from './timing.js';

interface Args { seed: number; cases: number; timeout: number; sympy: boolean; out: string }

function parseArgs(argv: readonly string[]): Args {
  const a: Args = { seed: 20261203, cases: 120, timeout: 5, sympy: true, out: join(findProjectRoot(), 'bench', 'generated-results.json') };
  const int = (s: string | undefined, what: string): number => {
    if (s === undefined || !/^\d+$/.test(s)) throw new Error(`${what} needs a non-negative integer`);
    return Number(s);
  };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    if (x === '--seed') a.seed = int(argv[++i], x);
    else if (x === '--cases') a.cases = int(argv[++i], x);
    else if (x === '--sympy-timeout') a.timeout = int(argv[++i], x);
    else if (x === '--no-sympy') a.sympy = false;
    else if (x === '--out' && argv[i + 1]) a.out = argv[++i]!;
    else throw new Error(`unknown argument ${x} (options: --seed S, --cases N, --sympy-timeout S, --no-sympy, --out FILE)`);
  }
  return a;
}

type Judged = 'right' | 'wrong' | 'silent';
const judge = (answer: string | null | undefined, truth: Truth): Judged => (answer === 'converges' || answer === 'diverges' ? (answer === truth ? 'right' : 'wrong') : 'silent');

interface Ours { readonly verdict: Classification['verdict'] | 'error'; readonly us?: number; readonly error?: string }

function runOurs(c: GenCase): Ours {
  const call = (): Classification => classify(c.expr, c.options);
  let first: Classification;
  try {
    first = call();
  } catch (e) {
    return { verdict: 'error', error: e instanceof Error ? e.message : String(e) };
  }
  const t = timeMedian(call, { warmup: 1, minRuns: 3, maxRuns: 20, budgetMs: 60 });
  return { verdict: first.verdict, us: t.medianUs };
}

/** The peer harness takes benchmark cases; a generated case becomes one with its truth as the expectation. */
const asBenchCase = (c: GenCase, truth: Truth): BenchCase => ({
  id: c.id, entryId: 'generated', label: describeSpec(c.spec), formula: c.expr, options: c.options, expected: truth, points: [], group: 'peer', stretch: false,
});

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  // parametric families have no single truth for SymPy; their concrete instances are in the other kinds
  const cases = generateCases(args.seed, Math.ceil(args.cases * 1.25)).filter((c) => !isParam(c.spec)).slice(0, args.cases);
  const truth = new Map(cases.map((c) => [c.id, truthOfCase(c.spec)] as const));
  process.stderr.write(`timing classify() on ${cases.length} generated cases (seed ${args.seed})…\n`);
  const ours = new Map(cases.map((c) => [c.id, runOurs(c)] as const));
  let sympy: SympyRun;
  if (!args.sympy) sympy = { available: false, skipped: 'disabled with --no-sympy', results: new Map() };
  else {
    process.stderr.write(`running SymPy on the same cases (timeout ${args.timeout} s each)…\n`);
    sympy = await runSympy(cases.map((c) => asBenchCase(c, truth.get(c.id)!)), args.timeout);
  }

  const rows = cases.map((c) => {
    const t = truth.get(c.id)!;
    const o = ours.get(c.id)!;
    const s = sympy.results.get(c.id);
    const oj = judge(o.verdict, t), sj = judge(s?.answer, t);
    const ratio = s?.answer && s.seconds !== null && o.us !== undefined && o.us > 0 ? (s.seconds * 1e6) / o.us : undefined;
    return { c, t, o, s, oj, sj, ratio };
  });
  const count = (p: (r: (typeof rows)[number]) => boolean): number => rows.filter(p).length;
  const ratios = rows.flatMap((r) => (r.ratio === undefined ? [] : [r.ratio]));
  const summary = {
    seed: args.seed, cases: rows.length,
    truth: { converges: count((r) => r.t === 'converges'), diverges: count((r) => r.t === 'diverges') },
    ours: { right: count((r) => r.oj === 'right'), wrong: count((r) => r.oj === 'wrong'), silent: count((r) => r.oj === 'silent'), medianUs: median(rows.flatMap((r) => (r.o.us === undefined ? [] : [r.o.us]))) },
    sympy: sympy.available
      ? {
          version: sympy.version, timeoutSeconds: sympy.timeoutSeconds,
          answered: count((r) => r.sj !== 'silent'), right: count((r) => r.sj === 'right'), wrong: count((r) => r.sj === 'wrong'),
          timeouts: count((r) => /^timeout/.test(r.s?.error ?? '')), silent: count((r) => r.sj === 'silent'),
          medianMs: median(rows.flatMap((r) => (r.s?.answer && r.s.seconds !== null ? [r.s.seconds * 1000] : []))),
        }
      : { skipped: sympy.skipped },
    agreement: sympy.available
      ? { bothAnswered: count((r) => r.oj !== 'silent' && r.sj !== 'silent'), agree: count((r) => r.oj !== 'silent' && r.sj !== 'silent' && r.o.verdict === r.s?.answer), onlyOurs: count((r) => r.oj !== 'silent' && r.sj === 'silent'), onlySympy: count((r) => r.oj === 'silent' && r.sj !== 'silent') }
      : null,
    ratio: { casesCompared: ratios.length, median: ratios.length > 0 ? median(ratios) : null },
  };

  const lines = [`${rows.length} generated cases (seed ${args.seed}; ${summary.truth.converges} converge, ${summary.truth.diverges} diverge by construction)`,
    `ours: ${summary.ours.right} right, ${summary.ours.wrong} WRONG, ${summary.ours.silent} unknown/error; median ${summary.ours.medianUs.toFixed(0)} µs per case`];
  if (sympy.available) {
    const s = summary.sympy as { version?: string; answered: number; right: number; wrong: number; timeouts: number; silent: number; medianMs: number };
    const g = summary.agreement!;
    lines.push(`SymPy ${s.version}: answered ${s.answered} (${s.right} right, ${s.wrong} wrong), ${s.timeouts} timeouts, ${s.silent} without an answer; median ${s.medianMs.toFixed(1)} ms per answered case`);
    lines.push(`both answered ${g.bothAnswered}, agreeing on ${g.agree}; only ours answered ${g.onlyOurs}, only SymPy ${g.onlySympy}`);
    lines.push(summary.ratio.median === null ? 'time ratio SymPy/ours: no case to compare' : `median time ratio SymPy/ours over the ${summary.ratio.casesCompared} cases SymPy answered: ${summary.ratio.median.toFixed(summary.ratio.median >= 100 ? 0 : 1)}×`);
  } else lines.push(`SymPy skipped: ${sympy.skipped}. No ratio reported.`);
  const flagged = rows.filter((r) => r.oj === 'wrong' || r.sj === 'wrong');
  if (flagged.length > 0) lines.push('', 'wrong answers (truth by construction):', ...flagged.map((r) => `  ${r.c.id} ${r.c.options.term ? 'term ' : ''}${r.c.expr}: truth ${r.t}, ours ${r.o.verdict}, SymPy ${r.s?.answer ?? r.s?.error ?? '-'}`));
  process.stdout.write(`${lines.join('\n')}\n`);

  writeFileSync(args.out, `${JSON.stringify({
    date: new Date().toISOString(),
    environment: { node: process.version, platform: `${platform()} ${release()}`, cpu: cpus()[0]?.model ?? 'unknown', cpus: cpus().length },
    method: {
      cases: 'concrete cases (bias and term mode) of test/classify/exp-log-generator.ts; the truth is derived from the block order',
      ours: 'classify() in process: 1 warm-up call, then the median of 3 to 20 timed calls (about 60 ms per case); includes parsing.',
      sympy: 'Sum(term, (n, 0, oo)).is_convergent() timed once per case in one warm Python process (bench/sympy_peer.py); excludes parsing.',
    },
    summary,
    cases: rows.map((r) => ({ id: r.c.id, kind: r.c.spec.kind, structure: describeSpec(r.c.spec), formula: r.c.expr, options: r.c.options, truth: r.t, ours: r.o, sympy: r.s ?? null, ratio: r.ratio ?? null })),
  }, null, 2)}\n`);
  process.stdout.write(`results written to ${args.out}\n`);
  if (summary.ours.wrong > 0) process.exitCode = 3;
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
