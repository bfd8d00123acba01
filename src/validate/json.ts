/**
 * JSON encoding of validator results.
 *
 * Owns: the one convention JSON needs for our numbers: an infinite TRF (a
 * divergent series) is written as the string "Infinity" (JSON has no ∞ and
 * JSON.stringify would write null, which means "unknown" here).
 */
export function toJson(value: unknown, indent = 2): string {
  return JSON.stringify(value, (_k, v: unknown) => (v === Infinity ? 'Infinity' : v === -Infinity ? '-Infinity' : v), indent);
}

/** Parse JSON written by toJson, turning "Infinity" back into Infinity. */
export function fromJson<T>(text: string): T {
  return JSON.parse(text, (_k, v: unknown) => (v === 'Infinity' ? Infinity : v === '-Infinity' ? -Infinity : v)) as T;
}
