/**
 * The named experiments of `rpe validate --experiment NAME --scale S`.
 *
 * Owns: what each experiment trains, at which size, with which seeds.
 * - `trf-erf`: sweeps within three families with every head sharing one value,
 *   so that the model's TRF is that value's TRF: ALiBi-style −m·n, KERPLE-log
 *   −r1·log(1+n), and the power family −(k·n)^0.5. The values are chosen so that
 *   the TRFs (ε = 0.01) are finite, distinct and below the training length
 *   (checked in test/validate/suite.test.ts with the TRF engine). Only the
 *   training length is evaluated; both ERFs are measured.
 * - `extrapolation`: the catalog biases the validator can train (ALiBi, KERPLE
 *   log at r1 = 2 and 0.5, KERPLE power, no bias, T5 buckets, Sandwich) and the
 *   authors' candidate types 3–13 with ALiBi-style per-head scales k, evaluated
 *   at L … 16L; no ERF.
 * Formulas come from rules/catalog.json (one source of truth). Scales: `quick`
 * (a smoke-sized run: 150 steps at L = 32, sized to finish on a shared 2-core
 * machine; the models are far from trained), `default` (hours on two cores),
 * `paper` (sized for a GPU; never run in tests).
 */
import { loadCatalog } from '../rules/loader.js';
import { lengthsFor } from './defaults.js';
import type { ModelConfig } from './model.js';
import type { RpeSpec } from './rpe.js';
import type { ExperimentConfig } from './run.js';
import { VOCAB_SIZE } from './tokenizer.js';

export const SUITES = ['trf-erf', 'extrapolation'] as const;
export type SuiteName = (typeof SUITES)[number];
export const SCALES = ['quick', 'default', 'paper'] as const;
export type Scale = (typeof SCALES)[number];

export interface SuiteEntry {
  readonly family: string;
  readonly spec: RpeSpec;
  /** the swept value, for the trf-erf families */
  readonly value?: number;
}

export interface SuitePlan {
  readonly name: SuiteName;
  readonly scale: Scale;
  readonly config: ExperimentConfig;
  readonly seeds: readonly number[];
  readonly entries: readonly SuiteEntry[];
}

interface Size { model: ModelConfig; L: number; steps: number; batch: number; evalTokens: number; erfTokens: number; gradRows: number; seeds: number[] }

const SIZES: Record<SuiteName, Record<Scale, Size>> = {
  'trf-erf': {
    quick: { model: { vocab: VOCAB_SIZE, layers: 2, dModel: 32, heads: 2, dMlp: 128 }, L: 32, steps: 150, batch: 8, evalTokens: 2048, erfTokens: 2048, gradRows: 16, seeds: [1, 2, 3] },
    default: { model: { vocab: VOCAB_SIZE, layers: 2, dModel: 64, heads: 4, dMlp: 256 }, L: 128, steps: 1500, batch: 8, evalTokens: 32768, erfTokens: 16384, gradRows: 64, seeds: [1, 2, 3] },
    paper: { model: { vocab: VOCAB_SIZE, layers: 4, dModel: 128, heads: 4, dMlp: 512 }, L: 512, steps: 6000, batch: 32, evalTokens: 131072, erfTokens: 65536, gradRows: 256, seeds: [1, 2, 3, 4, 5] },
  },
  extrapolation: {
    quick: { model: { vocab: VOCAB_SIZE, layers: 2, dModel: 32, heads: 4, dMlp: 128 }, L: 32, steps: 150, batch: 8, evalTokens: 4096, erfTokens: 0, gradRows: 0, seeds: [1, 2, 3] },
    default: { model: { vocab: VOCAB_SIZE, layers: 2, dModel: 64, heads: 4, dMlp: 256 }, L: 64, steps: 1200, batch: 16, evalTokens: 16384, erfTokens: 0, gradRows: 0, seeds: [1, 2, 3] },
    paper: { model: { vocab: VOCAB_SIZE, layers: 4, dModel: 128, heads: 8, dMlp: 512 }, L: 256, steps: 6000, batch: 32, evalTokens: 65536, erfTokens: 0, gradRows: 0, seeds: [1, 2, 3, 4, 5] },
  },
};

/**
 * Swept values per family and scale (quick: the first four of each, so that
 * every TRF stays below L − 1 = 31). TRF_0.01 of each value (computed by the
 * TRF engine, see the suite test): −m·n: m = 2, 1, 1/2, 1/4, 1/8, 1/16, 1/32 →
 * 2, 4, 9, 18, 36, 73, 147; −r1·log(1+n): r1 = 6, 4, 3, 2.5, 2 → 1, 2, 6, 13, 60
 * (r1 = 1.75: 276; r1 = 1.5: thousands); −(k·n)^0.5:
 * k = 16, 8, 4, 2, 1, 1/2, 1/4 → 1, 3, 8, 18, 40, 84, 172 (about 42/k).
 */
const SWEEPS: Record<Scale, { alibi: number[]; kerple: number[]; power: number[] }> = {
  quick: { alibi: [2, 1, 1 / 2, 1 / 4], kerple: [6, 4, 3, 2.5], power: [16, 8, 4, 2] },
  default: { alibi: [2, 1, 1 / 2, 1 / 4, 1 / 8, 1 / 16], kerple: [6, 4, 3, 2.5, 2], power: [16, 8, 4, 2, 1, 1 / 2] },
  paper: { alibi: [2, 1, 1 / 2, 1 / 4, 1 / 8, 1 / 16, 1 / 32], kerple: [6, 4, 3, 2.5, 2, 1.75], power: [16, 8, 4, 2, 1, 1 / 2, 1 / 4] },
};

/** A value as an exact --at text (powers of two as fractions). */
function valueText(v: number): string {
  if (Number.isInteger(v)) return String(v);
  const inv = 1 / v;
  return Number.isInteger(inv) ? `1/${inv}` : String(v);
}

function catalogFormula(id: string): string {
  const e = loadCatalog().entries.find((x) => x.id === id);
  if (!e) throw new Error(`catalog entry ${id} is missing`);
  return e.formula;
}

export const FAMILY_LABELS = { alibi: '−m·n (ALiBi-style)', kerple: '−r1·log(1+n) (KERPLE-log)', power: '−(k·n)^0.5 (power)' } as const;

export function trfErfEntries(scale: Scale): SuiteEntry[] {
  const s = SWEEPS[scale];
  return [
    ...s.alibi.map((m) => ({ family: FAMILY_LABELS.alibi, value: m, spec: { name: `-m*n m=${valueText(m)}`, expression: '-m*n', at: { m: valueText(m) } } })),
    ...s.kerple.map((r) => ({ family: FAMILY_LABELS.kerple, value: r, spec: { name: `-r1*log(1+n) r1=${valueText(r)}`, expression: '-r1*log(1+n)', at: { r1: valueText(r) } } })),
    ...s.power.map((k) => ({ family: FAMILY_LABELS.power, value: k, spec: { name: `-(k*n)^0.5 k=${valueText(k)}`, expression: '-(k*n)^0.5', at: { k: valueText(k) } } })),
  ];
}

/** ALiBi-style per-head scales: 2^(−8h/H). */
const SLOPES = '2^(-8*h/H)';

export function extrapolationEntries(): SuiteEntry[] {
  const catalog: SuiteEntry[] = [
    { family: 'catalog', spec: { name: 'ALiBi', expression: catalogFormula('alibi'), at: { m: SLOPES } } },
    { family: 'catalog', spec: { name: 'KERPLE log r1=2', expression: catalogFormula('kerple-log'), at: { r1: '2', r2: '1' } } },
    { family: 'catalog', spec: { name: 'KERPLE log r1=0.5', expression: catalogFormula('kerple-log'), at: { r1: '1/2', r2: '1' } } },
    { family: 'catalog', spec: { name: 'KERPLE power r1=1 r2=0.5', expression: catalogFormula('kerple-power'), at: { r1: '1', r2: '1/2' } } },
    { family: 'catalog', spec: { name: 'no bias', expression: catalogFormula('no-bias'), at: {} } },
    { family: 'catalog', spec: { name: 'T5 buckets', expression: catalogFormula('t5'), at: {} } },
    // fairseq-evo: λ_h = H/(8h), d̄ = 2·head_dim
    { family: 'catalog', spec: { name: 'Sandwich', expression: catalogFormula('sandwich'), at: { lambda: 'H/(8*h)', d: '2*D' } } },
  ];
  const evo: SuiteEntry[] = [];
  for (let t = 3; t <= 13; t++) evo.push({ family: 'fairseq-evo candidates', spec: { name: `evo type ${t}`, expression: catalogFormula(`evo-${t}`), at: { k: SLOPES } } });
  return [...catalog, ...evo];
}

export function suitePlan(name: SuiteName, scale: Scale, seeds?: readonly number[]): SuitePlan {
  const z = SIZES[name][scale];
  const config: ExperimentConfig = {
    model: z.model,
    train: { steps: z.steps, batch: z.batch, length: z.L, lr: 3e-3, warmup: Math.min(50, Math.max(1, Math.floor(z.steps / 10))) },
    seed: 1,
    evalLens: name === 'trf-erf' ? [z.L] : lengthsFor(z.L),
    evalTokens: Math.max(z.evalTokens, 16 * z.L),
    erfTokens: z.erfTokens,
    gradErfRows: z.gradRows,
    erfTolerance: 0.01,
    threshold: 1.1,
    eps: 0.01,
  };
  return { name, scale, config, seeds: seeds ?? z.seeds, entries: name === 'trf-erf' ? trfErfEntries(scale) : extrapolationEntries() };
}
