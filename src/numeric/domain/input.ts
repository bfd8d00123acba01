/**
 * The domain check of a parsed input, as the user sees it.
 *
 * Owns: `checkDomain`, which runs the check that every term n ≥ from is defined
 * (src/numeric/domain/check.ts) on the requirements free of parameters, and
 * turns its answer into what the decider needs: an InputError kind 'domain'
 * naming the first n where the bias (or the term) is undefined, the other
 * failures found exactly, and a --from past them where starting there is
 * proved to make every term defined (for an input with parameters the same
 * text is a caveat instead, as below); or a caveat (the check could not cover
 * every n), which the decider turns into `unknown`; or nothing. Requirements
 * that involve parameters are checked per parameter region by the decider
 * (src/conditions/region-domain.ts).
 */
import { checkDefined, type DomainResult, type IntRange } from './check.js';
import { InputError } from '../../parse/errors.js';
import type { ParsedExpression } from '../../parse/expr.js';

export interface DomainCheckOptions {
  /** term mode: the input is the series term itself (only the wording changes) */
  readonly term?: boolean;
}

/** How many times a --from past a block of failures is tried (the failures found one at a time). */
const HINT_TRIES = 16;

const role = (options: DomainCheckOptions): string => (options.term ? 'term' : 'bias');

function describeRun(r: IntRange, v: string): string {
  if (r.hi === null) return `every ${v} ≥ ${r.lo}`;
  if (r.hi === r.lo) return `${r.lo}`;
  if (r.hi === r.lo + 1n) return `${r.lo}, ${r.hi}`;
  return `${r.lo}, …, ${r.hi}`;
}

/** The known failures other than the first one, as " (also at n = 5, 6)". */
function alsoAt(first: bigint, known: readonly IntRange[], v: string): string {
  const rest: IntRange[] = [];
  for (const r of known) {
    if (r.hi !== null && r.hi < first) continue;
    const lo = r.lo <= first ? first + 1n : r.lo;
    if (r.hi === null || lo <= r.hi) rest.push({ lo, hi: r.hi });
  }
  if (rest.length === 0) return '';
  const shown = rest.slice(0, 3).map((r) => describeRun(r, v));
  const text = shown.join('; ') + (rest.length > 3 ? '; …' : '');
  return rest[0]!.hi === null && rest.length === 1 ? ` (also for ${text})` : ` (also at ${v} = ${text})`;
}

/** A start past the failures where every term is proved defined, or null. */
function fromHint(parsed: ParsedExpression, result: Extract<DomainResult, { kind: 'undefined' }>): bigint | null {
  if (result.known.some((r) => r.hi === null)) return null;
  let next = result.known.reduce((m, r) => (r.hi! + 1n > m ? r.hi! + 1n : m), result.n + 1n);
  for (let i = 0; i < HINT_TRIES; i++) {
    const again = checkDefined(parsed.expr, parsed.variable, next, { scope: 'parameter-free' });
    if (again.kind === 'defined') return next;
    // only a block of failures right at the new start is followed
    if (again.kind !== 'undefined' || again.n !== next || again.known.some((r) => r.hi === null)) return null;
    next = again.known.reduce((m, r) => (r.hi! + 1n > m ? r.hi! + 1n : m), again.n + 1n);
  }
  return null;
}

/**
 * Throws InputError kind 'domain' where some term n ≥ from is certainly
 * undefined (for an input with parameters, returns that as the caveat);
 * returns a caveat where the check cannot cover every n, else null.
 */
export function checkDomain(parsed: ParsedExpression, from: number, options: DomainCheckOptions = {}): string | null {
  const result = checkDefined(parsed.expr, parsed.variable, from, { scope: 'parameter-free' });
  const v = parsed.variable;
  if (result.kind === 'defined') return null;
  if (result.kind === 'unverified') {
    return `cannot verify that the ${role(options)} is defined for every ${v} ≥ ${result.n} (${result.what} is not excluded)`;
  }
  const hint = fromHint(parsed, result);
  const message = `${result.what} at ${v} = ${result.n}: the ${role(options)} is undefined on the summation range`
    + `${alsoAt(result.n, result.known, v)}${hint === null ? '' : `; use --from ${hint}`}`;
  // with parameters the input stays a question about them: every region answers unknown, with this reason
  if (parsed.parameters.length > 0) return message;
  throw new InputError('domain', message);
}
