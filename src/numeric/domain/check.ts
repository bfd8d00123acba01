/**
 * Is every term n ≥ from of an expression defined?
 *
 * Owns: `checkDefined`, which takes each requirement of ./requirements.ts and
 * either proves it for every integer n ≥ from, finds the first n where it fails,
 * or says it cannot tell, and the result type. Two routes:
 *
 * - exact, for arguments that are rational functions of n with rational
 *   coefficients: the failing integers are known exactly
 *   (./exact-failures.ts), and only the guards are left to decide there;
 * - enclosures otherwise: [from, ∞) in one piece first (by enclosure, or by
 *   monotonicity from a good start, ./monotone.ts), then in pieces of doubling
 *   length 1, 2, 4, … up to 2^46 and a last unbounded piece. A piece where
 *   neither the guards nor the condition are settled by sound sign sets
 *   (./signs.ts) is bisected down to single integers, and the unbounded one is
 *   tried by monotonicity.
 *
 * A failure is claimed only where it is certain: the condition fails and the
 * guards hold, both decided exactly or by enclosures, or the exact decimal
 * evaluator (../evaluate.ts) raises DomainError at that n, at two precisions.
 * Anything else that is not proved is "unverified", never "defined". The work
 * is bounded per requirement and per call (evaluated nodes, single integers,
 * decimal evaluations, exact polynomial work); what the budget does not reach
 * is unverified.
 */
import * as E from '../../parse/expr.js';
import type { Expr } from '../../parse/expr.js';
import { substituteVariable } from '../../parse/substitute.js';
import { DomainError, EvaluationLimitError, evaluateDecimal } from '../evaluate.js';
import { evalCondition, UnsupportedExprError } from '../expr-interval.js';
import * as I from '../interval.js';
import type { Interval } from '../interval.js';
import { exactFailures, type IntRange, mergeRanges } from './exact-failures.js';
import { tailSign } from './monotone.js';
import { type Rational, rationalFunction, rationalValue } from './rational-expr.js';
import { mentions, NEG, POS, type Requirement, requirementParts, requirements, ZERO } from './requirements.js';
import { enclosure, indexRanges, isIntegerValued, type RangeEnv, type Sign, signMask } from './signs.js';

export type { IntRange } from './exact-failures.js';

export type DomainResult =
  | { readonly kind: 'defined' }
  /** certainly undefined at n; `known` lists failing n found exactly (possibly not all of them) */
  | { readonly kind: 'undefined'; readonly n: bigint; readonly what: string; readonly known: readonly IntRange[] }
  /** not proved for the n ≥ `n` (nor refuted) */
  | { readonly kind: 'unverified'; readonly n: bigint; readonly what: string };

export interface DefinedOptions {
  /** enclosures of the parameters (a region's hull) */
  readonly params?: Readonly<Record<string, Interval>>;
  /** the exact sign of a parameter expression free of n, where known */
  readonly coefSign?: (e: Expr) => Sign | null;
  /** which requirements to check: those free of parameters, those with, or all (the default) */
  readonly scope?: 'parameter-free' | 'parametric' | 'all';
}

/** Largest length of the doubling pieces before the unbounded last one. */
const LAST_DOUBLING = 46;
/**
 * Work per requirement and per call, in evaluated nodes (see `pieceCost`): a
 * piece verdict costs about one evaluation of the requirement's expressions,
 * with a finite sum's body counted once per term.
 */
const WORK_PER_REQUIREMENT = 60_000;
const WORK_PER_CALL = 250_000;
/** Work left for finding a failure when the unbounded tail cannot be proved anyway. */
const HOPELESS_WORK = 4_000;
/** Most single integers looked at per requirement: past them, a condition no piece settles stays unverified. */
const POINTS_PER_REQUIREMENT = 64;
/** Most decimal evaluations per call (each may take up to DECIMAL_STEPS steps, at two precisions). */
const DECIMAL_CALLS = 12;
/** Exact work per call, in polynomial evaluations (./integer-signs.ts); past it the enclosures take over. */
const EXACT_WORK_PER_CALL = 100_000;
/** Work budget of one decimal evaluation. */
const DECIMAL_STEPS = 200_000;

type Outcome =
  | { readonly kind: 'ok' }
  | { readonly kind: 'fail'; readonly n: bigint; readonly what: string; readonly known: readonly IntRange[] }
  | { readonly kind: 'unverified'; readonly n: bigint };

/** One piece's verdict: the requirement holds on all of it, certainly fails (at a point), or neither is known. */
type Verdict = 'yes' | 'fail' | 'unknown';

interface Piece { readonly lo: bigint; readonly hi: bigint | null }

const pieceInterval = (p: Piece): Interval => ({ lo: I.fromBigInt(p.lo).lo, hi: p.hi === null ? Infinity : I.fromBigInt(p.hi).hi });

/** Nodes of e, a sum's body counted once per term where its bounds are rational in n and n is known. */
function nodeCost(e: Expr, variable: string, n: bigint | null): number {
  const go = (x: Expr): number => nodeCost(x, variable, n);
  switch (e.kind) {
    case 'num': case 'const': case 'var': case 'param': case 'index': return 1;
    case 'add': return 1 + e.terms.reduce((a, t) => a + go(t), 0);
    case 'mul': return 1 + e.factors.reduce((a, t) => a + go(t), 0);
    case 'neg': return 1 + go(e.arg);
    case 'div': return 1 + go(e.num) + go(e.den);
    case 'pow': return 1 + go(e.base) + go(e.exp);
    case 'call': return 1 + e.args.reduce((a, t) => a + go(t), 0);
    case 'cond': return 1 + go(e.test) + go(e.then) + go(e.else);
    case 'cmp': return 1 + go(e.left) + go(e.right);
    case 'logic': return 1 + e.args.reduce((a, t) => a + go(t), 0);
    case 'sum': {
      let terms = 1;
      const bound = (b: Expr): bigint | null => {
        if (mentions(b, 'param') || mentions(b, 'index') || (mentions(b, 'var') && n === null)) return null;
        const r = rationalFunction(b, variable);
        const v = r && rationalValue(r, n ?? 0n);
        return v && v !== 'undefined' ? v.p / v.q : null;
      };
      const lo = bound(e.lo);
      const hi = bound(e.hi);
      if (lo !== null && hi !== null) terms = Number(hi - lo + 1n > 1_000_000n ? 1_000_000n : hi - lo + 1n > 0n ? hi - lo + 1n : 0n);
      return 1 + go(e.lo) + go(e.hi) + terms * go(e.body);
    }
  }
}

function hasSumInN(e: Expr): boolean {
  switch (e.kind) {
    case 'sum': return mentions(e.lo, 'var') || mentions(e.hi, 'var') || hasSumInN(e.body);
    case 'num': case 'const': case 'var': case 'param': case 'index': return false;
    case 'add': return e.terms.some(hasSumInN);
    case 'mul': return e.factors.some(hasSumInN);
    case 'neg': return hasSumInN(e.arg);
    case 'div': return hasSumInN(e.num) || hasSumInN(e.den);
    case 'pow': return hasSumInN(e.base) || hasSumInN(e.exp);
    case 'call': return e.args.some(hasSumInN);
    case 'cond': return hasSumInN(e.test) || hasSumInN(e.then) || hasSumInN(e.else);
    case 'cmp': return hasSumInN(e.left) || hasSumInN(e.right);
    case 'logic': return e.args.some(hasSumInN);
  }
}

class Checker {
  private work = 0;
  private decimals = 0;
  private readonly exactBudget = { evaluations: EXACT_WORK_PER_CALL };
  private readonly parameterFree: boolean;

  constructor(
    private readonly expr: Expr,
    private readonly variable: string,
    private readonly from: bigint,
    private readonly options: DefinedOptions,
  ) {
    this.parameterFree = !mentions(expr, 'param');
  }

  run(): DomainResult {
    const scope = this.options.scope ?? 'all';
    const reqs = requirements(this.expr, this.variable).filter((r) => {
      if (scope === 'all') return true;
      const parametric = requirementParts(r).some((e) => mentions(e, 'param'));
      return scope === 'parametric' ? parametric : !parametric;
    });
    let fail: Extract<Outcome, { kind: 'fail' }> | null = null;
    let unverified: { n: bigint; what: string } | null = null;
    const known: IntRange[] = [];
    for (const r of reqs) {
      const o = this.decide(r);
      if (o.kind === 'fail') {
        known.push(...o.known);
        if (fail === null || o.n < fail.n) fail = o;
      } else if (o.kind === 'unverified' && (unverified === null || o.n < unverified.n)) {
        unverified = { n: o.n, what: r.what };
      }
    }
    if (fail) return { kind: 'undefined', n: fail.n, what: fail.what, known: mergeRanges(known) };
    if (unverified) return { kind: 'unverified', n: unverified.n, what: unverified.what };
    return { kind: 'defined' };
  }

  private decide(r: Requirement): Outcome {
    const exact = exactFailures(r, this.variable, this.from, this.exactBudget);
    if (exact !== null) {
      if (exact.length === 0) return { kind: 'ok' };
      if (r.guards.length === 0 && r.bindings.length === 0) {
        const n = exact[0]!.lo;
        return { kind: 'fail', n, what: this.decimalFailure(n) ?? r.what, known: exact };
      }
      // the condition fails exactly on these runs; it matters where the guards let it be evaluated
      const budget = { left: WORK_PER_REQUIREMENT };
      for (const run of exact) {
        const o = this.scan(r, run, (p) => this.guardVerdict(r, p), false, budget);
        if (o.kind !== 'ok') return o;
      }
      return { kind: 'ok' };
    }
    return this.scan(r, { lo: this.from, hi: null }, (p) => this.verdict(r, p), true, { left: WORK_PER_REQUIREMENT });
  }

  private readonly costs = new Map<Requirement, { readonly blocks: number; readonly pointDependent: boolean }>();

  /** What one verdict on the piece costs, in evaluated nodes. */
  private pieceCost(r: Requirement, p: Piece): number {
    let c = this.costs.get(r);
    if (!c) {
      const parts = requirementParts(r);
      const blocks = parts.reduce((a, e) => a + nodeCost(e, this.variable, null), 0);
      // only sums with bounds in n cost differently at different points
      c = { blocks, pointDependent: parts.some((e) => hasSumInN(e)) };
      this.costs.set(r, c);
    }
    if (p.lo !== p.hi || !c.pointDependent) return c.blocks;
    return requirementParts(r).reduce((a, e) => a + nodeCost(e, this.variable, p.lo), 0);
  }

  /**
   * Walk [run.lo, run.hi] in pieces: the whole run first, then doubling lengths,
   * bisecting undecided finite pieces down to points.
   */
  private scan(r: Requirement, run: Piece, verdict: (p: Piece) => Verdict, monotone: boolean, budget: { left: number }): Outcome {
    const step = (p: Piece): boolean => {
      const cost = this.pieceCost(r, p);
      budget.left -= cost;
      this.work += cost;
      return budget.left >= 0 && this.work <= WORK_PER_CALL;
    };
    if (!step(run)) return { kind: 'unverified', n: run.lo };
    let points = 0;
    if (verdict(run) === 'yes') return { kind: 'ok' };
    // increasing from a good start settles the whole run at once (n − log(n+1) from 1)
    if (monotone && run.hi === null && this.tailHolds(r, run.lo)) return { kind: 'ok' };
    const pieces: Piece[] = [];
    let lo = run.lo;
    for (let k = 0; run.hi === null || lo <= run.hi; k++) {
      if (k > LAST_DOUBLING) { pieces.push({ lo, hi: run.hi }); break; }
      const hi = lo + (1n << BigInt(k)) - 1n;
      if (run.hi !== null && hi >= run.hi) { pieces.push({ lo, hi: run.hi }); break; }
      pieces.push({ lo, hi });
      lo = hi + 1n;
    }
    // An unbounded last piece that cannot be proved makes the answer "unverified" at best: the
    // finite pieces before it then get only a small budget, enough to find a failure near the start.
    const last = pieces[pieces.length - 1]!;
    if (last.hi === null && step(last) && verdict(last) !== 'yes' && !(monotone && this.tailHolds(r, last.lo))) {
      budget.left = Math.min(budget.left, HOPELESS_WORK);
    }
    for (const piece of pieces) {
      const stack: Piece[] = [piece];
      while (stack.length > 0) {
        const p = stack.pop()!;
        if (!step(p) || (p.lo === p.hi && points++ >= POINTS_PER_REQUIREMENT)) return { kind: 'unverified', n: p.lo };
        const v = verdict(p);
        if (v === 'yes') continue;
        if (p.hi === p.lo) {
          if (v === 'fail') return { kind: 'fail', n: p.lo, what: this.decimalFailure(p.lo) ?? r.what, known: [] };
          const what = this.decimalFailure(p.lo);
          if (what !== null) return { kind: 'fail', n: p.lo, what, known: [] };
          return { kind: 'unverified', n: p.lo };
        }
        if (p.hi === null) {
          if (monotone && this.tailHolds(r, p.lo)) continue;
          return { kind: 'unverified', n: p.lo };
        }
        const mid = p.lo + (p.hi - p.lo) / 2n;
        stack.push({ lo: mid + 1n, hi: p.hi }, { lo: p.lo, hi: mid });
      }
    }
    return { kind: 'ok' };
  }

  private env(p: Piece): RangeEnv {
    const { params, coefSign } = this.options;
    return {
      variable: this.variable, x: pieceInterval(p), index: new Map(),
      ...(params ? { params } : {}), ...(coefSign ? { coefSign } : {}), ...(p.hi === p.lo ? { point: p.lo } : {}),
    };
  }

  /** Are the guards certainly wrong (the requirement is not evaluated), certainly right, or unknown on the piece? */
  private guards(r: Requirement, env: RangeEnv): 'skip' | 'hold' | 'unknown' {
    let all = true;
    for (const g of r.guards) {
      let t: boolean | undefined;
      try {
        t = evalCondition(g.test, env.params ? { variable: env.variable, x: env.x, params: env.params } : { variable: env.variable, x: env.x }, env.index);
      } catch (err) {
        if (!(err instanceof I.IntervalDomainError || err instanceof UnsupportedExprError || err instanceof RangeError)) throw err;
        t = undefined;
      }
      if (t === !g.holds) return 'skip';
      if (t === undefined) all = false;
    }
    return all ? 'hold' : 'unknown';
  }

  /** Verdict on a piece where the condition is known to fail: only the guards can excuse it. */
  private guardVerdict(r: Requirement, p: Piece): Verdict {
    const base = this.env(p);
    const index = indexRanges(r.bindings, base);
    if (index === null) return 'yes';
    const g = this.guards(r, { ...base, index });
    if (g === 'skip') return 'yes';
    return g === 'hold' && r.bindings.length === 0 && p.hi === p.lo ? 'fail' : 'unknown';
  }

  private verdict(r: Requirement, p: Piece): Verdict {
    const base = this.env(p);
    const index = indexRanges(r.bindings, base);
    if (index === null) return 'yes';
    const env = { ...base, index };
    const g = this.guards(r, env);
    if (g === 'skip') return 'yes';
    const c = p.hi === p.lo ? this.conditionAt(r, p.lo, env) : this.condition(r, env);
    if (c === true) return 'yes';
    return c === false && g === 'hold' && r.bindings.length === 0 ? 'fail' : 'unknown';
  }

  /** The requirement's condition over the environment: true (holds), false (fails throughout) or undefined. */
  private condition(r: Requirement, env: RangeEnv, arg: Expr = r.arg, exponent?: Expr): boolean | undefined {
    const m = signMask(arg, env);
    const c = r.condition;
    switch (c.kind) {
      case 'sign':
        if ((m & ~c.allowed) === 0) return true;
        return (m & c.allowed) === 0 && m !== 0 ? false : undefined;
      case 'power': {
        const x = exponent ?? c.exponent;
        if ((m & ~POS) === 0) return true;
        const mx = signMask(x, env);
        if ((m & NEG) === 0 && (mx & NEG) === 0) return true;
        if (isIntegerValued(x, this.variable) && ((m & ZERO) === 0 || (mx & NEG) === 0)) return true;
        if (m === ZERO && mx === NEG) return false;
        return undefined;
      }
      case 'gamma': return (m & ~POS) === 0 ? true : undefined;
      case 'factorial':
        if (isIntegerValued(arg, this.variable) && (m & NEG) === 0) return true;
        return m === NEG ? false : undefined;
      case 'tan': {
        if (!mentions(arg, 'param') && !mentions(arg, 'index') && rationalFunction(arg, this.variable) !== null) return true;
        const a = enclosure(arg, env);
        const v = a && I.cos(a);
        return v !== null && (v.lo > 0 || v.hi < 0) ? true : undefined;
      }
      case 'integer': return isIntegerValued(arg, this.variable) ? true : undefined;
    }
  }

  /** The condition at one integer: exactly where the arguments are rational, else by enclosures. */
  private conditionAt(r: Requirement, n: bigint, env: RangeEnv): boolean | undefined {
    const at = (e: Expr): Expr => substituteVariable(e, this.variable, E.num(n));
    const value = (e: Expr): Rational | 'undefined' | null => {
      if (mentions(e, 'param') || mentions(e, 'index')) return null;
      const rf = rationalFunction(e, this.variable);
      return rf && rationalValue(rf, n);
    };
    const c = r.condition;
    const a = value(r.arg);
    if (a === 'undefined') return false;
    if (a !== null) {
      const sign = a.p > 0n ? POS : a.p < 0n ? NEG : ZERO;
      const integer = a.p % a.q === 0n;
      switch (c.kind) {
        case 'sign': return (sign & c.allowed) !== 0;
        case 'gamma': return !(integer && a.p <= 0n);
        case 'factorial': return integer && a.p >= 0n;
        case 'tan': return true;
        case 'integer': return integer;
        case 'power': {
          if (sign === POS) return true;
          const x = value(c.exponent);
          if (x === 'undefined') return false;
          if (x !== null) return sign === ZERO ? x.p >= 0n : x.p % x.q === 0n;
          break;
        }
      }
    }
    // parameters: with n fixed, the arguments are parameter coefficients the oracle can sign
    const parametric = mentions(r.arg, 'param') || (c.kind === 'power' && mentions(c.exponent, 'param'));
    if (parametric) return this.condition(r, env, at(r.arg), c.kind === 'power' ? at(c.exponent) : undefined);
    return this.condition(r, env);
  }

  /** On [M, ∞) by monotonicity, for the conditions that reduce to a sign of the argument. */
  private tailHolds(r: Requirement, M: bigint): boolean {
    if (r.bindings.length > 0 || requirementParts(r).some((e) => mentions(e, 'param'))) return false;
    const m = I.fromBigInt(M);
    const c = r.condition;
    const positive = (): boolean => tailSign(r.arg, this.variable, m, 1, true);
    switch (c.kind) {
      case 'sign':
        if (c.allowed & POS && positive()) return true;
        if (c.allowed & NEG && tailSign(r.arg, this.variable, m, -1, true)) return true;
        return c.allowed === (ZERO | POS) && tailSign(r.arg, this.variable, m, 1, false);
      case 'power': case 'gamma': return positive();
      case 'factorial': return isIntegerValued(r.arg, this.variable) && tailSign(r.arg, this.variable, m, 1, false);
      default: return false;
    }
  }

  /**
   * The evaluator's DomainError at n, if it raises one at 30 and again at 100
   * digits (parameter-free expressions only). The second precision keeps a
   * rounding error from reading as a failure: log(sin(π) + 10⁻⁵⁰) is defined,
   * but sin(π) to 30 digits may be −10⁻³⁵.
   */
  private decimalFailure(n: bigint): string | null {
    if (!this.parameterFree || this.decimals++ >= DECIMAL_CALLS) return null;
    let what: string | null = null;
    for (const precision of [30, 100]) {
      try {
        evaluateDecimal(this.expr, { variable: this.variable, n: n.toString() }, { precision, maxSteps: DECIMAL_STEPS });
        return null;
      } catch (err) {
        if (err instanceof DomainError) { what = err.operation; continue; }
        if (err instanceof EvaluationLimitError || err instanceof Error) return null; // evaluator trouble is no evidence
        throw err;
      }
    }
    return what;
  }
}

/** Whether every term n ≥ from is defined: proved, refuted at the first n found, or unverified. */
export function checkDefined(expr: Expr, variable: string, from: number | bigint, options: DefinedOptions = {}): DomainResult {
  return new Checker(expr, variable, BigInt(from), options).run();
}
