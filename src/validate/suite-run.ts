/**
 * Running a named experiment (suite.ts) over its seeds and summarising it.
 *
 * Owns: expanding a plan into one run per (entry, seed), running them through
 * the experiment runner (experiment.ts; parallel processes), and the
 * statistics of the result:
 * - trf-erf: per family and overall, Spearman's ρ and Kendall's τ between the
 *   TRF and each ERF (window, gradient), with percentile bootstrap intervals
 *   over runs, and ρ between the two ERFs; per entry, the mean ERFs over seeds
 *   with Student-t intervals. The gradient ERF is also read at ε = 0.1 from the
 *   stored cumulative profile (same runs, no extra measurement).
 * - extrapolation: per bias, the mean ppl(16L)/ppl(L) over seeds with a
 *   Student-t interval, the verdict, and the reading against the theorem's
 *   one-way claim (a convergent bias that fails would contradict it; a
 *   divergent bias that extrapolates does not).
 * Machine facts (CPU model, cores, load averages before and after) are
 * recorded with the wall time, so a published figure says where it came from.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import type { BackendRequest } from './backend.js';
import { runExperiment, type ExperimentResult, type ProgressListener } from './experiment.js';
import { coverDistance } from './grad-erf.js';
import type { RunResult } from './run.js';
import { bootstrapCi, kendall, meanCi, spearman, type Interval, type MeanInterval } from './stats.js';
import type { SuiteEntry, SuitePlan } from './suite.js';

export interface SuiteRun extends RunResult {
  readonly family: string;
  readonly entry: string;
  readonly value?: number;
  /** the gradient ERF read at ε = 0.1 from the same profile */
  readonly gradErf10: number | null;
}

export interface CorrelationSet {
  readonly group: string;
  readonly runs: number;
  readonly spearmanWindow: Interval;
  readonly kendallWindow: Interval;
  readonly spearmanGrad: Interval;
  readonly kendallGrad: Interval;
  readonly spearmanGrad10: Interval;
  /** ρ between the window ERF and the gradient ERF */
  readonly spearmanErfs: Interval;
}

export interface EntrySummary {
  readonly entry: string;
  readonly family: string;
  readonly expression: string;
  readonly at: Readonly<Record<string, string>>;
  readonly verdict: string;
  readonly trf: number | null;
  readonly seeds: readonly number[];
  readonly erf: MeanInterval | null;
  readonly gradErf: MeanInterval | null;
  readonly pplL: MeanInterval | null;
  readonly ratio: MeanInterval | null;
  /** runs (seeds) that extrapolate */
  readonly extrapolating: number;
  /** mean ratio ≤ threshold */
  readonly extrapolates: boolean | null;
  /** the interval's reading: 'below' (all of it ≤ threshold), 'above', 'straddles' */
  readonly ciReading: 'below' | 'above' | 'straddles' | null;
  readonly agrees: boolean | null;
}

export interface MachineInfo {
  readonly cpu: string;
  readonly cores: number;
  readonly memGiB: number;
  readonly node: string;
  readonly loadBefore: readonly number[];
  readonly loadAfter: readonly number[];
}

export interface SuiteResult {
  readonly name: SuitePlan['name'];
  readonly scale: SuitePlan['scale'];
  readonly command: string;
  readonly seeds: readonly number[];
  readonly backend: string;
  readonly machine: MachineInfo;
  readonly experiment: Omit<ExperimentResult, 'runs'>;
  readonly runs: readonly SuiteRun[];
  readonly entries: readonly EntrySummary[];
  readonly correlations: readonly CorrelationSet[];
  readonly agreement: { readonly agree: number; readonly known: number; readonly total: number; readonly runsAgree: number; readonly runsKnown: number };
  readonly oneWay: { readonly convergentFailing: readonly string[]; readonly divergentExtrapolating: readonly string[] };
  readonly seconds: number;
}

function correlationSet(group: string, runs: readonly SuiteRun[], seed: number): CorrelationSet {
  const trf = runs.map((r) => r.trf);
  const ci = (ys: ReadonlyArray<number | null>, stat: typeof spearman, xs: ReadonlyArray<number | null> = trf): Interval => bootstrapCi(stat, xs, ys, { seed });
  return {
    group, runs: runs.length,
    spearmanWindow: ci(runs.map((r) => r.erf), spearman),
    kendallWindow: ci(runs.map((r) => r.erf), kendall),
    spearmanGrad: ci(runs.map((r) => r.gradErf), spearman),
    kendallGrad: ci(runs.map((r) => r.gradErf), kendall),
    spearmanGrad10: ci(runs.map((r) => r.gradErf10), spearman),
    spearmanErfs: ci(runs.map((r) => r.gradErf), spearman, runs.map((r) => r.erf)),
  };
}

function nums(xs: ReadonlyArray<number | null>): number[] {
  return xs.filter((x): x is number => x !== null && Number.isFinite(x));
}

function entrySummary(e: SuiteEntry, runs: readonly SuiteRun[], threshold: number, L: number): EntrySummary {
  const first = runs[0];
  const ratio = meanCi(nums(runs.map((r) => r.pplRatio)));
  const verdict = first?.verdict ?? 'unknown';
  const extrapolates = ratio ? ratio.mean <= threshold : null;
  const ciReading = ratio ? (ratio.hi <= threshold ? 'below' : ratio.lo > threshold ? 'above' : 'straddles') : null;
  return {
    entry: e.spec.name ?? e.spec.expression, family: e.family, expression: e.spec.expression, at: e.spec.at,
    verdict, trf: first?.trf ?? null, seeds: runs.map((r) => r.seed ?? 0),
    erf: meanCi(nums(runs.map((r) => r.erf))), gradErf: meanCi(nums(runs.map((r) => r.gradErf))),
    pplL: meanCi(nums(runs.map((r) => r.ppl[String(L)] ?? null))),
    ratio, extrapolating: runs.filter((r) => r.extrapolates).length, extrapolates, ciReading,
    agrees: verdict === 'unknown' || extrapolates === null ? null : (verdict === 'converges') === extrapolates,
  };
}

export interface SuiteRequest {
  readonly plan: SuitePlan;
  readonly command: string;
  readonly corpusFile?: string;
  readonly outDir?: string;
  readonly jobs?: number;
  readonly backend?: BackendRequest;
}

/** Summarise finished runs (also used on runs read back from a results file). */
export function summarizeSuite(
  plan: SuitePlan, command: string, exp: ExperimentResult, runs: readonly SuiteRun[], machine: MachineInfo,
): SuiteResult {
  const cfg = plan.config;
  const byEntry = plan.entries.map((e) => ({ e, runs: runs.filter((r) => r.entry === (e.spec.name ?? e.spec.expression)) }));
  const entries = byEntry.filter((x) => x.runs.length > 0).map((x) => entrySummary(x.e, x.runs, cfg.threshold, cfg.train.length));
  const families = [...new Set(plan.entries.map((e) => e.family))];
  const correlations = plan.name === 'trf-erf'
    ? [...families.map((f, i) => correlationSet(f, runs.filter((r) => r.family === f), 101 + i)), correlationSet('all families', runs, 100)]
    : [];
  const known = entries.filter((e) => e.agrees !== null);
  const runsKnown = runs.filter((r) => r.agrees !== null);
  const { runs: _drop, ...experiment } = exp;
  void _drop;
  return {
    name: plan.name, scale: plan.scale, command, seeds: plan.seeds, backend: exp.backend, machine,
    experiment, runs, entries, correlations,
    agreement: {
      agree: known.filter((e) => e.agrees).length, known: known.length, total: entries.length,
      runsAgree: runsKnown.filter((r) => r.agrees).length, runsKnown: runsKnown.length,
    },
    oneWay: plan.name === 'extrapolation' ? {
      convergentFailing: entries.filter((e) => e.verdict === 'converges' && e.extrapolates === false).map((e) => e.entry),
      divergentExtrapolating: entries.filter((e) => e.verdict === 'diverges' && e.extrapolates === true).map((e) => e.entry),
    } : { convergentFailing: [], divergentExtrapolating: [] },
    seconds: exp.seconds,
  };
}

export function machineInfo(loadBefore: readonly number[]): MachineInfo {
  const c = cpus();
  return {
    cpu: c[0]?.model ?? 'unknown', cores: c.length, memGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version, loadBefore, loadAfter: loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

/** Run every (entry, seed) of the plan and summarise. */
export async function runSuite(req: SuiteRequest, onProgress?: ProgressListener): Promise<SuiteResult> {
  const loadBefore = loadavg().map((x) => Math.round(x * 100) / 100);
  const { plan } = req;
  const jobsList = plan.entries.flatMap((e) => plan.seeds.map((seed) => ({ e, seed })));
  const specs = jobsList.map(({ e, seed }) => ({ ...e.spec, name: `${e.spec.name ?? e.spec.expression} seed=${seed}` }));
  const exp = await runExperiment({
    specs, seeds: jobsList.map((j) => j.seed), config: plan.config,
    ...(req.corpusFile ? { corpusFile: req.corpusFile } : {}), ...(req.outDir ? { outDir: req.outDir } : {}),
    ...(req.jobs ? { jobs: req.jobs } : {}), ...(req.backend ? { backend: req.backend } : {}),
  }, onProgress);
  const byLabel = new Map(jobsList.map((j, i) => [specs[i]!.name, j]));
  const runs: SuiteRun[] = exp.runs.map((r) => {
    const j = byLabel.get(r.rpe)!;
    return {
      ...r, family: j.e.family, entry: j.e.spec.name ?? j.e.spec.expression, ...(j.e.value !== undefined ? { value: j.e.value } : {}),
      gradErf10: r.gradCumulative ? coverDistance(r.gradCumulative, 0.1) : null,
    };
  });
  return summarizeSuite(plan, req.command, exp, runs, machineInfo(loadBefore));
}
