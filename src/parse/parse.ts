/**
 * Text -> Expr: the entry points `parseExpression` and `parseCondition`.
 *
 * Owns: the order of the stages (length cap, Unicode normalisation, token scan with
 * the nesting cap, mathjs `parse` only — never evaluate/compile — conversion, node
 * cap) and the variable rule. mathjs syntax errors are re-raised as InputError with
 * the column in the user's original text.
 *
 * Variable rule: the summation variable is `n` unless options.variable says
 * otherwise. If it does not occur, the expression must be constant (p = 0 and
 * p = -4 are legal biases); an expression with free symbols but without the
 * variable is ambiguous and raises InputError kind 'variable'.
 */
import { convertTree, Locator, type MathjsNode } from './convert.js';
import { InputError } from './errors.js';
import type { Expr, ParsedExpression } from './expr.js';
import { createParseOnlyMathjs } from './mathjs-instance.js';
import { nameProblem } from './names.js';
import { normalizeText, originalColumn, type NormalizedText } from './normalize.js';
import { toAscii } from './print.js';
import { scanTokens, type Token } from './scan.js';
import { countNodes, freeParameters, usesVariable } from './walk.js';

/** Longest accepted input, in UTF-16 code units. */
export const MAX_INPUT_LENGTH = 10_000;
/** Most nodes accepted in the converted tree. */
export const MAX_NODES = 5_000;

/** A parse-only mathjs instance whose number literals are exact decimals. */
const mathjs = createParseOnlyMathjs('exact');

export interface ParseOptions {
  /** the summation variable, default "n" */
  readonly variable?: string;
}

function checkLength(text: unknown): asserts text is string {
  if (typeof text !== 'string') throw new InputError('syntax', 'the expression must be a string');
  if (text.length > MAX_INPUT_LENGTH) {
    throw new InputError('too-large', `the expression is too long (${text.length} characters; at most ${MAX_INPUT_LENGTH})`);
  }
  if (text.trim() === '') throw new InputError('syntax', 'the expression is empty');
}

/** Normalise, scan and run mathjs's parser; syntax errors carry the original column. */
function toMathjsTree(text: string): { tree: MathjsNode; loc: Locator; norm: NormalizedText; tokens: readonly Token[] } {
  const norm = normalizeText(text);
  if (norm.text.trim() === '') throw new InputError('syntax', 'the expression is empty');
  const tokens = scanTokens(norm);
  let tree: MathjsNode;
  try {
    tree = mathjs.parse(norm.text) as unknown as MathjsNode;
  } catch (err) {
    if (err instanceof RangeError) {
      throw new InputError('too-large', 'the expression is nested too deeply');
    }
    const message = err instanceof Error ? err.message : String(err);
    const m = /\(char (\d+)\)\s*$/.exec(message);
    const col = m ? originalColumn(norm, Number(m[1]) - 1) : undefined;
    const base = message.replace(/\s*\(char \d+\)\s*$/, '');
    throw new InputError('syntax', col === undefined ? `syntax error: ${base}` : `syntax error: ${base} (column ${col})`, col);
  }
  return { tree, loc: new Locator(tokens, norm), norm, tokens };
}

function checkSize(expr: Expr): void {
  const count = countNodes(expr);
  if (count > MAX_NODES) throw new InputError('too-large', `the expression is too large (${count} nodes; at most ${MAX_NODES})`);
}

/**
 * Why an expression without the variable but with free symbols was refused, with the
 * fix that applies: the bias in positions i and j (papers write |i − j|), a name that
 * swallowed the variable (r2n for r2·n), or else the variable option.
 */
function missingVariable(variable: string, parameters: readonly string[], tokens: readonly Token[], norm: NormalizedText): InputError {
  if (parameters.includes('i') && parameters.includes('j')) {
    const first = tokens.find((t) => t.kind === 'name' && (t.text === 'i' || t.text === 'j'));
    const col = first === undefined ? undefined : originalColumn(norm, first.start);
    return new InputError(
      'variable',
      `the bias is written in the positions i and j; write the bias as a function of the distance ${variable} = i − j ` +
        `(for example -m*|i - j| is -m*|${variable}|)${col === undefined ? '' : ` (column ${col})`}`,
      col,
    );
  }
  const fused = parameters.flatMap((p) => {
    if (p.length <= variable.length) return [];
    if (p.endsWith(variable) && nameProblem(p.slice(0, -variable.length)) === undefined) return [`${p.slice(0, -variable.length)}*${variable}`];
    if (p.startsWith(variable) && nameProblem(p.slice(variable.length)) === undefined) return [`${variable}*${p.slice(variable.length)}`];
    return [];
  });
  const symbols = `the symbol${parameters.length > 1 ? 's' : ''} ${parameters.join(', ')}`;
  if (fused.length > 0) {
    return new InputError(
      'variable',
      `the expression does not contain the variable ${variable} but has ${symbols}; a name is read whole, so for the product write ${fused.join(', ')}`,
    );
  }
  return new InputError(
    'variable',
    `the expression does not contain the variable ${variable} but has ${symbols}; name the summation variable with the variable option (--var)`,
  );
}

/** Parse a bias p(n) (or a series term) typed or pasted by a user. Throws InputError. */
export function parseExpression(text: string, options: ParseOptions = {}): ParsedExpression {
  const variable = options.variable ?? 'n';
  const problem = nameProblem(variable);
  if (problem !== undefined) throw new InputError('option', `invalid variable name: ${problem}`);
  checkLength(text);
  const { tree, loc, norm, tokens } = toMathjsTree(text);
  const expr = convertTree(tree, loc, { variable }, false);
  checkSize(expr);
  const parameters = freeParameters(expr);
  if (!usesVariable(expr) && parameters.length > 0) throw missingVariable(variable, parameters, tokens, norm);
  return { input: text, expr, variable, parameters, normalized: toAscii(expr) };
}

/**
 * Parse an assumption on the parameters, such as "b > 0", "r1 > 0 and r2 <= 2",
 * "0 < r2 <= 2" (chains become and) or "m != 0". The result is a cmp or logic node.
 * With `parameters`, any other symbol is an error (kind 'assumption'); with
 * `variable`, the summation variable gets its own error (assumptions are about the
 * parameters only).
 */
export function parseCondition(text: string, parameters?: readonly string[], variable?: string): Expr {
  checkLength(text);
  const { tree, loc } = toMathjsTree(text);
  const expr = convertTree(tree, loc, { variable: undefined, allowedParameters: parameters, summationVariable: variable }, true);
  checkSize(expr);
  return expr;
}
