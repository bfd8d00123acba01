/**
 * The validator's public API (what `rpe validate` is built from).
 *
 * Owns: nothing but the list of exports; each idea lives in its own module.
 */
export { selectBackend, currentBackend, type BackendInfo, type BackendRequest } from './backend.js';
export { loadCorpus, sotuCorpus, fileCorpus, generatedCorpus, type Corpus } from './corpus.js';
export { encode, decode, VOCAB_SIZE } from './tokenizer.js';
export { DEFAULT_MODEL, initParams, forward, loss, makeBatch, type ModelConfig, type Params } from './model.js';
export { BiasTables, tabulate, tableData, type BiasFn } from './bias-table.js';
export { resolveRpe, parseAt, rpeLabel, type RpeSpec, type ResolvedRpe } from './rpe.js';
export { theoryOf, type Theory } from './theory.js';
export { train, learningRate, type TrainConfig, type TrainResult } from './train.js';
export { evaluate, type EvalOptions, type EvalResult } from './evaluate.js';
export { measureErf, type ErfResult } from './erf.js';
export { spearman, ranks } from './stats.js';
export { runOne, rescoreRun, type ExperimentConfig, type RunResult, type RunProgress } from './run.js';
export { runExperiment, rescoreExperiment, type ExperimentRequest, type ExperimentResult } from './experiment.js';
export { DEFAULT_RPES, QUICK_CONFIG, FULL_CONFIG, lengthsFor } from './defaults.js';
export { writeOutputs, resultDocument } from './output.js';
export { pplSvg, trfErfSvg } from './plots.js';
export { summaryHtml } from './html.js';
export { textTable, markdownTable } from './table.js';
export { saveWeights, loadWeights, listWeights } from './weights.js';
export { toJson, fromJson } from './json.js';
export { measureGradErf, coverDistance, type GradErfResult } from './grad-erf.js';
export { envelopeErf, probeGrid } from './erf.js';
export { kendall, bootstrapCi, meanCi } from './stats.js';
export { suitePlan, SUITES, SCALES, type SuitePlan, type SuiteName, type Scale } from './suite.js';
export { runSuite, summarizeSuite, type SuiteResult } from './suite-run.js';
export { writeSuite, suiteTables } from './suite-output.js';
