/**
 * How a region's condition reads in a report: the mathjs condition of the
 * decider ("m > 0 and m < 1", "m == 0") printed as a reader writes it
 * (0 < m < 1, m = 0), in LaTeX for HTML/LaTeX; the plain text is src/conditions'
 * `conditionText`, the notation the terminal and the playground use too.
 *
 * Owns: this printing only. It does not simplify conditions (src/conditions
 * does); it chains a lower and an upper bound on the same parameter and spells
 * the relations, from the parsed condition (never from the string's characters).
 */
import { parseCondition } from '../parse/parse.js';
import type { CmpOp, Expr } from '../parse/expr.js';
import { toTex } from '../parse/print.js';
import { conditionText } from '../conditions/condition-text.js';

export interface ConditionForms {
  /** LaTeX, math mode ("0 < m < 1"); empty for the whole space */
  readonly tex: string;
  /** Unicode plain text ("0 < m < 1"); "all parameters" for the whole space */
  readonly text: string;
}

const TEX_OP: Record<CmpOp, string> = { '<': '<', '<=': '\\le', '>': '>', '>=': '\\ge', '==': '=', '!=': '\\ne' };
const FLIP: Record<CmpOp, CmpOp> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==', '!=': '!=' };

const hasParam = (e: Expr): boolean => {
  switch (e.kind) {
    case 'param': case 'var': case 'index': return true;
    case 'num': case 'const': return false;
    default: return Object.values(e).some((v) => (Array.isArray(v) ? v.some((x) => typeof x === 'object' && hasParam(x as Expr)) : typeof v === 'object' && v !== null && 'kind' in v && hasParam(v as Expr)));
  }
};

/** `name op bound` with the parameter on the left, or null */
function bound(e: Expr): { name: string; op: CmpOp; value: Expr } | null {
  if (e.kind !== 'cmp') return null;
  if (e.left.kind === 'param' && !hasParam(e.right)) return { name: e.left.name, op: e.op, value: e.right };
  if (e.right.kind === 'param' && !hasParam(e.left)) return { name: e.right.name, op: FLIP[e.op], value: e.left };
  return null;
}

function conjuncts(e: Expr): Expr[] {
  return e.kind === 'logic' && e.op === 'and' ? e.args.flatMap(conjuncts) : [e];
}

type Piece = { tex: string };

function atom(e: Expr): Piece {
  if (e.kind === 'logic' && e.op === 'or') {
    const parts = e.args.map((a) => piece(a));
    return { tex: parts.map((p) => p.tex).join(' \\ \\text{or}\\ ') };
  }
  if (e.kind === 'cmp') {
    const b = bound(e);
    if (b) return { tex: `${toTex({ kind: 'param', name: b.name })} ${TEX_OP[b.op]} ${toTex(b.value)}` };
    return { tex: `${toTex(e.left)} ${TEX_OP[e.op]} ${toTex(e.right)}` };
  }
  return { tex: toTex(e) };
}

function piece(e: Expr): Piece {
  const cs = conjuncts(e);
  const out: Piece[] = [];
  const used = new Set<number>();
  cs.forEach((c, i) => {
    if (used.has(i)) return;
    const b = bound(c);
    if (b && (b.op === '>' || b.op === '>=' || b.op === '<' || b.op === '<=')) {
      const lower = b.op === '>' || b.op === '>=';
      const j = cs.findIndex((d, k) => k > i && !used.has(k) && (() => { const o = bound(d); return o !== null && o.name === b.name && (lower ? o.op === '<' || o.op === '<=' : o.op === '>' || o.op === '>='); })());
      if (j >= 0) {
        used.add(j);
        const o = bound(cs[j]!)!;
        const [lo, hi] = lower ? [b, o] : [o, b];
        const name = toTex({ kind: 'param', name: b.name });
        out.push({
          tex: `${toTex(lo.value)} ${TEX_OP[FLIP[lo.op]]} ${name} ${TEX_OP[hi.op]} ${toTex(hi.value)}`,
        });
        return;
      }
    }
    const a = atom(c);
    out.push(cs.length > 1 && c.kind === 'logic' && c.op === 'or' ? { tex: `(${a.tex})` } : a);
  });
  return { tex: out.map((p) => p.tex).join(',\\ ') };
}

/** The condition of a region or case as a reader writes it; falls back to the raw text in \text{} when it does not parse. */
export function conditionForms(condition: string): ConditionForms {
  if (condition === 'true') return { tex: '', text: 'all parameters' };
  let tex: string;
  try {
    tex = piece(parseCondition(condition)).tex;
  } catch {
    tex = `\\text{${condition.replace(/[\\{}$&#^_%~]/g, '')}}`;
  }
  return { tex, text: conditionText(condition) };
}
