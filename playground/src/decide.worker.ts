/**
 * The decide worker: everything the page shows while the user types, so typing
 * never blocks the page. Phases, each posted as soon as it is known: the
 * verdict (parametric classification, cached: it is the same for every slider
 * position), the parsed bias (preview, parameters), the verdict at the slider
 * values, the TRF, the chart data. Between phases the
 * worker yields to its message queue and drops the request once a newer one has
 * arrived.
 *
 * Owns: the phase order and the staleness checks; the mathematics is the library's.
 */
import Fraction from 'fraction.js';
import { classify } from '../../src/classify.js';
import { evalCondition, satisfiesAll } from '../../src/rules/condition-eval.js';
import { loadCatalog, loadFamilies } from '../../src/rules/loader.js';
import type { Expr } from '../../src/parse/expr.js';
import { parseExpression } from '../../src/parse/parse.js';
import { substituteParameters } from '../../src/parse/substitute.js';
import { toAscii, toTex } from '../../src/parse/print.js';
import { chartData } from '../../src/report/chart-data.js';
import type { ChartData } from '../../src/report/proof.js';
import { conditionTex } from '../../src/report/region-proof.js';
import { atNumbers, trf } from '../../src/trf/trf.js';
import type { Classification } from '../../src/types.js';
import { atItems, concreteExpr, inField, parseFormula, problemOf, readAssumptions, readEps, readFrom, readValues, valuesText } from './inputs.js';
import type { DecideRequest, DecideResponse } from './protocol.js';

const post = (r: DecideResponse): void => (self as unknown as Worker).postMessage(r);
/** Let queued messages run, so that a newer request can supersede this one. */
const yieldToQueue = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

let latest = 0;

/** Catalog formulas by their normalised form, to find the entry a typed bias is (for slider ranges). */
const catalogByForm = new Map<string, string>();
for (const e of loadCatalog().entries) {
  try { catalogByForm.set(parseExpression(e.formula, e.variable ? { variable: e.variable } : {}).normalized, e.id); } catch { /* the catalog tests report a bad entry */ }
}

/** Parametric classifications, the same for every slider position: the last few, with the time each took. */
const classified = new Map<string, { classification: Classification; ms: number }>();
function classifyCached(formula: string, assume: readonly string[], from: number): { classification: Classification; ms: number } {
  const key = JSON.stringify([formula, assume, from]);
  let c = classified.get(key);
  if (c === undefined) {
    const t0 = performance.now();
    const classification = classify(formula, { assume, from });
    c = { classification, ms: performance.now() - t0 };
    if (classified.size >= 32) classified.delete(classified.keys().next().value!);
    classified.set(key, c);
  }
  return c;
}

/** The chart of the concrete series at the slider values: the report's chart data, one curve. */
const chartOf = (concrete: Expr, variable: string, from: number, label: string, eps: string, sum: number | null, trfValue: number | null): ChartData | null =>
  chartData(concrete, variable, from, [{ label, point: new Map(), sum, trf: trfValue }], eps);

async function analyze(req: Extract<DecideRequest, { type: 'analyze' }>): Promise<void> {
  const { id, inputs } = req;
  const stale = (): boolean => id !== latest;
  const parsed = parseFormula(inputs);
  // the preview and the sliders follow the formula field alone: posted before the other fields are read, so an error there does not keep a stale preview
  post({ type: 'parsed', id, tex: toTex(parsed.expr), parameters: parsed.parameters, catalogId: catalogByForm.get(parsed.normalized) ?? null });
  const assume = readAssumptions(inputs, parsed.parameters, parsed.variable);
  const from = readFrom(inputs);
  const { classification, ms } = classifyCached(inputs.formula, assume, from);
  post({ type: 'classification', id, classification, conditionsTex: classification.cases.map((c) => conditionTex(c.condition)), ms });
  await yieldToQueue();
  if (stale()) return;

  // the verdict at the slider values: the concrete series, classified exactly
  const values = readValues(parsed, inputs);
  const concrete = concreteExpr(parsed, values);
  const at = atNumbers(values);
  const here = parsed.parameters.length ? inField('point', () => classify(toAscii(concrete), { from })) : classification;
  const single = here.cases.length === 1 ? here.cases[0]! : null;
  const holds = (condition: string): boolean => { try { return condition === 'true' || evalCondition(condition, at); } catch { return false; } };
  const caseIndex = classification.cases.findIndex((c) => holds(c.condition));
  post({
    type: 'point', id, values: at, valuesText: valuesText(values),
    outsideAssumptions: parsed.parameters.length > 0 && !satisfiesAll(assume, at), caseIndex: caseIndex < 0 ? null : caseIndex,
    verdict: single?.verdict ?? 'unknown', extrapolation: single?.extrapolation ?? 'unknown',
    ...(single?.reason !== undefined ? { reason: single.reason } : {}),
  });
  await yieldToQueue();
  if (stale()) return;

  const eps = readEps(inputs);
  const label = valuesText(values) || 'the input';
  if (single?.verdict === 'converges') {
    const result = trf(inputs.formula, { eps, from, at: atItems(values) }).results[0] ?? null;
    post({ type: 'trf', id, result });
    await yieldToQueue();
    if (stale()) return;
    const trfValue = result === null || result.trf === null ? null : Number(result.trf);
    const sum = result?.sum == null ? null : Number(result.sum);
    post({ type: 'chart', id, chart: chartOf(concrete, parsed.variable, from, label, eps, sum, trfValue) });
  } else if (single?.verdict === 'diverges') {
    post({ type: 'trf', id, result: null, reason: 'the series diverges at these values: there is no finite TRF, and attention dilutes as the length grows' });
    await yieldToQueue();
    if (stale()) return;
    post({ type: 'chart', id, chart: chartOf(concrete, parsed.variable, from, `${label} (diverges)`, eps, null, null) });
  } else {
    post({ type: 'trf', id, result: null, reason: 'no TRF: the verdict at these values is unknown' });
    post({ type: 'chart', id, chart: null });
  }
}

post({ type: 'ready', id: 0, startupMs: performance.now() });

/**
 * JIT warm-up while the worker is idle: classify the reference families of
 * rules/families.json (p-series, Bertrand, geometric, …; not the catalog) once
 * each, at their first sample, and throw the answers away, so that the engine's code is compiled before
 * the next keystroke rather than during it. One family per idle turn; a request
 * always goes first.
 */
// each family at its first sample: concrete terms, so that one warm-up step is short and a request never waits long behind it
const warmUpTerms = loadFamilies().families.flatMap((f) => {
  try {
    const point = new Map(Object.entries(f.parameters).map(([k, spec]) => [k, new Fraction(spec.samples?.[0] ?? '1/2')]));
    return [toAscii(substituteParameters(parseExpression(f.term).expr, point))];
  } catch {
    return [];
  }
});
let analyzing = 0;
function warmUpStep(): void {
  if (analyzing > 0 || warmUpTerms.length === 0) return;
  const next = warmUpTerms.shift()!;
  try { classify(next, { term: true }); } catch { /* a warm-up never reports */ }
  setTimeout(warmUpStep, 0);
}
setTimeout(warmUpStep, 0);

self.onmessage = (event: MessageEvent<DecideRequest>) => {
  const req = event.data;
  latest = req.id;
  if (req.type === 'cancel') return;
  analyzing++;
  analyze(req)
    .catch((err: unknown) => { if (req.id === latest) post({ type: 'problem', id: req.id, problem: problemOf(err) }); })
    .finally(() => {
      analyzing--;
      if (req.id === latest) post({ type: 'done', id: req.id });
      setTimeout(warmUpStep, 0);
    });
};
