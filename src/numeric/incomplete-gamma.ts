/**
 * The regularized upper incomplete gamma function Q(s, x) = Γ(s, x)/Γ(s) in
 * float64, and its inverse in x. UNCERTIFIED: used only for closed-form
 * estimates that are printed as such (and as a starting guess for searches),
 * never inside a certified bracket.
 *
 * Owns: the series for P(s, x) when x < s + 1 and Lentz's continued fraction for
 * Q(s, x) otherwise (Numerical Recipes §6.2), in log space so that huge x work.
 */
import { LANCZOS, LANCZOS_G } from './lanczos.js';

/** log Γ(z) for z > 0 (Lanczos, g = 7) */
export function logGamma(z: number): number {
  if (z < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * z))) - logGamma(1 - z);
  const c = LANCZOS;
  const x = z - 1;
  let a = c[0]!;
  const t = x + (LANCZOS_G + 0.5);
  for (let i = 1; i < c.length; i++) a += c[i]! / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** log Q(s, x) */
export function logQ(s: number, x: number): number {
  if (x <= 0) return 0;
  const lead = -x + s * Math.log(x) - logGamma(s);
  if (x < s + 1) {
    // P by its series, Q = 1 − P
    let sum = 1 / s;
    let term = sum;
    for (let n = 1; n < 10000; n++) {
      term *= x / (s + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-17) break;
    }
    const P = Math.exp(lead + Math.log(sum));
    return Math.log1p(-Math.min(P, 1));
  }
  // continued fraction for Q
  const tiny = 1e-300;
  let b = x + 1 - s;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10000; i++) {
    const an = -i * (i - s);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return lead + Math.log(h);
}

/** x with Q(s, x) = q (0 < q < 1), by bisection on log x */
export function inverseQ(s: number, q: number): number {
  const target = Math.log(q);
  let lo = -50;
  let hi = 50;
  while (logQ(s, Math.exp(hi)) > target) hi *= 2;
  for (let i = 0; i < 200; i++) {
    const m = (lo + hi) / 2;
    if (logQ(s, Math.exp(m)) > target) lo = m;
    else hi = m;
  }
  return Math.exp((lo + hi) / 2);
}
