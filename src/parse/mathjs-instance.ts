/**
 * The parse-only mathjs instance: mathjs's `parse` and its node classes, with every
 * other factory that `parseDependencies` would drag in (matrices, units, arithmetic, the
 * BigNumber and Complex types — about 60 typed functions) replaced by a stub that
 * throws. Why: `create({ parseDependencies })` builds all of those on the first parse,
 * which was most of a command's start-up time, yet parsing only builds a tree. Nothing
 * here can evaluate: node `compile`/`evaluate` would reach a stub and throw.
 *
 * Number literals: `exact` keeps each literal as a decimal.js Decimal (flagged
 * `isBigNumber`, as mathjs's BigNumber is), so that "0.1" stays exactly 1/10;
 * `double` gives JavaScript numbers (trusted rules text).
 */
import { Decimal } from 'decimal.js';
import {
  create, createAccessorNode, createArrayNode, createAssignmentNode, createBlockNode,
  createConditionalNode, createConstantNode, createFunctionAssignmentNode, createFunctionNode,
  createIndexNode, createNode, createObjectNode, createOperatorNode, createParenthesisNode,
  createParse, createRangeNode, createRelationalNode, createResultSet, createSymbolNode,
  createTyped, factory, type MathJsInstance,
} from 'mathjs';

export type LiteralMode = 'exact' | 'double';

interface Factory { readonly fn: string; readonly dependencies?: readonly string[] }

// mathjs exports its factories at run time but its typings do not declare them
declare module 'mathjs' {
  export const createAccessorNode: FactoryFunctionMap[string];
  export const createArrayNode: FactoryFunctionMap[string];
  export const createAssignmentNode: FactoryFunctionMap[string];
  export const createBlockNode: FactoryFunctionMap[string];
  export const createConditionalNode: FactoryFunctionMap[string];
  export const createConstantNode: FactoryFunctionMap[string];
  export const createFunctionAssignmentNode: FactoryFunctionMap[string];
  export const createFunctionNode: FactoryFunctionMap[string];
  export const createIndexNode: FactoryFunctionMap[string];
  export const createNode: FactoryFunctionMap[string];
  export const createObjectNode: FactoryFunctionMap[string];
  export const createOperatorNode: FactoryFunctionMap[string];
  export const createParenthesisNode: FactoryFunctionMap[string];
  export const createParse: FactoryFunctionMap[string];
  export const createRangeNode: FactoryFunctionMap[string];
  export const createRelationalNode: FactoryFunctionMap[string];
  export const createResultSet: FactoryFunctionMap[string];
  export const createSymbolNode: FactoryFunctionMap[string];
  export const createTyped: FactoryFunctionMap[string];
}

/**
 * The factories that parsing itself runs: the node classes, `typed` and `parse`,
 * imported by name so that a bundler keeps only these of mathjs.
 */
const PARSE_FACTORIES: Readonly<Record<string, unknown>> = {
  createNode, createTyped, createParse, createResultSet,
  createAccessorNode, createArrayNode, createAssignmentNode, createBlockNode, createConditionalNode,
  createConstantNode, createFunctionAssignmentNode, createFunctionNode, createIndexNode,
  createObjectNode, createOperatorNode, createParenthesisNode, createRangeNode,
  createRelationalNode, createSymbolNode,
};

/** The names the parse factories depend on that no parse factory provides (the stubs). */
function missingDependencies(): string[] {
  const provided = new Set(Object.values(PARSE_FACTORIES).map((f) => (f as Factory).fn));
  provided.add('numeric');
  const missing = new Set<string>();
  for (const f of Object.values(PARSE_FACTORIES)) {
    for (const dep of (f as Factory).dependencies ?? []) {
      const name = dep.replace(/^\?/, '');
      if (!provided.has(name) && name !== 'config' && name !== 'math' && name !== 'mathWithTransform' && name !== 'on') missing.add(name);
    }
  }
  return [...missing];
}

/** A Decimal class whose instances pass mathjs's `isBigNumber` test. */
const ExactLiteral = Decimal.clone();
(ExactLiteral.prototype as unknown as { isBigNumber: boolean }).isBigNumber = true;

function numericFactory(mode: LiteralMode): unknown {
  return factory('numeric', [], () => (value: string | number) => (mode === 'exact' ? new ExactLiteral(value) : Number(value)));
}

export function createParseOnlyMathjs(mode: LiteralMode): MathJsInstance {
  const factories: Record<string, unknown> = { ...PARSE_FACTORIES, createNumeric: numericFactory(mode) };
  for (const name of missingDependencies()) {
    factories[`create${name}`] = factory(name, [], () => () => {
      throw new Error(`internal: mathjs "${name}" is not part of the parse-only instance`);
    });
  }
  return create(factories as Parameters<typeof create>[0], { number: mode === 'exact' ? 'BigNumber' : 'number' });
}
