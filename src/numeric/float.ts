/**
 * float64 evaluation of an Expr, compiled once into nested closures (no eval, no
 * new Function) for filling bias tables and quick sampling.
 *
 * Owns: the float semantics, which mirror evaluateDecimal but return NaN wherever
 * evaluateDecimal throws a DomainError (log of x <= 0, division by 0, 0 to a
 * negative power, negative base with a non-integer exponent, gamma at 0, −1, …,
 * factorial of a non-natural number, non-integer sum bounds, more than 1e6 sum
 * terms). A NaN test makes `c ? a : b` NaN. A missing parameter throws an Error.
 */
import type { CmpOp, Expr } from '../parse/expr.js';
import { factorialFloat, gammaFloat } from './gamma.js';

interface State {
  n: number;
  params: Readonly<Record<string, number>> | undefined;
  readonly idx: Float64Array;
}

type Fn = (s: State) => number;

const MAX_TERMS = 1_000_000;

const UNARY: Readonly<Record<string, (x: number) => number>> = {
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

class Compiler {
  /** sum index name -> slot, innermost binding wins */
  private readonly scope: { name: string; slot: number }[] = [];
  slots = 0;

  constructor(private readonly variable: string) {}

  num(e: Expr): Fn {
    switch (e.kind) {
      case 'num': { const v = Number(e.value.valueOf()); return () => v; }
      case 'const': { const v = e.name === 'pi' ? Math.PI : Math.E; return () => v; }
      case 'var':
        if (e.name !== this.variable) throw new Error(`the expression's variable is ${e.name}, not ${this.variable}`);
        return (s) => s.n;
      case 'param': {
        const name = e.name;
        return (s) => {
          const p = s.params;
          if (p === undefined || !Object.hasOwn(p, name)) throw new Error(`no value given for the parameter ${name}`);
          return p[name]!;
        };
      }
      case 'index': {
        const b = [...this.scope].reverse().find((x) => x.name === e.name);
        if (b === undefined) throw new Error(`the sum index ${e.name} is not bound`);
        const slot = b.slot;
        return (s) => s.idx[slot]!;
      }
      case 'add': {
        const ts = e.terms.map((t) => this.num(t));
        if (ts.length === 2) { const [a, b] = ts as [Fn, Fn]; return (s) => a(s) + b(s); }
        return (s) => { let acc = 0; for (const t of ts) acc += t(s); return acc; };
      }
      case 'mul': {
        const fs = e.factors.map((f) => this.num(f));
        if (fs.length === 2) { const [a, b] = fs as [Fn, Fn]; return (s) => a(s) * b(s); }
        return (s) => { let acc = 1; for (const f of fs) acc *= f(s); return acc; };
      }
      case 'neg': { const a = this.num(e.arg); return (s) => -a(s); }
      case 'div': {
        const a = this.num(e.num);
        const b = this.num(e.den);
        return (s) => { const d = b(s); return d === 0 ? NaN : a(s) / d; };
      }
      case 'pow': {
        const base = this.num(e.base);
        const ex = e.exp;
        if (ex.kind === 'num' && ex.value.n === 1n && ex.value.d === 2n && ex.value.s > 0n) return (s) => Math.sqrt(base(s));
        const x = this.num(ex);
        return (s) => {
          const b = base(s);
          const y = x(s);
          if (b === 0 && y < 0) return NaN;
          return Math.pow(b, y);
        };
      }
      case 'call': return this.call(e.fn, e.args);
      case 'cond': {
        const t = this.bool(e.test);
        const a = this.num(e.then);
        const b = this.num(e.else);
        return (s) => { const c = t(s); return c === 1 ? a(s) : c === 0 ? b(s) : NaN; };
      }
      case 'sum': return this.sum(e);
      case 'cmp': case 'logic': throw new Error('a comparison has no numeric value');
    }
  }

  /** 1 (true), 0 (false) or NaN (undefined operand) */
  bool(e: Expr): Fn {
    if (e.kind === 'cmp') {
      const a = this.num(e.left);
      const b = this.num(e.right);
      const cmp = compare(e.op);
      return (s) => {
        const x = a(s);
        const y = b(s);
        return Number.isNaN(x) || Number.isNaN(y) ? NaN : cmp(x, y) ? 1 : 0;
      };
    }
    if (e.kind === 'logic') {
      const args = e.args.map((a) => this.bool(a));
      if (e.op === 'not') { const a = args[0]!; return (s) => { const v = a(s); return Number.isNaN(v) ? NaN : 1 - v; }; }
      const stop = e.op === 'and' ? 0 : 1;
      return (s) => {
        for (const a of args) { const v = a(s); if (v !== 1 - stop) return v; }
        return 1 - stop;
      };
    }
    throw new Error(`${e.kind} is not a condition`);
  }

  private call(fn: string, args: readonly Expr[]): Fn {
    const xs = args.map((a) => this.num(a));
    if (fn === 'min' || fn === 'max') {
      const pick = fn === 'min' ? Math.min : Math.max;
      return (s) => pick(...xs.map((x) => x(s)));
    }
    const f = UNARY[fn];
    if (f === undefined) throw new Error(`unknown function ${fn}`);
    const a = xs[0]!;
    return (s) => f(a(s));
  }

  private sum(e: Extract<Expr, { kind: 'sum' }>): Fn {
    const lo = this.num(e.lo);
    const hi = this.num(e.hi);
    const slot = this.slots++;
    this.scope.push({ name: e.index, slot });
    const body = this.num(e.body);
    this.scope.pop();
    return (s) => {
      const a = lo(s);
      const b = hi(s);
      if (!Number.isInteger(a) || !Number.isInteger(b)) return NaN;
      if (b - a + 1 > MAX_TERMS) return NaN;
      let acc = 0;
      for (let i = a; i <= b; i++) { s.idx[slot] = i; acc += body(s); }
      return acc;
    };
  }
}

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

/** Compile `expr` into a fast float64 function of the variable (and parameters). */
export function compileFloat(expr: Expr, variable: string): (n: number, params?: Readonly<Record<string, number>>) => number {
  const c = new Compiler(variable);
  const root = c.num(expr);
  const state: State = { n: 0, params: undefined, idx: new Float64Array(Math.max(1, c.slots)) };
  return (n, params) => {
    state.n = n;
    state.params = params;
    return root(state);
  };
}
