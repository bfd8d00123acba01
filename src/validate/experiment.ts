/**
 * The experiment runner.
 *
 * Owns: running a list of RPEs under one configuration, inline (jobs = 1) or in
 * parallel child processes (worker.ts; one per core, since wasm threads do not
 * start in Node), and assembling the experiment result: backend, corpus,
 * configuration, runs in input order, the TRF/ERF rank correlations (window
 * and gradient ERF) and the agreement count. Writing files is output.ts's job.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { selectBackend, type BackendRequest } from './backend.js';
import { loadCorpus, type Corpus } from './corpus.js';
import { fromJson } from './json.js';
import { rescoreRun, runOne, type ExperimentConfig, type RunProgress, type RunResult } from './run.js';
import { rpeLabel, type RpeSpec } from './rpe.js';
import { kendall, spearman } from './stats.js';
import { listWeights } from './weights.js';
import type { RunMessage } from './worker.js';

export interface ExperimentRequest {
  readonly specs: readonly RpeSpec[];
  readonly config: ExperimentConfig;
  /** text file; default: the State of the Union corpus */
  readonly corpusFile?: string;
  /** output folder (weights are saved there); optional for library use */
  readonly outDir?: string;
  /** parallel processes; 1 runs inline */
  readonly jobs?: number;
  readonly backend?: BackendRequest;
  /** a seed per spec (same order), overriding config.seed; for multi-seed experiments */
  readonly seeds?: readonly number[];
}

export interface CorpusInfo {
  readonly name: string;
  readonly split: string;
  readonly trainTokens: number;
  readonly validTokens: number;
}

export interface ExperimentResult {
  readonly backend: string;
  readonly corpus: CorpusInfo;
  readonly config: ExperimentConfig;
  readonly runs: RunResult[];
  /** Spearman ρ between TRF and ERF across runs with a known TRF (null: fewer than 3 or constant) */
  readonly spearmanTrfErf: number | null;
  /** the same for the gradient ERF, Kendall's τ of both, and ρ between the two ERFs */
  readonly correlations: {
    readonly spearmanTrfGradErf: number | null;
    readonly kendallTrfErf: number | null;
    readonly kendallTrfGradErf: number | null;
    readonly spearmanErfGradErf: number | null;
  };
  readonly agreement: { readonly agree: number; readonly known: number; readonly total: number };
  readonly jobs: number;
  readonly seconds: number;
  readonly errors: ReadonlyArray<{ readonly rpe: string; readonly message: string }>;
}

export type ProgressListener = (index: number, label: string, progress: RunProgress) => void;

export function corpusInfo(c: Corpus): CorpusInfo {
  return { name: c.name, split: c.split, trainTokens: c.train.length, validTokens: c.valid.length };
}

/** A configuration that cannot run (sizes, corpus too small): a usage error, not a bug. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Check the sizes before any training starts. */
export function checkConfig(cfg: ExperimentConfig, corpus: Corpus): void {
  const longest = Math.max(...cfg.evalLens);
  if (cfg.evalTokens < longest) throw new ConfigError(`--eval-tokens (${cfg.evalTokens}) must be at least the longest evaluation length (${longest})`);
  if (corpus.valid.length < Math.max(cfg.evalTokens, cfg.erfTokens) + 1) {
    throw new ConfigError(`the validation split has ${corpus.valid.length} tokens; the evaluation needs ${Math.max(cfg.evalTokens, cfg.erfTokens) + 1}`);
  }
  if (corpus.train.length < 2 * (cfg.train.length + 1)) throw new ConfigError(`the training split is too small for length ${cfg.train.length}`);
  if (!cfg.evalLens.includes(cfg.train.length)) throw new ConfigError(`the evaluation lengths must include the training length ${cfg.train.length}`);
}

export function summarize(
  backend: string, corpus: CorpusInfo, config: ExperimentConfig, runs: RunResult[], jobs: number, seconds: number,
  errors: ExperimentResult['errors'] = [],
): ExperimentResult {
  const known = runs.filter((r) => r.agrees !== null);
  return {
    backend, corpus, config, runs,
    spearmanTrfErf: spearman(runs.map((r) => r.trf), runs.map((r) => r.erf)),
    correlations: {
      spearmanTrfGradErf: spearman(runs.map((r) => r.trf), runs.map((r) => r.gradErf)),
      kendallTrfErf: kendall(runs.map((r) => r.trf), runs.map((r) => r.erf)),
      kendallTrfGradErf: kendall(runs.map((r) => r.trf), runs.map((r) => r.gradErf)),
      spearmanErfGradErf: spearman(runs.map((r) => r.erf), runs.map((r) => r.gradErf)),
    },
    agreement: { agree: known.filter((r) => r.agrees).length, known: known.length, total: runs.length },
    jobs, seconds, errors,
  };
}

function workerPath(): { file: string; execArgv: string[] } {
  const self = fileURLToPath(import.meta.url);
  // from src/ or tsc's dist/src/: the sibling worker module; from the bundle (dist/lib/chunks/…):
  // the bundle's own worker entry, dist/lib/validate-worker.js
  const sibling = self.replace(/experiment\.(ts|js)$/, (_m, ext: string) => `worker.${ext}`);
  const bundled = [join(dirname(self), 'validate-worker.js'), join(dirname(self), '..', 'validate-worker.js')];
  const file = sibling !== self && existsSync(sibling) ? sibling : bundled.find((f) => existsSync(f)) ?? sibling;
  // keep loader flags (tsx under development), drop the test runner's own flags
  const execArgv: string[] = [];
  const argv = process.execArgv;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--import' || a === '--require' || a === '--loader' || a === '-r') { execArgv.push(a, argv[++i]!); continue; }
    if (/^--(import|require|loader|experimental-loader)=/.test(a) || a.startsWith('--no-warnings') || a.startsWith('--enable-source-maps')) execArgv.push(a);
  }
  return { file, execArgv };
}

/** The configuration of spec i: the request's, with its own seed when given. */
function configFor(req: ExperimentRequest, i: number): ExperimentConfig {
  const seed = req.seeds?.[i];
  return seed === undefined ? req.config : { ...req.config, seed };
}

async function runInline(req: ExperimentRequest, corpus: Corpus, onProgress?: ProgressListener): Promise<{ backend: string; results: Array<RunResult | Error> }> {
  const info = await selectBackend(req.backend ?? 'auto');
  const results: Array<RunResult | Error> = [];
  for (let i = 0; i < req.specs.length; i++) {
    const spec = req.specs[i]!;
    try {
      results.push(await runOne(spec, configFor(req, i), corpus, req.outDir, (p) => onProgress?.(i, rpeLabel(spec), p)));
    } catch (err) {
      results.push(err instanceof Error ? err : new Error(String(err)));
    }
  }
  return { backend: info.description, results };
}

/** Send to a worker, ignoring a channel that has just closed (the worker is exiting). */
function safeSend(child: ChildProcess, msg: unknown): void {
  if (!child.connected) return;
  try {
    child.send(msg as object, (err) => { void err; });
  } catch { /* channel closed between the check and the send */ }
}

async function runParallel(req: ExperimentRequest, jobs: number, onProgress?: ProgressListener): Promise<{ backend: string; results: Array<RunResult | Error> }> {
  const { file, execArgv } = workerPath();
  const results = new Array<RunResult | Error>(req.specs.length);
  let backend = '';
  let next = 0;
  const children: ChildProcess[] = [];
  await new Promise<void>((resolve) => {
    let running = 0;
    let alive = jobs;
    const dispatch = (child: ChildProcess): void => {
      if (next >= req.specs.length) { safeSend(child, { type: 'exit' }); return; }
      const index = next++;
      running++;
      const msg: RunMessage = {
        type: 'run', index, spec: req.specs[index]!, config: configFor(req, index), backend: req.backend ?? 'auto',
        ...(req.corpusFile ? { corpusFile: req.corpusFile } : {}), ...(req.outDir ? { outDir: req.outDir } : {}),
      };
      safeSend(child, msg);
    };
    for (let j = 0; j < jobs; j++) {
      const child = fork(file, [], { execArgv, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      children.push(child);
      child.on('error', () => { /* reported through 'exit' below */ });
      let current = -1;
      child.on('message', (m: { type: string; index?: number; description?: string; progress?: RunProgress; result?: string; message?: string }) => {
        if (m.type === 'backend') backend ||= m.description ?? '';
        else if (m.type === 'progress') { current = m.index!; onProgress?.(m.index!, rpeLabel(req.specs[m.index!]!), m.progress!); }
        else if (m.type === 'result' || m.type === 'error') {
          results[m.index!] = m.type === 'result' ? fromJson<RunResult>(m.result!) : new Error(m.message);
          current = -1;
          running--;
          dispatch(child);
          if (running === 0 && next >= req.specs.length) resolve();
        }
      });
      child.on('exit', (code) => {
        alive--;
        if (current >= 0 && results[current] === undefined) {
          results[current] = new Error(`worker exited with code ${code}`);
          running--;
        }
        if (alive === 0) {
          // no worker left: whatever was not dispatched cannot run
          for (; next < req.specs.length; next++) results[next] = new Error('no worker process left to run this RPE');
          resolve();
        } else if (running === 0 && next >= req.specs.length) {
          resolve();
        }
      });
      dispatch(child);
    }
    if (req.specs.length === 0) resolve();
  });
  for (const c of children) safeSend(c, { type: 'exit' });
  for (let i = 0; i < results.length; i++) results[i] ??= new Error('the run produced no result');
  return { backend, results };
}

/** Give repeated labels a " #2", " #3" suffix so that runs and weight files stay distinct. */
export function uniqueNames(specs: readonly RpeSpec[]): RpeSpec[] {
  const seen = new Map<string, number>();
  return specs.map((s) => {
    const label = rpeLabel(s);
    const k = (seen.get(label) ?? 0) + 1;
    seen.set(label, k);
    return k === 1 ? s : { ...s, name: `${label} #${k}` };
  });
}

/** Run every RPE of the request and summarise. */
export async function runExperiment(request: ExperimentRequest, onProgress?: ProgressListener): Promise<ExperimentResult> {
  const t0 = performance.now();
  const req: ExperimentRequest = { ...request, specs: uniqueNames(request.specs) };
  const corpus = loadCorpus(req.corpusFile);
  checkConfig(req.config, corpus);
  const jobs = Math.max(1, Math.min(req.jobs ?? availableParallelism(), req.specs.length));
  const { backend, results } = jobs === 1 ? await runInline(req, corpus, onProgress) : await runParallel(req, jobs, onProgress);
  const runs: RunResult[] = [];
  const errors: Array<{ rpe: string; message: string }> = [];
  results.forEach((r, i) => {
    if (r instanceof Error) errors.push({ rpe: rpeLabel(req.specs[i]!), message: r.message });
    else runs.push(r);
  });
  return summarize(backend, corpusInfo(corpus), req.config, runs, jobs, (performance.now() - t0) / 1000, errors);
}

/** Evaluate every model saved under `weightsDir` again, without training. */
export async function rescoreExperiment(
  weightsDir: string, config: ExperimentConfig, corpusFile: string | undefined, backend: BackendRequest = 'auto',
  onProgress?: ProgressListener,
): Promise<ExperimentResult> {
  const t0 = performance.now();
  const info = await selectBackend(backend);
  const corpus = loadCorpus(corpusFile);
  const runs: RunResult[] = [];
  const errors: Array<{ rpe: string; message: string }> = [];
  const paths = listWeights(weightsDir);
  for (let i = 0; i < paths.length; i++) {
    try {
      runs.push(await rescoreRun(paths[i]!, config, corpus, (p) => onProgress?.(i, paths[i]!, p)));
    } catch (err) {
      errors.push({ rpe: paths[i]!, message: err instanceof Error ? err.message : String(err) });
    }
  }
  return summarize(info.description, corpusInfo(corpus), config, runs, 1, (performance.now() - t0) / 1000, errors);
}
