/**
 * The expression tree every stage after parsing works on.
 *
 * Owns: the node kinds (a closed whitelist) and tiny constructors. Nothing after
 * `src/parse` depends on mathjs node classes; they all read this tree.
 * Numbers are exact rationals (fraction.js), so exponents such as 6/5 or 0.1
 * compare exactly.
 */
import Fraction from 'fraction.js';

export { Fraction };

/** Functions the input language accepts after normalisation (ln, log2, log10 and log(x, b) become log). */
export type FnName =
  | 'log' | 'exp' | 'abs' | 'sign' | 'floor' | 'ceil' | 'min' | 'max'
  | 'sin' | 'cos' | 'tan' | 'atan' | 'tanh' | 'cosh' | 'sinh'
  | 'factorial' | 'gamma' | 'cbrt';

export type CmpOp = '<' | '<=' | '>' | '>=' | '==' | '!=';

export type Expr =
  /** exact rational literal */
  | { readonly kind: 'num'; readonly value: Fraction }
  /** mathematical constants */
  | { readonly kind: 'const'; readonly name: 'pi' | 'e' }
  /** the summation variable (n by default) */
  | { readonly kind: 'var'; readonly name: string }
  /** a free real parameter */
  | { readonly kind: 'param'; readonly name: string }
  /** the bound index of an enclosing finite sum */
  | { readonly kind: 'index'; readonly name: string }
  | { readonly kind: 'add'; readonly terms: readonly Expr[] }
  | { readonly kind: 'mul'; readonly factors: readonly Expr[] }
  | { readonly kind: 'neg'; readonly arg: Expr }
  | { readonly kind: 'div'; readonly num: Expr; readonly den: Expr }
  | { readonly kind: 'pow'; readonly base: Expr; readonly exp: Expr }
  | { readonly kind: 'call'; readonly fn: FnName; readonly args: readonly Expr[] }
  /** c ? a : b */
  | { readonly kind: 'cond'; readonly test: Expr; readonly then: Expr; readonly else: Expr }
  | { readonly kind: 'cmp'; readonly op: CmpOp; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'logic'; readonly op: 'and' | 'or' | 'not'; readonly args: readonly Expr[] }
  /** sum(body, index, lo, hi): a finite sum, lo..hi inclusive, bounds free of the index */
  | { readonly kind: 'sum'; readonly body: Expr; readonly index: string; readonly lo: Expr; readonly hi: Expr };

export const num = (v: number | string | Fraction | bigint): Expr => ({ kind: 'num', value: new Fraction(v as never) });
export const add = (...terms: Expr[]): Expr => ({ kind: 'add', terms });
export const mul = (...factors: Expr[]): Expr => ({ kind: 'mul', factors });
export const neg = (arg: Expr): Expr => ({ kind: 'neg', arg });
export const div = (n: Expr, d: Expr): Expr => ({ kind: 'div', num: n, den: d });
export const pow = (base: Expr, exp: Expr): Expr => ({ kind: 'pow', base, exp });
export const call = (fn: FnName, ...args: Expr[]): Expr => ({ kind: 'call', fn, args });
export const param = (name: string): Expr => ({ kind: 'param', name });
export const variable = (name: string): Expr => ({ kind: 'var', name });

/** The result of parsing user text. */
export interface ParsedExpression {
  /** the text as the user gave it */
  readonly input: string;
  readonly expr: Expr;
  /** the summation variable's name */
  readonly variable: string;
  /** free parameters, sorted */
  readonly parameters: readonly string[];
  /** normalised ASCII in mathjs syntax */
  readonly normalized: string;
}
