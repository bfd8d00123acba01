/**
 * Our Expr → a mathjs node tree built node by node (never by parsing user text),
 * and exact symbolic differentiation with mathjs `derivative` on that tree. The
 * derivative comes back into an Expr through our own parser (on mathjs's printed
 * form of the node it built), so the rest of the engine reads it like any input.
 *
 * Owns: the node mapping and the differentiation call; `simplify` is off so
 * rational constants stay exact.
 */
import { all, create, type MathNode } from 'mathjs';
import type { Expr } from '../../parse/expr.js';
import { parseExpression } from '../../parse/parse.js';
import { tidy } from '../../parse/tidy.js';

const math = create(all, { number: 'number' });

const MATHJS_FN: Readonly<Record<string, string>> = { gamma: 'gamma', factorial: 'factorial' };

function constant(v: number): MathNode { return new math.ConstantNode(v); }
function op(o: string, fn: string, args: MathNode[]): MathNode { return new math.OperatorNode(o as never, fn as never, args); }

/** Build the mathjs tree of an expression. Throws for nodes mathjs cannot differentiate meaningfully (sums, conditionals). */
export function toMathjs(e: Expr): MathNode {
  switch (e.kind) {
    case 'num': {
      const f = e.value;
      const n = constant(Number(f.n)), d = Number(f.d);
      const body = d === 1 ? n : op('/', 'divide', [n, constant(d)]);
      return f.s < 0n && f.n !== 0n ? op('-', 'unaryMinus', [new math.ParenthesisNode(body)]) : body;
    }
    case 'const': return new math.SymbolNode(e.name);
    case 'var': case 'param': return new math.SymbolNode(e.name);
    case 'index': throw new Error('a finite-sum index cannot be differentiated through');
    case 'add': return e.terms.map(toMathjs).reduce((a, b) => op('+', 'add', [a, b]));
    case 'mul': return e.factors.map(toMathjs).reduce((a, b) => op('*', 'multiply', [a, b]));
    case 'neg': return op('-', 'unaryMinus', [paren(toMathjs(e.arg))]);
    case 'div': return op('/', 'divide', [paren(toMathjs(e.num)), paren(toMathjs(e.den))]);
    case 'pow': return op('^', 'pow', [paren(toMathjs(e.base)), paren(toMathjs(e.exp))]);
    case 'call': {
      if (['floor', 'ceil', 'sign', 'min', 'max', 'abs'].includes(e.fn)) throw new Error(`${e.fn} is not differentiable everywhere`);
      const name = MATHJS_FN[e.fn] ?? e.fn;
      return new math.FunctionNode(new math.SymbolNode(name), e.args.map(toMathjs));
    }
    case 'cond': case 'cmp': case 'logic': case 'sum':
      throw new Error(`cannot differentiate a ${e.kind === 'sum' ? 'finite sum' : 'conditional'} symbolically`);
  }
}

const paren = (n: MathNode): MathNode => new math.ParenthesisNode(n);

/** d e / d variable as an Expr, exactly (no numeric folding). */
export function derivative(e: Expr, variable: string): Expr {
  const d = math.derivative(toMathjs(e), variable, { simplify: false });
  return tidy(parseBack(d.toString(), variable));
}

/**
 * Our parser on mathjs's printed form of a node tree it built from ours. A result
 * free of the variable (the derivative of −m·n is −m) is read with "+ 0·n"
 * appended, which is then removed again, so that its symbols stay parameters.
 */
export function parseBack(text: string, variable: string): Expr {
  const e = parseExpression(`(${text}) + 0 * ${variable}`, { variable }).expr;
  if (e.kind !== 'add') return e;
  const last = e.terms[e.terms.length - 1]!;
  const isPad = last.kind === 'mul' && last.factors.length === 2 && last.factors[0]!.kind === 'num' && last.factors[0]!.value.equals(0) && last.factors[1]!.kind === 'var';
  if (!isPad) return e;
  const rest = e.terms.slice(0, -1);
  return rest.length === 1 ? rest[0]! : { kind: 'add', terms: rest };
}

/** Try to show that e is identically 0 with mathjs `simplify` (true when it prints "0"). */
export function simplifiesToZero(e: Expr): boolean {
  try {
    const s = math.simplify(toMathjs(e));
    return s.toString() === '0';
  } catch {
    return false;
  }
}
