/**
 * report(): from an input to the Report object. Runs classify() (the verdicts and
 * conditions of the contract object), re-explores the regions with every named
 * test (regions.ts), writes one proof per region, instantiates the paper's
 * theorem per case, and gathers the chart's data.
 *
 * Owns: the assembly and the consistency check between classify() and the
 * per-region analysis (a disagreement is a bug and throws).
 */
import Fraction from 'fraction.js';
import { classify } from '../classify.js';
import { loadFamilies } from '../rules/loader.js';
import type { Family } from '../rules/schema.js';
import { assumptionTexts } from '../parse/assumption-list.js';
import { InputError } from '../parse/errors.js';
import { parseCondition } from '../parse/parse.js';
import { toTex } from '../parse/print.js';
import { type ParamPoint, samplePoint } from '../conditions/region-sample.js';
import { constRational } from '../trf/recognize.js';
import { type AtInput, atLists, combineAt } from '../trf/substitute.js';
import type { ClassificationCase, ClassifyOptions } from '../types.js';
import { chartData } from './chart-data.js';
import type { CaseProof, Report, TheoremSection } from './proof.js';
import { conditionForms } from './condition-text.js';
import { pointText, regionProof } from './region-proof.js';
import { analyzeRegions, type RegionAnalysis } from './regions.js';
import { convergingTheorem, divergingTheorem } from './theorem.js';

export interface ReportOptions extends ClassifyOptions {
  /** sample parameter values, as for trf(): {m: 0.5}, [{m: 0.5}, {m: 1}] or "name=v1,v2,…" strings */
  readonly at?: AtInput;
  /** explicit sample points (the catalog passes its samples here) */
  readonly samples?: readonly Readonly<Record<string, string | number>>[];
  /** ε of the TRF, default "0.01" */
  readonly eps?: string;
  /** B and δ of the window guarantee, default 1 and 0.01 */
  readonly logitBound?: string;
  readonly tol?: string;
  /** complete proofs written per region, default 1 (the deciding test's); 0 writes none (verdicts and tables only) */
  readonly maxProofs?: number;
  /** a title (default: the input) */
  readonly title?: string;
  /** most parameter points per case for the TRF table and the chart, default 4 */
  readonly maxPoints?: number;
}

const MAX_THEOREM_POINTS = 4;
const MAX_CURVES = 8;

function familiesById(): Map<string, Family> {
  try {
    return new Map(loadFamilies().families.map((f) => [f.id, f]));
  } catch {
    return new Map();
  }
}

/** Rational sample points from --at and explicit samples (non-rational values are skipped). */
function preferredPoints(options: ReportOptions): ParamPoint[] {
  const out: ParamPoint[] = [];
  for (const s of options.samples ?? []) {
    try { out.push(new Map(Object.entries(s).map(([k, v]) => [k, new Fraction(v)]))); } catch { /* not rational */ }
  }
  const lists = atLists(options.at);
  if (lists.length) {
    for (const pt of combineAt(lists)) {
      const values = Object.entries(pt).map(([k, v]) => [k, constRational(v.expr)] as const);
      if (values.every(([, f]) => f !== null)) out.push(new Map(values.map(([k, f]) => [k, f!])));
    }
  }
  return out;
}

const key = (p: ParamPoint): string => [...p].map(([k, v]) => `${k}=${v.toFraction()}`).sort().join(',');

/** Points of the case: the preferred ones inside its regions, else one sample per region. */
function casePoints(regions: readonly RegionAnalysis[], parameters: readonly string[], preferred: readonly ParamPoint[]): ParamPoint[] {
  const inCase = preferred.filter((p) => regions.some((r) => samplePoint(r.region, parameters, [p]) !== null && key(samplePoint(r.region, parameters, [p])!) === key(p)));
  const pts = inCase.length ? inCase : regions.map((r) => samplePoint(r.region, parameters)).filter((p): p is ParamPoint => p !== null);
  const seen = new Set<string>();
  return pts.filter((p) => (seen.has(key(p)) ? false : (seen.add(key(p)), true)));
}

export function buildReport(input: string, options: ReportOptions = {}): Report {
  const eps = options.eps ?? '0.01';
  const logitBound = options.logitBound ?? '1';
  const tol = options.tol ?? '0.01';
  const classification = classify(input, options);
  const analyzed = analyzeRegions(input, options);
  const { parsed } = analyzed;
  const families = familiesById();
  const preferred = preferredPoints(options);
  for (const r of analyzed.regions) {
    if (r.conflicts.length) throw new Error(`internal: in the region ${r.condition} the ${r.conflicts.map((c) => c.test).join(', ')} test(s) contradict the decider (${r.verdict})`);
  }
  const byVerdict = (c: ClassificationCase): RegionAnalysis[] => analyzed.regions.filter((r) => r.verdict === c.verdict);
  for (const c of classification.cases) if (byVerdict(c).length === 0) throw new Error(`internal: no region of the report has the verdict ${c.verdict} of classify()`);
  if (analyzed.regions.some((r) => !classification.cases.some((c) => c.verdict === r.verdict))) throw new Error('internal: a region of the report has a verdict classify() does not');

  const chartInputs: { label: string; point: ParamPoint; sum: number | null; trf: number | null }[] = [];
  const cases: CaseProof[] = classification.cases.map((c) => {
    const regions = byVerdict(c);
    const proofs = regions.map((analysis) => regionProof({
      analysis, parameters: parsed.parameters, variable: parsed.variable, from: analyzed.from, term: analyzed.term,
      families, preferred, maxProofs: options.maxProofs ?? 1,
    }));
    const cForms = conditionForms(c.condition);
    const cTex = cForms.tex;
    let theorem: TheoremSection | undefined;
    const points = casePoints(regions, parsed.parameters, preferred).slice(0, options.maxPoints ?? MAX_THEOREM_POINTS);
    if (!analyzed.term && c.verdict !== 'unknown') {
      const t = { input, expr: parsed.expr, variable: parsed.variable, from: analyzed.from, condition: c.condition, conditionTex: cTex, points, eps, logitBound, tol, options: { ...(options.var !== undefined ? { var: options.var } : {}) } };
      theorem = c.verdict === 'converges' ? convergingTheorem(t) : divergingTheorem(t);
      if (c.verdict === 'converges') theorem.results.forEach((r, i) => chartInputs.push({ label: r.at, point: points[i]!, sum: r.sum === null ? null : Number(r.sum), trf: r.trf === null ? null : Number(r.trf) }));
      else [...points].reverse().slice(0, 2).forEach((p) => chartInputs.push({ label: `${pointText(p) || 'the input'} (diverges)`, point: p, sum: null, trf: null }));
    }
    return { condition: c.condition, conditionTex: cTex, conditionText: cForms.text, verdict: c.verdict, extrapolation: c.extrapolation, regions: proofs, ...(theorem ? { theorem } : {}) };
  });

  const chart = chartData(parsed.expr, parsed.variable, analyzed.from, chartInputs.slice(0, MAX_CURVES), eps);
  const assumptions = assumptionTexts(options.assume);
  return {
    input, title: options.title ?? input,
    expression: parsed.normalized, expressionTex: toTex(parsed.expr), variable: parsed.variable, from: analyzed.from,
    term: analyzed.term, parameters: [...parsed.parameters], assumptions: [...assumptions],
    assumptionsTex: assumptions.map((a) => { try { return toTex(parseCondition(a, parsed.parameters)); } catch (e) { if (e instanceof InputError) return a; throw e; } }),
    classification, cases, chart,
    notes: [
      'Numbers in the checks are computed with decimal.js at sample points; they check the claims and are never used as arguments.',
      'Asymptotic expansions are written in n; O(·) bounds the terms left out; L_k are iterated logarithms (L_0 = log n).',
      'The asymptotic engine expands exactly, by $\\log(1+u) = u - u^2/2 + \\dots$, $e^u = 1 + u + \\dots$ and $(1+u)^r = 1 + r u + \\dots$ for $u \\to 0$, and $\\log(c\\,n^a L^b) = a \\log n + b \\log L + \\log c$.',
    ],
  };
}
