/**
 * The partial operations of an expression, each with the condition under which
 * it is evaluated.
 *
 * Owns: `requirements`, the list of everything that can make a term undefined,
 * following the semantics of ../evaluate.ts (the reference for what "defined"
 * means): log needs an argument > 0; division a denominator ≠ 0; x^k with k a
 * negative integer x ≠ 0, with k a positive non-integer x ≥ 0, with k a
 * negative non-integer x > 0; x^y with y not a rational constant is fine for
 * x > 0, for x = 0 with y ≥ 0 (0^0 = 1) and for x < 0 with y an integer; gamma
 * is undefined at 0, −1, −2, …; factorial needs a non-negative integer; tan has
 * poles; the bounds of a finite sum must be integers.
 *
 * Each requirement carries its guards: a branch of `c ? a : b` is evaluated only
 * where c is true (false), the later arguments of and/or only where the earlier
 * ones did not short-circuit, and a sum's body only for indices in its range
 * (the bindings). A requirement is a claim about the points where its guards
 * hold; checking it everywhere is sound but may be too strict, so the checker
 * decides the guards too.
 *
 * One deliberate exception: a sum bound that depends on parameters only, such
 * as d/2 in Sandwich's sum over i = 1 … d/2, is not a requirement on n. It is
 * the same for every n, and reads as an assumption on the parameter (d even).
 */
import type { Expr } from '../../parse/expr.js';
import { constantValue, rationalFunction } from './rational-expr.js';

/** Bit mask of signs: NEG = 1, ZERO = 2, POS = 4. */
export type SignMask = number;
export const NEG = 1;
export const ZERO = 2;
export const POS = 4;
export const ALL = NEG | ZERO | POS;

export type Condition =
  /** the argument's sign lies in the mask */
  | { readonly kind: 'sign'; readonly allowed: SignMask }
  /** argument^exponent for an exponent that is not a rational constant */
  | { readonly kind: 'power'; readonly exponent: Expr }
  /** gamma(argument): not 0, −1, −2, … */
  | { readonly kind: 'gamma' }
  /** factorial(argument): a non-negative integer */
  | { readonly kind: 'factorial' }
  /** tan(argument): cos(argument) ≠ 0 */
  | { readonly kind: 'tan' }
  /** a bound of a finite sum: an integer */
  | { readonly kind: 'integer' };

export interface Guard {
  readonly test: Expr;
  /** the value the test must have for the requirement to be evaluated */
  readonly holds: boolean;
}

export interface Binding {
  readonly index: string;
  readonly lo: Expr;
  readonly hi: Expr;
}

export interface Requirement {
  readonly arg: Expr;
  readonly condition: Condition;
  /** what fails, in the words of the evaluator's DomainError ("log of a non-positive number") */
  readonly what: string;
  readonly guards: readonly Guard[];
  readonly bindings: readonly Binding[];
}

const KIND_BIT = { var: 1, param: 2, index: 4 } as const;
/** per node: which of var / param / index occur in it (the sign analysis asks for every subtree) */
const kindsCache = new WeakMap<Expr, number>();

function kinds(e: Expr): number {
  const cached = kindsCache.get(e);
  if (cached !== undefined) return cached;
  let k = 0;
  const or = (xs: readonly Expr[]): void => { for (const x of xs) k |= kinds(x); };
  switch (e.kind) {
    case 'num': case 'const': break;
    case 'var': case 'param': case 'index': k = KIND_BIT[e.kind]; break;
    case 'add': or(e.terms); break;
    case 'mul': or(e.factors); break;
    case 'neg': or([e.arg]); break;
    case 'div': or([e.num, e.den]); break;
    case 'pow': or([e.base, e.exp]); break;
    case 'call': or(e.args); break;
    case 'cond': or([e.test, e.then, e.else]); break;
    case 'cmp': or([e.left, e.right]); break;
    case 'logic': or(e.args); break;
    case 'sum': or([e.body, e.lo, e.hi]); break;
  }
  kindsCache.set(e, k);
  return k;
}

/** Does the expression mention a parameter / the variable / a sum index? */
export function mentions(e: Expr, kind: 'param' | 'var' | 'index'): boolean {
  return (kinds(e) & KIND_BIT[kind]) !== 0;
}

/** Everything a requirement's truth depends on, for deciding which parameters it involves. */
export function requirementParts(r: Requirement): Expr[] {
  const parts = [r.arg, ...r.guards.map((g) => g.test), ...r.bindings.flatMap((b) => [b.lo, b.hi])];
  if (r.condition.kind === 'power') parts.push(r.condition.exponent);
  return parts;
}

/** The exponent as an exact rational constant, or null. */
function rationalExponent(e: Expr, variable: string): { p: bigint; q: bigint } | null {
  if (e.kind === 'num') return { p: e.value.s * e.value.n, q: e.value.d };
  const r = rationalFunction(e, variable);
  return r && constantValue(r);
}

export function requirements(expr: Expr, variable: string): Requirement[] {
  const out: Requirement[] = [];
  // the same node under the same guards once (equal copies in different places are simply checked twice)
  const seen = new Map<Expr, Requirement[]>();
  const push = (r: Requirement): void => {
    const same = seen.get(r.arg) ?? [];
    if (same.some((x) => x.condition.kind === r.condition.kind && x.guards === r.guards && x.bindings === r.bindings)) return;
    same.push(r);
    seen.set(r.arg, same);
    out.push(r);
  };
  const walk = (e: Expr, guards: readonly Guard[], bindings: readonly Binding[]): void => {
    const req = (arg: Expr, condition: Condition, what: string): void => push({ arg, condition, what, guards, bindings });
    const go = (x: Expr): void => walk(x, guards, bindings);
    switch (e.kind) {
      case 'num': case 'const': case 'var': case 'param': case 'index': return;
      case 'add': e.terms.forEach(go); return;
      case 'mul': e.factors.forEach(go); return;
      case 'neg': go(e.arg); return;
      case 'div':
        go(e.num); go(e.den);
        req(e.den, { kind: 'sign', allowed: NEG | POS }, 'division by zero');
        return;
      case 'pow': {
        go(e.base); go(e.exp);
        const k = rationalExponent(e.exp, variable);
        if (k === null) { req(e.base, { kind: 'power', exponent: e.exp }, 'a power of a non-positive number'); return; }
        if (k.q === 1n) {
          if (k.p < 0n) req(e.base, { kind: 'sign', allowed: NEG | POS }, 'zero to a negative power');
          return;
        }
        if (k.p > 0n) req(e.base, { kind: 'sign', allowed: ZERO | POS }, k.p === 1n && k.q === 2n ? 'square root of a negative number' : 'negative number to a non-integer power');
        else req(e.base, { kind: 'sign', allowed: POS }, 'a non-positive number to a negative non-integer power');
        return;
      }
      case 'call':
        e.args.forEach(go);
        if (e.fn === 'log') req(e.args[0]!, { kind: 'sign', allowed: POS }, 'log of a non-positive number');
        else if (e.fn === 'gamma') req(e.args[0]!, { kind: 'gamma' }, 'gamma at a non-positive integer');
        else if (e.fn === 'factorial') req(e.args[0]!, { kind: 'factorial' }, 'factorial of a negative or non-integer number');
        else if (e.fn === 'tan') req(e.args[0]!, { kind: 'tan' }, 'tan at a pole');
        return;
      case 'cond':
        go(e.test);
        walk(e.then, [...guards, { test: e.test, holds: true }], bindings);
        walk(e.else, [...guards, { test: e.test, holds: false }], bindings);
        return;
      case 'cmp': go(e.left); go(e.right); return;
      case 'logic': {
        // and/or stop at the first argument that decides
        const more: Guard[] = [];
        for (const a of e.args) {
          walk(a, [...guards, ...more], bindings);
          if (e.op !== 'not') more.push({ test: a, holds: e.op === 'and' });
        }
        return;
      }
      case 'sum':
        go(e.lo); go(e.hi);
        for (const bound of [e.lo, e.hi]) {
          const parameterOnly = mentions(bound, 'param') && !mentions(bound, 'var') && !mentions(bound, 'index');
          if (!parameterOnly) req(bound, { kind: 'integer' }, 'sum bound that is not an integer');
        }
        walk(e.body, guards, [...bindings, { index: e.index, lo: e.lo, hi: e.hi }]);
        return;
    }
  }
  walk(expr, [], []);
  return out;
}
