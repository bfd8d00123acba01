/**
 * Checks classify() against the truth of generated exp-log cases (exp-log-generator.ts),
 * in this thread or spread over worker threads, and summarises the outcomes.
 * Used by test/classify/generated.test.ts, test/classify/generated-report.ts and
 * bench/generated-vs-sympy.ts.
 */
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { classify } from '../../src/classify.js';
import { evalCondition } from '../../src/rules/condition-eval.js';
import { InputError } from '../../src/parse/errors.js';
import type { Classification } from '../../src/types.js';
import {
  BLOCKS, type CaseSpec, describeSpec, type GenCase, isParam, PARAM, PARAM_POINTS, type Rational, ratText, ratValue, type Truth, truthOfCase,
} from './exp-log-generator.js';

/**
 * correct: every verdict matches the truth; unknown: an honest unknown (or a refusal,
 * InputError) somewhere and nothing wrong; wrong: a verdict that contradicts the truth,
 * or parametric cases that do not partition the parameter line; crash: any other exception.
 */
export type Status = 'correct' | 'unknown' | 'wrong' | 'crash';

export interface Outcome {
  readonly id: string;
  readonly expr: string;
  readonly term: boolean;
  readonly kind: CaseSpec['kind'];
  readonly layout: CaseSpec['layout'];
  /** q's blocks and coefficients, e.g. "L0:1 + L1:-1/2" */
  readonly structure: string;
  readonly status: Status;
  /** the truth, e.g. "converges" or "m=-2:diverges m=1:converges …" */
  readonly truth: string;
  /** what classify said */
  readonly got: string;
  readonly detail?: string;
  readonly ms: number;
}

const short = (v: string): string => v.replace('converges', 'C').replace('diverges', 'D').replace('unknown', '?');

/** The case of a parametric classification that holds at m; an error text when not exactly one does. */
function caseAt(r: Classification, m: Rational): { verdict: string } | { error: string } {
  const point = { [PARAM]: ratValue(m) };
  const holding = r.cases.filter((k) => evalCondition(k.condition, point));
  if (holding.length !== 1) return { error: `${holding.length} cases hold at ${PARAM}=${ratText(m)}: ${r.cases.map((k) => `[${k.condition}]→${k.verdict}`).join(' ')}` };
  return { verdict: holding[0]!.verdict };
}

export function checkCase(c: GenCase): Outcome {
  const base = { id: c.id, expr: c.expr, term: c.options.term === true, kind: c.spec.kind, layout: c.spec.layout, structure: describeSpec(c.spec) };
  const t0 = performance.now();
  let r: Classification;
  try {
    r = classify(c.expr, c.options);
  } catch (e) {
    const ms = performance.now() - t0;
    const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    const truth = isParam(c.spec) ? 'parametric' : truthOfCase(c.spec);
    // every generated term is defined for all n >= 0, so a refusal is an unknown, anything else a crash
    return { ...base, status: e instanceof InputError ? 'unknown' : 'crash', truth, got: 'error', detail: message, ms };
  }
  const ms = performance.now() - t0;
  if (!isParam(c.spec)) {
    const truth: Truth = truthOfCase(c.spec);
    const status: Status = r.verdict === 'unknown' ? 'unknown' : r.verdict === truth ? 'correct' : 'wrong';
    return { ...base, status, truth, got: r.verdict, ...(r.verdict === 'unknown' && r.cases[0]?.reason ? { detail: r.cases[0].reason } : {}), ms };
  }
  let wrong = false, unknown = false;
  const truths: string[] = [], gots: string[] = [], notes: string[] = [];
  for (const m of PARAM_POINTS) {
    const truth = truthOfCase(c.spec, m);
    truths.push(`${ratText(m)}:${short(truth)}`);
    let at: { verdict: string } | { error: string };
    try {
      at = caseAt(r, m);
    } catch (e) {
      at = { error: `condition not evaluable: ${e instanceof Error ? e.message : String(e)}` };
    }
    if ('error' in at) { wrong = true; notes.push(at.error); gots.push(`${ratText(m)}:!`); continue; }
    gots.push(`${ratText(m)}:${short(at.verdict)}`);
    if (at.verdict === 'unknown') unknown = true;
    else if (at.verdict !== truth) { wrong = true; notes.push(`wrong at ${PARAM}=${ratText(m)}`); }
  }
  const cases = r.cases.map((k) => `[${k.condition}]→${short(k.verdict)}`).join(' ');
  const status: Status = wrong ? 'wrong' : unknown ? 'unknown' : 'correct';
  return { ...base, status, truth: truths.join(' '), got: gots.join(' '), detail: [cases, ...notes].join('; '), ms };
}

export interface Summary {
  readonly cases: number;
  readonly correct: number;
  readonly unknown: number;
  readonly wrong: number;
  readonly crash: number;
  readonly ms: number;
}

export function summarise(outcomes: readonly Outcome[]): Summary {
  const count = (s: Status): number => outcomes.filter((o) => o.status === s).length;
  return { cases: outcomes.length, correct: count('correct'), unknown: count('unknown'), wrong: count('wrong'), crash: count('crash'), ms: outcomes.reduce((s, o) => s + o.ms, 0) };
}

export function formatOutcome(o: Outcome): string {
  return `  ${o.id} [${o.kind}/${o.layout}] ${o.structure}\n    ${o.term ? 'term' : 'bias'}: ${o.expr}\n    truth ${o.truth}\n    got   ${o.got}${o.detail ? `\n    ${o.detail}` : ''}`;
}

/** Worker count: RPE_GEN_WORKERS, else min(2, cores). 0 or 1 runs in this thread. */
export function workerCount(): number {
  const env = process.env.RPE_GEN_WORKERS;
  if (env !== undefined && /^\d+$/.test(env)) return Number(env);
  return Math.min(2, availableParallelism());
}

const WORKER = new URL('./generated-worker.ts', import.meta.url).href;

/** Run checkCase over `cases`, spread round-robin over `workers` threads; outcomes in input order. */
export async function checkAll(cases: readonly GenCase[], workers = workerCount()): Promise<Outcome[]> {
  if (workers <= 1 || cases.length < 2) return cases.map(checkCase);
  const shards = Array.from({ length: Math.min(workers, cases.length) }, (_, w) => cases.filter((_, i) => i % workers === w));
  const results = await Promise.all(shards.map((shard) => new Promise<Outcome[]>((resolve, reject) => {
    // tsx is registered inside the worker, so the worker can import TypeScript
    const src = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(WORKER)}); })`;
    const w = new Worker(src, { eval: true, workerData: shard });
    w.once('message', (out: Outcome[]) => { resolve(out); void w.terminate(); });
    w.once('error', reject);
    w.once('exit', (code) => { if (code !== 0) reject(new Error(`generated-worker exited with ${code}`)); });
  })));
  const out: Outcome[] = new Array<Outcome>(cases.length);
  results.forEach((shard, w) => shard.forEach((o, j) => { out[j * workers + w] = o; }));
  return out;
}

/** Names of the blocks, for reports. */
export const blockName = (id: string): string => BLOCKS.find((b) => b.id === id)?.name ?? id;
