/**
 * Parameter sliders: the range of each (from the catalog entry when the typed
 * bias is one, else a default that covers every boundary of the verdict's
 * regions), linear or logarithmic, and the value a slider position stands for,
 * rounded to a short exact decimal so the verdict is decided at that very number.
 *
 * Owns: ranges, the position ↔ value maps and the rounding.
 */
import type { ParameterSpec } from '../../src/rules/schema.js';

export interface SliderRange {
  readonly min: number;
  readonly max: number;
  /** logarithmic positions (positive ranges spanning more than a factor of 20) */
  readonly log: boolean;
  /** where the range comes from, shown next to the slider */
  readonly source: 'catalog' | 'default';
  /** slider positions 0 … steps: linear ranges move in round steps (1, 2 or 5 × 10^k), so round boundaries are reachable */
  readonly steps: number;
}

/** Slider positions on a log scale, and at most this many on a linear one. */
export const STEPS = 200;

/** The smallest of 1, 2, 2.5, 5 × 10^k at least x. */
function niceStep(x: number): number {
  const k = Math.floor(Math.log10(x));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * 10 ** k >= x * (1 - 1e-12)) return Number((m * 10 ** k).toPrecision(12));
  return 10 ** (k + 1);
}

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
  if (min > 0 && max / min > 20) return { min, max, log: true, source, steps: STEPS };
  return snapped(min, max, source);
}

/** A linear range widened to whole round steps. */
function snapped(min: number, max: number, source: SliderRange['source']): SliderRange {
  const step = niceStep((max - min) / STEPS);
  const lo = Math.floor(min / step + 1e-9) * step, hi = Math.ceil(max / step - 1e-9) * step;
  const fix = (x: number): number => Number(x.toPrecision(12));
  return { min: fix(lo), max: fix(hi), log: false, source, steps: Math.round((hi - lo) / step) };
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
    range = make(Math.min(range.min, current), Math.max(range.max, current), range.source);
  }
  return range;
}

export function toPosition(r: SliderRange, value: number): number {
  if (!Number.isFinite(value)) return 0;
  const t = r.log ? Math.log(value / r.min) / Math.log(r.max / r.min) : (value - r.min) / (r.max - r.min);
  return Math.round(Math.min(1, Math.max(0, t)) * r.steps);
}

/** The value at a position, as a short decimal string (3 significant digits on a log scale, the step's digits on a linear one). */
export function fromPosition(r: SliderRange, position: number): string {
  const k = Math.min(r.steps, Math.max(0, Math.round(position)));
  if (r.log) return trim(Number((r.min * (r.max / r.min) ** (k / r.steps)).toPrecision(3)).toString());
  const step = (r.max - r.min) / r.steps;
  const digits = Math.max(0, Math.min(12, Math.ceil(-Math.log10(step) - 1e-9) + (String(Number(step.toPrecision(12))).includes('25') ? 1 : 0)));
  return trim((r.min + k * step).toFixed(digits));
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
  return fromPosition(range, Math.round(range.steps / 2));
}

/** A typed value as a number, for placing the slider (the exact value goes to the worker as typed). */
export function approximate(text: string): number {
  return sampleNumber(text.trim());
}
