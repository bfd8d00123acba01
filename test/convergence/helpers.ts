/** Test helper: the facts and context of one expression on one parameter region, as the decider builds them. */
import { Ctx } from '../../src/asymptotics/context.js';
import { expand } from '../../src/asymptotics/expand.js';
import { applyCondition } from '../../src/conditions/assumptions.js';
import { Region } from '../../src/conditions/region.js';
import { parseCondition, parseExpression } from '../../src/parse/parse.js';
import { biasFacts, termFacts } from '../../src/convergence/readings/facts.js';
import type { SeriesFacts } from '../../src/convergence/test.js';

export function factsFor(expr: string, assume: readonly string[] = [], term = false): { facts: SeriesFacts; ctx: Ctx } {
  const p = parseExpression(expr);
  let roots = [new Region()];
  for (const a of assume) roots = applyCondition(roots, parseCondition(a, p.parameters));
  const region = roots[0]!;
  const ctx = new Ctx(region, p.variable);
  const approx = expand(p.expr, ctx);
  const facts = term ? termFacts(p.expr, p.variable, approx, ctx) : biasFacts(p.expr, p.variable, approx);
  return { facts, ctx: new Ctx(region, p.variable) };
}
