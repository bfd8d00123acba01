/**
 * A parse-only mathjs instance with plain number literals, for trusted rules text
 * (catalog formulas, conditions). Built from `parseDependencies` alone, so that a
 * bundle (the playground's worker) does not carry, nor a process instantiate, all
 * of mathjs. Nothing is ever evaluated through it.
 */
import { create, parseDependencies, type MathNode } from 'mathjs';

const instance = create({ parseDependencies });

export function parseMathjs(text: string): MathNode {
  return instance.parse(text);
}
