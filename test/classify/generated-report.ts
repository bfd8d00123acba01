/**
 * Diagnosis, not a test: runs the exp-log generator against classify(), shrinks every
 * wrong verdict to a minimal case (fewer blocks, the plainest rewriting and layout,
 * the truth recomputed at each step) and groups the minimal cases into categories.
 *
 *   node --import tsx test/classify/generated-report.ts [--seed S] [--cases N] [--pairs] [--unknown] [--json FILE]
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { classify } from '../../src/classify.js';
import {
  BLOCKS, type CaseSpec, generateCases, type GenCase, isParam, makeCase, pairCases, PARAM_POINTS, ratCompare, rat, ratSign, type TermSpec, truthOfCase, atParameter,
} from './exp-log-generator.js';
import { checkAll, type Outcome, summarise } from './generated-check.js';

interface Args { seed: number; cases: number; pairs: boolean; unknown: boolean; json?: string }

function parseArgs(argv: readonly string[]): Args {
  const a: Args = { seed: 20261203, cases: 10_000, pairs: false, unknown: false };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    if (x === '--seed') a.seed = Number(argv[++i]);
    else if (x === '--cases') a.cases = Number(argv[++i]);
    else if (x === '--pairs') a.pairs = true;
    else if (x === '--unknown') a.unknown = true;
    else if (x === '--json') a.json = argv[++i]!;
    else throw new Error(`unknown argument ${x}`);
  }
  return a;
}

/** classify's verdict on a concrete spec, or 'error' */
function verdictOf(spec: CaseSpec): string {
  const c = makeCase(spec, 'shrink');
  try { return classify(c.expr, c.options).verdict; } catch (e) { return e instanceof Error ? `error: ${e.message.slice(0, 80)}` : 'error'; }
}

const isWrong = (spec: CaseSpec): boolean => { const v = verdictOf(spec); return (v === 'converges' || v === 'diverges') && v !== truthOfCase(spec); };

/** Greedy shrinking of a concrete wrong case: each step keeps the case wrong (truth recomputed). */
function shrink(spec: CaseSpec): CaseSpec {
  let cur = spec;
  const plain = (s: CaseSpec): CaseSpec[] => {
    const out: CaseSpec[] = [];
    if (s.second) {
      // one side of the sum alone, in the same mode
      const single = s.kind === 'sum-term' ? 'term' : 'bias';
      out.push({ ...s, kind: single, layout: single === 'term' ? 'exp' : 'neg-sum', second: undefined });
      out.push({ ...s, kind: single, layout: single === 'term' ? 'exp' : 'neg-sum', terms: s.second, second: undefined });
      for (let i = 0; i < s.second.length && s.second.length > 1; i++) out.push({ ...s, second: s.second.filter((_, j) => j !== i) });
    }
    for (let i = 0; i < s.terms.length && s.terms.length > 1; i++) out.push({ ...s, terms: s.terms.filter((_, j) => j !== i) });
    if (s.offset !== 0) out.push({ ...s, offset: 0 });
    const simpleLayout = s.kind === 'bias' ? 'neg-sum' : 'exp';
    if (s.layout !== simpleLayout) out.push({ ...s, layout: simpleLayout });
    if (s.style !== 0) out.push({ ...s, style: 0 });
    s.terms.forEach((t, i) => {
      const set = (u: Partial<TermSpec>): CaseSpec => ({ ...s, terms: s.terms.map((x, j) => (j === i ? { ...x, ...u } : x)) });
      if (t.split && t.coef !== null && t.coef.num !== 0) out.push({ ...s, terms: s.terms.map((x, j) => (j === i ? { block: x.block, coef: x.coef, form: x.form, factor: x.factor } : x)) });
      if (t.split && t.coef !== null && t.coef.num === 0) out.push({ ...s, terms: s.terms.filter((_, j) => j !== i) });
      if (t.form % BLOCKS[t.block]!.forms.length !== 0) out.push(set({ form: 0 }));
      if (t.factor !== 0) out.push(set({ factor: 0 }));
      // simpler coefficients of the same sign and side of 1
      if (t.coef !== null) {
        const c = t.coef;
        const side = ratCompare(c, rat(1));
        for (const d of [rat(1), rat(2), rat(-1), rat(1, 2), rat(-2)]) if (ratSign(d) === ratSign(c) && ratCompare(d, rat(1)) === side && (d.num !== c.num || d.den !== c.den)) out.push(set({ coef: d }));
      }
    });
    return out;
  };
  for (let round = 0; round < 40; round++) {
    const next = plain(cur).find(isWrong);
    if (!next) break;
    cur = next;
  }
  return cur;
}

const coefClass = (t: TermSpec): string => {
  if (t.coef === null) return 'm';
  const s = ratSign(t.coef), one = ratCompare(t.coef, rat(1));
  return s === 0 ? '0' : one === 0 ? '1' : s < 0 ? '<0' : one < 0 ? '(0,1)' : '>1';
};

/** "e^sqrtL1[>1] + L0[1]": the blocks of a minimal case, fastest first, with the class of each coefficient */
const signature = (s: CaseSpec): string => {
  const one = (ts: readonly TermSpec[]): string => [...ts].sort((a, b) => a.block - b.block).map((t) => `${BLOCKS[t.block]!.id}[${coefClass(t)}]${t.split ? (t.coef?.num === 0 ? '(phantom)' : '(split)') : ''}`).join(' + ');
  return s.second ? `(${one(s.terms)}) | (${one(s.second)})` : one(s.terms);
};

interface Minimal { readonly category: string; readonly original: Outcome; readonly minimal: GenCase; readonly truth: string; readonly got: string }

function diagnose(o: Outcome, c: GenCase): Minimal {
  let spec = c.spec;
  let mode: string = c.spec.kind;
  if (isParam(spec)) {
    // find a value of m where the parametric answer is wrong and see whether the concrete case is wrong too
    const concrete = PARAM_POINTS.map((m) => atParameter(spec, m)).find(isWrong);
    if (!concrete) {
      const m = makeCase(spec, c.id);
      return { category: `${mode} only (the concrete instances are right): ${signature(spec)}`, original: o, minimal: m, truth: o.truth, got: o.got };
    }
    spec = concrete;
    mode = `${c.spec.kind}→${concrete.kind}`;
  }
  const small = shrink(spec);
  const m = makeCase(small, `${c.id}/min`);
  return { category: `${mode}: ${signature(small)}`, original: o, minimal: m, truth: truthOfCase(small), got: verdictOf(small) };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const cases = args.pairs ? pairCases(args.seed) : generateCases(args.seed, args.cases);
  const t0 = performance.now();
  const out = await checkAll(cases);
  const s = summarise(out);
  console.log(`${args.pairs ? 'pairs' : 'generated'} seed ${args.seed}: ${s.cases} cases, ${s.correct} correct, ${s.unknown} unknown, ${s.wrong} wrong, ${s.crash} crashed; ${((performance.now() - t0) / 1000).toFixed(1)} s wall, ${(s.ms / 1000).toFixed(1)} s in classify`);
  for (const k of [...new Set(out.map((o) => o.kind))]) {
    const ks = summarise(out.filter((o) => o.kind === k));
    console.log(`  ${k}: ${ks.cases} cases, ${ks.wrong} wrong, ${ks.unknown} unknown, ${ks.crash} crashed`);
  }
  const byId = new Map(cases.map((c) => [c.id, c]));
  const minimal: Minimal[] = [];
  for (const o of out.filter((x) => x.status === 'wrong')) minimal.push(diagnose(o, byId.get(o.id)!));
  const groups = new Map<string, Minimal[]>();
  for (const m of minimal) groups.set(m.category, [...(groups.get(m.category) ?? []), m]);
  const sorted = [...groups].sort((a, b) => b[1].length - a[1].length);
  // coarser: the blocks of the minimal case and the mode, whatever the coefficients
  const coarse = new Map<string, Minimal[]>();
  for (const m of minimal) {
    const ids = (ts: readonly TermSpec[]): string => [...ts].sort((a, b) => a.block - b.block).map((t) => `${BLOCKS[t.block]!.id}${t.split ? (t.coef?.num === 0 ? '(phantom)' : '(split)') : ''}`).join(' + ');
    const sp = m.minimal.spec;
    const key = `${sp.kind}${m.category.startsWith('param') ? ' (from parametric)' : ''}: ${sp.second ? `(${ids(sp.terms)}) | (${ids(sp.second)})` : ids(sp.terms)}`;
    coarse.set(key, [...(coarse.get(key) ?? []), m]);
  }
  console.log(`\nby blocks of the minimal case:`);
  for (const [k, ms] of [...coarse].sort((a, b) => b[1].length - a[1].length)) console.log(`  [${ms.length}] ${k}`);
  console.log(`\n${minimal.length} wrong verdicts in ${sorted.length} categories (minimal case after shrinking):`);
  for (const [cat, ms] of sorted) {
    console.log(`\n[${ms.length}] ${cat}`);
    const seen = new Set<string>();
    for (const m of [...ms].sort((a, b) => a.minimal.expr.length - b.minimal.expr.length)) {
      if (seen.has(m.minimal.expr) || seen.size >= 3) continue;
      seen.add(m.minimal.expr);
      console.log(`    ${m.minimal.options.term ? 'term ' : ''}${m.minimal.expr}   truth ${m.truth}, got ${m.got}`);
    }
    console.log(`    e.g. from ${ms[0]!.original.id}: ${ms[0]!.original.expr}`);
  }
  for (const o of out.filter((x) => x.status === 'crash').slice(0, 10)) console.log(`CRASH ${o.id}: ${o.expr}: ${o.detail}`);
  if (args.unknown) {
    const reasons = new Map<string, Outcome[]>();
    for (const o of out.filter((x) => x.status === 'unknown')) {
      const key = `${o.kind}: ${(o.detail ?? '').replace(/\[[^\]]*\]→\?/g, '').slice(0, 100)}`;
      reasons.set(key, [...(reasons.get(key) ?? []), o]);
    }
    console.log('\nunknowns:');
    for (const [k, os] of [...reasons].sort((a, b) => b[1].length - a[1].length)) console.log(`  [${os.length}] ${k}\n      ${os[0]!.expr}`);
  }
  if (args.json) writeFileSync(args.json, JSON.stringify({ summary: s, categories: sorted.map(([c, ms]) => ({ category: c, count: ms.length, examples: ms.slice(0, 3).map((m) => ({ expr: m.minimal.expr, term: m.minimal.options.term === true, truth: m.truth, got: m.got, original: m.original.expr })) })) }, null, 2));
}

await main();
