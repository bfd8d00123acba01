/**
 * log|f| of an expression read off its multiplicative structure, for term mode:
 * log|u·v| = log|u| + log|v|, log|u/v| = log|u| − log|v|, log e^X = X and
 * log|b^r| = r·log|b|. Expanding a term such as e^{−q₁}·e^{−q₂}/(n+1)^c whole and
 * taking the log of the result would expand exponentials only to undo them, at a
 * high cost and with truncation on the way; these identities are exact.
 *
 * Owns: `signedLog`, the eventual sign of f and bounds on log|f|, or null when the
 * sign of some factor is not one for large n (the caller then expands f itself).
 */
import type { Expr } from '../parse/expr.js';
import * as A from './approx.js';
import type { Ctx } from './context.js';
import { expand } from './expand.js';
import { logApprox, constantOf } from './powers.js';

export interface SignedLog {
  readonly sign: -1 | 1;
  readonly log: A.Approx;
}

export function signedLog(e: Expr, ctx: Ctx): SignedLog | null {
  switch (e.kind) {
    case 'neg': {
      const r = signedLog(e.arg, ctx);
      return r && { sign: -r.sign as -1 | 1, log: r.log };
    }
    case 'mul': {
      let sign: -1 | 1 = 1;
      let log: A.Approx | null = null;
      for (const f of e.factors) {
        const r = signedLog(f, ctx);
        if (!r) return null;
        sign = (sign * r.sign) as -1 | 1;
        log = log ? A.add(log, r.log, ctx) : r.log;
      }
      return log && { sign, log };
    }
    case 'div': {
      const n = signedLog(e.num, ctx), d = n && signedLog(e.den, ctx);
      if (!n || !d) return null;
      return { sign: (n.sign * d.sign) as -1 | 1, log: A.add(n.log, A.neg(d.log), ctx) };
    }
    case 'call':
      if (e.fn === 'exp') return { sign: 1, log: expand(e.args[0]!, ctx) };
      return whole(e, ctx);
    case 'pow': {
      const b = signedLog(e.base, ctx);
      if (!b) return null;
      const r = expand(e.exp, ctx);
      if (b.sign === 1) return { sign: 1, log: A.mul(r, b.log, ctx) };
      // a negative base: only an even or odd integer constant exponent keeps one sign
      const k = constantOf(r, ctx)?.asFraction();
      if (!k || k.d !== 1n) return null;
      return { sign: k.n % 2n === 0n ? 1 : -1, log: A.mul(r, b.log, ctx) };
    }
    default: return whole(e, ctx);
  }
}

/** a factor with no multiplicative structure: expand it and take the log of its magnitude */
function whole(e: Expr, ctx: Ctx): SignedLog | null {
  const a = expand(e, ctx);
  const s = A.signOf(a, ctx);
  if (s === 1) return { sign: 1, log: logApprox(a, ctx) };
  if (s === -1) return { sign: -1, log: logApprox(A.neg(a), ctx) };
  return null;
}
