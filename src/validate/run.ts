/**
 * One run of the experiment: one RPE, trained and measured.
 *
 * Owns: the pipeline of a single run, in order: compile the bias per head
 * (rpe.ts), ask the theory (theory.ts: verdict, TRF), initialise and train the
 * model at length L (train.ts), evaluate perplexity at every evaluation length
 * (evaluate.ts), measure the ERF (erf.ts), save the weights (weights.ts), and
 * judge extrapolation: ppl(max length)/ppl(L) ≤ threshold. Also `rescoreRun`,
 * the same measurements for saved weights, without training.
 */
import { join } from 'node:path';
import { BiasTables } from './bias-table.js';
import type { Corpus } from './corpus.js';
import { erfProbeCount, measureErf } from './erf.js';
import { measureGradErf } from './grad-erf.js';
import { evaluate } from './evaluate.js';
import { disposeParams, initParams, type ModelConfig, type Params } from './model.js';
import { resolveRpe, type RpeSpec } from './rpe.js';
import { theoryOf, type Theory } from './theory.js';
import { train, type TrainConfig } from './train.js';
import type { Verdict } from '../types.js';
import { loadWeights, saveWeights, slug } from './weights.js';

export interface ExperimentConfig {
  readonly model: ModelConfig;
  readonly train: Omit<TrainConfig, 'seed'>;
  readonly seed: number;
  /** evaluation lengths, ascending; the first is normally L */
  readonly evalLens: readonly number[];
  /** scored tokens per evaluation length */
  readonly evalTokens: number;
  /** scored tokens per window-ERF probe; 0 skips the window ERF */
  readonly erfTokens: number;
  /** gradient ERF (grad-erf.ts): sequences per measurement; absent or 0 skips it */
  readonly gradErfRows?: number;
  readonly erfTolerance: number;
  /** extrapolates when ppl(max length)/ppl(L) ≤ threshold */
  readonly threshold: number;
  /** ε of the TRF */
  readonly eps: number;
}

export interface RunResult {
  /** display label */
  readonly rpe: string;
  readonly expression: string;
  /** the --at values as given */
  readonly at: Readonly<Record<string, string>>;
  /** evaluated parameter values per head */
  readonly headParams: ReadonlyArray<Readonly<Record<string, number>>>;
  readonly verdict: Verdict;
  readonly headVerdicts: readonly Verdict[];
  readonly verdictReason?: string;
  /** null when unknown; Infinity is written as the string "Infinity" in JSON */
  readonly trf: number | null;
  readonly headTrfs: ReadonlyArray<number | null>;
  readonly trfSource: Theory['trfSource'];
  /** window ERF (erf.ts); null when not measured */
  readonly erf: number | null;
  readonly erfProbes: ReadonlyArray<{ readonly window: number; readonly ppl: number }>;
  /** gradient ERF (grad-erf.ts, ε = the TRF's ε); null when not measured */
  readonly gradErf: number | null;
  /** cumulative normalised gradient share by distance */
  readonly gradCumulative?: readonly number[];
  readonly seed?: number;
  /** perplexity by evaluation length */
  readonly ppl: Readonly<Record<string, number>>;
  /** ppl(max length) / ppl(L) */
  readonly pplRatio: number;
  readonly extrapolates: boolean;
  /** whether `extrapolates` matches the verdict (null when the verdict is unknown) */
  readonly agrees: boolean | null;
  readonly finalLoss: number | null;
  readonly losses?: readonly number[];
  readonly msPerStep: number | null;
  readonly trainSeconds: number | null;
  readonly seconds: number;
  /** weights manifest, relative to the output folder */
  readonly weights?: string;
}

export type RunPhase = 'theory' | 'train' | 'eval' | 'erf' | 'done';
export interface RunProgress {
  readonly phase: RunPhase;
  readonly done: number;
  readonly total: number;
  readonly loss?: number;
}

/** Progress units of a run: training steps + evaluation lengths + ERF probes + 1. */
export function runUnits(cfg: ExperimentConfig): number {
  return cfg.train.steps + cfg.evalLens.length + (cfg.erfTokens > 0 ? erfProbeCount(cfg.train.length) : 0) + 3;
}

export function agreement(verdict: Verdict, extrapolates: boolean): boolean | null {
  if (verdict === 'unknown') return null;
  return (verdict === 'converges') === extrapolates;
}

interface Measured {
  ppl: Record<string, number>; pplRatio: number; extrapolates: boolean;
  erf: number | null; erfProbes: Array<{ window: number; ppl: number }>;
  gradErf: number | null; gradCumulative?: readonly number[];
}

function measure(
  params: Params, cfg: ExperimentConfig, tables: BiasTables, corpus: Corpus, report: (p: RunProgress) => void, base: number,
): Measured {
  const ppl: Record<string, number> = {};
  let done = base;
  const total = runUnits(cfg);
  for (const len of cfg.evalLens) {
    ppl[String(len)] = evaluate(params, cfg.model, tables, corpus.valid, len, { tokens: cfg.evalTokens }).ppl;
    tables.evict([cfg.train.length]);
    report({ phase: 'eval', done: ++done, total });
  }
  const L = cfg.train.length;
  const erf = cfg.erfTokens > 0
    ? measureErf(params, cfg.model, tables, corpus.valid, L, { tokens: cfg.erfTokens, tolerance: cfg.erfTolerance },
      () => report({ phase: 'erf', done: Math.min(total - 1, ++done), total }))
    : null;
  const grad = cfg.gradErfRows ? measureGradErf(params, cfg.model, tables, corpus.valid, L, { rows: cfg.gradErfRows, eps: cfg.eps }) : null;
  const longest = Math.max(...cfg.evalLens);
  const base0 = ppl[String(L)] ?? erf?.fullPpl ?? NaN;
  const pplRatio = ppl[String(longest)]! / base0;
  return {
    ppl, pplRatio, extrapolates: pplRatio <= cfg.threshold, erf: erf?.erf ?? null, erfProbes: erf ? [...erf.probes] : [],
    gradErf: grad?.erf ?? null, ...(grad ? { gradCumulative: grad.cumulative } : {}),
  };
}

/** Train and measure one RPE. `outDir` receives weights/NAME.{json,bin}. */
export async function runOne(
  spec: RpeSpec, cfg: ExperimentConfig, corpus: Corpus, outDir: string | undefined, report: (p: RunProgress) => void = () => {},
): Promise<RunResult> {
  const t0 = performance.now();
  const total = runUnits(cfg);
  const rpe = resolveRpe(spec, cfg.model.heads, cfg.model.dModel / cfg.model.heads);
  report({ phase: 'theory', done: 0, total });
  const theory = await theoryOf(rpe, cfg.eps);
  const tables = new BiasTables(rpe.fn, cfg.model.heads, Math.max(...cfg.evalLens, cfg.train.length));
  const params = initParams(cfg.model, cfg.seed);
  try {
    const tr = train(params, cfg.model, tables, corpus.train, { ...cfg.train, seed: cfg.seed },
      (step, loss) => report({ phase: 'train', done: step, total, loss }));
    const m = measure(params, cfg, tables, corpus, report, cfg.train.steps);
    let weights: string | undefined;
    if (outDir) {
      const name = slug(rpe.label);
      saveWeights(join(outDir, 'weights'), name, params, cfg.model, spec, cfg.train.length, cfg.seed);
      weights = `weights/${name}.json`;
    }
    report({ phase: 'done', done: total, total });
    const tail = tr.losses.slice(-Math.min(20, tr.losses.length));
    return {
      rpe: rpe.label, expression: spec.expression, at: spec.at, headParams: rpe.headParams,
      verdict: theory.verdict, headVerdicts: theory.headVerdicts, ...(theory.reason ? { verdictReason: theory.reason } : {}),
      trf: theory.trf, headTrfs: theory.headTrfs, trfSource: theory.trfSource,
      erf: m.erf, erfProbes: m.erfProbes, gradErf: m.gradErf, ...(m.gradCumulative ? { gradCumulative: m.gradCumulative } : {}),
      seed: cfg.seed, ppl: m.ppl, pplRatio: m.pplRatio, extrapolates: m.extrapolates,
      agrees: agreement(theory.verdict, m.extrapolates),
      finalLoss: tail.length ? tail.reduce((a, b) => a + b, 0) / tail.length : null,
      losses: tr.losses.filter((_, i) => i % Math.max(1, Math.floor(tr.losses.length / 200)) === 0),
      msPerStep: tr.msPerStep, trainSeconds: tr.seconds,
      seconds: (performance.now() - t0) / 1000, ...(weights ? { weights } : {}),
    };
  } finally {
    disposeParams(params);
    tables.dispose();
  }
}

/** Evaluate saved weights again (no training): same measurements as runOne. */
export async function rescoreRun(
  manifestPath: string, cfg: Omit<ExperimentConfig, 'model' | 'train' | 'seed'> & { train?: Partial<ExperimentConfig['train']> },
  corpus: Corpus, report: (p: RunProgress) => void = () => {},
): Promise<RunResult> {
  const t0 = performance.now();
  const saved = loadWeights(manifestPath);
  const { manifest } = saved;
  const full: ExperimentConfig = {
    ...cfg, model: manifest.model, seed: manifest.seed,
    train: { steps: 0, batch: 1, lr: 0, warmup: 0, ...cfg.train, length: manifest.trainLength },
  };
  const rpe = resolveRpe(manifest.rpe, manifest.model.heads, manifest.model.dModel / manifest.model.heads);
  const theory = await theoryOf(rpe, full.eps);
  const tables = new BiasTables(rpe.fn, manifest.model.heads, Math.max(...full.evalLens, full.train.length));
  try {
    const m = measure(saved.params, full, tables, corpus, report, 0);
    return {
      rpe: rpe.label, expression: manifest.rpe.expression, at: manifest.rpe.at, headParams: rpe.headParams,
      verdict: theory.verdict, headVerdicts: theory.headVerdicts, ...(theory.reason ? { verdictReason: theory.reason } : {}),
      trf: theory.trf, headTrfs: theory.headTrfs, trfSource: theory.trfSource,
      erf: m.erf, erfProbes: m.erfProbes, gradErf: m.gradErf, ...(m.gradCumulative ? { gradCumulative: m.gradCumulative } : {}),
      seed: full.seed, ppl: m.ppl, pplRatio: m.pplRatio, extrapolates: m.extrapolates,
      agrees: agreement(theory.verdict, m.extrapolates), finalLoss: null, msPerStep: null, trainSeconds: null,
      seconds: (performance.now() - t0) / 1000,
    };
  } finally {
    disposeParams(saved.params);
    tables.dispose();
  }
}
