/**
 * Large integers for the terminal: a 180-digit TRF or tail start prints as
 * `2.0·10^179` (the JSON keeps every digit). Brackets round outward, with as many
 * digits as it takes to tell their ends apart, so a printed bracket still holds
 * the true one.
 *
 * Owns: `intText` and `bracketText`.
 */

/** Integers up to this many digits print in full. */
const FULL_DIGITS = 15;

/** The integer a JSON integer or a decimal string stands for, when it is one ("1e+21" included). */
function toBigInt(v: number | string): bigint | null {
  const s = String(v).trim();
  if (/^-?\d+$/.test(s)) return BigInt(s);
  const m = /^(\d+)(?:\.(\d+))?e\+?(\d+)$/i.exec(s);
  if (!m) return null;
  const frac = m[2] ?? '';
  const exp = Number(m[3]) - frac.length;
  return exp < 0 ? null : BigInt(m[1]! + frac) * 10n ** BigInt(exp);
}

/** `m.mmm·10^e` with `digits` significant digits, rounded down or up. */
function scientific(x: bigint, digits: number, up: boolean): string {
  const neg = x < 0n;
  const a = neg ? -x : x;
  const len = a.toString().length;
  if (len <= digits) return x.toString();
  const scale = 10n ** BigInt(len - digits);
  // rounding away from zero for `up` on a positive value, toward zero otherwise
  let q = a / scale;
  if ((up !== neg) && a % scale !== 0n) q += 1n;
  let d = q.toString();
  let exp = len - 1;
  if (d.length > digits) { d = d.slice(0, digits); exp++; }
  const mant = d.length > 1 ? `${d[0]}.${d.slice(1)}` : d;
  return `${neg ? '−' : ''}${mant}·10^${exp}`;
}

/** An integer as text: in full up to 15 digits, else `2.0·10^179` (rounded to nearest). */
export function intText(v: number | string): string {
  const x = toBigInt(v);
  if (x === null) return String(v);
  if ((x < 0n ? -x : x).toString().length <= FULL_DIGITS) return x.toString();
  const len = (x < 0n ? -x : x).toString().length;
  const scale = 10n ** BigInt(len - 2);
  const a = x < 0n ? -x : x;
  // nearest: add half a unit before cutting
  return scientific((x < 0n ? -1n : 1n) * ((a + scale / 2n) / scale) * scale, 2, false);
}

/** `[lo, hi]` with both ends in the same notation, rounded outward (lo down, hi up). */
export function bracketText(lo: number | string, hi: number | string | null): string {
  const a = toBigInt(lo);
  const b = hi === null ? null : toBigInt(hi);
  if (a === null || (hi !== null && b === null)) return `[${lo}, ${hi ?? '∞'}]`;
  const big = (x: bigint): boolean => (x < 0n ? -x : x).toString().length > FULL_DIGITS;
  if (!big(a) && (b === null || !big(b))) return `[${a}, ${b ?? '∞'}]`;
  if (b === null) return `[${scientific(a, 2, false)}, ∞]`;
  // enough digits to show where the ends part: one past their common prefix
  const [da, db] = [a.toString(), b.toString()];
  let common = 0;
  if (da.length === db.length) while (common < da.length && da[common] === db[common]) common++;
  const digits = Math.min(Math.max(2, common + 1), 40);
  return `[${scientific(a, digits, false)}, ${scientific(b, digits, true)}]`;
}
