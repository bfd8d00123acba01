/**
 * Generic queries on Expr trees: children, node count, free parameters, whether
 * the variable occurs, and structural equality. Iterative, so deep trees built by
 * other stages cannot overflow the stack here.
 */
import type { Expr } from './expr.js';

/** Direct sub-expressions, in source order. */
export function children(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'num': case 'const': case 'var': case 'param': case 'index': return [];
    case 'add': return e.terms;
    case 'mul': return e.factors;
    case 'neg': return [e.arg];
    case 'div': return [e.num, e.den];
    case 'pow': return [e.base, e.exp];
    case 'call': return e.args;
    case 'cond': return [e.test, e.then, e.else];
    case 'cmp': return [e.left, e.right];
    case 'logic': return e.args;
    case 'sum': return [e.body, e.lo, e.hi];
  }
}

/** Visit every node (pre-order); stops early when `visit` returns false. */
export function everyNode(e: Expr, visit: (node: Expr) => boolean | void): boolean {
  const stack: Expr[] = [e];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (visit(node) === false) return false;
    const cs = children(node);
    for (let i = cs.length - 1; i >= 0; i--) stack.push(cs[i]!);
  }
  return true;
}

export function countNodes(e: Expr): number {
  let n = 0;
  everyNode(e, () => { n++; });
  return n;
}

/** Free parameter names, sorted (sum indices are bound, not parameters). */
export function freeParameters(e: Expr): string[] {
  const names = new Set<string>();
  everyNode(e, (node) => { if (node.kind === 'param') names.add(node.name); });
  return [...names].sort();
}

/** Whether the summation variable occurs. */
export function usesVariable(e: Expr): boolean {
  return !everyNode(e, (node) => node.kind !== 'var');
}

/** Structural equality (numbers compared exactly). */
export function exprEquals(a: Expr, b: Expr): boolean {
  const stack: [Expr, Expr][] = [[a, b]];
  while (stack.length > 0) {
    const [x, y] = stack.pop()!;
    if (x.kind !== y.kind) return false;
    switch (x.kind) {
      case 'num': if (!x.value.equals((y as typeof x).value)) return false; break;
      case 'const': case 'var': case 'param': case 'index':
        if (x.name !== (y as typeof x).name) return false; break;
      case 'call': if (x.fn !== (y as typeof x).fn) return false; break;
      case 'cmp': if (x.op !== (y as typeof x).op) return false; break;
      case 'logic': if (x.op !== (y as typeof x).op) return false; break;
      case 'sum': if (x.index !== (y as typeof x).index) return false; break;
      default: break;
    }
    const cx = children(x);
    const cy = children(y);
    if (cx.length !== cy.length) return false;
    for (let i = 0; i < cx.length; i++) stack.push([cx[i]!, cy[i]!]);
  }
  return true;
}
