/**
 * Every term of a parametric input, checked for being defined throughout a
 * parameter region.
 *
 * Owns: `regionDomainProblem`. The requirements that involve parameters
 * (log(1 + r2·n), n^r2, the d in Sandwich's 2i/d, …) go to the check of
 * src/numeric/domain/check.ts with two views of the region: its hull per
 * parameter as float enclosures (sound: the region lies inside), and its exact
 * sign of parameter coefficients (r2 > 0 is positive there although the float
 * hull reaches 0). Unlike head-domain.ts this never splits the region: what it
 * cannot prove for the whole region is reported, and the region's verdict
 * becomes `unknown`. Requirements free of parameters were checked once for the
 * whole input (src/numeric/domain/input.ts).
 */
import { checkDefined } from '../numeric/domain/check.js';
import type { Sign } from '../numeric/domain/signs.js';
import { fromRational } from '../numeric/interval.js';
import type { Interval as FloatInterval } from '../numeric/interval.js';
import { InputError } from '../parse/errors.js';
import type { Expr } from '../parse/expr.js';
import { coefFromExpr } from './assumptions.js';
import { WorkLimitError } from './coef.js';
import { NeedSplit, type Region, UndecidableSign } from './region.js';

/** The region's hull of one parameter as a float interval that contains it. */
function floatHull(region: Region, name: string): FloatInterval {
  const h = region.hull(name);
  const end = (f: { s: bigint; n: bigint; d: bigint }): FloatInterval => fromRational(f.s * f.n, f.d);
  return { lo: h.lo === null ? -Infinity : end(h.lo).lo, hi: h.hi === null ? Infinity : end(h.hi).hi };
}

/** The region's sign of a parameter expression, where it is fixed throughout the region. */
function coefSign(region: Region): (e: Expr) => Sign | null {
  return (e) => {
    try {
      return region.sign(coefFromExpr(e));
    } catch (err) {
      if (err instanceof NeedSplit || err instanceof UndecidableSign || err instanceof InputError || err instanceof WorkLimitError) return null;
      throw err;
    }
  };
}

/**
 * Why the region's terms are not known to be all defined, or null when they
 * are: the first n where they certainly fail, or the n from which the check
 * could not prove them.
 */
export function regionDomainProblem(
  expr: Expr, variable: string, parameters: readonly string[], from: number, region: Region, role: 'bias' | 'term',
): string | null {
  // no prototype: a parameter may be called `constructor`
  const params: Record<string, FloatInterval> = Object.create(null) as Record<string, FloatInterval>;
  for (const name of parameters) params[name] = floatHull(region, name);
  const r = checkDefined(expr, variable, from, { params, coefSign: coefSign(region), scope: 'parametric' });
  if (r.kind === 'defined') return null;
  if (r.kind === 'undefined') return `the ${role} is undefined for these parameter values: ${r.what} at ${variable} = ${r.n} (a later --from may avoid it)`;
  return `cannot verify that the ${role} is defined for every ${variable} ≥ ${r.n} for these parameter values (${r.what} is not excluded)`;
}
