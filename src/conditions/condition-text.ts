/**
 * Conditions for people: the JSON's mathjs condition (`m > 0 and m < 1`) as text
 * a reader expects (`0 < m < 1`). Pure string to string; the JSON keeps mathjs.
 *
 * Owns: the reading of the condition grammar that lowest-terms.ts and cases.ts
 * print (comparisons joined by `and` / `or`, compound parts in parentheses) and
 * its rendering: two bounds of one expression become a chain, `<=` `>=` `!=` `==`
 * become ≤ ≥ ≠ =, `*` becomes ·, minus signs become −, `true` / `false` become
 * "always" / "never". Text outside that grammar comes back with only the
 * operators rendered.
 */

type Node =
  | { readonly kind: 'cmp'; readonly left: string; readonly op: string; readonly right: string }
  | { readonly kind: 'and' | 'or'; readonly args: readonly Node[] }
  | { readonly kind: 'text'; readonly text: string };

const OPS = ['<=', '>=', '==', '!=', '<', '>'] as const;
const TEXT_OP: Record<string, string> = { '<': '<', '<=': '≤', '>': '>', '>=': '≥', '==': '=', '!=': '≠' };
/** a lower bound `x > a` read from the other side: a < x */
const FLIP: Record<string, string> = { '>': '<', '>=': '<=' };

/**
 * The condition as text for people: `m > 0 and m < 1` is `0 < m < 1`,
 * `m <= 0 or m >= 1` is `m ≤ 0 or m ≥ 1`, `true` is `always`.
 */
export function conditionText(condition: string): string {
  const c = condition.trim();
  if (c === 'true') return 'always';
  if (c === 'false') return 'never';
  return render(parseOr(c), 'top');
}

/** split at a separator outside parentheses */
function splitTop(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0, start = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (depth === 0 && s.startsWith(sep, i)) { out.push(s.slice(start, i)); start = i + sep.length; i += sep.length - 1; }
  }
  out.push(s.slice(start));
  return out.map((x) => x.trim());
}

/** s is one parenthesised group: (…) with the closing parenthesis at the end */
function wrapped(s: string): boolean {
  if (!s.startsWith('(') || !s.endsWith(')')) return false;
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')') { depth--; if (depth === 0 && i < s.length - 1) return false; }
  }
  return true;
}

function parseOr(s: string): Node {
  const parts = splitTop(s, ' or ');
  return parts.length > 1 ? { kind: 'or', args: parts.map(parseAnd) } : parseAnd(parts[0]!);
}

function parseAnd(s: string): Node {
  const parts = splitTop(s, ' and ');
  const items = parts.map((p) => (wrapped(p) ? parseOr(p.slice(1, -1).trim()) : comparison(p)));
  return items.length > 1 ? { kind: 'and', args: items } : items[0]!;
}

function comparison(s: string): Node {
  for (const op of OPS) {
    const parts = splitTop(s, ` ${op} `);
    if (parts.length === 2) return { kind: 'cmp', left: parts[0]!, op, right: parts[1]! };
  }
  return { kind: 'text', text: s };
}

/** no parameter in it: only numbers, operators, function calls and the constants pi and e */
const constantText = (s: string): boolean => [...s.matchAll(/[A-Za-z_][A-Za-z_0-9]*/g)].every((m) => s[m.index! + m[0].length] === '(' || m[0] === 'pi' || m[0] === 'e');

const expr = (s: string): string => s.replace(/\*/g, '·').replace(/-/g, '−');

function cmpText(left: string, op: string, right: string): string {
  return `${expr(left)} ${TEXT_OP[op] ?? op} ${expr(right)}`;
}

/** a conjunction's items, with a lower and an upper constant bound of one expression joined into a chain */
function chained(args: readonly Node[]): string[] {
  const used = new Set<number>();
  const out: string[] = [];
  args.forEach((a, i) => {
    if (used.has(i)) return;
    if (a.kind === 'cmp' && FLIP[a.op] && constantText(a.right)) {
      const j = args.findIndex((b, k) => k > i && !used.has(k) && b.kind === 'cmp' && (b.op === '<' || b.op === '<=') && b.left === a.left && constantText(b.right));
      if (j >= 0) {
        const b = args[j] as Extract<Node, { kind: 'cmp' }>;
        used.add(j);
        out.push(`${expr(a.right)} ${TEXT_OP[FLIP[a.op]!]} ${expr(a.left)} ${TEXT_OP[b.op]} ${expr(b.right)}`);
        return;
      }
    }
    out.push(render(a, 'and'));
  });
  return out;
}

function render(n: Node, parent: 'top' | 'and' | 'or'): string {
  switch (n.kind) {
    case 'text': return n.text.replace(/ (<=|>=|==|!=) /g, (_, op: string) => ` ${TEXT_OP[op]} `);
    case 'cmp': return cmpText(n.left, n.op, n.right);
    case 'or': {
      const t = n.args.map((a) => render(a, 'or')).join(' or ');
      return parent === 'and' ? `(${t})` : t;
    }
    case 'and': {
      const items = chained(n.args);
      const t = items.join(' and ');
      return parent === 'or' && items.length > 1 ? `(${t})` : t;
    }
  }
}
