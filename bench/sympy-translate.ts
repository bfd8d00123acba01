/**
 * Translates our input language (mathjs syntax) into SymPy source text for the peer
 * benchmark: ^ → **, conditionals → Piecewise, sum(…) → Sum(…).doit(), functions renamed.
 * Every free symbol becomes a Python name `v_<name>` bound by the peer script, so
 * parameter names never clash with Python keywords (lambda) or SymPy names (E, S, N).
 */
import { parse, type MathNode } from 'mathjs';

export class UntranslatableError extends Error {
  override name = 'UntranslatableError';
}

const FUNCTIONS: Record<string, string> = {
  log: 'log', ln: 'log', exp: 'exp', sqrt: 'sqrt', cbrt: 'cbrt', abs: 'Abs', sign: 'sign',
  floor: 'floor', ceil: 'ceiling', min: 'Min', max: 'Max', sin: 'sin', cos: 'cos', tan: 'tan',
  atan: 'atan', tanh: 'tanh', cosh: 'cosh', sinh: 'sinh', factorial: 'factorial', gamma: 'gamma',
};

const BINARY: Record<string, string> = {
  add: '+', subtract: '-', multiply: '*', divide: '/', pow: '**',
  smaller: '<', smallerEq: '<=', larger: '>', largerEq: '>=',
};

const RELATION: Record<string, string> = { smaller: '<', smallerEq: '<=', larger: '>', largerEq: '>=', equal: '==', unequal: '!=' };

export const pyName = (name: string): string => `v_${name}`;

function literal(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  const text = String(value);
  if (!/^\d+(\.\d+)?(e[+-]?\d+)?$/i.test(text)) throw new UntranslatableError(`constant ${text}`);
  return /^\d+$/.test(text) ? `Integer(${text})` : `Rational('${text}')`;
}

function relation(op: string, a: string, b: string): string {
  if (op === '==') return `Eq(${a}, ${b})`;
  if (op === '!=') return `Ne(${a}, ${b})`;
  return `(${a} ${op} ${b})`;
}

function tr(node: MathNode, symbols: Set<string>): string {
  const n = node as MathNode & Record<string, unknown>;
  const sub = (x: unknown): string => tr(x as MathNode, symbols);
  switch (node.type) {
    case 'ConstantNode': return literal(n.value);
    case 'SymbolNode': {
      const name = n.name as string;
      if (name === 'pi') return 'pi';
      if (name === 'e') return 'E';
      symbols.add(name);
      return pyName(name);
    }
    case 'ParenthesisNode': return `(${sub(n.content)})`;
    case 'OperatorNode': {
      const fn = n.fn as string;
      const args = (n.args as MathNode[]).map((a) => tr(a, symbols));
      if (fn === 'unaryMinus') return `(-${args[0]})`;
      if (fn === 'unaryPlus') return args[0]!;
      if (fn === 'factorial') return `factorial(${args[0]})`;
      if (fn === 'and') return `And(${args.join(', ')})`;
      if (fn === 'or') return `Or(${args.join(', ')})`;
      if (fn === 'not') return `Not(${args[0]})`;
      if (fn === 'equal' || fn === 'unequal') return relation(RELATION[fn]!, args[0]!, args[1]!);
      const op = BINARY[fn];
      if (!op || args.length !== 2) throw new UntranslatableError(`operator ${String(n.op)}`);
      return `(${args[0]} ${op} ${args[1]})`;
    }
    case 'RelationalNode': {
      const params = (n.params as MathNode[]).map((p) => tr(p, symbols));
      const parts = (n.conditionals as string[]).map((c, i) => relation(RELATION[c] ?? '?', params[i]!, params[i + 1]!));
      return parts.length === 1 ? parts[0]! : `And(${parts.join(', ')})`;
    }
    case 'ConditionalNode':
      return `Piecewise((${sub(n.trueExpr)}, ${sub(n.condition)}), (${sub(n.falseExpr)}, True))`;
    case 'FunctionNode': {
      const name = (n.fn as { name?: string }).name ?? '';
      const args = n.args as MathNode[];
      if (name === 'sum') {
        if (args.length !== 4) throw new UntranslatableError('sum needs 4 arguments');
        return `Sum(${sub(args[0])}, (${sub(args[1])}, ${sub(args[2])}, ${sub(args[3])})).doit()`;
      }
      if (name === 'log2') return `log(${sub(args[0])}, 2)`;
      if (name === 'log10') return `log(${sub(args[0])}, 10)`;
      const py = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
      if (!py) throw new UntranslatableError(`function ${name}`);
      return `${py}(${args.map((a) => tr(a, symbols)).join(', ')})`;
    }
    default:
      throw new UntranslatableError(`syntax ${node.type}`);
  }
}

export interface SympyExpr {
  /** SymPy source text */
  readonly text: string;
  /** original names of every free symbol used (variable included) */
  readonly symbols: readonly string[];
}

export function toSympy(formula: string): SympyExpr {
  const symbols = new Set<string>();
  const text = tr(parse(formula), symbols);
  return { text, symbols: [...symbols].sort() };
}
