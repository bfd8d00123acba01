/**
 * The asymptotic scale: monomials c · n^a · (log n)^b0 · (log log n)^b1 · (log₃ n)^b2 · (log₄ n)^b3 · exp(E),
 * where E is an exact expansion of terms that tend to ±∞. Exponents are symbolic.
 *
 * Owns: the monomial type and the growth order between monomials (ignoring coefficients).
 * Notation: L0 = log n, L1 = log log n, L2 = log log log n, L3 = log log log log n.
 */
import { Coef } from '../conditions/coef.js';
import type { Ctx } from './context.js';
import type { Series } from './series.js';

/** number of log levels on the scale (L0 … L3) */
export const LOG_LEVELS = 4;

export interface Mono {
  readonly c: Coef;
  /** exponents of n, L0, L1, L2, L3 */
  readonly pw: readonly Coef[];
  /** exponential factor exp(E), E exact and made of infinite terms; null for none */
  readonly ex: Series | null;
}

const ZERO = Coef.of(0);
const zeros = (): Coef[] => Array.from({ length: LOG_LEVELS + 1 }, () => ZERO);

export function constMono(c: Coef): Mono { return { c, pw: zeros(), ex: null }; }
/** n^a (index 0) or L_k^a (index k + 1) */
export function scaleMono(index: number, a: Coef, c: Coef = Coef.of(1)): Mono {
  const pw = zeros();
  pw[index] = a;
  return { c, pw, ex: null };
}
/** the monomial L_k = log_{k+1} n */
export const logLevel = (k: number): Mono => scaleMono(k + 1, Coef.of(1));
export const ONE_MONO = constMono(Coef.of(1));

export function withCoef(m: Mono, c: Coef): Mono { return { c, pw: m.pw, ex: m.ex }; }

export function isConstantShape(m: Mono): boolean { return m.ex === null && m.pw.every((p) => p.isZero()); }

/** Which log level this monomial is exactly (L_k with exponent 1), if any. */
export function pureLogLevel(m: Mono): number | null {
  if (m.ex !== null || !m.pw[0]!.isZero()) return null;
  let found: number | null = null;
  for (let i = 1; i <= LOG_LEVELS; i++) {
    const p = m.pw[i]!;
    if (p.isZero()) continue;
    if (!p.isOne() || found !== null) return null;
    found = i - 1;
  }
  return found;
}

/**
 * Growth comparison of two monomials without exponential factors: on the log scale
 * n^a·L0^b0·…·L3^b3 the order is lexicographic in the exponents, since
 * log of the quotient is Δa·L0 + Δb0·L1 + … + Δb3·L4 and the L_k are strictly ordered.
 * −1 (a ≺ b), 0 (same class), 1 (a ≻ b). Monomials with exp(E) go through the
 * comparison by logarithms in series.ts.
 */
export function comparePowers(a: Mono, b: Mono, ctx: Ctx): -1 | 0 | 1 {
  ctx.tick();
  for (let i = 0; i <= LOG_LEVELS; i++) {
    const s = compareExponents(a.pw[i]!, b.pw[i]!, ctx);
    if (s !== 0) return s;
  }
  return 0;
}

export function compareExponents(x: Coef, y: Coef, ctx: Ctx): -1 | 0 | 1 {
  if (x === y) return 0;
  const fx = x.asFraction(), fy = y.asFraction();
  if (fx !== null && fy !== null) {
    // on the bigint fields: fraction.js would parse its argument first, on the hottest path of the engine
    const l = fx.s * fx.n * fy.d, r = fy.s * fy.n * fx.d;
    return l < r ? -1 : l > r ? 1 : 0;
  }
  return ctx.sign(x.sub(y));
}

export function monoMul(a: Mono, b: Mono, seriesAdd: (x: Series | null, y: Series | null) => Series | null): Mono {
  return { c: a.c.mul(b.c), pw: a.pw.map((p, i) => p.add(b.pw[i]!)), ex: seriesAdd(a.ex, b.ex) };
}
