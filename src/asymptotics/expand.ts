/**
 * The asymptotic engine's entry point: an expression tree to bounds by expansions
 * (Approx) as the variable tends to infinity, under a parameter region.
 *
 * Owns: the dispatch over node kinds; each family of functions lives in its own module.
 */
import { Coef } from '../conditions/coef.js';
import type { Expr } from '../parse/expr.js';
import * as A from './approx.js';
import * as B from './bounded.js';
import { eventualTruth } from './conditional.js';
import { type Ctx, EngineUnknown, indexParam } from './context.js';
import { finiteSum } from './finite-sum.js';
import { factorial, gamma } from './gamma.js';
import { expApprox, logApprox, power, reciprocal } from './powers.js';
import { scaleMono } from './scale.js';
import * as S from './series.js';

const constant = (c: Coef): A.Approx => A.exact(S.constant(c));

export function expand(e: Expr, ctx: Ctx): A.Approx {
  ctx.tick();
  switch (e.kind) {
    case 'num': return constant(Coef.of(e.value));
    case 'const': return constant(Coef.atom({ kind: 'const', name: e.name }));
    case 'var':
      if (e.name !== ctx.variable) return constant(ctx.param(e.name));
      return A.exact(S.single(scaleMono(0, Coef.of(1))));
    case 'param': return constant(ctx.param(e.name));
    case 'index': {
      const v = ctx.indices.get(e.name);
      if (v === undefined) throw new EngineUnknown(`index ${e.name} used outside its sum`);
      return constant(v ?? Coef.param(indexParam(e.name)));
    }
    case 'add': return e.terms.map((t) => expand(t, ctx)).reduce((x, y) => A.add(x, y, ctx));
    case 'mul': return e.factors.map((t) => expand(t, ctx)).reduce((x, y) => A.mul(x, y, ctx));
    case 'neg': return A.neg(expand(e.arg, ctx));
    case 'div': return A.mul(expand(e.num, ctx), reciprocal(expand(e.den, ctx), ctx), ctx);
    case 'pow': return power(e.exp, expand(e.base, ctx), expand(e.exp, ctx), ctx);
    case 'cond': return eventualTruth(e.test, ctx, expand) ? expand(e.then, ctx) : expand(e.else, ctx);
    case 'sum': return finiteSum(e, ctx, expand);
    case 'cmp': case 'logic': throw new EngineUnknown('a comparison used as a number');
    case 'call': return call(e.fn, e.args.map((x) => expand(x, ctx)), ctx);
  }
}

function call(fn: Extract<Expr, { kind: 'call' }>['fn'], args: A.Approx[], ctx: Ctx): A.Approx {
  const a = args[0]!;
  switch (fn) {
    case 'log': return logApprox(a, ctx);
    case 'exp': return expApprox(a, ctx);
    case 'sin': case 'cos': return B.sinCos(fn, a, ctx);
    case 'tan': return B.tan(a, ctx);
    case 'atan': case 'tanh': case 'sinh': return B.monotoneFn(fn, a, ctx);
    case 'cosh': return B.cosh(a, ctx);
    case 'floor': case 'ceil': return B.floorCeil(fn, a, ctx);
    case 'sign': return B.sign(a, ctx);
    case 'abs': return B.abs(a, ctx);
    case 'min': case 'max': return B.minMax(fn, args, ctx);
    case 'gamma': return gamma(a, ctx);
    case 'factorial': return factorial(a, ctx);
    case 'cbrt': {
      const s = A.signOf(a, ctx);
      const third = Coef.of('1/3' as unknown as number);
      const root = (x: A.Approx): A.Approx => expApprox(A.mul(constant(third), logApprox(x, ctx), ctx), ctx);
      if (s === 1) return root(a);
      if (s === -1) return A.neg(root(A.neg(a)));
      if (s === 0) return a;
      throw new EngineUnknown('cube root of a quantity whose sign is not determined');
    }
  }
}
