/**
 * Wrapping text to the terminal: words are never cut, long lines continue under
 * a hanging indent. The width is the terminal's (COLUMNS when not a terminal,
 * else 100 columns, so that piped output stays readable).
 *
 * Owns: `terminalWidth` and `wrapText`.
 */

const width = (s: string): number => [...s].length;

/** Columns to wrap at. */
export function terminalWidth(): number {
  const tty = process.stdout.isTTY ? process.stdout.columns : undefined;
  const env = Number(process.env.COLUMNS);
  const w = tty ?? (Number.isFinite(env) && env > 0 ? env : 100);
  return Math.max(40, w);
}

/**
 * `text` in lines of at most `max` columns (a word longer than that gets a line of its own);
 * the first line starts with `first`, the others with `rest`.
 */
export function wrapText(text: string, max: number, first = '', rest = first): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const w of words) {
    if (!empty && width(line) + 1 + width(w) > max) {
      lines.push(line);
      line = rest + w;
    } else {
      line = empty ? line + w : `${line} ${w}`;
    }
    empty = false;
  }
  lines.push(line);
  return lines;
}
