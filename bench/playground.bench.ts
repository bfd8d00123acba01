/**
 * Playground latency: keystroke → verdict and slider move → point verdict, in
 * headless Chromium, for every catalog entry. Builds and serves the playground
 * with the e2e harness (test/playground/harness.ts).
 *
 * One measurement: the entry's assumptions filled, the formula less its last
 * character filled, the page left to settle (the decide worker done with it,
 * then 250 ms without a change in the verdict and TRF panels), then the last character typed; the latency is the
 * page's own `data-latency-ms` on #verdict (input event → verdict shown),
 * cross-checked by an in-page observer (input event, capture phase → the DOM
 * mutation that shows the final verdict). Then ArrowRight (ArrowLeft at the end)
 * on the first parameter's slider → #point-verdict[data-latency-ms] for the new value.
 *
 * Two modes, RPE_BENCH_REPS (5) measurements per entry in each:
 *  - fresh: a newly loaded page per measurement (the worst case: the first real
 *    analysis of a worker that has only seen the page's example);
 *  - warm: one page for all entries, as when someone keeps typing; the r-th
 *    repetition puts r leading spaces before the formula, so the page's
 *    per-formula classification cache never answers (library-internal caches,
 *    e.g. CAS antiderivatives, may).
 * Plus the cold start: navigation → first verdict, point verdict, proof.
 *
 *   node --import tsx bench/playground.bench.ts     (RPE_BENCH_MODE=fresh|warm|both, default both)
 *
 * Writes bench/results/playground.json. Nothing is asserted: numbers are measured.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { loadCatalog } from '../src/rules/loader.js';
import { FINAL_VERDICTS, fillInput, parameterNames, skipReason, startPlayground, verdictLatency, waitPointVerdict, waitVerdict } from '../test/playground/harness.js';
import { median } from './timing.js';

const here = dirname(fileURLToPath(import.meta.url));
const REPS = Number(process.env.RPE_BENCH_REPS ?? 5);
const BUDGET_MS = 100;
const TIMEOUT = 30_000;
const MODE = (process.env.RPE_BENCH_MODE ?? 'both') as 'fresh' | 'warm' | 'both';
type Mode = 'fresh' | 'warm';
/** RPE_BENCH_ONLY=alibi,t5: only these entries (for diagnosis; the JSON then covers only them) */
const ONLY = process.env.RPE_BENCH_ONLY ? process.env.RPE_BENCH_ONLY.split(',').map((x) => x.trim()) : null;

interface Sample {
  /** the page's data-latency-ms, null where the page does not expose it */
  page: number | null;
  /** in-page observer: input event → DOM mutation showing the final answer */
  observed: number | null;
  /** the proof worker was still writing a proof (#proof pending) when the key was pressed */
  proofBusy: boolean;
  /** keystrokes: the classification time the page shows ("decided in N ms", measured in the worker) */
  classifyMs?: number | null;
}

/** The worker's classification time shown in #verdict ("decided in 12 ms", "< 1 ms"). */
async function classifyMs(page: Page): Promise<number | null> {
  const text = (await page.locator('#verdict .timing').first().textContent({ timeout: 1_000 }).catch(() => null)) ?? '';
  const m = /decided in\s*(<\s*)?([\d.]+)\s*ms/.exec(text);
  return m ? (m[1] ? 0.5 : Number(m[2])) : null;
}

/** ms since navigation start at which `cond` first held (polled every animation frame). */
async function navTime(page: Page, cond: string, timeout = TIMEOUT): Promise<number | null> {
  try {
    const h = await page.waitForFunction(`(() => { try { return (${cond}) ? performance.now() : false; } catch { return false; } })()`, undefined, { timeout, polling: 'raf' });
    return (await h.jsonValue()) as number;
  } catch {
    return null;
  }
}

const proofBusy = (page: Page): Promise<boolean> => page.evaluate(() => document.querySelector<HTMLElement>('#proof')?.dataset.state === 'pending');

interface EntryResult {
  mode: Mode;
  id: string;
  formula: string;
  verdict: string;
  keystroke: Sample[];
  slider: (Sample & { param: string; from: number; to: number; verdict: string })[];
  /** slider moves that produced no point verdict (and what the page showed instead) */
  sliderErrors: string[];
}

/**
 * Resolves once the decide worker has finished the current request (the page
 * moves #proof to pending/ready/error on its 'done', or shows an input error, or
 * has nothing to analyse) and then none of the observed panels has changed for
 * `quietMs` (at most `maxMs`). Without the first wait a keystroke could queue
 * behind the previous request's TRF, which posts nothing while it computes.
 */
async function settle(page: Page, quietMs = 250, maxMs = 15_000): Promise<void> {
  await page.waitForFunction(() => {
    const proof = document.querySelector<HTMLElement>('#proof')?.dataset.state;
    const verdict = document.querySelector<HTMLElement>('#verdict')?.dataset.verdict;
    return proof === 'pending' || proof === 'ready' || proof === 'error' || verdict === 'error' || verdict === 'none';
  }, undefined, { timeout: maxMs, polling: 20 }).catch(() => undefined);
  await page.evaluate(({ quietMs, maxMs }) => new Promise<void>((resolve) => {
    const targets = ['#verdict-panel', '#trf-panel', '#formula-error', '#params'].map((s) => document.querySelector(s)).filter((e): e is Element => e !== null);
    let timer = setTimeout(done, quietMs);
    const stop = setTimeout(done, maxMs);
    const obs = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(done, quietMs); });
    for (const t of targets) obs.observe(t, { subtree: true, childList: true, attributes: true, characterData: true });
    function done(): void { obs.disconnect(); clearTimeout(timer); clearTimeout(stop); resolve(); }
  }), { quietMs, maxMs });
}

/**
 * Arms an in-page stopwatch: starts at the next `input` event on `inputSel`,
 * stops at the first mutation after which `selector` shows a final verdict that
 * `ready` accepts. The result lands in window.__rpeObserved.
 */
async function armObserver(page: Page, inputSel: string, selector: string, kind: 'verdict' | 'point', formula: string | null, finals: readonly string[]): Promise<void> {
  await page.evaluate(({ inputSel, selector, kind, formula, finals }) => {
    const w = window as unknown as { __rpeObserved?: number | null; __rpeObserver?: { disconnect(): void } };
    // a stopwatch armed earlier that never stopped (no answer came) must not report into this one
    w.__rpeObserver?.disconnect();
    w.__rpeObserved = null;
    const input = document.querySelector(inputSel)!;
    const target = document.querySelector<HTMLElement>(selector)!;
    let t0: number | null = null;
    let before: string | null = null;
    input.addEventListener('input', () => { t0 = performance.now(); before = target.dataset.values ?? null; }, { once: true, capture: true });
    const check = (): void => {
      if (t0 === null) return;
      const v = target.dataset.verdict ?? '';
      if (!finals.includes(v)) return;
      if (kind === 'verdict' && target.dataset.for !== formula) return;
      if (kind === 'point' && (target.dataset.values ?? null) === before) return;
      w.__rpeObserved = performance.now() - t0;
      obs.disconnect();
    };
    const obs = new MutationObserver(check);
    obs.observe(target, { attributes: true, childList: true, subtree: true, characterData: true });
    let stopped = false;
    w.__rpeObserver = { disconnect: () => { stopped = true; obs.disconnect(); } };
    input.addEventListener('input', () => { if (stopped) t0 = null; }, { capture: true });
  }, { inputSel, selector, kind, formula, finals: [...finals] });
}

const observed = (page: Page): Promise<number | null> =>
  page.waitForFunction(() => (window as unknown as { __rpeObserved?: number | null }).__rpeObserved ?? false, undefined, { timeout: 5_000 })
    .then((h) => h.jsonValue() as Promise<number>).catch(() => null);

function pct(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

const fmt = (x: number | null | undefined): string => (x === null || x === undefined || Number.isNaN(x) ? 'n/a' : x.toFixed(1));
const nums = (xs: readonly (number | null)[]): number[] => xs.filter((x): x is number => x !== null);

/** Table and summary of one mode's results, printed; returned for the JSON. */
function report(mode: Mode, results: readonly EntryResult[]) {
  const rows = results.map((r) => {
    const k = nums(r.keystroke.map((x) => x.page));
    const ko = nums(r.keystroke.map((x) => x.observed));
    const s = nums(r.slider.map((x) => x.page));
    const so = nums(r.slider.map((x) => x.observed));
    return {
      id: r.id, verdict: r.verdict,
      keystrokeMedianMs: median(k), keystrokeMaxMs: k.length ? Math.max(...k) : NaN, keystrokeObservedMedianMs: median(ko), keystrokeObservedMaxMs: ko.length ? Math.max(...ko) : NaN,
      sliderMedianMs: median(s), sliderMaxMs: s.length ? Math.max(...s) : NaN, sliderObservedMedianMs: median(so), sliderObservedMaxMs: so.length ? Math.max(...so) : NaN,
      keystrokeMissing: r.keystroke.length - k.length, sliderMissing: r.slider.length - s.length,
      sliderErrors: [...new Set(r.sliderErrors)],
    };
  });
  console.log('');
  console.log(`${mode} mode                keystroke → verdict ms           slider → point verdict ms`);
  console.log('entry          verdict      page: median    max  observed: median  max   page: median    max  observed: median  max');
  for (const x of rows) {
    console.log(`${x.id.padEnd(14)} ${x.verdict.padEnd(12)} ${fmt(x.keystrokeMedianMs).padStart(12)} ${fmt(x.keystrokeMaxMs).padStart(6)} ${fmt(x.keystrokeObservedMedianMs).padStart(16)} ${fmt(x.keystrokeObservedMaxMs).padStart(6)} ${fmt(x.sliderMedianMs).padStart(12)} ${fmt(x.sliderMaxMs).padStart(6)} ${fmt(x.sliderObservedMedianMs).padStart(16)} ${fmt(x.sliderObservedMaxMs).padStart(6)}`);
  }
  const allK = results.flatMap((r) => nums(r.keystroke.map((x) => x.page)));
  const allKo = results.flatMap((r) => nums(r.keystroke.map((x) => x.observed)));
  const allS = results.flatMap((r) => nums(r.slider.map((x) => x.page)));
  const allSo = results.flatMap((r) => nums(r.slider.map((x) => x.observed)));
  const missingK = results.reduce((n, r) => n + r.keystroke.filter((x) => x.page === null).length, 0);
  const missingS = results.reduce((n, r) => n + r.slider.filter((x) => x.page === null).length, 0);
  const busyK = results.flatMap((r) => r.keystroke.filter((x) => x.proofBusy && x.page !== null).map((x) => x.page!));
  const idleK = results.flatMap((r) => r.keystroke.filter((x) => !x.proofBusy && x.page !== null).map((x) => x.page!));
  const summary = {
    keystroke: { samples: allK.length, missingLatencyAttribute: missingK, medianMs: median(allK), p95Ms: pct(allK, 95), maxMs: allK.length ? Math.max(...allK) : NaN, observedP95Ms: pct(allKo, 95), observedMaxMs: allKo.length ? Math.max(...allKo) : NaN,
      whileProofBusy: { samples: busyK.length, medianMs: median(busyK), maxMs: busyK.length ? Math.max(...busyK) : NaN } },
    slider: { samples: allS.length, missingLatencyAttribute: missingS, medianMs: median(allS), p95Ms: pct(allS, 95), maxMs: allS.length ? Math.max(...allS) : NaN, observedP95Ms: pct(allSo, 95), observedMaxMs: allSo.length ? Math.max(...allSo) : NaN },
    everyEntryMedianUnderBudget: rows.every((x) => x.keystrokeMedianMs < BUDGET_MS && (Number.isNaN(x.sliderMedianMs) || x.sliderMedianMs < BUDGET_MS)),
    everySampleUnderBudget: missingK === 0 && missingS === 0 && allK.every((x) => x < BUDGET_MS) && allS.every((x) => x < BUDGET_MS),
    entriesOverBudget: rows.filter((x) => x.keystrokeMaxMs >= BUDGET_MS || x.sliderMaxMs >= BUDGET_MS).map((x) => x.id),
  };
  console.log(`${mode}: keystroke → verdict (page-reported): median ${fmt(summary.keystroke.medianMs)} ms, p95 ${fmt(summary.keystroke.p95Ms)} ms, max ${fmt(summary.keystroke.maxMs)} ms over ${allK.length} samples${missingK ? ` (${missingK} without data-latency-ms)` : ''}; observed p95 ${fmt(summary.keystroke.observedP95Ms)} ms, max ${fmt(summary.keystroke.observedMaxMs)} ms`);
  console.log(`${mode}: slider → point verdict (page-reported): median ${fmt(summary.slider.medianMs)} ms, p95 ${fmt(summary.slider.p95Ms)} ms, max ${fmt(summary.slider.maxMs)} ms over ${allS.length} samples${missingS ? ` (${missingS} without data-latency-ms)` : ''}; observed p95 ${fmt(summary.slider.observedP95Ms)} ms, max ${fmt(summary.slider.observedMaxMs)} ms`);
  const split = results.flatMap((r) => r.keystroke.filter((x) => x.page !== null && x.classifyMs != null).map((x) => ({ total: x.page!, classify: x.classifyMs! })));
  const classifyMedian = median(split.map((x) => x.classify));
  const overheadMedian = median(split.map((x) => x.total - x.classify));
  (summary.keystroke as Record<string, unknown>).classifyMedianMs = classifyMedian;
  (summary.keystroke as Record<string, unknown>).outsideClassifyMedianMs = overheadMedian;
  console.log(`${mode}: of a keystroke's latency, classification in the worker takes median ${fmt(classifyMedian)} ms; the rest (parse, messages, rendering, queueing) median ${fmt(overheadMedian)} ms`);
  console.log(`${mode}: keystrokes while a proof was being written: ${busyK.length} of ${allK.length} (median ${fmt(median(busyK))} ms); with the proof worker idle: median ${fmt(median(idleK))} ms`);
  for (const r of results) for (const e of new Set(r.sliderErrors)) console.log(`${mode}: slider note, ${r.id}: ${e}`);
  console.log(`${mode}: every entry's median under ${BUDGET_MS} ms: ${summary.everyEntryMedianUnderBudget ? 'yes' : 'no'}; every sample under ${BUDGET_MS} ms: ${summary.everySampleUnderBudget ? 'yes' : `no (${summary.entriesOverBudget.join(', ')})`}`);
  return { summary, entries: rows };
}

type Entry = ReturnType<typeof loadCatalog>['entries'][number];

/** One keystroke measurement and, for a parametric entry, one slider measurement, appended to `r`. */
async function measure(page: Page, entry: Entry, pad: string, r: EntryResult): Promise<void> {
  const formula = pad + entry.formula;
  await fillInput(page, '#assume', entry.assume.join(', '));
  const prefix = formula.slice(0, -1);
  const last = formula.slice(-1);
  await fillInput(page, '#formula', prefix);
  if (prefix.trim() === '') await page.waitForFunction(() => document.querySelector<HTMLElement>('#verdict')?.dataset.verdict === 'none', undefined, { timeout: TIMEOUT });
  else await waitVerdict(page, prefix, TIMEOUT);
  await settle(page);
  await armObserver(page, '#formula', '#verdict', 'verdict', formula, FINAL_VERDICTS);
  await page.locator('#formula').focus();
  await page.keyboard.press('End');
  const busy = await proofBusy(page);
  await page.keyboard.type(last);
  r.verdict = await waitVerdict(page, formula, TIMEOUT);
  r.keystroke.push({ page: await verdictLatency(page, '#verdict'), observed: await observed(page), proofBusy: busy, classifyMs: await classifyMs(page) });

  const names = await parameterNames(page);
  if (!names.length) return;
  await settle(page);
  const param = names[0]!;
  const sel = `#param-${param}-slider`;
  const slider = page.locator(sel);
  // the slider moves over positions; the exact-value field holds the parameter's value
  const field = page.locator(`#param-${param}`);
  const from = Number(await field.inputValue());
  const position = await slider.inputValue();
  await armObserver(page, sel, '#point-verdict', 'point', null, FINAL_VERDICTS);
  const sliderBusy = await proofBusy(page);
  await slider.focus();
  await page.keyboard.press(position === (await slider.getAttribute('max')) ? 'ArrowLeft' : 'ArrowRight');
  const toText = await field.inputValue();
  const to = Number(toText);
  try {
    const point = await waitPointVerdict(page, { [param]: to }, 10_000);
    r.slider.push({ param, from, to, verdict: point.verdict, page: await verdictLatency(page, '#point-verdict'), observed: await observed(page), proofBusy: sliderBusy });
  } catch {
    // the new value may be outside the bias's domain (e.g. an odd d in a sum bound d/2): an input error, not a point verdict
    const err = await page.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>('.field-error')).filter((e) => !e.hidden).map((e) => `${e.id}: ${e.textContent ?? ''}`).join('; '));
    r.sliderErrors.push(`${param} = ${toText}: no point verdict; ${err || 'no error shown'}`);
    // back to a valid value so the next measurement starts clean
    await fillInput(page, `#param-${param}`, String(from));
  }
}

async function main(): Promise<void> {
  if (skipReason) {
    console.log(`skipped: ${skipReason}`);
    return;
  }
  const catalog = loadCatalog();
  const t0 = performance.now();
  const pg = await startPlayground();
  console.log(`playground built in ${(pg.buildMs / 1000).toFixed(1)} s, served at ${pg.origin}; Chromium ${pg.browser.version()}; ${REPS} repetitions per entry`);
  const results: EntryResult[] = [];
  const cold: { verdict: number | null; point: number | null; proof: number | null }[] = [];
  try {
    // cold start: a fresh page on its default example, ms since navigation start
    for (let rep = 0; rep < REPS; rep++) {
      const ctx = await pg.newContext();
      const page = await ctx.newPage();
      try {
        await page.goto(`${pg.origin}/index.html`, { waitUntil: 'commit' });
        const verdict = await navTime(page, `(() => { const v = document.querySelector('#verdict')?.dataset.verdict; return v && v !== 'none' && v !== 'pending'; })()`);
        const point = await navTime(page, `(() => { const v = document.querySelector('#point-verdict')?.dataset.verdict; return v && v !== 'none' && v !== 'pending'; })()`);
        const proof = await navTime(page, `document.querySelector('#proof')?.dataset.state === 'ready'`, 120_000);
        cold.push({ verdict, point, proof });
      } finally {
        await ctx.close();
      }
    }
    const med = (k: 'verdict' | 'point' | 'proof'): number => median(nums(cold.map((c) => c[k])));
    console.log(`cold start (navigation → shown, median of ${REPS}): verdict ${fmt(med('verdict'))} ms, point verdict ${fmt(med('point'))} ms, proof ${fmt(med('proof'))} ms`);

    const modes: Mode[] = MODE === 'both' ? ['fresh', 'warm'] : [MODE];
    for (const mode of modes) {
      console.log(`${mode} mode`);
      const shared = mode === 'warm' ? await pg.openPage() : null;
      try {
        for (const entry of catalog.entries.filter((e) => ONLY === null || ONLY.includes(e.id))) {
          const r: EntryResult = { mode, id: entry.id, formula: entry.formula, verdict: '', keystroke: [], slider: [], sliderErrors: [] };
          for (let rep = 0; rep < REPS; rep++) {
            const page = shared ?? await pg.openPage();
            try {
              await measure(page, entry, mode === 'warm' ? ' '.repeat(rep) : '', r);
              const { pageErrors } = await pg.problemsOf(page);
              if (pageErrors.length) console.warn(`${entry.id}: page errors: ${pageErrors.join('; ')}`);
            } finally {
              if (!shared) await page.close();
            }
          }
          results.push(r);
          const k = nums(r.keystroke.map((x) => x.page));
          const sl = nums(r.slider.map((x) => x.page));
          console.log(`  ${entry.id.padEnd(13)} keystroke median ${fmt(median(k))} max ${fmt(k.length ? Math.max(...k) : null)} ms; slider median ${fmt(median(sl))} max ${fmt(sl.length ? Math.max(...sl) : null)} ms`);
        }
      } finally {
        await shared?.close();
      }
    }
  } finally {
    await pg.stop();
  }

  const modes = [...new Set(results.map((r) => r.mode))];
  const byMode = Object.fromEntries(modes.map((mode) => [mode, report(mode, results.filter((r) => r.mode === mode))]));
  const med = (k: 'verdict' | 'point' | 'proof'): number => median(nums(cold.map((c) => c[k])));
  console.log('');
  console.log(`cold start (navigation → shown, median of ${cold.length}): verdict ${fmt(med('verdict'))} ms, point verdict ${fmt(med('point'))} ms, proof ${fmt(med('proof'))} ms`);

  const out = join(here, 'results', 'playground.json');
  mkdirSync(dirname(out), { recursive: true });
  const json = {
    date: new Date().toISOString(),
    node: process.version,
    chromium: pg.browser.version(),
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? null,
    buildMs: Math.round(pg.buildMs),
    wallMs: Math.round(performance.now() - t0),
    reps: REPS,
    budgetMs: BUDGET_MS,
    method: 'assumptions filled, formula less its last character filled, page settled (250 ms without DOM change in the verdict/TRF panels), last character typed; page = #verdict[data-latency-ms] (input event → verdict shown, measured by the page); observed = in-page MutationObserver from the input event (capture) to the mutation showing the final verdict. Slider: ArrowRight (ArrowLeft at the end) on the first parameter, #point-verdict[data-latency-ms]. fresh = a newly loaded page per measurement; warm = one page for all entries, repetition r with r leading spaces (the page\'s classification cache never answers).',
    modes: byMode,
    coldStart: { note: 'fresh browser context (empty HTTP cache) on the default example; ms from navigation start until shown', medianVerdictMs: med('verdict'), medianPointMs: med('point'), medianProofMs: med('proof'), samples: cold },
    samples: results,
  };
  if (ONLY !== null) {
    console.log(`RPE_BENCH_ONLY is set: ${out} not written`);
    return;
  }
  writeFileSync(out, JSON.stringify(json, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : typeof v === 'number' ? Math.round(v * 100) / 100 : v), 2) + '\n');
  console.log(`wrote ${out}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
