/**
 * Conditionals `c ? a : b`: decide which branch holds for all large n from the
 * eventual sign of the two sides of each comparison. The condition is never
 * evaluated numerically at large n.
 */
import type { Expr } from '../parse/expr.js';
import * as A from './approx.js';
import { type Ctx, EngineUnknown } from './context.js';

export function eventualTruth(test: Expr, ctx: Ctx, expand: (e: Expr, ctx: Ctx) => A.Approx): boolean {
  switch (test.kind) {
    case 'cmp': {
      const d = A.add(expand(test.left, ctx), A.neg(expand(test.right, ctx)), ctx);
      const s = A.signOf(d, ctx);
      if (s === null) throw new EngineUnknown('cannot decide which branch of a conditional holds for large n');
      switch (test.op) {
        case '<': return s < 0;
        case '<=': return s <= 0;
        case '>': return s > 0;
        case '>=': return s >= 0;
        case '==': return s === 0;
        case '!=': return s !== 0;
      }
    }
    // falls through (unreachable)
    case 'logic': {
      if (test.kind !== 'logic') break;
      const vals = test.args.map((x) => eventualTruth(x, ctx, expand));
      return test.op === 'and' ? vals.every(Boolean) : test.op === 'or' ? vals.some(Boolean) : !vals[0];
    }
    default: break;
  }
  throw new EngineUnknown('the condition of a conditional must be a comparison');
}
