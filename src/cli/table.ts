/** Plain-text tables with aligned columns; long cells are cut with "…". */

export interface TableOptions {
  /** maximum width per column (index → width) */
  readonly maxWidths?: readonly (number | undefined)[];
  /** right-align these columns */
  readonly alignRight?: readonly number[];
}

function cut(text: string, max: number | undefined): string {
  const flat = text.replace(/\s+/g, ' ');
  if (max === undefined || [...flat].length <= max) return flat;
  return `${[...flat].slice(0, Math.max(1, max - 1)).join('')}…`;
}

const width = (s: string): number => [...s].length;

export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[], options: TableOptions = {}): string {
  const cells = [headers, ...rows].map((r) => headers.map((_, i) => cut(r[i] ?? '', options.maxWidths?.[i])));
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => width(r[i]!))));
  const right = new Set(options.alignRight ?? []);
  const line = (r: readonly string[]): string =>
    r.map((c, i) => {
      const pad = ' '.repeat(widths[i]! - width(c));
      return right.has(i) ? pad + c : c + pad;
    }).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(cells[0]!), rule, ...cells.slice(1).map(line)].join('\n');
}
