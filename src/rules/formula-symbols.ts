/**
 * Reads trusted rules text (catalog formulas, conditions) with mathjs' parser only —
 * never its evaluator — to list free symbols and to substitute parameter values.
 */
import type { FunctionNode, MathNode, ParenthesisNode, SymbolNode } from 'mathjs';
import { parseMathjs as parse } from '../parse/mathjs-parser.js';

const CONSTANTS = new Set(['pi', 'e']);

function isSymbol(node: MathNode): node is SymbolNode {
  return node.type === 'SymbolNode';
}

function isFunction(node: MathNode): node is FunctionNode {
  return node.type === 'FunctionNode';
}

/** Bound index names of every sum(body, i, lo, hi) in the tree. */
function sumIndices(root: MathNode): Set<string> {
  const out = new Set<string>();
  root.traverse((node) => {
    if (isFunction(node) && node.fn.name === 'sum' && node.args.length === 4) {
      const index = node.args[1];
      if (index && isSymbol(index)) out.add(index.name);
    }
  });
  return out;
}

/** Free symbols of a formula: not function names, constants or sum indices. */
export function symbolsOf(formula: string): Set<string> {
  const root = parse(formula);
  const bound = sumIndices(root);
  const out = new Set<string>();
  root.traverse((node, path, parent) => {
    if (!isSymbol(node)) return;
    if (parent && isFunction(parent) && path === 'fn') return;
    if (CONSTANTS.has(node.name) || bound.has(node.name)) return;
    out.add(node.name);
  });
  return out;
}

/** Replace each named symbol by the parenthesised text given for it; returns mathjs text. */
export function substituteSymbols(formula: string, values: Readonly<Record<string, string>>): string {
  const root = parse(formula);
  const replaced = root.transform((node, path, parent) => {
    if (!isSymbol(node) || !Object.hasOwn(values, node.name)) return node;
    if (parent && isFunction(parent) && path === 'fn') return node;
    return parse(`(${values[node.name]})`) as ParenthesisNode;
  });
  return replaced.toString({ parenthesis: 'auto', implicit: 'show' });
}
