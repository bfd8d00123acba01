/**
 * Writing an experiment's outputs to its folder.
 *
 * Owns: the file layout of `--out DIR`:
 *   results.json        the experiment result (see README: backend, corpus, config, runs, spearmanTrfErf)
 *   ppl-vs-length.svg   perplexity against length, one line per RPE
 *   trf-vs-erf.svg      TRF against ERF
 *   summary.html        the table and both plots
 *   weights/            one NAME.json + NAME.bin per trained model (written by the runs)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExperimentResult } from './experiment.js';
import { summaryHtml } from './html.js';
import { toJson } from './json.js';
import { pplSvg, trfErfSvg } from './plots.js';

export interface OutputPaths {
  readonly json: string;
  readonly pplSvg: string;
  readonly trfErfSvg: string;
  readonly html: string;
}

/** The JSON document: the fields first, then the details. */
export function resultDocument(result: ExperimentResult): unknown {
  return {
    backend: result.backend,
    corpus: result.corpus,
    config: result.config,
    runs: result.runs.map((r) => ({
      rpe: r.rpe, at: r.at, verdict: r.verdict, trf: r.trf, erf: r.erf, gradErf: r.gradErf, ppl: r.ppl, extrapolates: r.extrapolates, agrees: r.agrees,
      expression: r.expression, headParams: r.headParams, headVerdicts: r.headVerdicts,
      ...(r.verdictReason ? { verdictReason: r.verdictReason } : {}),
      headTrfs: r.headTrfs, trfSource: r.trfSource, pplRatio: r.pplRatio, erfProbes: r.erfProbes,
      ...(r.gradCumulative ? { gradCumulative: r.gradCumulative } : {}), ...(r.seed !== undefined ? { seed: r.seed } : {}),
      finalLoss: r.finalLoss, msPerStep: r.msPerStep, trainSeconds: r.trainSeconds, seconds: r.seconds,
      ...(r.weights ? { weights: r.weights } : {}), ...(r.losses ? { losses: r.losses } : {}),
    })),
    spearmanTrfErf: result.spearmanTrfErf,
    correlations: result.correlations,
    agreement: result.agreement,
    jobs: result.jobs,
    seconds: result.seconds,
    errors: result.errors,
  };
}

export async function writeOutputs(result: ExperimentResult, dir: string): Promise<OutputPaths> {
  mkdirSync(dir, { recursive: true });
  const paths: OutputPaths = {
    json: join(dir, 'results.json'),
    pplSvg: join(dir, 'ppl-vs-length.svg'),
    trfErfSvg: join(dir, 'trf-vs-erf.svg'),
    html: join(dir, 'summary.html'),
  };
  writeFileSync(paths.json, `${toJson(resultDocument(result))}\n`);
  const [a, b] = [await pplSvg(result), await trfErfSvg(result)];
  writeFileSync(paths.pplSvg, a);
  writeFileSync(paths.trfErfSvg, b);
  writeFileSync(paths.html, summaryHtml(result, a, b));
  return paths;
}
