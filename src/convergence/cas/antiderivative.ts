/**
 * Antiderivatives for the integral test: asked of nerdamer (a CAS whose answers
 * we do not trust), then CHECKED: F is differentiated exactly with mathjs on a
 * tree we build (mathjs-tree.ts), F' − f is simplified to 0 symbolically (mathjs,
 * then nerdamer as a second opinion), and F' = f is spot-checked with decimal.js
 * at several points. A candidate that fails a check is discarded.
 *
 * Strategies, in order: when f depends on x only through one affine form
 * u = αx + β, integrate g(u) du and divide by α (nerdamer handles u^(−s) and
 * 1/(u·log u) well, and mangles (1 + r·x)^(−s)); then f itself.
 *
 * Owns: the CAS call, the substitution, and the acceptance checks.
 */
import nerdamer from 'nerdamer';
import 'nerdamer/Calculus.js';
import * as E from '../../parse/expr.js';
import type { Expr } from '../../parse/expr.js';
import { parseExpression } from '../../parse/parse.js';
import { toAscii } from '../../parse/print.js';
import { everyNode, exprEquals, freeParameters, usesVariable } from '../../parse/walk.js';
import { evaluateDecimal } from '../../numeric/evaluate.js';
import { derivative, simplifiesToZero } from './mathjs-tree.js';
import { decimalParams, type ParamPoint } from '../../conditions/region-sample.js';
import { rewrite, substituteVariable } from '../../parse/substitute.js';
import { tidy } from '../../parse/tidy.js';

export interface Antiderivative {
  readonly f: Expr;
  readonly F: Expr;
  /** F'(x), exactly as mathjs differentiates F */
  readonly dF: Expr;
  /** how F was found */
  readonly method: string;
  /** F' − f simplified to 0 by a CAS ("mathjs" or "nerdamer"), or null */
  readonly symbolic: 'mathjs' | 'nerdamer' | null;
  /** the numerical agreement of F' and f: [x, relative difference] */
  readonly checks: readonly { readonly x: string; readonly relDiff: string }[];
}

const ALLOWED_FNS = new Set(['log', 'exp']);
const MAX_NODES = 60;

/** Integrands we hand to the CAS: small, built from +, ·, /, powers, exp and log. */
export function integrable(f: Expr): boolean {
  let nodes = 0;
  return everyNode(f, (x) => {
    if (++nodes > MAX_NODES) return false;
    if (x.kind === 'call') return ALLOWED_FNS.has(x.fn);
    return ['num', 'const', 'var', 'param', 'add', 'mul', 'neg', 'div', 'pow'].includes(x.kind);
  });
}

function isAffine(e: Expr, v: string): boolean {
  const free = (x: Expr): boolean => !usesVariable(x);
  const linearTerm = (t: Expr): boolean => {
    if (t.kind === 'var') return t.name === v;
    if (t.kind === 'neg') return linearTerm(t.arg) || free(t.arg);
    if (t.kind === 'mul') {
      const withVar = t.factors.filter((f) => !free(f));
      return withVar.length === 1 && withVar[0]!.kind === 'var';
    }
    return free(t);
  };
  if (!usesVariable(e)) return false;
  if (e.kind === 'add') return e.terms.every(linearTerm);
  return (e.kind === 'mul' || e.kind === 'neg') && linearTerm(e);
}

/** The outermost affine form through which alone f depends on v (not v itself). */
function affineForm(f: Expr, v: string): Expr | null {
  const candidates: Expr[] = [];
  everyNode(f, (x) => { if (isAffine(x, v)) candidates.push(x); });
  for (const L of candidates) {
    const replaced = rewrite(f, (x) => (exprEquals(x, L) ? E.variable('__u') : undefined));
    if (!everyNode(replaced, (x) => !(x.kind === 'var' && x.name === v))) continue;
    return L;
  }
  return null;
}

function freshName(f: Expr, wanted: string): string {
  const taken = new Set(freeParameters(f));
  let name = wanted, i = 1;
  while (taken.has(name)) name = `${wanted}${i++}`;
  return name;
}

/** nerdamer's antiderivative of f in v, parsed back by our parser; null when it has none we accept. */
function casIntegrate(f: Expr, v: string): Expr | null {
  const key = `${v}|${toAscii(f)}`;
  if (!integrals.has(key)) integrals.set(key, casIntegrateUncached(f, v));
  return integrals.get(key)!;
}

/** CAS answers are pure functions of the text asked; reports ask the same integrals in many regions. */
const integrals = new Map<string, Expr | null>();
const zeros = new Map<string, boolean>();

function casIntegrateUncached(f: Expr, v: string): Expr | null {
  let text: string;
  try {
    text = nerdamer(`integrate(${toAscii(f)}, ${v})`).toString();
  } catch {
    return null;
  }
  if (/integrate|erf|Si\(|Ci\(|Ei\(|Li\(|Shi|Chi|fact|gamma|abs|sign/.test(text)) return null;
  try {
    return parseExpression(text, { variable: v }).expr;
  } catch {
    return null;
  }
}

function nerdamerZero(e: Expr): boolean {
  const key = toAscii(e);
  if (!zeros.has(key)) zeros.set(key, nerdamerZeroUncached(e));
  return zeros.get(key)!;
}

function nerdamerZeroUncached(e: Expr): boolean {
  try {
    return nerdamer(`expand(${toAscii(e)})`).toString() === '0' || nerdamer(`simplify(${toAscii(e)})`).toString() === '0';
  } catch {
    return false;
  }
}

/** Sample points for the numerical check of F' = f: x = start·{1, 3, 10, 100, 1000}. */
function checkPoints(start: number): number[] {
  const s = Math.max(start, 2);
  return [s, 3 * s, 10 * s, 100 * s, 1000 * s];
}

function numericCheck(dF: Expr, f: Expr, v: string, params: ParamPoint, start: number): Antiderivative['checks'] | null {
  const ps = decimalParams(params);
  const rows: { x: string; relDiff: string }[] = [];
  for (const x of checkPoints(start)) {
    try {
      const a = evaluateDecimal(dF, { variable: v, n: x, params: ps }, { precision: 40 });
      const b = evaluateDecimal(f, { variable: v, n: x, params: ps }, { precision: 40 });
      const rel = a.sub(b).abs().div(b.abs().isZero() ? 1 : b.abs());
      if (!rel.lt('1e-25')) return null;
      rows.push({ x: String(x), relDiff: rel.isZero() ? '0' : rel.toSignificantDigits(2).toString() });
    } catch {
      return null;
    }
  }
  return rows;
}

/**
 * A checked antiderivative of f in v. `params` is a parameter point inside the
 * region (for the numerical check); `start` the first x of interest.
 */
export function antiderivative(f: Expr, v: string, params: ParamPoint, start = 1): Antiderivative | { readonly error: string } {
  if (!integrable(f)) return { error: 'the integrand is outside what the CAS is asked about (exp, log, powers, +, ·, /)' };
  const attempts: { F: Expr; method: string }[] = [];
  const L = affineForm(f, v);
  if (L && !(L.kind === 'var')) {
    const u = freshName(f, 'u');
    const g = rewrite(f, (x) => (exprEquals(x, L) ? E.variable(u) : undefined));
    const G = casIntegrate(g, u);
    if (G) {
      const alpha = derivative(L, v);
      attempts.push({ F: tidy(E.div(substituteVariable(G, u, L), alpha)), method: `nerdamer, after the substitution u = ${toAscii(L)}` });
    }
  }
  const direct = casIntegrate(f, v);
  if (direct) attempts.push({ F: direct, method: 'nerdamer' });
  if (attempts.length === 0) return { error: 'nerdamer finds no elementary antiderivative' };
  for (const { F, method } of attempts) {
    let dF: Expr;
    try { dF = derivative(F, v); } catch { continue; }
    const checks = numericCheck(dF, f, v, params, start);
    if (!checks) continue;
    const diff = E.add(dF, E.neg(f));
    const symbolic = simplifiesToZero(diff) ? 'mathjs' : nerdamerZero(diff) ? 'nerdamer' : null;
    return { f, F, dF, method, symbolic, checks };
  }
  return { error: 'every antiderivative nerdamer proposed failed the check F\' = f' };
}

