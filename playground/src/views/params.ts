/**
 * One slider and one exact-value field per free parameter. The slider moves
 * over the parameter's range (from the catalog where the bias is an entry) and
 * writes a short exact decimal into the field; the field takes any constant
 * (3/2, 2^(-1/3), …) and places the slider. Either change calls `onChange`.
 *
 * Owns: the parameter controls and their ranges.
 */
import type { ParameterSpec } from '../../../src/rules/schema.js';
import { approximate, defaultValue, fromPosition, rangeFor, type SliderRange, toPosition } from '../slider-scale.js';
import { byId, el } from './dom.js';

interface Control {
  readonly root: HTMLDivElement;
  readonly slider: HTMLInputElement;
  readonly field: HTMLInputElement;
  readonly note: HTMLSpanElement;
  range: SliderRange;
}

export class ParameterControls {
  private readonly controls = new Map<string, Control>();
  private specs: Readonly<Record<string, ParameterSpec>> = {};
  /** a parameter's catalog spec; own keys only (a parameter may be called "constructor") */
  private spec(name: string): ParameterSpec | undefined { return Object.hasOwn(this.specs, name) ? this.specs[name] : undefined; }
  private boundaries: readonly number[] = [];

  constructor(private readonly onChange: () => void) {}

  /** The current values by name, as typed. */
  values(): Record<string, string> {
    return Object.fromEntries([...this.controls].map(([k, c]) => [k, c.field.value]));
  }

  /**
   * Show exactly these parameters. Values already shown are kept; `preset` values
   * (from a URL or a catalog entry) win; new ones start at the catalog's first
   * sample or inside their range. Returns whether any value changed.
   */
  setParameters(names: readonly string[], specs: Readonly<Record<string, ParameterSpec>>, preset: Readonly<Record<string, string>> = {}): boolean {
    this.specs = specs;
    let changed = false;
    for (const [name, c] of this.controls) if (!names.includes(name)) { c.root.remove(); this.controls.delete(name); changed = true; }
    const list = byId('param-list');
    for (const name of names) {
      let c = this.controls.get(name);
      const wanted = Object.hasOwn(preset, name) ? preset[name] : undefined;
      if (c === undefined) {
        c = this.create(name);
        list.append(c.root);
        const range = rangeFor(this.spec(name), this.boundaries, wanted === undefined ? NaN : approximate(wanted));
        c.field.value = wanted ?? defaultValue(this.spec(name), range);
        changed = true;
      } else if (wanted !== undefined && wanted !== c.field.value) {
        c.field.value = wanted;
        changed = true;
      }
      this.place(c, name);
    }
    byId('params').hidden = names.length === 0;
    return changed;
  }

  /** The verdict's conditions changed: default ranges stretch over their boundaries. */
  setBoundaries(boundaries: readonly number[]): void {
    this.boundaries = boundaries;
    for (const [name, c] of this.controls) this.place(c, name);
  }

  private create(name: string): Control {
    const root = el('div', { class: 'param', 'data-param': name });
    const label = el('label', { for: `param-${name}` }, name);
    const slider = el('input', { type: 'range', id: `param-${name}-slider`, min: '0', max: '100', step: '1', 'aria-label': `${name} (slider)` });
    const field = el('input', { type: 'text', id: `param-${name}`, class: 'value', inputmode: 'decimal', spellcheck: 'false', autocomplete: 'off', 'aria-describedby': `param-${name}-error param-${name}-note` });
    const note = el('span', { class: 'range-note', id: `param-${name}-note` });
    const error = el('div', { class: 'field-error', id: `param-${name}-error`, role: 'alert' });
    error.hidden = true;
    root.append(label, slider, field, note, error);
    const c: Control = { root, slider, field, note, range: rangeFor(undefined, [], NaN) };
    slider.addEventListener('input', () => {
      field.value = fromPosition(c.range, Number(slider.value));
      slider.setAttribute('aria-valuetext', `${name} = ${field.value}`);
      this.onChange();
    });
    field.addEventListener('input', () => { this.placeSlider(c, name); this.onChange(); });
    this.controls.set(name, c);
    return c;
  }

  private place(c: Control, name: string): void {
    c.range = rangeFor(this.spec(name), this.boundaries, approximate(c.field.value));
    c.slider.max = String(c.range.steps);
    const fmt = (x: number): string => Number(x.toPrecision(3)).toString();
    c.note.textContent = `${fmt(c.range.min)} … ${fmt(c.range.max)}${c.range.log ? ', log scale' : ''}${c.range.source === 'catalog' ? ' (catalog)' : ''}`;
    this.placeSlider(c, name);
  }

  private placeSlider(c: Control, name: string): void {
    c.slider.value = String(toPosition(c.range, approximate(c.field.value)));
    c.slider.setAttribute('aria-valuetext', `${name} = ${c.field.value}`);
  }
}
