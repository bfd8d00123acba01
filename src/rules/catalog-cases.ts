/**
 * Expands catalog entries into the cases that get classified: the parametric formula
 * itself (checked at every sample point) and one concrete formula per combination of
 * samples, each with the verdict expected there.
 */
import type { ClassifyOptions } from '../types.js';
import { evalCondition, type Point, satisfiesAll } from './condition-eval.js';
import { substituteSymbols } from './formula-symbols.js';
import { type CatalogEntry, type ExpectedVerdict, type ParameterSpec, type SampleValue, sampleNumber } from './schema.js';

export interface CatalogCase {
  /** e.g. "kerple-log" or "kerple-log[r1=2,r2=1/2]" */
  readonly id: string;
  readonly entryId: string;
  readonly label: string;
  readonly formula: string;
  readonly options: ClassifyOptions;
  readonly expected: ExpectedVerdict;
  /** where it converges, for a conditional expectation */
  readonly expectedCondition?: string;
  /** sample points at which a parametric result is checked (empty for concrete cases) */
  readonly points: readonly Point[];
  /** the substituted values, for a sample case */
  readonly sample?: Readonly<Record<string, SampleValue>>;
}

/** Every combination of the parameters' samples, in declaration order. */
export function sampleCombinations(parameters: Readonly<Record<string, ParameterSpec>>): Record<string, SampleValue>[] {
  const names = Object.keys(parameters);
  if (names.length === 0 || names.some((n) => !parameters[n]!.samples)) return [];
  let combos: Record<string, SampleValue>[] = [{}];
  for (const name of names) {
    combos = combos.flatMap((c) => parameters[name]!.samples!.map((v) => ({ ...c, [name]: v })));
  }
  return combos;
}

export function toPoint(values: Readonly<Record<string, SampleValue>>): Point {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, sampleNumber(v)]));
}

/** The verdict expected at a concrete point. */
export function expectedAt(expected: ExpectedVerdict, condition: string | undefined, point: Point): 'converges' | 'diverges' {
  if (expected !== 'conditional') return expected;
  return evalCondition(condition ?? 'false', point) ? 'converges' : 'diverges';
}

function baseOptions(entry: CatalogEntry): ClassifyOptions {
  return {
    ...(entry.variable !== undefined ? { var: entry.variable } : {}),
    ...(entry.from !== undefined ? { from: entry.from } : {}),
  };
}

const sampleText = (values: Readonly<Record<string, SampleValue>>): string =>
  Object.entries(values).map(([k, v]) => `${k}=${v}`).join(',');

/** The parametric case (or the concrete one, for an entry without parameters). */
export function entryCase(entry: CatalogEntry): CatalogCase {
  const points = sampleCombinations(entry.parameters).map(toPoint).filter((p) => satisfiesAll(entry.assume, p));
  return {
    id: entry.id, entryId: entry.id, label: entry.name, formula: entry.formula,
    options: { ...baseOptions(entry), ...(entry.assume.length > 0 ? { assume: [...entry.assume] } : {}) },
    expected: entry.expected.verdict,
    ...(entry.expected.condition !== undefined ? { expectedCondition: entry.expected.condition } : {}),
    points,
  };
}

/** One concrete case per sample combination that satisfies the entry's assumptions. */
export function sampleCases(entry: CatalogEntry): CatalogCase[] {
  return sampleCombinations(entry.parameters)
    .filter((values) => satisfiesAll(entry.assume, toPoint(values)))
    .map((values) => {
      const text = sampleText(values);
      const substitutions = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)]));
      return {
        id: `${entry.id}[${text}]`, entryId: entry.id, label: `${entry.name} [${text}]`,
        formula: substituteSymbols(entry.formula, substitutions),
        options: baseOptions(entry),
        expected: expectedAt(entry.expected.verdict, entry.expected.condition, toPoint(values)),
        points: [], sample: values,
      };
    });
}

export function casesOf(entry: CatalogEntry): { parametric: CatalogCase; samples: CatalogCase[] } {
  return { parametric: entryCase(entry), samples: sampleCases(entry) };
}
