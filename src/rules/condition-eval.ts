/**
 * Evaluates a mathjs boolean condition (e.g. "r1 > 1 and r2 > 0", "0 < r2 <= 2")
 * at a point of parameter space, with its own small walker over the parse tree:
 * arithmetic, comparisons, and/or/xor/not, and a few elementary functions. Used to
 * check that a classification's cases partition parameter space and agree with the
 * expected condition. Nothing is handed to mathjs' evaluator.
 */
import type { MathNode } from 'mathjs';
import { parseMathjs as parse } from '../parse/mathjs-parser.js';

export type Point = Readonly<Record<string, number>>;
type Value = number | boolean;

const FUNCTIONS: Record<string, (...xs: number[]) => number> = {
  log: (x, b) => (b === undefined ? Math.log(x) : Math.log(x) / Math.log(b)),
  ln: Math.log, log2: Math.log2, log10: Math.log10, exp: Math.exp, sqrt: Math.sqrt, cbrt: Math.cbrt,
  abs: Math.abs, sign: Math.sign, floor: Math.floor, ceil: Math.ceil, min: Math.min, max: Math.max,
};

const RELATIONS: Record<string, (a: number, b: number) => boolean> = {
  smaller: (a, b) => a < b, smallerEq: (a, b) => a <= b, larger: (a, b) => a > b,
  largerEq: (a, b) => a >= b, equal: (a, b) => a === b, unequal: (a, b) => a !== b,
};

const ARITHMETIC: Record<string, (a: number, b: number) => number> = {
  add: (a, b) => a + b, subtract: (a, b) => a - b, multiply: (a, b) => a * b,
  divide: (a, b) => a / b, pow: (a, b) => a ** b,
};

export class ConditionError extends Error {
  override name = 'ConditionError';
}

function num(v: Value, what: string): number {
  if (typeof v !== 'number') throw new ConditionError(`${what}: expected a number, got ${String(v)}`);
  return v;
}

function bool(v: Value, what: string): boolean {
  if (typeof v !== 'boolean') throw new ConditionError(`${what}: expected true or false, got ${String(v)}`);
  return v;
}

function evalNode(node: MathNode, point: Point): Value {
  const n = node as MathNode & Record<string, unknown>;
  switch (node.type) {
    case 'ConstantNode': {
      const v = n.value;
      if (typeof v === 'number' || typeof v === 'boolean') return v;
      if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
      throw new ConditionError(`unsupported constant ${String(v)}`);
    }
    case 'SymbolNode': {
      const name = n.name as string;
      if (Object.hasOwn(point, name)) return point[name]!;
      if (name === 'pi') return Math.PI;
      if (name === 'e') return Math.E;
      if (name === 'true') return true;
      if (name === 'false') return false;
      throw new ConditionError(`no value for "${name}"`);
    }
    case 'ParenthesisNode':
      return evalNode(n.content as MathNode, point);
    case 'RelationalNode': {
      const params = (n.params as MathNode[]).map((p) => num(evalNode(p, point), 'comparison'));
      return (n.conditionals as string[]).every((c, i) => {
        const rel = RELATIONS[c];
        if (!rel) throw new ConditionError(`unsupported comparison ${c}`);
        return rel(params[i]!, params[i + 1]!);
      });
    }
    case 'OperatorNode': {
      const fn = n.fn as string;
      const args = (n.args as MathNode[]).map((a) => evalNode(a, point));
      if (fn === 'unaryMinus') return -num(args[0]!, '-');
      if (fn === 'unaryPlus') return num(args[0]!, '+');
      if (fn === 'not') return !bool(args[0]!, 'not');
      if (fn === 'and') return bool(args[0]!, 'and') && bool(args[1]!, 'and');
      if (fn === 'or') return bool(args[0]!, 'or') || bool(args[1]!, 'or');
      if (fn === 'xor') return bool(args[0]!, 'xor') !== bool(args[1]!, 'xor');
      const rel = RELATIONS[fn];
      if (rel) return rel(num(args[0]!, fn), num(args[1]!, fn));
      const op = ARITHMETIC[fn];
      if (op) return op(num(args[0]!, fn), num(args[1]!, fn));
      throw new ConditionError(`unsupported operator ${n.op as string}`);
    }
    case 'FunctionNode': {
      const name = (n.fn as { name?: string }).name ?? '';
      const f = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
      if (!f) throw new ConditionError(`unsupported function ${name}`);
      return f(...(n.args as MathNode[]).map((a) => num(evalNode(a, point), name)));
    }
    default:
      throw new ConditionError(`unsupported syntax (${node.type})`);
  }
}

/** Truth of `condition` at `point`; throws ConditionError when it cannot be evaluated. */
export function evalCondition(condition: string, point: Point): boolean {
  let root: MathNode;
  try {
    root = parse(condition);
  } catch (err) {
    throw new ConditionError(`cannot parse condition "${condition}": ${err instanceof Error ? err.message : String(err)}`);
  }
  const v = evalNode(root, point);
  if (typeof v !== 'boolean') throw new ConditionError(`condition "${condition}" is not a boolean`);
  return v;
}

/** All assumptions hold at the point. */
export function satisfiesAll(assumptions: readonly string[], point: Point): boolean {
  return assumptions.every((a) => evalCondition(a, point));
}
