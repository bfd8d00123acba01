/**
 * Exact integer helpers on bigints: bit length and integer k-th roots.
 *
 * Owns: the roots that exact rational powers need (√(10^400) = 10^200). They work
 * on bigints throughout, because a double cannot hold 10^400 (Number(10n ** 400n)
 * is Infinity, and BigInt(Infinity) throws).
 */

/** Number of bits of |n| (0 for 0). */
export function bitLength(n: bigint): number {
  if (n < 0n) n = -n;
  if (n === 0n) return 0;
  // toString(16) is linear in the size; exact, and cheap for the sizes used here
  const hex = n.toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(parseInt(hex[0]!, 16)));
}

/** ⌊x^(1/k)⌋ for x ≥ 0 and k ≥ 1, by Newton's iteration from above. */
export function integerRoot(x: bigint, k: number): bigint {
  if (x < 0n) throw new RangeError('integer root of a negative number');
  if (k < 1 || !Number.isInteger(k)) throw new RangeError('root index must be a positive integer');
  if (x < 2n || k === 1) return x;
  const K = BigInt(k);
  const bits = bitLength(x);
  if (bits <= k) return 1n; // 2^k > x, so the root is 1
  // a start above the root: 2^⌈bits/k⌉ > x^(1/k)
  let r = 1n << BigInt(Math.ceil(bits / k));
  for (;;) {
    // r ← ((k−1)·r + x / r^(k−1)) / k decreases monotonically to ⌊x^(1/k)⌋ from above
    const next = ((K - 1n) * r + x / r ** (K - 1n)) / K;
    if (next >= r) break;
    r = next;
  }
  while (r ** K > x) r -= 1n;
  while ((r + 1n) ** K <= x) r += 1n;
  return r;
}

/** The exact k-th root of x ≥ 0 when x is a perfect k-th power, else null. */
export function exactRoot(x: bigint, k: number): bigint | null {
  if (x < 0n) return null;
  const r = integerRoot(x, k);
  return r ** BigInt(k) === x ? r : null;
}
