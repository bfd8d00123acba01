/**
 * Biases written as the log of a term, log(a_n), made computable: log(r^n) underflows
 * r^n long before the TRF, log(1/(n·log(n)^s)) hides a p-series or Bertrand tail.
 *
 * Owns: pushing log inside products, quotients, powers and exp, only where it is an
 * identity on the whole range n ≥ from:
 *   log(a·b) = log a + log b,  log(a/b) = log a − log b,  log(x^c) = c·log x
 * when every factor is certainly positive on [from, ∞) (interval evaluation over the
 * unbounded range, no sampling), and log(e^A) = A always. Anything else is left as is.
 */
import * as E from '../parse/expr.js';
import type { Expr } from '../parse/expr.js';
import { evalInterval } from '../numeric/expr-interval.js';

function positiveOn(e: Expr, variable: string, from: number): boolean {
  try {
    return evalInterval(e, { variable, x: { lo: from, hi: Infinity } }).lo > 0;
  } catch {
    return false;
  }
}

function logOf(a: Expr, variable: string, from: number): Expr {
  if (a.kind === 'call' && a.fn === 'exp') return tidyLogs(a.args[0]!, variable, from);
  if (a.kind === 'mul' && a.factors.every((f) => positiveOn(f, variable, from))) {
    return E.add(...a.factors.map((f) => logOf(f, variable, from)));
  }
  if (a.kind === 'div' && positiveOn(a.num, variable, from) && positiveOn(a.den, variable, from)) {
    const num = a.num.kind === 'num' && a.num.value.equals(1) ? null : logOf(a.num, variable, from);
    const den = E.neg(logOf(a.den, variable, from));
    return num === null ? den : E.add(num, den);
  }
  if (a.kind === 'pow' && positiveOn(a.base, variable, from)) {
    return E.mul(tidyLogs(a.exp, variable, from), logOf(a.base, variable, from));
  }
  return E.call('log', tidyLogs(a, variable, from));
}

/** p with the logs of positive products, quotients, powers and exps expanded (an identity for n ≥ from) */
export function tidyLogs(p: Expr, variable: string, from: number): Expr {
  switch (p.kind) {
    case 'call':
      if (p.fn === 'log' && p.args.length === 1) return logOf(p.args[0]!, variable, from);
      return { kind: 'call', fn: p.fn, args: p.args.map((a) => tidyLogs(a, variable, from)) };
    case 'add': return { kind: 'add', terms: p.terms.map((t) => tidyLogs(t, variable, from)) };
    case 'mul': return { kind: 'mul', factors: p.factors.map((t) => tidyLogs(t, variable, from)) };
    case 'neg': return { kind: 'neg', arg: tidyLogs(p.arg, variable, from) };
    case 'div': return { kind: 'div', num: tidyLogs(p.num, variable, from), den: tidyLogs(p.den, variable, from) };
    case 'pow': return { kind: 'pow', base: tidyLogs(p.base, variable, from), exp: tidyLogs(p.exp, variable, from) };
    default: return p;
  }
}
