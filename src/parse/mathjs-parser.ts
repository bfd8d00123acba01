/**
 * A parse-only mathjs instance with plain number literals, for trusted rules text
 * (catalog formulas, conditions), from mathjs-instance.ts, so that a
 * bundle (the playground's worker) does not carry, nor a process instantiate, all
 * of mathjs. Nothing is ever evaluated through it.
 */
import type { MathNode } from 'mathjs';
import { createParseOnlyMathjs } from './mathjs-instance.js';

const instance = createParseOnlyMathjs('double');

export function parseMathjs(text: string): MathNode {
  return instance.parse(text);
}
