/**
 * float64 evaluation of an Expr, compiled once into nested closures (no eval, no
 * new Function) for filling bias tables and quick sampling.
 *
 * Owns: the float semantics, which mirror evaluateDecimal but return NaN wherever
 * evaluateDecimal throws a DomainError (log of x <= 0, division by 0, 0 to a
 * negative power, negative base with a non-integer exponent, gamma at 0, −1, …,
 * factorial of a non-natural number, non-integer sum bounds, more than 1e6 sum
 * terms). A NaN test makes `c ? a : b` NaN. A missing parameter throws an Error.
 * The walk of the tree is the shared generator's (`codegen/generate.ts`); this file
 * is its closure target. The Python target (`codegen/python.ts`) implements the
 * same semantics for the exported PyTorch/numpy modules.
 */
import type { CmpOp, Expr } from '../parse/expr.js';
import { generate, MAX_SUM_TERMS, type Target, type UnaryName } from './codegen/generate.js';
import { factorialFloat, gammaFloat } from './gamma.js';

interface State {
  n: number;
  params: Readonly<Record<string, number>> | undefined;
  readonly idx: Float64Array;
}

type Fn = (s: State) => number;

const UNARY: Readonly<Record<UnaryName, (x: number) => number>> = {
  log: (x) => (x > 0 ? Math.log(x) : NaN),
  exp: Math.exp,
  abs: Math.abs,
  sign: Math.sign,
  floor: Math.floor,
  ceil: Math.ceil,
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  atan: Math.atan,
  tanh: Math.tanh,
  cosh: Math.cosh,
  sinh: Math.sinh,
  cbrt: Math.cbrt,
  gamma: gammaFloat,
  factorial: factorialFloat,
};

function compare(op: CmpOp): (x: number, y: number) => boolean {
  switch (op) {
    case '<': return (x, y) => x < y;
    case '<=': return (x, y) => x <= y;
    case '>': return (x, y) => x > y;
    case '>=': return (x, y) => x >= y;
    case '==': return (x, y) => x === y;
    case '!=': return (x, y) => x !== y;
  }
}

/** The closure target: each node becomes a function of the evaluation state. */
const CLOSURES: Target<Fn> = {
  num: (v) => () => v,
  variable: () => (s) => s.n,
  param: (name) => (s) => {
    const p = s.params;
    if (p === undefined || !Object.hasOwn(p, name)) throw new Error(`no value given for the parameter ${name}`);
    return p[name]!;
  },
  index: (slot) => (s) => s.idx[slot]!,
  add: (ts) => {
    if (ts.length === 2) { const [a, b] = ts as [Fn, Fn]; return (s) => a(s) + b(s); }
    return (s) => { let acc = 0; for (const t of ts) acc += t(s); return acc; };
  },
  mul: (fs) => {
    if (fs.length === 2) { const [a, b] = fs as [Fn, Fn]; return (s) => a(s) * b(s); }
    return (s) => { let acc = 1; for (const f of fs) acc *= f(s); return acc; };
  },
  neg: (a) => (s) => -a(s),
  div: (a, b) => (s) => { const d = b(s); return d === 0 ? NaN : a(s) / d; },
  sqrt: (x) => (s) => Math.sqrt(x(s)),
  pow: (base, x) => (s) => {
    const b = base(s);
    const y = x(s);
    if (b === 0 && y < 0) return NaN;
    return Math.pow(b, y);
  },
  unary: (fn, a) => { const f = UNARY[fn]; return (s) => f(a(s)); },
  minmax: (fn, xs) => {
    const pick = fn === 'min' ? Math.min : Math.max;
    return (s) => pick(...xs.map((x) => x(s)));
  },
  cond: (t, a, b) => (s) => { const c = t(s); return c === 1 ? a(s) : c === 0 ? b(s) : NaN; },
  cmp: (op, a, b) => {
    const cmp = compare(op);
    return (s) => {
      const x = a(s);
      const y = b(s);
      return Number.isNaN(x) || Number.isNaN(y) ? NaN : cmp(x, y) ? 1 : 0;
    };
  },
  not: (a) => (s) => { const v = a(s); return Number.isNaN(v) ? NaN : 1 - v; },
  logic: (op, args) => {
    const stop = op === 'and' ? 0 : 1;
    return (s) => {
      for (const a of args) { const v = a(s); if (v !== 1 - stop) return v; }
      return 1 - stop;
    };
  },
  sum: (slot, lo, hi, body) => (s) => {
    const a = lo(s);
    const b = hi(s);
    if (!Number.isInteger(a) || !Number.isInteger(b)) return NaN;
    if (b - a + 1 > MAX_SUM_TERMS) return NaN;
    let acc = 0;
    for (let i = a; i <= b; i++) { s.idx[slot] = i; acc += body(s); }
    return acc;
  },
};

/** Compile `expr` into a fast float64 function of the variable (and parameters). */
export function compileFloat(expr: Expr, variable: string): (n: number, params?: Readonly<Record<string, number>>) => number {
  const { root, slots } = generate(expr, variable, CLOSURES);
  const state: State = { n: 0, params: undefined, idx: new Float64Array(Math.max(1, slots)) };
  return (n, params) => {
    state.n = n;
    state.params = params;
    return root(state);
  };
}
