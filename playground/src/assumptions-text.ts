/**
 * The assumptions field: several conditions in one line, separated by commas or
 * semicolons outside brackets ("m > 0, 0 < b <= 2"). Each item keeps its offset,
 * so an error in it can point at its column in the whole field.
 */
/** The assumptions typed in one field: split at top-level commas and semicolons, with each item's offset. */
export function splitAssumptions(text: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  let depth = 0, start = 0;
  const push = (end: number): void => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    if (raw.trim() !== '') out.push({ text: raw.trim(), offset: start + lead });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth = Math.max(0, depth - 1);
    else if ((ch === ',' || ch === ';') && depth === 0) { push(i); start = i + 1; }
  }
  push(text.length);
  return out;
}
