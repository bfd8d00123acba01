/**
 * Parameter sliders: the range of each (from the catalog entry when the typed
 * bias is one, else a default that covers every boundary of the verdict's
 * regions), linear or logarithmic, and the value a slider position stands for,
 * rounded to a short exact decimal so the verdict is decided at that very number.
 *
 * Owns: ranges, the position ↔ value maps and the rounding.
 */
import type { ParameterSpec } from '../../src/cli/rules-schema.js';

export interface SliderRange {
  readonly min: number;
  readonly max: number;
  /** logarithmic positions (positive ranges spanning more than a factor of 20) */
  readonly log: boolean;
  /** where the range comes from, shown next to the slider */
  readonly source: 'catalog' | 'default';
}

/** Slider positions 0 … STEPS. */
export const STEPS = 200;

const DEFAULT_RANGE: readonly [number, number] = [0, 3];

function sampleNumber(v: number | string): number {
  if (typeof v === 'number') return v;
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*(?:\/\s*(\d+(?:\.\d+)?))?\s*$/.exec(v);
  return m ? Number(m[1]) / (m[2] === undefined ? 1 : Number(m[2])) : NaN;
}

function make(min: number, max: number, source: SliderRange['source']): SliderRange {
  if (!(max > min)) {
    const c = Number.isFinite(min) ? min : 1;
    [min, max] = c > 0 ? [c / 2, c * 2] : c < 0 ? [c * 2, c / 2] : [-1, 1];
  }
  return { min, max, log: min > 0 && max / min > 20, source };
}

/** Numbers in the verdict's conditions ("m > 1", "a + b > 3/2"): the boundaries a default range must show. */
export function boundariesIn(conditions: readonly string[]): number[] {
  const out: number[] = [];
  for (const c of conditions) {
    for (const m of c.matchAll(/(?<![\w.])(\d+(?:\.\d+)?)(?:\s*\/\s*(\d+(?:\.\d+)?))?/g)) {
      const v = Number(m[1]) / (m[2] === undefined ? 1 : Number(m[2]));
      if (Number.isFinite(v)) out.push(v);
    }
  }
  return out;
}

/** The range of a slider: the catalog's range or samples, else a default stretched over the boundaries and the current value. */
export function rangeFor(spec: ParameterSpec | undefined, boundaries: readonly number[], current: number): SliderRange {
  let range: SliderRange;
  if (spec?.range) range = make(spec.range[0], spec.range[1], 'catalog');
  else if (spec?.samples?.length) {
    const xs = spec.samples.map(sampleNumber).filter(Number.isFinite);
    range = make(Math.min(...xs), Math.max(...xs), 'catalog');
  } else {
    const hi = Math.max(DEFAULT_RANGE[1], ...boundaries.map((b) => Math.abs(b) * 2));
    const lo = Math.min(DEFAULT_RANGE[0], ...boundaries.map((b) => (b < 0 ? b * 2 : 0)));
    range = make(lo, hi, 'default');
  }
  if (Number.isFinite(current) && (current < range.min || current > range.max)) {
    range = { ...range, min: Math.min(range.min, current), max: Math.max(range.max, current) };
    if (range.log && !(range.min > 0)) range = { ...range, log: false };
  }
  return range;
}

export function toPosition(r: SliderRange, value: number): number {
  if (!Number.isFinite(value)) return 0;
  const t = r.log ? Math.log(value / r.min) / Math.log(r.max / r.min) : (value - r.min) / (r.max - r.min);
  return Math.round(Math.min(1, Math.max(0, t)) * STEPS);
}

/** The value at a position, as a short decimal string (3 significant digits on a log scale, the step's digits on a linear one). */
export function fromPosition(r: SliderRange, position: number): string {
  const t = Math.min(STEPS, Math.max(0, position)) / STEPS;
  if (r.log) return trim(Number((r.min * (r.max / r.min) ** t).toPrecision(3)).toString());
  const step = (r.max - r.min) / STEPS;
  const digits = Math.max(0, Math.min(12, Math.ceil(-Math.log10(step))));
  return trim((r.min + t * (r.max - r.min)).toFixed(digits));
}

function trim(s: string): string {
  if (/e/i.test(s) || !s.includes('.')) return s === '-0' ? '0' : s;
  const t = s.replace(/0+$/, '').replace(/\.$/, '');
  return t === '-0' ? '0' : t;
}

/** A parameter's starting value: the catalog's first sample, else one inside the range. */
export function defaultValue(spec: ParameterSpec | undefined, range: SliderRange): string {
  const first = spec?.samples?.[0];
  if (first !== undefined) return String(first);
  return fromPosition(range, Math.round(STEPS / 2));
}

/** A typed value as a number, for placing the slider (the exact value goes to the worker as typed). */
export function approximate(text: string): number {
  return sampleNumber(text.trim());
}
