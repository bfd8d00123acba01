/**
 * "Did you mean …?" for a function name that is not in the whitelist.
 *
 * Owns: the edit distance (optimal string alignment: insertions, deletions,
 * substitutions and swaps of two neighbours each cost 1, so `lgo` is 1 from `log`),
 * the spellings other systems use for our functions (arctan, sgn, lgamma, log1p, …),
 * the well-known functions we do not support (asin, erf, …), and the hint built from them.
 */
import { FUNCTION_ARITY } from './names.js';

/** Optimal string alignment distance between a and b (case-sensitive). */
export function editDistance(a: string, b: string): number {
  const m = a.length, n = b.length;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => Array.from({ length: n + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[m]![n]!;
}

/** How far a typo may be from the intended name: 1 edit for names of up to 3 letters, 2 beyond. */
function tolerance(name: string): number {
  return name.length <= 3 ? 1 : 2;
}

/** Our spelling of functions other systems name differently. */
const ALIASES: Readonly<Record<string, string>> = {
  arctan: 'atan(…)', arctg: 'atan(…)', sgn: 'sign(…)', signum: 'sign(…)', fact: 'factorial(…)',
  lgamma: 'log(gamma(…))', loggamma: 'log(gamma(…))', lngamma: 'log(gamma(…))', gammaln: 'log(gamma(…))',
  log1p: 'log(1 + …)', expm1: 'exp(…) - 1', pow: 'x^y', power: 'x^y', nthroot: 'x^(1/k)', root: 'x^(1/k)',
  sec: '1/cos(…)', csc: '1/sin(…)', cosec: '1/sin(…)', cot: '1/tan(…)', cotan: '1/tan(…)',
  exp2: '2^…', exp10: '10^…', heaviside: '(x >= 0 ? 1 : 0)',
};

/** Functions a user may reasonably expect that the decider does not analyse. */
const UNSUPPORTED: ReadonlySet<string> = new Set([
  'asin', 'acos', 'arcsin', 'arccos', 'asinh', 'acosh', 'atanh', 'arsinh', 'arcosh', 'artanh', 'acot', 'asec', 'acsc',
  'coth', 'sech', 'csch', 'erf', 'erfc', 'digamma', 'polylog', 'besselj', 'lambertw', 'sinc', 'round',
]);

const FUNCTIONS = Object.keys(FUNCTION_ARITY);

/** The whitelisted functions closest to `name` (within the tolerance), nearest first; [] when none. */
export function closestFunctions(name: string): string[] {
  const lower = name.toLowerCase();
  const scored = FUNCTIONS.map((f) => ({ f, d: editDistance(lower, f) })).filter(({ d }) => d <= tolerance(name) && d < name.length);
  if (scored.length === 0) return [];
  const best = Math.min(...scored.map((s) => s.d));
  return scored.filter((s) => s.d === best).map((s) => s.f);
}

/** The hint after `unknown function "name"`: an alias, "not supported", or "did you mean …?"; undefined when nothing is close. */
export function functionHint(name: string): string | undefined {
  const lower = name.toLowerCase();
  if (Object.hasOwn(ALIASES, lower)) return `write ${ALIASES[lower]}`;
  if (UNSUPPORTED.has(lower)) return 'this function is not supported';
  const near = closestFunctions(name);
  if (near.length === 0) return undefined;
  const list = near.length === 1 ? near[0]! : `${near.slice(0, -1).join(', ')} or ${near[near.length - 1]}`;
  return `did you mean ${list}?`;
}
