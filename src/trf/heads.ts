/**
 * `rpe heads`: the heads of a trained model, each with its own parameter values.
 *
 * Owns: applying clamps (KERPLE's code clamps r1, r2 ≥ 0.01 after each step), running
 * the certified TRF of every head through the public `trf()`, and the model's verdict:
 * the model's series converges only when every head's does, so one divergent head makes
 * the model diverge and one undecided head (with none divergent) makes it unknown. The
 * model's TRF is the largest over the heads (the farthest a head must look).
 */
import { InputError } from '../parse/errors.js';
import { parseExpression } from '../parse/parse.js';
import type { TrfVerdict } from './concrete.js';
import type { ParamColumns } from './param-file.js';
import { decimalFraction } from './substitute.js';
import { type JsonInteger, trf } from './trf.js';

export interface Clamp {
  readonly name: string;
  readonly op: '>=' | '<=';
  readonly text: string;
}

export interface HeadsOptions {
  readonly params: ParamColumns;
  readonly clamps?: readonly Clamp[];
  readonly eps?: number | string;
  readonly from?: number;
  readonly var?: string;
}

export interface HeadResult {
  readonly head: number;
  /** the exact values used (after clamps) */
  readonly params: Readonly<Record<string, string>>;
  /** the same as numbers */
  readonly values: Readonly<Record<string, number>>;
  /** the parameters a clamp changed */
  readonly clamped: readonly string[];
  readonly verdict: TrfVerdict;
  readonly trf: JsonInteger | null;
  readonly bracket: readonly [JsonInteger, JsonInteger | null] | null;
  readonly method: string;
}

export interface HeadsReport {
  readonly expression: string;
  readonly eps: number;
  readonly heads: readonly HeadResult[];
  /** converges when every head converges; diverges when one does; unknown otherwise */
  readonly verdict: TrfVerdict;
  readonly converging: number;
  readonly diverging: number;
  /** the largest TRF over the heads; null unless every head has one */
  readonly trf: JsonInteger | null;
}

/** "r1>=0.01" → a clamp. */
export function parseClamp(text: string): Clamp {
  const m = /^\s*([\p{L}_][\p{L}\p{N}_]*)\s*(>=|<=)\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*$/iu.exec(text);
  if (!m) throw new InputError('option', `--clamp expects name>=value or name<=value, got "${text}"`);
  return { name: m[1]!, op: m[2] as '>=' | '<=', text: m[3]! };
}

export function heads(expr: string, options: HeadsOptions): HeadsReport {
  const parsed = parseExpression(expr, options.var !== undefined ? { variable: options.var } : {});
  const cols = options.params;
  const names = Object.keys(cols);
  const missing = parsed.parameters.filter((p) => !names.includes(p));
  if (missing.length > 0) throw new InputError('option', `the parameter file has no values for ${missing.join(', ')} (it has ${names.join(', ') || 'none'})`);
  const extra = names.filter((n) => !parsed.parameters.includes(n));
  if (extra.length > 0) throw new InputError('option', `the parameter file gives ${extra.join(', ')}, which the expression does not have (it has ${parsed.parameters.join(', ') || 'none'})`);
  const H = parsed.parameters.length === 0 ? 0 : cols[parsed.parameters[0]!]!.length;
  if (H === 0) throw new InputError('option', 'the parameter file gives no heads');
  for (const p of parsed.parameters) {
    if (cols[p]!.length !== H) throw new InputError('option', `${p} has ${cols[p]!.length} values, ${parsed.parameters[0]} has ${H}: one value per head`);
  }
  for (const c of options.clamps ?? []) {
    if (!parsed.parameters.includes(c.name)) throw new InputError('option', `--clamp ${c.name}: the expression has no parameter ${c.name}`);
  }
  const results: HeadResult[] = [];
  for (let h = 0; h < H; h++) {
    const params: Record<string, string> = {};
    const values: Record<string, number> = {};
    const clamped: string[] = [];
    for (const p of parsed.parameters) {
      let { text, value } = cols[p]![h]!;
      for (const c of (options.clamps ?? []).filter((x) => x.name === p)) {
        // compared exactly: both are finite decimals
        const v = decimalFraction(text);
        const b = decimalFraction(c.text);
        if (c.op === '>=' ? v.compare(b) < 0 : v.compare(b) > 0) {
          text = c.text;
          value = Number(c.text);
          if (!clamped.includes(p)) clamped.push(p);
        }
      }
      params[p] = text;
      values[p] = value;
    }
    const at = parsed.parameters.map((p) => `${p}=${params[p]}`);
    try {
      const r = trf(expr, {
        at, ...(options.eps !== undefined ? { eps: options.eps } : {}),
        ...(options.from !== undefined ? { from: options.from } : {}), ...(options.var !== undefined ? { var: options.var } : {}),
      }).results[0]!;
      results.push({ head: h + 1, params, values, clamped, verdict: r.verdict, trf: r.trf, bracket: r.bracket, method: r.method });
    } catch (err) {
      // a head whose bias is not defined (e.g. log of a negative number) is that head's problem, not the file's
      if (!(err instanceof InputError)) throw err;
      results.push({ head: h + 1, params, values, clamped, verdict: 'unknown', trf: null, bracket: null, method: `no TRF: ${err.message}` });
    }
  }
  const diverging = results.filter((r) => r.verdict === 'diverges').length;
  const converging = results.filter((r) => r.verdict === 'converges').length;
  const verdict: TrfVerdict = diverging > 0 ? 'diverges' : converging === H ? 'converges' : 'unknown';
  let max: bigint | null = null;
  let all = true;
  for (const r of results) {
    if (r.trf === null || r.verdict !== 'converges') { all = false; break; }
    if (max === null || BigInt(r.trf) > max) max = BigInt(r.trf);
  }
  const epsNumber = options.eps === undefined ? 0.01 : Number(options.eps);
  return {
    expression: parsed.normalized, eps: epsNumber, heads: results, verdict, converging, diverging,
    trf: all && max !== null ? (max <= 2n ** 53n ? Number(max) : max.toString()) : null,
  };
}
