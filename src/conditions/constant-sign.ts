/**
 * The certified sign of a parameter-free coefficient.
 *
 * Owns: the precision ladder (enclose at 20 digits, then 50, 120, 300, 700, until
 * the enclosure excludes 0), the structural shortcuts that need no digits (a
 * product's sign from its factors, exp > 0, log B against B − 1, powers of a
 * positive base, odd monotone functions), the cache of answers, and giving up:
 * UndecidableSign, which the engine reports as `unknown`.
 *
 * A sign of 0 is only ever given for an exact zero: the canonical form (coef.ts)
 * makes e − exp(1), sin(π) and √2² − 2 the rational 0, and an enclosure [0, 0]
 * proves zero because every rounding is outward. A constant whose enclosure keeps
 * 0 at every precision is undecidable, never "probably zero".
 */
import { applyFn, Coef, type Atom, type TermView } from './coef.js';
import { encloseConstant, NotConstant, Unenclosable } from './constant-enclose.js';
import { restoreDecimalState } from '../numeric/decimal.js';
import { signOf } from '../numeric/precise-interval.js';

export type Sign = -1 | 0 | 1;

/** Thrown when the sign of a parameter-free constant cannot be certified. */
export class UndecidableSign extends Error {}

/** significant digits tried in turn */
export const PRECISION_LADDER: readonly number[] = [20, 50, 120, 300, 700];

const cache = new Map<string, Sign | null>();
const CACHE_LIMIT = 20000;

/** The sign of the constant c; UndecidableSign when no precision on the ladder settles it. */
export function constantSign(c: Coef): Sign {
  const f = c.asFraction();
  if (f !== null) return f.s === 0n || f.n === 0n ? 0 : (Number(f.s) as Sign);
  if (!c.isConstant()) throw new NotConstant(`${c.toString()} has parameters`);
  const key = c.key;
  if (!cache.has(key)) {
    if (cache.size > CACHE_LIMIT) cache.clear();
    cache.set(key, null); // a cycle through the structural rules reads "not known yet"
    try {
      cache.set(key, decide(c));
    } catch (e) {
      cache.delete(key);
      throw e;
    }
  }
  const s = cache.get(key)!;
  if (s === null) throw new UndecidableSign(`cannot certify the sign of the constant ${shortText(c)}`);
  return s;
}

/** the constant as text for a message, with exact numbers of thousands of digits cut down */
function shortText(c: Coef): string {
  const t = c.toString().replace(/\d{40,}/g, (d) => `${d.slice(0, 8)}…(${d.length} digits)`);
  return t.length > 300 ? `${t.slice(0, 300)}…` : t;
}

function decide(c: Coef): Sign | null {
  // if some caller left decimal.js unrounded after one of its errors, every digit here would be exact, and slow
  restoreDecimalState();
  const first = atPrecision(c, PRECISION_LADDER[0]!);
  if (first !== null) return first;
  const structural = structuralSign(c);
  if (structural !== null) return structural;
  for (const digits of PRECISION_LADDER.slice(1)) {
    const s = atPrecision(c, digits);
    if (s !== null) return s;
  }
  return null;
}

function atPrecision(c: Coef, digits: number): Sign | null {
  try {
    return signOf(encloseConstant(c, digits));
  } catch (e) {
    if (e instanceof Unenclosable) return null;
    throw e;
  }
}

/** the sign of a sub-constant, or null when it is undecidable too */
function signOrNull(c: Coef): Sign | null {
  try {
    return constantSign(c);
  } catch (e) {
    if (e instanceof UndecidableSign) return null;
    throw e;
  }
}

/**
 * k·A + r with A = exp(Y) or A = B^E (B > 0): the sign of A − s, s = −r/k > 0, is
 * the sign of log A − log s. This is what decides (1 + 2^−3000)^(2^40) − 1 > 0,
 * a difference of 10^−891 that no precision on the ladder would resolve.
 */
function shiftedSign(terms: readonly TermView[]): Sign | null {
  const r = terms.find((t) => t.factors.length === 0);
  const u = terms.find((t) => t.factors.length === 1 && t.factors[0]!.exp === 1);
  if (!r || !u) return null;
  const a = u.factors[0]!.atom;
  const y = logOfPositive(a);
  if (y === null) return null;
  const k = u.c.compare(0) as Sign;
  if (k === r.c.compare(0)) return k;
  const s = r.c.neg().div(u.c);
  const d = signOrNull(y.sub(applyFn('log', Coef.of(s))));
  return d === null ? null : ((d * k) as Sign);
}

/** log A for an atom known to be positive by its form, else null */
function logOfPositive(a: Atom): Coef | null {
  if (a.kind === 'fn' && a.fn === 'exp') return a.arg;
  if (a.kind === 'pow' && signOrNull(a.base) === 1) return a.exp.mul(applyFn('log', a.base));
  return null;
}

/** Signs that follow from the form alone: no digits, so exp(−10^6) > 0 even where it underflows. */
function structuralSign(c: Coef): Sign | null {
  const terms = c.termList();
  if (terms.length === 2) return shiftedSign(terms);
  if (terms.length !== 1) return null;
  const t = terms[0]!;
  if (t.factors.length !== 1 || t.factors[0]!.exp !== 1) {
    // a product: the sign of the rational times the signs of the factors
    let sign = t.c.compare(0) as number;
    for (const f of t.factors) {
      const s = signOrNull(Coef.atom(f.atom));
      if (s === null) return null;
      if (s === 0) return 0;
      if (f.exp % 2 !== 0) sign *= s;
    }
    return sign as Sign;
  }
  const a = t.factors[0]!.atom;
  const scale = t.c.compare(0) as Sign;
  const of = (s: Sign | null): Sign | null => (s === null ? null : ((s * scale) as Sign));
  if (a.kind === 'pow') {
    const b = signOrNull(a.base);
    if (b === 1) return of(1);
    const e = a.exp.asFraction();
    if (b === -1 && e !== null && e.d === 1n) return of(e.n % 2n === 0n ? 1 : -1);
    return null;
  }
  if (a.kind !== 'fn') return null;
  switch (a.fn) {
    case 'exp': case 'cosh': return of(1);
    case 'log': return signOrNull(a.arg) === 1 ? of(signOrNull(a.arg.sub(Coef.of(1)))) : null;
    case 'atan': case 'tanh': case 'sinh': case 'sign': return of(signOrNull(a.arg));
    case 'abs': { const s = signOrNull(a.arg); return s === null ? null : of(s === 0 ? 0 : 1); }
    case 'gamma': return signOrNull(a.arg) === 1 ? of(1) : null;
    default: return null;
  }
}
