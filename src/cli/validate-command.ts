/**
 * `rpe validate`: train a small transformer with each RPE at length L and measure
 * whether it extrapolates, next to the symbolic verdict and the TRF.
 *
 * Owns: the subcommand's options and their translation into an experiment
 * request (src/validate/experiment.ts), the progress bars, the printed table or
 * JSON, and the output folder. `--rpe` may be repeated; each `--at` and `--name`
 * applies to the `--rpe` before it. Without `--rpe`, the default experiment runs
 * (src/validate/defaults.ts).
 */
import { type Command, InvalidArgumentError, Option } from 'commander';
import { resolve } from 'node:path';
import { CliError, EXIT_INPUT } from './exit-codes.js';
import { VALIDATE_DESCRIPTION } from './validator-peers.js';
import type { BackendRequest } from '../validate/backend.js';
import { DEFAULT_RPES, FULL_CONFIG, lengthsFor, QUICK_CONFIG } from '../validate/defaults.js';
import { ConfigError, rescoreExperiment, runExperiment, type ExperimentResult } from '../validate/experiment.js';
import { resultDocument, writeOutputs } from '../validate/output.js';
import { toJson } from '../validate/json.js';
import { createProgress } from '../validate/progress.js';
import { parseAt, resolveRpe, RpeError, type RpeSpec } from '../validate/rpe.js';
import type { ExperimentConfig } from '../validate/run.js';
import { textTable } from '../validate/table.js';
import { listWeights, loadManifest } from '../validate/weights.js';
import { SCALES, SUITES, suitePlan, type Scale, type SuiteName } from '../validate/suite.js';
import { runSuite } from '../validate/suite-run.js';
import { markdown, suiteTables, writeSuite } from '../validate/suite-output.js';

interface ValidateFlags {
  readonly trainLen?: number;
  readonly evalLens?: number[];
  readonly steps?: number;
  readonly batch?: number;
  readonly lr?: number;
  readonly seed?: number;
  readonly quick?: boolean;
  readonly json?: boolean;
  readonly out?: string;
  readonly corpus?: string;
  readonly threshold?: number;
  readonly eps?: number;
  readonly evalTokens?: number;
  readonly erfTokens?: number;
  readonly layers?: number;
  readonly dModel?: number;
  readonly heads?: number;
  readonly dMlp?: number;
  readonly jobs?: number;
  readonly backend?: BackendRequest;
  readonly weights?: string;
  readonly progress?: boolean;
  readonly experiment?: SuiteName;
  readonly scale?: Scale;
  readonly seeds?: number[];
}

function positiveInt(text: string): number {
  const v = Number(text);
  if (!Number.isSafeInteger(v) || v <= 0) throw new InvalidArgumentError(`expected a positive integer, got "${text}"`);
  return v;
}

function nonNegativeInt(text: string): number {
  const v = Number(text);
  if (!Number.isSafeInteger(v) || v < 0) throw new InvalidArgumentError(`expected a non-negative integer, got "${text}"`);
  return v;
}

function positiveNumber(text: string): number {
  const v = Number(text);
  if (!Number.isFinite(v) || v <= 0) throw new InvalidArgumentError(`expected a positive number, got "${text}"`);
  return v;
}

function lengths(text: string): number[] {
  const xs = text.split(',').map((s) => s.trim()).filter(Boolean).map(positiveInt);
  if (xs.length === 0) throw new InvalidArgumentError('expected a comma-separated list of lengths');
  return [...new Set(xs)].sort((a, b) => a - b);
}

/** Build the experiment configuration from the flags. */
export function configFromFlags(flags: ValidateFlags): ExperimentConfig {
  const base = flags.quick ? QUICK_CONFIG : FULL_CONFIG;
  const L = flags.trainLen ?? base.train.length;
  const evalLens = flags.evalLens ?? lengthsFor(L);
  if (!evalLens.includes(L)) evalLens.unshift(L);
  const longest = Math.max(...evalLens);
  const model = {
    ...base.model,
    ...(flags.layers ? { layers: flags.layers } : {}),
    ...(flags.dModel ? { dModel: flags.dModel } : {}),
    ...(flags.heads ? { heads: flags.heads } : {}),
    ...(flags.dMlp ? { dMlp: flags.dMlp } : flags.dModel ? { dMlp: 4 * flags.dModel } : {}),
  };
  if (model.dModel % model.heads !== 0) throw new CliError(`--d-model (${model.dModel}) must be divisible by --heads (${model.heads})`, EXIT_INPUT);
  const steps = flags.steps ?? base.train.steps;
  const evalTokens = flags.evalTokens ?? Math.max(base.evalTokens, longest);
  if (evalTokens < longest) throw new CliError(`--eval-tokens (${evalTokens}) must be at least the longest evaluation length (${longest})`, EXIT_INPUT);
  return {
    model,
    train: {
      ...base.train, length: L, steps,
      ...(flags.batch ? { batch: flags.batch } : {}),
      ...(flags.lr ? { lr: flags.lr } : {}),
      warmup: Math.min(base.train.warmup, Math.max(1, Math.floor(steps / 10))),
    },
    seed: flags.seed ?? base.seed,
    evalLens,
    evalTokens: Math.floor(evalTokens / longest) * longest,
    erfTokens: flags.erfTokens ?? base.erfTokens,
    ...(base.gradErfRows ? { gradErfRows: base.gradErfRows } : {}),
    erfTolerance: base.erfTolerance,
    threshold: flags.threshold ?? base.threshold,
    eps: flags.eps ?? base.eps,
  };
}

export function registerValidateCommand(program: Command): void {
  const specs: Array<{ expression: string; at: Record<string, string>; name?: string }> = [];
  const last = (flag: string): { expression: string; at: Record<string, string>; name?: string } => {
    const s = specs[specs.length - 1];
    if (!s) throw new InvalidArgumentError(`${flag} must follow an --rpe`);
    return s;
  };
  program
    .command('validate')
    .description(VALIDATE_DESCRIPTION)
    .option('--rpe <expr>', 'bias p(n) to train with (repeatable; default: the paper\'s six RPEs)', (v: string) => {
      if (v.trim() === '') throw new InvalidArgumentError('the expression is empty');
      specs.push({ expression: v, at: {} });
      return specs.length;
    })
    .option('--at <name=value,...>', 'parameter values for the preceding --rpe; values may use h (head, 1-based), H (heads), D (head size), e.g. m=2^(-8*h/H); m=alibi (or alibi(B), geometric) gives the reference ALiBi slopes', (v: string) => {
      const s = last('--at');
      try { Object.assign(s.at, parseAt(v)); } catch (err) { throw new InvalidArgumentError((err as Error).message); }
      return v;
    })
    .option('--name <label>', 'display name for the preceding --rpe', (v: string) => { last('--name').name = v; return v; })
    .option('--train-len <L>', 'training length L (default 64; 32 with --quick)', positiveInt)
    .option('--eval-lens <list>', 'evaluation lengths (default L,2L,4L,8L,16L)', lengths)
    .option('--steps <N>', 'training steps (default 3000; 1000 with --quick)', nonNegativeInt)
    .option('--batch <B>', 'sequences per step (default 16)', positiveInt)
    .option('--lr <x>', 'peak learning rate (default 0.003)', positiveNumber)
    .option('--seed <S>', 'random seed: weights and batches (default 1)', nonNegativeInt)
    .option('--quick', 'the small, fast configuration (about 5 minutes on two idle cores)')
    .option('--threshold <r>', 'extrapolates when ppl(16L)/ppl(L) <= r (default 1.10)', positiveNumber)
    .option('--eps <e>', 'ε of the TRF (default 0.01)', positiveNumber)
    .option('--eval-tokens <N>', 'scored tokens per evaluation length', positiveInt)
    .option('--erf-tokens <N>', 'scored tokens per ERF probe', positiveInt)
    .option('--layers <n>', 'transformer layers (default 2)', positiveInt)
    .option('--d-model <n>', 'model width (default 64)', positiveInt)
    .option('--heads <n>', 'attention heads (default 4)', positiveInt)
    .option('--d-mlp <n>', 'MLP width (default 4·d-model)', positiveInt)
    .option('--corpus <file>', 'text file to train and evaluate on (default: State of the Union addresses)')
    .option('--jobs <n>', 'parallel processes (default: number of cores)', positiveInt)
    .addOption(new Option('--backend <name>', 'TensorFlow.js backend').choices(['auto', 'node-gpu', 'node', 'wasm', 'cpu']).default('auto'))
    .addOption(new Option('--experiment <name>', 'run a named experiment over several seeds: trf-erf (TRF against window and gradient ERF within families) or extrapolation (catalog biases and candidate types 3-13)').choices([...SUITES]))
    .addOption(new Option('--scale <size>', 'size of --experiment: quick (minutes on 2 cores), default (about an hour), paper (for a GPU)').choices([...SCALES]).default('quick'))
    .option('--seeds <list>', 'seeds of --experiment (default 1,2,3; paper 1-5)', (v: string) => v.split(',').map((x) => nonNegativeInt(x.trim())))
    .option('--weights <dir>', 'evaluate the models saved in DIR (an earlier --out DIR/weights) again, without training')
    .option('--out <dir>', 'output folder for results.json, the SVG plots, summary.html and weights', 'validate-out')
    .option('--json', 'print the results as JSON on stdout')
    .option('--no-progress', 'no progress bars')
    .action(async (flags: ValidateFlags) => {
      if (flags.experiment) {
        if (specs.length > 0 || flags.weights) throw new CliError('--experiment runs its own biases; it cannot be combined with --rpe or --weights', EXIT_INPUT);
        const plan = suitePlan(flags.experiment, flags.scale ?? 'quick', flags.seeds);
        const outDir = resolve(flags.out ?? 'validate-out');
        const progress = createProgress(flags.progress !== false);
        let result;
        try {
          result = await runSuite({
            plan, command: `rpe validate ${process.argv.slice(3).join(' ')}`.trim(), outDir, backend: flags.backend ?? 'auto',
            ...(flags.corpus ? { corpusFile: flags.corpus } : {}), ...(flags.jobs ? { jobs: flags.jobs } : {}),
          }, progress.listener);
        } catch (err) {
          if (err instanceof ConfigError) throw new CliError(err.message, EXIT_INPUT);
          throw err;
        } finally {
          progress.stop();
        }
        const paths = await writeSuite(result, outDir);
        if (flags.json) process.stdout.write(`${toJson(result)}\n`);
        else {
          process.stdout.write(`backend: ${result.backend}; ${result.runs.length} runs in ${result.seconds.toFixed(0)} s\n\n${suiteTables(result).map(markdown).join('\n\n')}\n\n`);
          for (const e of result.experiment.errors) process.stdout.write(`failed: ${e.rpe}: ${e.message}\n`);
          process.stdout.write(`wrote ${paths.json}, ${paths.svg}, ${paths.html}\n`);
        }
        if (result.experiment.errors.length > 0) process.exitCode = 1;
        return;
      }
      let config: ExperimentConfig;
      if (flags.weights) {
        // re-evaluation: lengths and model follow the saved models unless given
        let first: string | undefined;
        try { first = listWeights(resolve(flags.weights))[0]; } catch { first = undefined; }
        if (!first) throw new CliError(`no saved models (NAME.json) in ${flags.weights}`, EXIT_INPUT);
        const manifest = loadManifest(first);
        const c = configFromFlags({ ...flags, trainLen: flags.trainLen ?? manifest.trainLength });
        config = { ...c, model: manifest.model, train: { ...c.train, steps: 0 }, seed: manifest.seed };
      } else {
        config = configFromFlags(flags);
      }
      const rpes: RpeSpec[] = specs.length > 0
        ? specs.map((s) => ({ expression: s.expression, at: { ...s.at }, ...(s.name ? { name: s.name } : {}) }))
        : [...DEFAULT_RPES];
      // fail on a bad bias before any training starts
      for (const spec of rpes) {
        try {
          resolveRpe(spec, config.model.heads, config.model.dModel / config.model.heads);
        } catch (err) {
          if (err instanceof RpeError) throw new CliError(err.message, EXIT_INPUT);
          throw err;
        }
      }
      const outDir = resolve(flags.out ?? 'validate-out');
      const progress = createProgress(flags.progress !== false);
      let result: ExperimentResult;
      try {
        result = flags.weights
          ? await rescoreExperiment(resolve(flags.weights), config, flags.corpus, flags.backend ?? 'auto', progress.listener)
          : await runExperiment({
            specs: rpes, config, outDir, backend: flags.backend ?? 'auto',
            ...(flags.corpus ? { corpusFile: flags.corpus } : {}), ...(flags.jobs ? { jobs: flags.jobs } : {}),
          }, progress.listener);
      } catch (err) {
        if (err instanceof ConfigError) throw new CliError(err.message, EXIT_INPUT);
        throw err;
      } finally {
        progress.stop();
      }
      const paths = await writeOutputs(result, outDir);
      if (flags.json) {
        process.stdout.write(`${toJson(resultDocument(result))}\n`);
      } else {
        process.stdout.write(`backend: ${result.backend}; corpus: ${result.corpus.split}\n\n${textTable(result)}\n\n`);
        for (const e of result.errors) process.stdout.write(`failed: ${e.rpe}: ${e.message}\n`);
        const files = [paths.json, paths.pplSvg, paths.trfErfSvg, paths.html];
        process.stdout.write(`wrote ${files.join(', ')}${flags.weights ? '' : ` and ${outDir}/weights/`}\n`);
      }
      if (result.errors.length > 0) process.exitCode = 1;
    });
}
