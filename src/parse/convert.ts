/**
 * mathjs node tree -> our Expr tree, over a whitelist.
 *
 * Owns: which mathjs nodes, operators and functions are accepted, how they map to
 * Expr (ln/log2/log10/log(x, b) -> log quotients, sqrt -> pow(x, 1/2), `n!` ->
 * factorial, a < b < c -> and), how symbols resolve (sum index, variable, constant,
 * parameter), the number/boolean typing, and the column of every error.
 *
 * mathjs nodes carry no source positions, so the converter visits nodes in source
 * order and takes, for each token it meets, the next unused occurrence of that
 * token text from the scanner's list (see Locator).
 */
import { InputError, type InputErrorKind } from './errors.js';
import { Fraction, call, div, neg, num, pow, type CmpOp, type Expr, type FnName } from './expr.js';
import { CONSTANT_NAMES, FUNCTION_ARITY, isConstantName, isFunctionName, nameProblem } from './names.js';
import { originalColumn, type NormalizedText } from './normalize.js';
import type { Token } from './scan.js';
import { functionHint } from './suggest.js';

/** The parts of a mathjs node the converter reads. */
export interface MathjsNode {
  readonly type: string;
  readonly value?: unknown;
  readonly name?: string;
  readonly op?: string;
  readonly fn?: MathjsNode | string;
  readonly args?: readonly MathjsNode[];
  readonly implicit?: boolean;
  readonly content?: MathjsNode;
  readonly condition?: MathjsNode;
  readonly trueExpr?: MathjsNode;
  readonly falseExpr?: MathjsNode;
  readonly conditionals?: readonly string[];
  readonly params?: readonly MathjsNode[];
}

/** Hands out, in order, the original columns of the occurrences of each token text. */
export class Locator {
  private readonly starts = new Map<string, number[]>();
  private readonly used = new Map<string, number>();
  constructor(tokens: readonly Token[], private readonly norm: NormalizedText) {
    for (const t of tokens) {
      const list = this.starts.get(t.text);
      if (list) list.push(t.start); else this.starts.set(t.text, [t.start]);
    }
  }
  /** 1-based original column of the next unused occurrence of `text` */
  take(text: string): number | undefined {
    const list = this.starts.get(text);
    const k = this.used.get(text) ?? 0;
    this.used.set(text, k + 1);
    return list && k < list.length ? originalColumn(this.norm, list[k]!) : undefined;
  }
}

export interface ConvertOptions {
  /** the summation variable; undefined when every symbol is a parameter (assumptions) */
  readonly variable: string | undefined;
  /** when set, the only parameter names allowed (assumptions) */
  readonly allowedParameters?: readonly string[];
  /** in an assumption: the summation variable, which an assumption may not constrain */
  readonly summationVariable?: string | undefined;
}

interface Converted {
  readonly e: Expr;
  readonly bool: boolean;
  /** column of the node's characteristic token, when known */
  readonly col: number | undefined;
}

const COMPARE_FNS: Readonly<Record<string, CmpOp>> = {
  smaller: '<', smallerEq: '<=', larger: '>', largerEq: '>=', equal: '==', unequal: '!=',
};

const DIRECT_FNS: ReadonlySet<string> = new Set<FnName>([
  'exp', 'abs', 'sign', 'floor', 'ceil', 'min', 'max', 'sin', 'cos', 'tan', 'atan', 'tanh', 'cosh',
  'sinh', 'factorial', 'gamma', 'cbrt', 'log',
]);

const SUPPORTED_LIST = Object.keys(FUNCTION_ARITY).join(', ');

function fail(kind: InputErrorKind, message: string, col: number | undefined): never {
  throw new InputError(kind, col === undefined ? message : `${message} (column ${col})`, col);
}

/** Exact rational value of a decimal literal such as "0.1", "1e-3" or "1.5e+28". */
export function decimalToFraction(text: string): Fraction {
  const m = /^([+-])?([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$/.exec(text.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new Error(`not a decimal literal: ${text}`);
  const frac = m[3] ?? '';
  let numer = BigInt((m[2] || '0') + frac);
  let denom = 10n ** BigInt(frac.length);
  const exp = m[4] === undefined ? 0 : Number(m[4]);
  if (exp > 0) numer *= 10n ** BigInt(exp);
  else if (exp < 0) denom *= 10n ** BigInt(-exp);
  if (m[1] === '-') numer = -numer;
  return new Fraction(numer, denom);
}

class Converter {
  /** bound sum indices, innermost last */
  private readonly indices: string[] = [];
  /** indices that may not appear (inside the bounds of their own sum) */
  private readonly forbidden: string[] = [];

  constructor(private readonly loc: Locator, private readonly opts: ConvertOptions) {}

  number(node: MathjsNode): Expr {
    return this.expectNumber(this.conv(node));
  }

  boolean(node: MathjsNode, col: number | undefined, what: string): Expr {
    const r = this.conv(node);
    if (!r.bool) fail('syntax', `${what} must be a comparison such as n < 16`, r.col ?? col);
    return r.e;
  }

  expectNumber(r: Converted): Expr {
    if (r.bool) fail('unsupported', 'a comparison or logical operator is only allowed as the test of c ? a : b', r.col);
    return r.e;
  }

  conv(node: MathjsNode): Converted {
    switch (node.type) {
      case 'ConstantNode': return { e: { kind: 'num', value: this.constant(node) }, bool: false, col: undefined };
      case 'SymbolNode': return this.symbol(node.name!);
      case 'ParenthesisNode': return this.conv(node.content!);
      case 'OperatorNode': return this.operator(node);
      case 'FunctionNode': return this.func(node);
      case 'ConditionalNode': return this.conditional(node);
      case 'RelationalNode': return this.relational(node);
      case 'RangeNode': fail('unsupported', 'ranges (a:b) are not supported', this.loc.take(':'));
      // eslint-disable-next-line no-fallthrough
      default: fail('unsupported', `${node.type} is not supported`, undefined);
    }
  }

  private constant(node: MathjsNode): Fraction {
    const v = node.value as { isBigNumber?: boolean; isFinite?: () => boolean; toString(): string } | undefined;
    if (v !== null && typeof v === 'object' && v.isBigNumber === true && v.isFinite!()) return decimalToFraction(v.toString());
    return fail('unsupported', `the constant ${String(v)} is not supported`, undefined);
  }

  private symbol(name: string): Converted {
    const col = this.loc.take(name);
    if (this.forbidden.includes(name)) fail('syntax', `the bounds of a sum may not contain its own index "${name}"`, col);
    if (this.indices.includes(name)) return { e: { kind: 'index', name }, bool: false, col };
    if (name === this.opts.variable) return { e: { kind: 'var', name }, bool: false, col };
    if (isConstantName(name)) return { e: { kind: 'const', name: CONSTANT_NAMES[name]! }, bool: false, col };
    if (isFunctionName(name)) fail('syntax', `"${name}" is a function; call it as ${name}(…)`, col);
    const problem = nameProblem(name);
    if (problem !== undefined) fail('unsupported', problem, col);
    if (this.opts.variable === undefined && name === this.opts.summationVariable) {
      fail('assumption', `"${name}" is the summation variable: assumptions are about the parameters only ` +
        `(the sum runs over every integer ${name} from its first index on; to start later, set the first index)`, col);
    }
    const allowed = this.opts.allowedParameters;
    if (allowed !== undefined && !allowed.includes(name)) {
      const list = allowed.length === 0 ? 'it has none' : `they are ${allowed.join(', ')}`;
      fail('assumption', `unknown parameter "${name}" in an assumption: ${list}`, col);
    }
    return { e: { kind: 'param', name }, bool: false, col };
  }

  private operator(node: MathjsNode): Converted {
    const fn = node.fn as string;
    const args = node.args!;
    switch (fn) {
      case 'add': case 'subtract': return this.addChain(node);
      case 'multiply': return this.mulChain(node);
      case 'and': case 'or': return this.logicChain(node, fn);
      case 'unaryMinus': {
        const col = this.loc.take('-');
        const a = args[0]!;
        if (a.type === 'ConstantNode') {
          const v = this.constant(a);
          if (v.n !== 0n) return { e: { kind: 'num', value: v.neg() }, bool: false, col };
        }
        return { e: neg(this.number(a)), bool: false, col };
      }
      case 'unaryPlus': {
        const col = this.loc.take('+');
        return { e: this.number(args[0]!), bool: false, col };
      }
      case 'not': {
        const col = this.loc.take('not');
        return { e: { kind: 'logic', op: 'not', args: [this.boolean(args[0]!, col, 'the operand of not')] }, bool: true, col };
      }
      case 'divide': {
        const a = this.number(args[0]!);
        const col = this.loc.take('/');
        return { e: div(a, this.number(args[1]!)), bool: false, col };
      }
      case 'pow': {
        const a = this.number(args[0]!);
        const col = this.loc.take('^');
        return { e: pow(a, this.number(args[1]!)), bool: false, col };
      }
      case 'factorial': {
        const a = this.number(args[0]!);
        const col = this.loc.take('!');
        return { e: call('factorial', a), bool: false, col };
      }
      default: {
        if (Object.hasOwn(COMPARE_FNS, fn)) {
          const left = this.number(args[0]!);
          const col = this.loc.take(node.op!);
          const right = this.number(args[1]!);
          return { e: { kind: 'cmp', op: COMPARE_FNS[fn]!, left, right }, bool: true, col };
        }
        return fail('unsupported', `the operator ${node.op ?? fn} is not supported`, node.op ? this.loc.take(node.op) : undefined);
      }
    }
  }

  /** a ± b ± c …: mathjs nests these to the left; walk the spine iteratively */
  private addChain(node: MathjsNode): Converted {
    const spine: MathjsNode[] = [];
    let cur = node;
    while (cur.type === 'OperatorNode' && (cur.fn === 'add' || cur.fn === 'subtract') && cur.args!.length === 2) {
      spine.push(cur);
      cur = cur.args![0]!;
    }
    const terms: Expr[] = [];
    const push = (e: Expr): void => { if (e.kind === 'add') terms.push(...e.terms); else terms.push(e); };
    push(this.number(cur));
    let col: number | undefined;
    for (let k = spine.length - 1; k >= 0; k--) {
      const s = spine[k]!;
      const opCol = this.loc.take(s.op!);
      col ??= opCol;
      const right = s.args![1]!;
      if (s.fn === 'add') push(this.number(right));
      else if (right.type === 'ConstantNode' && this.constant(right).n !== 0n) push({ kind: 'num', value: this.constant(right).neg() });
      else terms.push(neg(this.number(right)));
    }
    return { e: { kind: 'add', terms }, bool: false, col };
  }

  private mulChain(node: MathjsNode): Converted {
    const spine: MathjsNode[] = [];
    let cur = node;
    while (cur.type === 'OperatorNode' && cur.fn === 'multiply' && cur.args!.length === 2) {
      spine.push(cur);
      cur = cur.args![0]!;
    }
    const factors: Expr[] = [];
    const push = (e: Expr): void => { if (e.kind === 'mul') factors.push(...e.factors); else factors.push(e); };
    const first = this.conv(cur);
    push(this.expectNumber(first));
    for (let k = spine.length - 1; k >= 0; k--) {
      const s = spine[k]!;
      if (!s.implicit) this.loc.take('*');
      push(this.number(s.args![1]!));
    }
    return { e: { kind: 'mul', factors }, bool: false, col: first.col };
  }

  private logicChain(node: MathjsNode, op: 'and' | 'or'): Converted {
    const spine: MathjsNode[] = [];
    let cur = node;
    while (cur.type === 'OperatorNode' && cur.fn === op && cur.args!.length === 2) {
      spine.push(cur);
      cur = cur.args![0]!;
    }
    const args: Expr[] = [];
    const push = (e: Expr): void => { if (e.kind === 'logic' && e.op === op) args.push(...e.args); else args.push(e); };
    const first = this.conv(cur);
    let col: number | undefined;
    for (let k = spine.length - 1; k >= 0; k--) {
      const opCol = this.loc.take(op);
      if (col === undefined) {
        col = opCol;
        if (!first.bool) fail('syntax', `the operands of ${op} must be comparisons such as n < 16`, first.col ?? col);
        push(first.e);
      }
      push(this.boolean(spine[k]!.args![1]!, opCol, `the operand of ${op}`));
    }
    return { e: { kind: 'logic', op, args }, bool: true, col };
  }

  private relational(node: MathjsNode): Converted {
    const params = node.params!;
    const conds = node.conditionals!;
    const parts: Expr[] = [];
    let left = this.number(params[0]!);
    let col: number | undefined;
    for (let k = 0; k < conds.length; k++) {
      const op = COMPARE_FNS[conds[k]!];
      const opCol = this.loc.take(op ?? conds[k]!);
      col ??= opCol;
      if (op === undefined) fail('unsupported', `the comparison ${conds[k]} is not supported`, opCol);
      const right = this.number(params[k + 1]!);
      parts.push({ kind: 'cmp', op, left, right });
      left = right;
    }
    return { e: parts.length === 1 ? parts[0]! : { kind: 'logic', op: 'and', args: parts }, bool: true, col };
  }

  private conditional(node: MathjsNode): Converted {
    const testNode = node.condition!;
    const r = this.conv(testNode);
    const col = this.loc.take('?');
    if (!r.bool) fail('syntax', 'the test of c ? a : b must be a comparison such as n < 16', col);
    const then = this.number(node.trueExpr!);
    this.loc.take(':');
    const otherwise = this.number(node.falseExpr!);
    return { e: { kind: 'cond', test: r.e, then, else: otherwise }, bool: false, col };
  }

  private func(node: MathjsNode): Converted {
    const fnNode = node.fn as MathjsNode;
    if (typeof fnNode !== 'object' || fnNode.type !== 'SymbolNode') {
      return fail('unsupported', 'only named functions can be called', undefined);
    }
    const name = fnNode.name!;
    const col = this.loc.take(name);
    const args = node.args!;
    if (!isFunctionName(name)) {
      const product = `for a product write ${name}*(…)`;
      const near = functionHint(name);
      const hint = name === this.opts.variable || isConstantName(name) || name.length === 1
        ? product
        : near ?? `${product}; supported functions: ${SUPPORTED_LIST}`;
      fail('unknown-function', `unknown function "${name}"; ${hint}`, col);
    }
    const arity = FUNCTION_ARITY[name]!;
    if (args.length < arity.min || args.length > arity.max) {
      const expected = arity.min === arity.max ? `${arity.min}` : arity.max === Infinity ? `at least ${arity.min}` : `${arity.min} or ${arity.max}`;
      fail('syntax', `${name} takes ${expected} argument${expected === '1' ? '' : 's'}, not ${args.length}`, col);
    }
    if (name === 'sum') return { e: this.sum(args, col), bool: false, col };
    const xs = args.map((a) => this.number(a));
    const log = (x: Expr): Expr => call('log', x);
    let e: Expr;
    switch (name) {
      case 'ln': e = log(xs[0]!); break;
      case 'log': e = xs.length === 2 ? div(log(xs[0]!), log(xs[1]!)) : log(xs[0]!); break;
      case 'log2': e = div(log(xs[0]!), log(num(2))); break;
      case 'log10': e = div(log(xs[0]!), log(num(10))); break;
      case 'sqrt': e = pow(xs[0]!, num(new Fraction(1, 2))); break;
      default:
        if (!DIRECT_FNS.has(name)) return fail('unknown-function', `unknown function "${name}"`, col);
        e = call(name as FnName, ...xs);
    }
    return { e, bool: false, col };
  }

  private sum(args: readonly MathjsNode[], col: number | undefined): Expr {
    const idxNode = args[1]!;
    if (idxNode.type !== 'SymbolNode') {
      // keep the source order of token use: body first
      this.number(args[0]!);
      return fail('syntax', 'the second argument of sum(body, index, from, to) must be a name such as i', col);
    }
    const index = idxNode.name!;
    const problem = index === this.opts.variable
      ? `the variable "${index}" cannot be a sum index`
      : this.indices.includes(index)
        ? `the index "${index}" is already used by an enclosing sum`
        : isConstantName(index) || isFunctionName(index) ? `"${index}" cannot be a sum index` : nameProblem(index);
    if (problem !== undefined) {
      this.number(args[0]!);
      fail('syntax', problem, this.loc.take(index));
    }
    this.indices.push(index);
    const body = this.number(args[0]!);
    this.indices.pop();
    this.loc.take(index);
    this.forbidden.push(index);
    const lo = this.number(args[2]!);
    const hi = this.number(args[3]!);
    this.forbidden.pop();
    return { kind: 'sum', body, index, lo, hi };
  }
}

/** Convert a mathjs tree to an Expr; `bool` says whether a comparison/logic tree is expected. */
export function convertTree(root: MathjsNode, loc: Locator, opts: ConvertOptions, bool: boolean): Expr {
  const c = new Converter(loc, opts);
  const r = c.conv(root);
  if (bool) {
    if (!r.bool) fail('assumption', 'an assumption must be a comparison such as b > 0, optionally joined with and/or', r.col);
    return r.e;
  }
  return c.expectNumber(r);
}
