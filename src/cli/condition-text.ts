/**
 * Conditions as people write them, for the terminal: `m > 0 and m < 1` reads
 * `0 < m < 1`, `m == 1` reads `m = 1`, `<=` reads `≤`. The JSON keeps mathjs syntax.
 *
 * Owns: `conditionText`, the one place the CLI turns a condition into text. It only
 * rewrites notation (it never simplifies, so it cannot change what a condition
 * means); when src/conditions offers its own human form, point this function at it.
 */

type Node =
  | { readonly kind: 'cmp'; readonly left: string; readonly op: string; readonly right: string }
  | { readonly kind: 'text'; readonly s: string }
  | { readonly kind: 'logic'; readonly op: 'and' | 'or'; readonly args: readonly Node[] };

const OPS = ['<=', '>=', '==', '!=', '<', '>'] as const;
const SHOW: Readonly<Record<string, string>> = { '<=': '≤', '>=': '≥', '==': '=', '!=': '≠', '<': '<', '>': '>' };

/** Split `text` at the top-level (outside parentheses) occurrences of ` word `. */
function splitTop(text: string, word: 'and' | 'or'): string[] {
  const parts: string[] = [];
  let depth = 0, start = 0;
  const sep = ` ${word} `;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (depth === 0 && text.startsWith(sep, i)) {
      parts.push(text.slice(start, i));
      start = i + sep.length;
      i += sep.length - 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim());
}

/** Is the whole text wrapped in one pair of matching parentheses? */
function wrapped(text: string): boolean {
  if (!text.startsWith('(') || !text.endsWith(')')) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth--;
    if (depth === 0 && i < text.length - 1) return false;
  }
  return true;
}

function comparison(text: string): Node {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (depth === 0) {
      const op = OPS.find((o) => text.startsWith(o, i));
      if (op) return { kind: 'cmp', left: text.slice(0, i).trim(), op, right: text.slice(i + op.length).trim() };
    }
  }
  return { kind: 'text', s: text };
}

function parse(text: string): Node {
  let t = text.trim();
  while (wrapped(t)) t = t.slice(1, -1).trim();
  const ors = splitTop(t, 'or');
  if (ors.length > 1) return { kind: 'logic', op: 'or', args: ors.map(parse) };
  const ands = splitTop(t, 'and');
  if (ands.length > 1) return { kind: 'logic', op: 'and', args: ands.map(parse) };
  return comparison(t);
}

const IDENT = /^[\p{L}_][\p{L}\p{N}_]*$/u;

/** `x > a` and `x < b` (either strictness) of one identifier become `a < x < b`. */
function chains(args: readonly Node[]): string[] {
  const used = new Set<number>();
  const out: string[] = [];
  args.forEach((a, i) => {
    if (used.has(i)) return;
    if (a.kind === 'cmp' && IDENT.test(a.left) && (a.op === '>' || a.op === '>=' || a.op === '<' || a.op === '<=')) {
      const lower = a.op === '>' || a.op === '>=';
      const j = args.findIndex((b, k) => k > i && !used.has(k) && b.kind === 'cmp' && b.left === a.left &&
        (lower ? b.op === '<' || b.op === '<=' : b.op === '>' || b.op === '>='));
      if (j >= 0) {
        const b = args[j] as Extract<Node, { kind: 'cmp' }>;
        const [lo, hi] = lower ? [a, b] : [b, a];
        const loOp = lo.op === '>' ? '<' : '≤';
        const hiOp = hi.op === '<' ? '<' : '≤';
        out.push(`${lo.right} ${loOp} ${a.left} ${hiOp} ${hi.right}`);
        used.add(i).add(j);
        return;
      }
    }
    out.push(render(a, 'and'));
    used.add(i);
  });
  return out;
}

function render(n: Node, parent: 'and' | 'or' | null): string {
  switch (n.kind) {
    case 'text': return n.s;
    case 'cmp': return `${n.left} ${SHOW[n.op]} ${n.right}`;
    case 'logic': {
      const parts = n.op === 'and' ? chains(n.args) : n.args.map((a) => render(a, 'or'));
      const s = parts.join(` ${n.op} `);
      // "and" binds tighter in mathjs, but a reader should not have to know that
      return parent !== null && parts.length > 1 ? `(${s})` : s;
    }
  }
}

/** A mathjs condition ("m > 0 and m < 1") in the notation of a paper ("0 < m < 1"). */
export function conditionText(condition: string): string {
  if (condition.trim() === 'true') return 'all parameter values';
  return render(parse(condition), null);
}

/**
 * The mathjs condition that excludes `condition`, when it is one comparison
 * (`r2 < 0` → `r2 >= 0`); null for compound conditions.
 */
export function negatedComparison(condition: string): string | null {
  const n = parse(condition);
  if (n.kind !== 'cmp') return null;
  const NEG: Readonly<Record<string, string>> = { '<': '>=', '<=': '>', '>': '<=', '>=': '<', '==': '!=', '!=': '==' };
  return `${n.left} ${NEG[n.op]} ${n.right}`;
}
