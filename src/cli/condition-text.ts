/**
 * Conditions for the terminal. The notation (`m > 0 and m < 1` reads `0 < m < 1`) is
 * src/conditions/condition-text.ts, shared with the playground; this module adds what
 * only the CLI's hints need: the negation of a single comparison.
 */
export { conditionText } from '../conditions/condition-text.js';

const NEG: Readonly<Record<string, string>> = { '<': '>=', '<=': '>', '>': '<=', '>=': '<', '==': '!=', '!=': '==' };

/**
 * The mathjs condition that excludes `condition`, when it is one comparison
 * (`r2 < 0` → `r2 >= 0`); null for compound conditions.
 */
export function negatedComparison(condition: string): string | null {
  const text = condition.trim();
  let depth = 0;
  let found: { at: number; op: string } | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (depth === 0) {
      if (/^\s(and|or|xor|not)\s/.test(text.slice(i, i + 5))) return null;
      const op = ['<=', '>=', '==', '!=', '<', '>'].find((o) => text.startsWith(o, i));
      if (op !== undefined) {
        if (found !== null) return null; // a chain a < b < c
        found = { at: i, op };
        i += op.length - 1;
      }
    }
  }
  if (found === null) return null;
  return `${text.slice(0, found.at).trim()} ${NEG[found.op]} ${text.slice(found.at + found.op.length).trim()}`;
}
