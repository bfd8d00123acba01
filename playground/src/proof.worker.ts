/**
 * The proof worker: builds the proof report for the current inputs (seconds for
 * some inputs, so it has a worker of its own that the page restarts when the
 * inputs change under it), renders its per-case sections as HTML for the page,
 * and renders the downloads (Markdown, LaTeX, self-contained HTML). The report
 * is the library's buildReport; the renderers are the library's too.
 *
 * Owns: the cache of the last report.
 */
import { buildReport, renderHtml, renderLatex, renderMarkdown } from '../../src/report/index.js';
import { renderCasesHtml } from '../../src/report/html.js';
import type { Report } from '../../src/report/proof.js';
import { atItems, parseFormula, problemOf, readAssumptions, readEps, readFrom, readValues } from './inputs.js';
import type { Inputs, ProofRequest, ProofResponse } from './protocol.js';

const post = (r: ProofResponse): void => (self as unknown as Worker).postMessage(r);

let last: { key: string; report: Report } | null = null;

function reportOf(inputs: Inputs): Report {
  const key = JSON.stringify(inputs);
  if (last?.key === key) return last.report;
  const parsed = parseFormula(inputs);
  const assume = readAssumptions(inputs, parsed.parameters, parsed.variable);
  const values = readValues(parsed, inputs);
  const report = buildReport(inputs.formula, { assume, from: readFrom(inputs), eps: readEps(inputs), at: atItems(values) });
  last = { key, report };
  return report;
}

const message = (err: unknown): string => problemOf(err).message;

async function answer(req: ProofRequest): Promise<void> {
  if (req.type === 'proof') {
    const t0 = performance.now();
    const ms = (): number => performance.now() - t0;
    try {
      const report = reportOf(req.inputs);
      const { html, mathErrors } = renderCasesHtml(report, { stepsOpen: false });
      post({ type: 'proof', id: req.id, report, html, ms: ms(), ...(mathErrors.length ? { error: `KaTeX rejected ${mathErrors.length} formula(s): ${mathErrors[0]}` } : {}) });
    } catch (err) {
      post({ type: 'proof', id: req.id, report: null, html: '', error: message(err), ms: ms() });
    }
    return;
  }
  try {
    const report = reportOf(req.inputs);
    let text: string;
    if (req.format === 'md') text = renderMarkdown(report);
    else if (req.format === 'tex') text = renderLatex(report);
    else {
      const h = await renderHtml(report);
      if (h.mathErrors.length) throw new Error(`KaTeX rejected ${h.mathErrors.length} formula(s): ${h.mathErrors[0]}`);
      text = h.html;
    }
    post({ type: 'download', id: req.id, format: req.format, text });
  } catch (err) {
    post({ type: 'download', id: req.id, format: req.format, text: null, error: message(err) });
  }
}

self.onmessage = (event: MessageEvent<ProofRequest>) => { void answer(event.data); };
