/**
 * Judges a Classification against a catalog case's expectation: `agree`, `wrong`
 * (a decided verdict that contradicts the expectation, or cases that do not partition
 * the sample points), or `undecided` (unknown somewhere, nothing contradicted).
 * Parametric results are checked at every sample point through their case conditions.
 */
import type { Classification, Verdict } from '../types.js';
import type { CatalogCase } from './catalog-cases.js';
import { expectedAt } from './catalog-cases.js';
import { ConditionError, evalCondition, type Point } from './condition-eval.js';

export type AgreementStatus = 'agree' | 'wrong' | 'undecided';

export interface Agreement {
  readonly status: AgreementStatus;
  /** one line: what was wrong or left undecided */
  readonly detail: string;
}

const pointText = (p: Point): string => Object.entries(p).map(([k, v]) => `${k}=${v}`).join(', ');

type PointCheck = { kind: 'ok' } | { kind: 'undecided'; why: string } | { kind: 'wrong'; why: string };

function checkPoint(result: Classification, c: CatalogCase, point: Point): PointCheck {
  const holding: Verdict[] = [];
  for (const k of result.cases) {
    try {
      if (evalCondition(k.condition, point)) holding.push(k.verdict);
    } catch (err) {
      if (err instanceof ConditionError) return { kind: 'undecided', why: `cannot evaluate case condition "${k.condition}": ${err.message}` };
      throw err;
    }
  }
  const where = pointText(point);
  if (holding.length !== 1) return { kind: 'wrong', why: `${holding.length} cases hold at ${where} (cases must partition the parameter space)` };
  const want = expectedAt(c.expected, c.expectedCondition, point);
  const got = holding[0]!;
  if (got === 'unknown') return { kind: 'undecided', why: `unknown at ${where}` };
  return got === want ? { kind: 'ok' } : { kind: 'wrong', why: `${got} at ${where}, expected ${want}` };
}

export function judge(result: Classification, c: CatalogCase): Agreement {
  const got = result.verdict;
  const expectedConcrete = c.expected !== 'conditional';
  if ((got === 'converges' || got === 'diverges') && got !== c.expected) {
    return { status: 'wrong', detail: `got ${got}, expected ${c.expected}` };
  }
  if (got === 'conditional' && c.points.length === 0 && expectedConcrete) {
    // a concrete case split into regions: judge each region's verdict
    const verdicts = new Set(result.cases.map((k) => k.verdict));
    const other = c.expected === 'converges' ? 'diverges' : 'converges';
    if (verdicts.has(other)) return { status: 'wrong', detail: `some case says ${other}, expected ${c.expected}` };
  }
  const wrong: string[] = [];
  const undecided: string[] = [];
  for (const point of c.points) {
    const check = checkPoint(result, c, point);
    if (check.kind === 'wrong') wrong.push(check.why);
    if (check.kind === 'undecided') undecided.push(check.why);
  }
  if (wrong.length > 0) return { status: 'wrong', detail: wrong.join('; ') };
  if (got === c.expected && undecided.length === 0) return { status: 'agree', detail: '' };
  if (got === 'unknown') return { status: 'undecided', detail: result.cases[0]?.reason ?? 'verdict unknown' };
  return { status: 'undecided', detail: undecided.length > 0 ? undecided.join('; ') : `got ${got}, expected ${c.expected}` };
}
