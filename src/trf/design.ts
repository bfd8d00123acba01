/**
 * Design by target: the values of one parameter θ for which TRF_ε ≤ W (or, with
 * `window`, the window guarantee ≤ W), as a certified threshold.
 *
 * Owns: the decision at one rational θ and the search over θ.
 *  - Decision. TRF_ε ≤ W ⇔ tail(W) ≤ ε·S (the TRF is the least such w and the tail
 *    decreases), so the certified bracket lo ≤ TRF ≤ hi of `trf()` at the exact θ
 *    decides it: hi ≤ W → yes, lo > W or a divergent verdict → no, otherwise unknown.
 *    (The window guarantee is the TRF at ε' and is decided the same way by `windowBound`.)
 *  - Monotone case (./param-monotone.ts proves it): the set is an up-set (or down-set),
 *    so one certified "no" point a and one certified "yes" point b < … bracket its
 *    threshold t ∈ (a, b]; bisection at rational points narrows [a, b] to a relative width
 *    `tol`, keeping undecided points inside the bracket.
 *  - Otherwise: the decision on a grid of θ, the transitions between samples refined by
 *    bisection, and the set reported as sampled intervals with `monotone: false` — what
 *    lies between samples is not certified, and the output says so.
 *
 * For −m·n with from = 0: TRF = ⌈ln(1/ε)/m⌉ − 1 ≤ W ⇔ m ≥ ln(1/ε)/(W + 1), the
 * threshold the bisection brackets (docs/design.md).
 */
import Fraction from 'fraction.js';
import { InputError } from '../parse/errors.js';
import { parseExpression } from '../parse/parse.js';
import { substituteParameters } from '../parse/substitute.js';
import * as Ins from '../numeric/interval.js';
import { affineIn, type Direction, proveMonotone } from './param-monotone.js';
import { dependsOn } from '../numeric/expr-taylor.js';
import { toAscii } from '../parse/print.js';
import { constRational, recognize } from './recognize.js';
import { decimalFraction, parseAtOption } from './substitute.js';
import { type JsonInteger, trf } from './trf.js';
import { windowBound } from './window.js';

const I = { ...Ins };

export interface DesignOptions {
  /** the target W: the largest acceptable TRF (or window) */
  readonly target: number | string;
  /** the parameter to design (default: the only parameter without a value) */
  readonly param?: string;
  readonly eps?: number | string;
  /** fixed values of the other parameters, "name=value" */
  readonly at?: readonly string[];
  readonly from?: number;
  readonly var?: string;
  /** search range [lo, hi] of θ as exact rationals (default (0, ∞), searched over [2^-40, 2^40]) */
  readonly range?: readonly [string, string];
  /** relative width at which the bisection stops (default 1e-9) */
  readonly relTol?: number;
  /** the window guarantee instead of the TRF */
  readonly window?: { readonly logitBound: number | string; readonly tol: number | string };
}

export type Decision = 'yes' | 'no' | 'unknown';

export interface DesignSample {
  readonly value: number;
  readonly exact: string;
  readonly decision: Decision;
  readonly bracket: readonly [JsonInteger, JsonInteger | null] | null;
}

export interface DesignInterval {
  /** the left end lies in this bracket (null: the set reaches the end of the range searched) */
  readonly from: readonly [number, number] | null;
  readonly to: readonly [number, number] | null;
}

export interface DesignReport {
  readonly expression: string;
  readonly parameter: string;
  readonly guarantee: 'trf' | 'window';
  readonly target: number;
  readonly eps: number | string;
  readonly at: Readonly<Record<string, string>>;
  /** certified bracket of the threshold t (outward-rounded doubles); null when there is none */
  readonly threshold: readonly [number, number] | null;
  /** the same bracket as exact fractions */
  readonly thresholdExact: readonly [string, string] | null;
  /** in words: which θ meet the target */
  readonly condition: string;
  /**
   * the threshold in closed form, when the bias is geometric in n with a rate linear in θ
   * (θ·(a − k·n) + h, k > 0, h free of n): TRF ≤ W ⇔ θ ≥ ln(1/ε)/(k·(W + 1 − from))
   */
  readonly exact?: string;
  readonly monotone: boolean;
  /** what was proved about monotonicity (or why nothing was) */
  readonly monotoneReason: string;
  /** the set as intervals of θ (certified when monotone; sampled otherwise) */
  readonly intervals: readonly DesignInterval[];
  /** the points where the decision was taken */
  readonly samples: readonly DesignSample[];
}

const F = (x: number | string | bigint): Fraction => new Fraction(x as never);

function parseRational(text: string, what: string): Fraction {
  try {
    return decimalFraction(text);
  } catch {
    throw new InputError('option', `${what} must be a decimal or a fraction p/q, got "${text}"`);
  }
}

/** A rational as a double interval [down, up] that contains it. */
function enclose(f: Fraction): [number, number] {
  const v = Number(f.n) / Number(f.d) * Number(f.s);
  return [I.down(v), I.up(v)];
}

function targetOf(t: number | string): bigint {
  const s = String(t).trim();
  if (!/^\d+$/.test(s)) throw new InputError('option', `the target must be a non-negative integer, got "${s}"`);
  return BigInt(s);
}

export function design(expr: string, options: DesignOptions): DesignReport {
  const W = targetOf(options.target);
  const from = options.from ?? 0;
  if (!Number.isSafeInteger(from)) throw new InputError('option', `--from must be an integer, got ${String(options.from)}`);
  const parsed = parseExpression(expr, options.var !== undefined ? { variable: options.var } : {});
  const fixed = (options.at ?? []).map(parseAtOption);
  for (const f of fixed) {
    if (!parsed.parameters.includes(f.name)) throw new InputError('option', `--at ${f.name}: the expression has no parameter ${f.name}`);
    if (f.values.length !== 1) throw new InputError('option', `--at ${f.name}: give one value (rpe design fixes the other parameters)`);
  }
  const free = parsed.parameters.filter((p) => !fixed.some((f) => f.name === p));
  const theta = options.param ?? (free.length === 1 ? free[0]! : null);
  if (theta === null) {
    throw new InputError('option', free.length === 0 ? 'the expression has no parameter to design' : `choose the parameter with --param (one of ${free.join(', ')}) and fix the others with --at`);
  }
  if (!parsed.parameters.includes(theta)) throw new InputError('option', `--param ${theta}: the expression has no parameter ${theta}`);
  if (fixed.some((f) => f.name === theta)) throw new InputError('option', `--param ${theta} is also given a value with --at`);
  const missing = free.filter((p) => p !== theta);
  if (missing.length > 0) throw new InputError('option', `give values for ${missing.join(', ')} with --at`);
  if (from > 0 && BigInt(from) > W) throw new InputError('option', `the target ${W} is below the first index ${from}`);

  let lo = F(0);
  let hi: Fraction | null = null;
  let openLo = true;
  if (options.range) {
    lo = parseRational(options.range[0], 'the range start');
    hi = parseRational(options.range[1], 'the range end');
    openLo = false;
    if (lo.compare(hi) >= 0) throw new InputError('option', 'the range must have start < end');
  }
  const relTol = options.relTol ?? 1e-9;
  if (!(relTol > 0 && relTol < 1)) throw new InputError('option', 'the tolerance must lie strictly between 0 and 1');

  const atFixed = (options.at ?? []).map((s) => s.trim());
  const samples: DesignSample[] = [];
  const cache = new Map<string, Decision>();
  const decide = (x: Fraction): Decision => {
    const key = x.toFraction();
    const seen = cache.get(key);
    if (seen) return seen;
    const at = [...atFixed, `${theta}=${key}`];
    let decision: Decision = 'unknown';
    let bracket: DesignSample['bracket'] = null;
    try {
      const common = { at, from, ...(options.var !== undefined ? { var: options.var } : {}) };
      const r = options.window
        ? (() => { const w = windowBound(expr, { ...common, logitBound: options.window!.logitBound, tol: options.window!.tol }).results[0]!; return { verdict: w.verdict, bracket: w.bracket }; })()
        : trf(expr, { ...common, ...(options.eps !== undefined ? { eps: options.eps } : {}) }).results[0]!;
      bracket = r.bracket;
      if (r.verdict === 'diverges') decision = 'no';
      else if (r.bracket !== null && r.bracket[1] !== null && BigInt(r.bracket[1]) <= W) decision = 'yes';
      else if (r.bracket !== null && BigInt(r.bracket[0]) > W) decision = 'no';
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      decision = 'unknown';
    }
    cache.set(key, decision);
    samples.push({ value: x.valueOf(), exact: key, decision, bracket });
    return decision;
  };

  // monotonicity: proved on the bias with the other parameters substituted
  const fixedExprs = Object.fromEntries(fixed.map((f) => [f.name, f.values[0]!.expr]));
  const p = substituteParameters(parsed.expr, fixedExprs);
  const proof = proveMonotone(p, theta, parsed.variable, from);
  const direction: Direction | null = proof.direction;

  const what = options.window ? `window guarantee (|q·k/√d| ≤ ${options.window.logitBound}, δ = ${options.window.tol})` : `TRF_ε (ε = ${options.eps ?? 0.01})`;
  const rangeText = hi === null ? `${theta} > 0` : `${theta} in [${lo.toFraction()}, ${hi.toFraction()}]`;
  const base = {
    expression: parsed.normalized, parameter: theta, guarantee: options.window ? 'window' as const : 'trf' as const,
    target: Number(W), eps: options.eps ?? 0.01, at: Object.fromEntries(fixed.map((f) => [f.name, f.values[0]!.text])),
  };

  /** the point between a and b: geometric when they are far apart and positive */
  const midpoint = (p0: Fraction, p1: Fraction): Fraction => {
    const [a, b] = p0.compare(p1) <= 0 ? [p0, p1] : [p1, p0];
    if (a.s > 0 && !a.equals(0) && b.div(a).compare(4) > 0) {
      const k = Math.floor(Math.log2(b.div(a).valueOf()) / 2);
      return a.mul(F(2n ** BigInt(k)));
    }
    return a.add(b).div(2);
  };
  /** narrow [a, b] with decision(a) = da ≠ decision(b) = db to relative width relTol */
  const refine = (a0: Fraction, b0: Fraction, da: Decision): [Fraction, Fraction] => {
    let a = a0;
    let b = b0;
    for (let it = 0; it < 400; it++) {
      const width = b.sub(a).abs().valueOf();
      const scale = Math.max(Math.abs(a.valueOf()), Math.abs(b.valueOf()));
      if (width <= relTol * scale) break;
      const m = midpoint(a, b);
      const dm = decide(m);
      if (dm === da) { a = m; continue; }
      if (dm !== 'unknown') { b = m; continue; }
      // undecided at m: try the quarter points before giving up; m stays inside the bracket
      const q1 = midpoint(a, m);
      const q3 = midpoint(m, b);
      if (decide(q3) === da) { a = q3; continue; }
      if (decide(q1) !== da && decide(q1) !== 'unknown') { b = q1; continue; }
      if (decide(q1) === da) a = q1;
      break;
    }
    return [a, b];
  };

  if (direction === 'constant') {
    const d = decide(hi ?? F(1));
    return {
      ...base, threshold: null, thresholdExact: null, monotone: true, monotoneReason: proof.reason,
      condition: d === 'yes' ? `every ${rangeText} meets the target: the ${what} does not depend on ${theta}` : d === 'no' ? `no ${rangeText} meets the target: the ${what} does not depend on ${theta}` : `undecided: the ${what} does not depend on ${theta}, but could not be decided`,
      intervals: d === 'yes' ? [{ from: null, to: null }] : [], samples,
    };
  }

  if (direction !== null) {
    // monotone: a certified "yes" on the side the set extends to and a certified "no" on the other
    const limitLo = hi === null ? F(1).div(F(2n ** 40n)) : lo;
    const limitHi = hi ?? F(2n ** 40n);
    const yesEnd = direction === 'up' ? limitHi : limitLo;
    const noEnd = direction === 'up' ? limitLo : limitHi;
    let yes: Fraction | null = null;
    let no: Fraction | null = null;
    if (hi !== null) {
      if (decide(yesEnd) === 'yes') yes = yesEnd;
      if (decide(noEnd) === 'no') no = noEnd;
      else if (decide(noEnd) === 'yes') yes = noEnd;
    } else {
      // on (0, ∞): doubling and halving from 1 (2^±40 at most)
      const toward = (x: Fraction, up: boolean): Fraction => (up ? x.mul(2) : x.div(2));
      const yesUp = direction === 'up';
      let x = F(1);
      for (let k = 0; k <= 40; k++) {
        const d = decide(x);
        if (d === 'yes') { yes = x; break; }
        if (d === 'no') no = x;
        x = toward(x, yesUp);
      }
      if (yes !== null) {
        x = toward(yes, !yesUp);
        for (let k = 0; k <= 80 && (no === null || (yesUp ? no.compare(x) < 0 : no.compare(x) > 0)); k++) {
          const d = decide(x);
          if (d === 'no') { no = x; break; }
          if (d === 'yes') yes = x;
          if (x.equals(noEnd)) break;
          x = toward(x, !yesUp);
        }
      }
    }
    const cmp = direction === 'up' ? '≥' : '≤';
    if (yes === null || no === null) {
      const all = yes !== null;
      const where = direction === 'up' ? `${theta} ≥ ${(yes ?? limitHi).toFraction()}` : `${theta} ≤ ${(yes ?? limitLo).toFraction()}`;
      return {
        ...base, threshold: null, thresholdExact: null, monotone: true, monotoneReason: proof.reason,
        condition: all
          ? `every ${theta} tried meets the target (${where} is certified); the threshold lies ${direction === 'up' ? 'below' : 'above'} the range searched${openLo ? ` (${theta} down to 2^-40)` : ''}`
          : cache.get(yesEnd.toFraction()) === 'no'
            ? `no ${theta} with ${direction === 'up' ? `${theta} ≤ ${limitHi.toFraction()}` : `${theta} ≥ ${limitLo.toFraction()}`} meets the target (certified at ${theta} = ${yesEnd.toFraction()}, hence for all of them by monotonicity)`
            : `undecided: no ${theta} tried is certified to meet the target, and at ${theta} = ${yesEnd.toFraction()} the ${what} could not be bracketed on either side of ${W}`,
        intervals: all ? [{ from: null, to: null }] : [], samples,
      };
    }
    const [a, b] = refine(no, yes, 'no');
    const [l, u] = a.compare(b) < 0 ? [a, b] : [b, a];
    // geometric in n with rate θ·k: TRF = from + ⌈ln(1/ε)/(θk)⌉ − 1 ≤ W ⇔ θ ≥ ln(1/ε)/(k(W+1−from)) (docs/trf.md, closed forms)
    let exact: string | undefined;
    const split = affineIn(p, theta);
    if (direction === 'up' && split && !dependsOn(split.h, parsed.variable)) {
      const fam = recognize(split.g, parsed.variable);
      if (fam.kind === 'geometric') {
        const q = constRational(fam.m);
        const k = q ? q.toFraction() : toAscii(fam.m);
        const epsText = options.window ? "ε'" : String(options.eps ?? 0.01);
        exact = `ln(1/${epsText})/${k === '1' ? '' : `(${k} * `}${(W + 1n - BigInt(from)).toString()}${k === '1' ? '' : ')'}${options.window ? ` with ε' = δ/((2−δ)e^{2B}+δ)` : ''}`;
      }
    }
    const le = enclose(l);
    const ue = enclose(u);
    const t: [number, number] = [le[0], ue[1]];
    return {
      ...base, threshold: t, thresholdExact: [l.toFraction(), u.toFraction()], monotone: true, monotoneReason: proof.reason,
      condition: `${theta} ${cmp} t with t in [${t[0].toPrecision(10)}, ${t[1].toPrecision(10)}]${exact !== undefined ? ` (exactly t = ${exact}, the set being ${theta} ≥ t)` : ''}: the ${what} is ≤ ${W} for every ${theta} ${direction === 'up' ? '>' : '<'} t${hi === null ? '' : ` in the range`} and for no ${theta} ${direction === 'up' ? '<' : '>'} t (${theta} = ${(direction === 'up' ? u : l).toFraction()} certified to meet the target, ${theta} = ${(direction === 'up' ? l : u).toFraction()} certified not to)`,
      intervals: [direction === 'up' ? { from: t, to: null } : { from: null, to: t }], samples,
      ...(exact !== undefined ? { exact } : {}),
    };
  }

  // not proved monotone: a grid, transitions refined, the set as sampled intervals
  const grid: Fraction[] = [];
  if (hi === null || (lo.s > 0 && !lo.equals(0))) {
    const a = hi === null ? -40 : Math.log2(lo.valueOf());
    const b = hi === null ? 40 : Math.log2(hi.valueOf());
    const steps = hi === null ? 160 : 64;
    for (let i = 0; i <= steps; i++) {
      const e = a + ((b - a) * i) / steps;
      // dyadic sample points: exact rationals, 2^e rounded to 12 bits
      const num = Math.round(2 ** (e - Math.floor(e)) * 4096);
      const pw = Math.floor(e) - 12;
      grid.push(pw >= 0 ? F(BigInt(num) * 2n ** BigInt(pw)) : F(num).div(F(2n ** BigInt(-pw))));
    }
    if (hi !== null) { grid[0] = lo; grid[grid.length - 1] = hi; }
  } else {
    for (let i = 0; i <= 64; i++) grid.push(lo.add(hi.sub(lo).mul(i).div(64)));
  }
  const ds = grid.map(decide);
  const intervals: DesignInterval[] = [];
  let i = 0;
  while (i < grid.length) {
    if (ds[i] !== 'yes') { i++; continue; }
    let j = i;
    while (j + 1 < grid.length && ds[j + 1] === 'yes') j++;
    let fromB: [number, number] | null = null;
    let toB: [number, number] | null = null;
    if (i > 0) {
      const [a, b] = ds[i - 1] === 'no' ? refine(grid[i - 1]!, grid[i]!, 'no') : [grid[i - 1]!, grid[i]!];
      fromB = [enclose(a)[0], enclose(b)[1]];
    }
    if (j < grid.length - 1) {
      const [a, b] = ds[j + 1] === 'no' ? refine(grid[j]!, grid[j + 1]!, 'yes') : [grid[j]!, grid[j + 1]!];
      toB = [enclose(a)[0], enclose(b)[1]];
    }
    intervals.push({ from: fromB, to: toB });
    i = j + 1;
  }
  const single = intervals.length === 1 && ((intervals[0]!.from === null) !== (intervals[0]!.to === null));
  const thr = single ? (intervals[0]!.from ?? intervals[0]!.to) : null;
  const text = intervals.length === 0
    ? `no sampled ${theta} meets the target`
    : intervals.map((iv) => `[${iv.from ? `≈${iv.from[1].toPrecision(6)}` : 'range start'}, ${iv.to ? `≈${iv.to[0].toPrecision(6)}` : 'range end'}]`).join(' ∪ ');
  return {
    ...base, threshold: thr, thresholdExact: null, monotone: false, monotoneReason: proof.reason,
    condition: `sampled, not proved: ${what} ≤ ${W} at the samples of ${rangeText} in ${text}; ${grid.length} samples, each certified, with the transitions between samples refined — between samples nothing is certified`,
    intervals, samples,
  };
}
