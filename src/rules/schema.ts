/**
 * Schemas of rules/catalog.json and rules/families.json: the TypeScript types and
 * validators that report every problem with its JSON path (e.g. `entries[3].expected.verdict`).
 */
import { symbolsOf } from './formula-symbols.js';

/** A concrete parameter value: a JSON number or an exact fraction written "p/q". */
export type SampleValue = number | string;

export interface ParameterSpec {
  readonly description: string;
  /** the assumption on this parameter, also listed in the entry's `assume` */
  readonly assume?: string;
  readonly samples?: readonly SampleValue[];
  /** the range seen in practice (documentation) */
  readonly range?: readonly [number, number];
}

export type ExpectedVerdict = 'converges' | 'diverges' | 'conditional';

export interface CatalogEntry {
  readonly id: string;
  readonly name: string;
  readonly source: string;
  /** p(n) in mathjs syntax */
  readonly formula: string;
  readonly variable?: string;
  readonly from?: number;
  readonly parameters: Readonly<Record<string, ParameterSpec>>;
  readonly assume: readonly string[];
  /** condition: where it converges, when the verdict is conditional */
  readonly expected: { readonly verdict: ExpectedVerdict; readonly condition?: string };
  readonly notes?: string;
}

export interface Catalog {
  readonly version: number;
  readonly entries: readonly CatalogEntry[];
}

export interface Family {
  readonly id: string;
  readonly name: string;
  readonly termTex: string;
  readonly termText: string;
  /** the term a_n in mathjs syntax, variable n */
  readonly term: string;
  readonly from: number;
  readonly parameters: Readonly<Record<string, ParameterSpec>>;
  readonly assume: readonly string[];
  /** mathjs boolean condition for convergence */
  readonly condition: string;
  readonly conditionText: string;
  readonly proof: { readonly method: string; readonly sketch: string; readonly citation: string };
}

export interface Families {
  readonly version: number;
  readonly families: readonly Family[];
}

/** Collects problems with their paths. */
class Problems {
  readonly list: string[] = [];
  add(path: string, message: string): void { this.list.push(`${path}: ${message}`); }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const ID = /^[a-z0-9][a-z0-9-]*$/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const FRACTION = /^[+-]?\d+(\.\d+)?(\/\d+(\.\d+)?)?$/;

function str(p: Problems, o: Obj, key: string, path: string, optional = false): void {
  const v = o[key];
  if (v === undefined && optional) return;
  if (typeof v !== 'string' || v.trim() === '') p.add(`${path}.${key}`, 'must be a non-empty string');
}

function strArray(p: Problems, o: Obj, key: string, path: string): void {
  const v = o[key];
  if (!Array.isArray(v) || !v.every((s) => typeof s === 'string' && s.trim() !== '')) p.add(`${path}.${key}`, 'must be an array of non-empty strings');
}

function keysAllowed(p: Problems, o: Obj, allowed: readonly string[], path: string): void {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) p.add(`${path}.${k}`, `unknown field (allowed: ${allowed.join(', ')})`);
}

/** Numeric value of a sample; NaN when malformed or a zero denominator. */
export function sampleNumber(v: SampleValue): number {
  if (typeof v === 'number') return Number.isFinite(v) ? v : NaN;
  if (!FRACTION.test(v.trim())) return NaN;
  const [a, b] = v.trim().split('/');
  const x = Number(a) / (b === undefined ? 1 : Number(b));
  return Number.isFinite(x) ? x : NaN;
}

function checkParameters(p: Problems, o: Obj, path: string): void {
  const params = o.parameters;
  if (!isObj(params)) { p.add(`${path}.parameters`, 'must be an object {name: {description, ...}}'); return; }
  const names = Object.keys(params);
  const withSamples = names.filter((n) => isObj(params[n]) && (params[n] as Obj).samples !== undefined);
  if (withSamples.length > 0 && withSamples.length < names.length) {
    p.add(`${path}.parameters`, 'either every parameter has samples or none has (samples are combined)');
  }
  for (const name of names) {
    const at = `${path}.parameters.${name}`;
    if (!NAME.test(name)) p.add(at, 'parameter names must be ASCII identifiers');
    const spec = params[name];
    if (!isObj(spec)) { p.add(at, 'must be an object'); continue; }
    keysAllowed(p, spec, ['description', 'assume', 'samples', 'range'], at);
    str(p, spec, 'description', at);
    str(p, spec, 'assume', at, true);
    if (typeof spec.assume === 'string' && Array.isArray(o.assume) && !o.assume.includes(spec.assume)) {
      p.add(`${at}.assume`, `"${spec.assume}" must also be listed in ${path}.assume`);
    }
    if (spec.samples !== undefined) {
      if (!Array.isArray(spec.samples) || spec.samples.length === 0) p.add(`${at}.samples`, 'must be a non-empty array');
      else spec.samples.forEach((s, i) => {
        if (!(typeof s === 'number' || typeof s === 'string') || Number.isNaN(sampleNumber(s as SampleValue))) {
          p.add(`${at}.samples[${i}]`, 'must be a number or an exact fraction "p/q"');
        }
      });
    }
    if (spec.range !== undefined) {
      const r = spec.range;
      if (!Array.isArray(r) || r.length !== 2 || typeof r[0] !== 'number' || typeof r[1] !== 'number' || !(r[0] < r[1])) {
        p.add(`${at}.range`, 'must be [lo, hi] with lo < hi');
      }
    }
  }
}

/** Every declared parameter occurs in the formula, and no undeclared symbol does. */
function checkFormulaSymbols(p: Problems, o: Obj, key: string, variable: string, path: string): void {
  if (typeof o[key] !== 'string' || !isObj(o.parameters)) return;
  let symbols: Set<string>;
  try {
    symbols = symbolsOf(o[key] as string);
  } catch (err) {
    p.add(`${path}.${key}`, `does not parse: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  const declared = new Set(Object.keys(o.parameters));
  for (const s of symbols) if (s !== variable && !declared.has(s)) p.add(`${path}.${key}`, `uses undeclared symbol "${s}"`);
  for (const d of declared) if (!symbols.has(d)) p.add(`${path}.parameters.${d}`, `does not occur in ${key}`);
}

function checkVersion(p: Problems, doc: Obj): void {
  if (doc.version !== 1) p.add('version', 'must be 1');
}

function checkIds(p: Problems, list: unknown[], path: string): void {
  const seen = new Set<string>();
  list.forEach((e, i) => {
    if (!isObj(e) || typeof e.id !== 'string') return;
    if (!ID.test(e.id)) p.add(`${path}[${i}].id`, 'must be lower-case letters, digits and dashes');
    if (seen.has(e.id)) p.add(`${path}[${i}].id`, `duplicate id "${e.id}"`);
    seen.add(e.id);
  });
}

export class RulesError extends Error {
  readonly problems: readonly string[];
  constructor(file: string, problems: readonly string[]) {
    super(`${file} is invalid:\n  ${problems.join('\n  ')}`);
    this.name = 'RulesError';
    this.problems = problems;
  }
}

const ENTRY_FIELDS = ['id', 'name', 'source', 'formula', 'variable', 'from', 'parameters', 'assume', 'expected', 'notes'];

function checkEntry(p: Problems, e: unknown, path: string): void {
  if (!isObj(e)) { p.add(path, 'must be an object'); return; }
  keysAllowed(p, e, ENTRY_FIELDS, path);
  for (const k of ['id', 'name', 'source', 'formula']) str(p, e, k, path);
  str(p, e, 'variable', path, true);
  str(p, e, 'notes', path, true);
  if (e.from !== undefined && !Number.isSafeInteger(e.from)) p.add(`${path}.from`, 'must be an integer');
  strArray(p, e, 'assume', path);
  checkParameters(p, e, path);
  checkFormulaSymbols(p, e, 'formula', typeof e.variable === 'string' ? e.variable : 'n', path);
  const x = e.expected;
  if (!isObj(x)) { p.add(`${path}.expected`, 'must be an object {verdict, condition?}'); return; }
  keysAllowed(p, x, ['verdict', 'condition'], `${path}.expected`);
  if (!['converges', 'diverges', 'conditional'].includes(x.verdict as string)) {
    p.add(`${path}.expected.verdict`, 'must be one of converges, diverges, conditional');
  }
  if (x.verdict === 'conditional') str(p, x, 'condition', `${path}.expected`);
  else if (x.condition !== undefined) p.add(`${path}.expected.condition`, 'only a conditional verdict has a condition');
}

const FAMILY_FIELDS = ['id', 'name', 'termTex', 'termText', 'term', 'from', 'parameters', 'assume', 'condition', 'conditionText', 'proof'];

function checkFamily(p: Problems, f: unknown, path: string): void {
  if (!isObj(f)) { p.add(path, 'must be an object'); return; }
  keysAllowed(p, f, FAMILY_FIELDS, path);
  for (const k of ['id', 'name', 'termTex', 'termText', 'term', 'condition', 'conditionText']) str(p, f, k, path);
  if (!Number.isSafeInteger(f.from)) p.add(`${path}.from`, 'must be an integer');
  strArray(p, f, 'assume', path);
  checkParameters(p, f, path);
  checkFormulaSymbols(p, f, 'term', 'n', path);
  const proof = f.proof;
  if (!isObj(proof)) { p.add(`${path}.proof`, 'must be an object {method, sketch, citation}'); return; }
  keysAllowed(p, proof, ['method', 'sketch', 'citation'], `${path}.proof`);
  for (const k of ['method', 'sketch', 'citation']) str(p, proof, k, `${path}.proof`);
}

export function validateCatalog(doc: unknown, file = 'catalog.json'): Catalog {
  const p = new Problems();
  if (!isObj(doc)) throw new RulesError(file, ['top level must be an object {version, entries}']);
  keysAllowed(p, doc, ['$comment', 'version', 'entries'], '$');
  checkVersion(p, doc);
  if (!Array.isArray(doc.entries) || doc.entries.length === 0) p.add('entries', 'must be a non-empty array');
  else {
    doc.entries.forEach((e, i) => checkEntry(p, e, `entries[${i}]`));
    checkIds(p, doc.entries, 'entries');
  }
  if (p.list.length > 0) throw new RulesError(file, p.list);
  return doc as unknown as Catalog;
}

export function validateFamilies(doc: unknown, file = 'families.json'): Families {
  const p = new Problems();
  if (!isObj(doc)) throw new RulesError(file, ['top level must be an object {version, families}']);
  keysAllowed(p, doc, ['$comment', 'version', 'families'], '$');
  checkVersion(p, doc);
  if (!Array.isArray(doc.families) || doc.families.length === 0) p.add('families', 'must be a non-empty array');
  else {
    doc.families.forEach((f, i) => checkFamily(p, f, `families[${i}]`));
    checkIds(p, doc.families, 'families');
  }
  if (p.list.length > 0) throw new RulesError(file, p.list);
  return doc as unknown as Families;
}
