/**
 * From what the user typed to the library's arguments, with every problem tied
 * to the input field it is about (and its column there): the formula parsed,
 * each assumption checked on its own, parameter values read exactly, ε checked.
 * Shared by both workers.
 *
 * Owns: the field attribution of errors.
 */
import { inPage } from './wording.js';
import { InputError } from '../../src/parse/errors.js';
import type { Expr } from '../../src/parse/expr.js';
import type { ParsedExpression } from '../../src/parse/expr.js';
import { parseCondition, parseExpression } from '../../src/parse/parse.js';
import { substituteParameters } from '../../src/parse/substitute.js';
import { parseValue, type ParamValue } from '../../src/trf/substitute.js';
import { parseEps } from '../../src/trf/trf.js';
import { splitAssumptions } from './assumptions-text.js';
import type { Field, Inputs, InputProblem } from './protocol.js';

export class FieldError extends Error {
  constructor(readonly field: Field, readonly inner: unknown, readonly offset = 0) {
    super(inner instanceof Error ? inner.message : String(inner));
  }
}

export function inField<T>(field: Field, f: () => T, offset = 0): T {
  try {
    return f();
  } catch (err) {
    throw err instanceof InputError ? new FieldError(field, err, offset) : err;
  }
}

export const parseFormula = (inputs: Inputs): ParsedExpression => inField('formula', () => parseExpression(inputs.formula));

/** Each assumption parsed on its own, so that an error points at its column in the whole field. */
export function readAssumptions(inputs: Inputs, parameters: readonly string[], variable?: string): string[] {
  return splitAssumptions(inputs.assume).map((item) => {
    inField('assume', () => parseCondition(item.text, parameters, variable), item.offset);
    return item.text;
  });
}

/** Every parameter's value, exact; a missing or malformed value is an error of its slider's field. */
export function readValues(parsed: ParsedExpression, inputs: Inputs): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const name of parsed.parameters) {
    const text = Object.hasOwn(inputs.values, name) ? inputs.values[name] : undefined;
    if (text === undefined || text.trim() === '') throw new FieldError(`param:${name}`, new InputError('option', `give a value for ${name}`));
    out[name] = inField(`param:${name}`, () => parseValue(text, name));
  }
  return out;
}

/** The first index of the sum: an integer (the library checks its range). */
export function readFrom(inputs: Inputs): number {
  const text = inputs.from.trim() === '' ? '0' : inputs.from.trim();
  if (!/^[+-]?\d{1,15}$/.test(text)) throw new FieldError('from', new InputError('option', `the first index must be an integer, got "${inputs.from}"`));
  return Number(text);
}

export function readEps(inputs: Inputs): string {
  return inField('eps', () => { parseEps(inputs.eps); return inputs.eps.trim(); });
}

export function concreteExpr(parsed: ParsedExpression, values: Readonly<Record<string, ParamValue>>): Expr {
  return substituteParameters(parsed.expr, Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.expr])));
}

export const valuesText = (values: Readonly<Record<string, ParamValue>>): string => Object.entries(values).map(([k, v]) => `${k} = ${v.text}`).join(', ');

/** `--at` items for the TRF and the report. */
export const atItems = (values: Readonly<Record<string, ParamValue>>): string[] => Object.entries(values).map(([k, v]) => `${k}=${v.text}`);


/** The problem to show for an error; anything that is not an input error is reported as internal. */
export function problemOf(err: unknown): InputProblem {
  if (err instanceof FieldError) {
    const inner = err.inner instanceof InputError ? err.inner.column : undefined;
    const column = inner === undefined ? undefined : inner + err.offset;
    const message = inPage(column === undefined ? err.message : err.message.replace(/\(column \d+\)/, `(column ${column})`));
    return { field: err.field, message, ...(column !== undefined ? { column } : {}) };
  }
  if (err instanceof InputError) return { field: 'formula', message: inPage(err.message), ...(err.column !== undefined ? { column: err.column } : {}) };
  return { field: 'formula', message: `internal error: ${err instanceof Error ? err.message : String(err)}` };
}
