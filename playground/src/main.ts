/**
 * The playground page: wires the inputs to the workers and the answers to the
 * views. Every keystroke or slider move sends the inputs to the decide worker
 * (verdict, regions, verdict at the sliders, TRF, chart); when that settles, the
 * proof worker writes the proof. The URL fragment always holds the inputs, so
 * any state can be shared as a link.
 *
 * Owns: the page's state and the order of updates.
 */
import 'katex/dist/katex.min.css';
import './style.css';
import type { Catalog, CatalogEntry, ParameterSpec } from '../../src/rules/schema.js';
import catalogJson from '../../rules/catalog.json';
import { sampleCases } from '../../src/rules/catalog-cases.js';
import { decodeFragment, DEFAULT_EPS, DEFAULT_FROM, encodeFragment, type PlaygroundState } from './fragment.js';
import type { DecideResponse, Inputs } from './protocol.js';
import { boundariesIn } from './slider-scale.js';
import { fillCatalog, showCatalogEntry } from './views/catalog.js';
import { byId, renderTex } from './views/dom.js';
import { wireDownloads } from './views/downloads.js';
import { clearErrors, showError } from './views/field-errors.js';
import { ParameterControls } from './views/params.js';
import { clearProof, showProof, showProofPending } from './views/proof.js';
import { showChart, showTrf } from './views/trf.js';
import { showClassification, showPending, showPoint, showPointProblem, showVerdictError } from './views/verdict.js';
import { DecideClient, ProofClient } from './workers.js';

const EXAMPLE: PlaygroundState = { formula: '−m·log(1+n)', assume: '', eps: DEFAULT_EPS, from: DEFAULT_FROM, values: { m: '1.5' } };
/** Quiet time after the last change before the (slower) proof is written: it must not take CPU from the next keystroke. */
const PROOF_DELAY_MS = 400;
/** Quiet time before the URL follows the inputs (history.replaceState can take tens of ms: never on a keystroke's path). */
const FRAGMENT_DELAY_MS = 150;

/** The catalog as bundled; the decide worker validates it with the schema (the page only lists it). */
const catalog = catalogJson as unknown as Catalog;
const formulaEl = byId<HTMLInputElement>('formula');
const assumeEl = byId<HTMLInputElement>('assume');
const epsEl = byId<HTMLInputElement>('eps');
const fromEl = byId<HTMLInputElement>('from');

let preset: Record<string, string> = {};
let specs: Readonly<Record<string, ParameterSpec>> = {};
/** when the user last changed an input: latencies are measured from here */
let inputAt = 0;
let sent: Inputs | null = null;
let failed = false;
let writtenHash = '';
/** the user change whose verdict is on screen: a follow-up request's classification (the same) is not shown again */
let verdictShownFor = 0;
let proofTimer: ReturnType<typeof setTimeout> | undefined;
let fragmentTimer: ReturnType<typeof setTimeout> | undefined;

const params = new ParameterControls(() => analyze(true));
const decide = new DecideClient(onDecide);
const proof = new ProofClient((r) => showProof(r.html, r.error, r.ms));

function currentInputs(): Inputs {
  return { formula: formulaEl.value, assume: assumeEl.value, eps: epsEl.value, from: fromEl.value, values: params.values() };
}

/** Send the inputs to the decide worker; `byUser` for a keystroke or slider move (not a follow-up request). */
function analyze(byUser: boolean): void {
  const inputs = currentInputs();
  if (byUser) { inputAt = performance.now(); proof.cancel(); }
  sent = inputs;
  failed = false;
  clearTimeout(proofTimer);
  showPending(inputs.formula);
  if (inputs.formula.trim() === '') {
    decide.cancel();
    sent = null;
    clearErrors();
    showVerdictError('', 0);
    byId('verdict').dataset.verdict = 'none';
    byId('verdict').textContent = 'Type a bias to see its verdict.';
    showTrf(null, 'Type a bias to see its receptive field.', DEFAULT_EPS);
    showChart(null);
    clearProof();
    clearFormulaViews();
    return;
  }
  decide.analyze(inputs, !byUser);
  writtenHash = encodeFragment(inputs);
  clearTimeout(fragmentTimer);
  fragmentTimer = setTimeout(writeFragment, FRAGMENT_DELAY_MS);
}

/** No formula (cleared, or one that does not parse): no preview, no sliders, no catalog entry. */
function clearFormulaViews(): void {
  byId('formula-tex').replaceChildren();
  params.setParameters([], {});
  showCatalogEntry(null);
}

function writeFragment(): void {
  if (location.hash !== writtenHash) history.replaceState(null, '', writtenHash);
  byId<HTMLAnchorElement>('share-link').href = location.href;
}

function onDecide(r: DecideResponse): void {
  const latency = performance.now() - inputAt;
  // the classification of a request the page followed up is still the current one; everything else must be the latest
  if (r.type !== 'ready' && r.type !== 'classification' && r.id !== decide.latest) return;
  switch (r.type) {
    case 'ready':
      document.documentElement.dataset.workerStartupMs = r.startupMs.toFixed(0);
      return;
    case 'parsed': {
      clearErrors();
      renderTex(byId('formula-tex'), `p(n) = ${r.tex}`, true);
      showCatalogEntry(r.catalogId);
      const entry = catalog.entries.find((e) => e.id === r.catalogId);
      if (entry) specs = entry.parameters;
      else if (!r.parameters.every((p) => Object.hasOwn(specs, p))) specs = {};
      const changed = params.setParameters(r.parameters, specs, preset);
      preset = {};
      // new or removed parameters: ask again with a value for each
      if (changed) analyze(false);
      return;
    }
    case 'classification':
      if (verdictShownFor === decide.userRequest) return;
      verdictShownFor = decide.userRequest;
      showClassification(r.classification, r.conditionsTex, sent?.formula ?? '', r.ms, latency);
      params.setBoundaries(boundariesIn(r.classification.cases.map((c) => c.condition)));
      return;
    case 'point':
      showPoint(r, latency);
      return;
    case 'trf':
      showTrf(r.result, r.reason, sent?.eps ?? DEFAULT_EPS);
      return;
    case 'chart':
      showChart(r.chart);
      return;
    case 'problem':
      failed = true;
      clearErrors();
      if (r.problem.field !== 'point') showError(r.problem);
      if (r.problem.field === 'formula') clearFormulaViews();
      if (r.problem.field === 'formula' || r.problem.field === 'assume' || r.problem.field === 'from') showVerdictError(sent?.formula ?? '', latency);
      else if (r.problem.field !== 'eps') showPointProblem(r.problem.message, latency);
      showTrf(null, 'no TRF: fix the input first', sent?.eps ?? DEFAULT_EPS);
      showChart(null);
      clearProof();
      return;
    case 'done':
      if (!failed && sent) {
        const inputs = sent;
        showProofPending();
        proofTimer = setTimeout(() => proof.prove(inputs), PROOF_DELAY_MS);
      }
      return;
  }
}

function load(state: PlaygroundState): void {
  formulaEl.value = state.formula;
  assumeEl.value = state.assume;
  epsEl.value = state.eps;
  fromEl.value = state.from;
  preset = { ...state.values };
  analyze(true);
}

/**
 * An entry opens at its first sample combination where the catalog expects the
 * series to converge (the catalog's tests check that expectation against the
 * engine), else at its first samples.
 */
function pick(entry: CatalogEntry): void {
  const converging = sampleCases(entry).find((c) => c.expected === 'converges' && c.sample)?.sample;
  const values = converging
    ? Object.fromEntries(Object.entries(converging).map(([k, v]) => [k, String(v)]))
    : Object.fromEntries(Object.entries(entry.parameters).map(([k, spec]) => [k, String(spec.samples?.[0] ?? 1)]));
  specs = entry.parameters;
  load({ formula: entry.formula, assume: entry.assume.join(', '), eps: epsEl.value || DEFAULT_EPS, from: String(entry.from ?? 0), values });
}

for (const input of [formulaEl, assumeEl, epsEl, fromEl]) input.addEventListener('input', () => analyze(true));
fillCatalog(catalog, pick);
wireDownloads(async (format) => {
  const inputs = sent ?? currentInputs();
  return { text: await proof.download(inputs, format), formula: inputs.formula };
});
byId('copy-link').addEventListener('click', async () => {
  const status = byId('copy-status');
  try {
    await navigator.clipboard.writeText(location.href);
    status.textContent = 'Copied.';
  } catch {
    status.textContent = 'Copy the link above (the clipboard is not available here).';
  }
});
window.addEventListener('hashchange', () => {
  if (location.hash === writtenHash) return;
  const state = decodeFragment(location.hash);
  if (state) load(state);
});

load(decodeFragment(location.hash) ?? EXAMPLE);
