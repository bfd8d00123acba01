/**
 * Plain-text tables with aligned columns. Long cells are cut with "…" at
 * `maxWidths`, or, with `width`, wrapped (rows grow lines) so that the table fits
 * that many columns and nothing is lost.
 */

export interface TableOptions {
  /** maximum width per column (index → width); cells beyond it are cut */
  readonly maxWidths?: readonly (number | undefined)[];
  /** right-align these columns */
  readonly alignRight?: readonly number[];
  /** fit the table into this many columns by wrapping the widest cells (never cutting) */
  readonly width?: number;
}

function cut(text: string, max: number | undefined): string {
  const flat = text.replace(/\s+/g, ' ');
  if (max === undefined || [...flat].length <= max) return flat;
  return `${[...flat].slice(0, Math.max(1, max - 1)).join('')}…`;
}

const width = (s: string): number => [...s].length;

/** A cell's lines at most `max` wide: at spaces where possible, else hard breaks (nothing is dropped). */
function wrapCell(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.replace(/\s+/g, ' ').trim().split(' ')) {
    let w = word;
    while (width(w) > max) {
      if (line) { lines.push(line); line = ''; }
      lines.push([...w].slice(0, max).join(''));
      w = [...w].slice(max).join('');
    }
    if (!line) line = w;
    else if (width(line) + 1 + width(w) <= max) line += ` ${w}`;
    else { lines.push(line); line = w; }
  }
  lines.push(line);
  return lines;
}

/** Column widths that fit `total` (2 spaces between columns): the widest columns give way first. */
function fitWidths(natural: readonly number[], total: number): number[] {
  const w = [...natural];
  const budget = total - 2 * (w.length - 1);
  while (w.reduce((a, b) => a + b, 0) > budget) {
    const i = w.indexOf(Math.max(...w));
    if (w[i]! <= 8) break;
    w[i]!--;
  }
  return w;
}

export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[], options: TableOptions = {}): string {
  const right = new Set(options.alignRight ?? []);
  const raw = [headers, ...rows].map((r) => headers.map((_, i) => (r[i] ?? '').replace(/\s+/g, ' ')));
  let cells: string[][][];
  if (options.width !== undefined) {
    const natural = headers.map((_, i) => Math.max(...raw.map((r) => width(r[i]!))));
    const fit = fitWidths(natural, options.width);
    cells = raw.map((r) => r.map((c, i) => wrapCell(c, fit[i]!)));
  } else {
    cells = raw.map((r) => r.map((c, i) => [cut(c, options.maxWidths?.[i])]));
  }
  const widths = headers.map((_, i) => Math.max(...cells.flatMap((r) => r[i]!.map(width))));
  const line = (r: readonly string[][]): string[] => {
    const height = Math.max(...r.map((c) => c.length));
    return Array.from({ length: height }, (_, k) => r.map((c, i) => {
      const s = c[k] ?? '';
      const pad = ' '.repeat(widths[i]! - width(s));
      return right.has(i) ? pad + s : s + pad;
    }).join('  ').trimEnd());
  };
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [...line(cells[0]!), rule, ...cells.slice(1).flatMap(line)].join('\n');
}
