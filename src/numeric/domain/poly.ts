/**
 * Exact univariate polynomials with integer (bigint) coefficients.
 *
 * Owns: the Poly type (little-endian coefficient arrays, no trailing zeros, the
 * zero polynomial is []), ring operations, evaluation at integers, contents and
 * primitive parts, pseudo-division and the gcd. These are the exact arithmetic
 * the integer sign analysis (./integer-signs.ts) builds on; everything is
 * exact, and the callers cap degrees and bit sizes (see MAX_* below) so that no
 * input can make the work explode.
 */

export type Poly = readonly bigint[];

/** Largest degree the domain check hands to exact arithmetic. */
export const MAX_DEGREE = 40;
/** Largest coefficient size, in bits, before exact arithmetic gives up. */
export const MAX_BITS = 4096;

/** Exact arithmetic would exceed its caps: the caller falls back to enclosures. */
export class PolyLimit extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PolyLimit';
  }
}

const abs = (x: bigint): bigint => (x < 0n ? -x : x);

export function trim(a: bigint[]): bigint[] {
  let k = a.length;
  while (k > 0 && a[k - 1] === 0n) k--;
  a.length = k;
  return a;
}

export const degree = (a: Poly): number => a.length - 1;
export const lead = (a: Poly): bigint => a[a.length - 1] ?? 0n;
export const constant = (c: bigint): Poly => (c === 0n ? [] : [c]);
export const X: Poly = [0n, 1n];

/** Bit length of the largest coefficient. */
export function bits(a: Poly): number {
  let m = 0;
  for (const c of a) {
    const b = abs(c).toString(2).length;
    if (b > m) m = b;
  }
  return m;
}

/** Throws PolyLimit when a polynomial is beyond the caps. */
export function checkSize(a: Poly, maxDegree = MAX_DEGREE, maxBits = MAX_BITS): Poly {
  if (degree(a) > maxDegree) throw new PolyLimit(`degree ${degree(a)} is above ${maxDegree}`);
  if (bits(a) > maxBits) throw new PolyLimit(`coefficients above ${maxBits} bits`);
  return a;
}

export function add(a: Poly, b: Poly): Poly {
  const out: bigint[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) out.push((a[i] ?? 0n) + (b[i] ?? 0n));
  return trim(out);
}

export function scale(a: Poly, c: bigint): Poly {
  if (c === 0n) return [];
  return a.map((x) => x * c);
}

export const neg = (a: Poly): Poly => scale(a, -1n);
export const sub = (a: Poly, b: Poly): Poly => add(a, neg(b));

export function mul(a: Poly, b: Poly): Poly {
  if (a.length === 0 || b.length === 0) return [];
  const out = new Array<bigint>(a.length + b.length - 1).fill(0n);
  for (let i = 0; i < a.length; i++) {
    if (a[i] === 0n) continue;
    for (let j = 0; j < b.length; j++) out[i + j]! += a[i]! * b[j]!;
  }
  return trim(out);
}

export function derivative(a: Poly): Poly {
  const out: bigint[] = [];
  for (let i = 1; i < a.length; i++) out.push(a[i]! * BigInt(i));
  return trim(out);
}

/** a(x) at an integer x, by Horner's rule. */
export function evaluate(a: Poly, x: bigint): bigint {
  let acc = 0n;
  for (let i = a.length - 1; i >= 0; i--) acc = acc * x + a[i]!;
  return acc;
}

export function gcdInt(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** gcd of the coefficients (positive; 0 for the zero polynomial). */
export function content(a: Poly): bigint {
  let g = 0n;
  for (const c of a) {
    g = gcdInt(g, c);
    if (g === 1n) return 1n;
  }
  return g;
}

/** a divided by its (positive) content: same roots, same signs. */
export function primitive(a: Poly): Poly {
  const g = content(a);
  return g <= 1n ? a : a.map((c) => c / g);
}

/**
 * Pseudo-division: m·a = q·b + r with deg r < deg b and m = |lead(b)|^k > 0, so r
 * has the sign pattern of the true remainder times a positive number (Sturm
 * sequences need that sign). b must not be zero.
 */
export function pseudoDivide(a: Poly, b: Poly): { q: Poly; r: Poly } {
  if (b.length === 0) throw new RangeError('division by the zero polynomial');
  const db = degree(b);
  const lb = lead(b);
  const m = abs(lb);
  const sb = lb < 0n ? -1n : 1n;
  let r = [...a];
  let q: bigint[] = [];
  while (r.length > 0 && degree(r) >= db) {
    const shift = degree(r) - db;
    const lr = lead(r);
    // m·r − (sb·lr)·x^shift·b cancels the leading term (m·lr = sb·lr·lb)
    const next = r.map((c) => c * m);
    const t = sb * lr;
    for (let j = 0; j < b.length; j++) next[j + shift]! -= t * b[j]!;
    q = q.map((c) => c * m);
    while (q.length <= shift) q.push(0n);
    q[shift]! += t;
    r = trim(next);
    checkSize(r, Infinity, MAX_BITS * 2);
  }
  return { q: trim(q), r };
}

/** Primitive gcd of a and b over the rationals (up to a constant factor). */
export function gcd(a: Poly, b: Poly): Poly {
  let x = primitive(a);
  let y = primitive(b);
  while (y.length > 0) {
    const { r } = pseudoDivide(x, y);
    x = y;
    y = primitive(r);
  }
  return x;
}

/** The square-free part: the same distinct roots, each simple. */
export function squareFree(a: Poly): Poly {
  if (degree(a) < 1) return a;
  const g = gcd(a, derivative(a));
  if (degree(g) < 1) return primitive(a);
  return primitive(pseudoDivide(a, g).q);
}
