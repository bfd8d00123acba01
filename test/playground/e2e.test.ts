/**
 * The playground end to end, in headless Debian Chromium driven by
 * playwright-core: one Vite build and one browser for the whole file, served
 * from 127.0.0.1; every request to another host is aborted and must not happen.
 * Covers typing (Unicode input), the parameter slider, the whole catalog, the
 * share link, inline input errors, the downloads, keyboard use, dark mode and a
 * screenshot (test-artifacts/playground.png; also docs/playground.png when
 * RPE_UPDATE_SCREENSHOT=1). No timing is asserted here: latency is measured in
 * bench/playground.bench.ts. Skips where Chromium is not installed.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { sampleCases } from '../../src/rules/catalog-cases.js';
import { loadCatalog } from '../../src/rules/loader.js';
import {
  REPO, fillInput, luminance, pageColours, pageState, parameterNames, skipReason, startPlayground, typeFormula,
  waitPointVerdict, waitProofSettled, waitVerdict, type Playground,
} from './harness.js';

const VERDICT_TIMEOUT = 20_000;
const PROOF_TIMEOUT = 60_000;

let pg: Playground;

/** No page error, no uncaught worker error, no console error on this page, and nothing left the local server. */
async function assertClean(page: Page): Promise<void> {
  const { pageErrors, consoleErrors } = await pg.problemsOf(page);
  assert.deepEqual(pageErrors, [], 'no uncaught errors in the page or its workers');
  assert.deepEqual(consoleErrors, [], 'no console errors');
  assert.deepEqual(pg.external, [], 'no request to a host other than the local server');
}

/** The cases shown in #cases. */
async function cases(page: Page): Promise<{ verdict: string; condition: string; text: string }[]> {
  return page.locator('#cases li.case').evaluateAll((els) => els.map((e) => ({
    verdict: (e as HTMLElement).dataset.verdict ?? '',
    condition: (e as HTMLElement).dataset.condition ?? '',
    text: (e.textContent ?? '').replace(/\s+/g, ' ').trim(),
  })));
}

const squash = (s: string): string => s.replace(/\s+/g, '');

/** Value of a sample as written in the catalog ("3/2", 1, "0.5"). */
function sampleNumber(s: string | number): number {
  if (typeof s === 'number') return s;
  const m = /^\s*(-?[\d.]+)\s*\/\s*([\d.]+)\s*$/.exec(s);
  return m ? Number(m[1]) / Number(m[2]) : Number(s);
}

/** Presses a key on the focused slider until the parameter's value (its exact-value field) satisfies `done` (at most `max` presses); returns the value. */
async function pressUntil(page: Page, param: string, key: string, done: (v: number) => boolean, max = 1000): Promise<number> {
  const slider = `#param-${param}-slider`;
  const read = async (): Promise<number> => Number(await page.locator(`#param-${param}`).inputValue());
  let v = await read();
  for (let i = 0; i < max && !done(v); i++) {
    await page.keyboard.press(key);
    v = await read();
  }
  assert.ok(done(v), `pressing ${key} on ${slider} did not reach the wanted value (stuck at ${v})`);
  return v;
}

/** The chart is an svg with a real size and drawn marks. */
async function assertChart(page: Page): Promise<void> {
  const svg = page.locator('#chart svg').first();
  await svg.waitFor({ state: 'attached', timeout: VERDICT_TIMEOUT });
  await page.waitForFunction(() => {
    const r = document.querySelector('#chart svg')?.getBoundingClientRect();
    return r !== undefined && r.width > 200 && r.height > 100;
  }, undefined, { timeout: 5_000 }).catch(async () => {
    const size = await svg.evaluate((e) => ({ width: e.getAttribute('width'), height: e.getAttribute('height'), box: e.getBoundingClientRect().toJSON() as unknown }));
    assert.fail(`the chart svg has no visible size: ${JSON.stringify(size)}`);
  });
  assert.ok(await page.locator('#chart svg path').count() > 2, 'the chart has drawn marks');
}

async function waitTrf(page: Page, present: boolean): Promise<void> {
  await page.waitForFunction((present) => document.querySelector('#trf')?.hasAttribute('data-trf') === present, present, { timeout: VERDICT_TIMEOUT });
}

async function waitProofReady(page: Page): Promise<void> {
  const state = await waitProofSettled(page, PROOF_TIMEOUT);
  assert.equal(state, 'ready', `#proof ended in state ${state}: ${(await page.locator('#proof').innerText()).slice(0, 500)}`);
}

describe('the playground in headless Chromium', { skip: skipReason }, () => {
  before(async () => {
    pg = await startPlayground();
  }, { timeout: 300_000 });

  after(async () => {
    await pg?.stop();
  });

  test('typing −m·log(1+n) in Unicode shows the two regions and the parsed bias', { timeout: 60_000 }, async () => {
    const page = await pg.openPage();
    const formula = '−m·log(1+n)';
    await typeFormula(page, formula);
    assert.equal(await page.locator('#formula').inputValue(), formula);
    const verdict = await waitVerdict(page, formula, VERDICT_TIMEOUT);
    assert.equal(verdict, 'conditional');
    assert.match(await page.locator('#verdict').innerText(), /conditional/i, '#verdict names its verdict');
    const shown = await cases(page);
    const conv = shown.find((c) => squash(c.condition) === 'm>1');
    const div = shown.find((c) => squash(c.condition) === 'm<=1');
    assert.ok(conv, `a case with condition "m > 1" (cases: ${JSON.stringify(shown)})`);
    assert.ok(div, `a case with condition "m <= 1" (cases: ${JSON.stringify(shown)})`);
    assert.equal(conv.verdict, 'converges');
    assert.equal(div.verdict, 'diverges');
    assert.equal(shown.length, 2);
    for (const c of shown) assert.match(c.text, /m/, `the case shows its condition: ${JSON.stringify(c)}`);
    assert.ok(await page.locator('#formula-tex .katex').count() > 0, 'KaTeX of the parsed bias');
    assert.equal(await page.locator('#formula-tex .katex-error').count(), 0);
    assert.equal(await page.locator('#formula-error').isHidden(), true);
    assert.deepEqual(await parameterNames(page), ['m']);
    await assertClean(page);
    await page.close();
  });

  test('moving the m slider across 1 with the keyboard flips the point verdict, with TRF and chart above 1', { timeout: 90_000 }, async () => {
    const page = await pg.openPage();
    const formula = '-m*log(1+n)';
    await fillInput(page, '#formula', formula);
    await waitVerdict(page, formula, VERDICT_TIMEOUT);
    const slider = page.locator('#param-m-slider');
    const field = page.locator('#param-m');
    await slider.waitFor({ state: 'visible', timeout: VERDICT_TIMEOUT });
    assert.equal(await page.locator('#params').isVisible(), true, '#params is shown for a parametric bias');
    assert.equal(await slider.getAttribute('type'), 'range');
    const value = async (): Promise<number> => Number(await field.inputValue());

    await slider.focus();
    await page.keyboard.press('Home');
    let m = await value();
    assert.ok(m < 1, `Home moves m below 1 (m = ${m}): the slider's range must straddle the boundary m = 1`);
    assert.equal(await slider.inputValue(), await slider.getAttribute('min'), 'Home moves to the start of the slider');
    let point = await waitPointVerdict(page, { m }, VERDICT_TIMEOUT);
    assert.equal(point.verdict, 'diverges', `m = ${m}`);
    await waitTrf(page, false);

    // close to the boundary through the exact-value field, then across it with the arrow keys
    await fillInput(page, '#param-m', '0.9');
    await waitPointVerdict(page, { m: 0.9 }, VERDICT_TIMEOUT);
    await slider.focus();
    m = await pressUntil(page, 'm', 'ArrowRight', (v) => v > 1);
    point = await waitPointVerdict(page, { m }, VERDICT_TIMEOUT);
    assert.equal(point.verdict, 'converges', `m = ${m}`);
    await waitTrf(page, true);
    assert.match((await page.locator('#trf').getAttribute('data-trf')) ?? '', /\d/, 'a TRF number');
    await assertChart(page);

    m = await pressUntil(page, 'm', 'ArrowLeft', (v) => v < 1);
    point = await waitPointVerdict(page, { m }, VERDICT_TIMEOUT);
    assert.equal(point.verdict, 'diverges', `m = ${m}`);
    await waitTrf(page, false);

    await page.keyboard.press('End');
    m = await value();
    assert.ok(m > 1, `End moves m above 1 (m = ${m})`);
    assert.equal(await slider.inputValue(), await slider.getAttribute('max'), 'End moves to the end of the slider');
    point = await waitPointVerdict(page, { m }, VERDICT_TIMEOUT);
    assert.equal(point.verdict, 'converges', `m = ${m}`);
    await waitTrf(page, true);

    // fill on the range input (one input event) also works
    await slider.fill('0');
    m = await value();
    point = await waitPointVerdict(page, { m }, VERDICT_TIMEOUT);
    assert.equal(point.verdict, 'diverges', `m = ${m}`);
    // the overall verdict does not depend on the slider
    assert.equal(await page.locator('#verdict').getAttribute('data-verdict'), 'conditional');
    await assertClean(page);
    await page.close();
  });

  test('every catalog entry loads through #catalog and gets its expected verdict', { timeout: 120_000 }, async () => {
    const catalog = loadCatalog();
    const page = await pg.openPage();
    const offered = await page.locator('#catalog option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== ''));
    assert.deepEqual([...offered].sort(), catalog.entries.map((e) => e.id).sort(), '#catalog offers every entry');
    const problems: string[] = [];
    for (const entry of catalog.entries) {
      await page.selectOption('#catalog', entry.id);
      const formula = await page.locator('#formula').inputValue();
      if (squash(formula) !== squash(entry.formula)) problems.push(`${entry.id}: #formula is ${JSON.stringify(formula)}, not ${JSON.stringify(entry.formula)}`);
      let verdict: string;
      try {
        verdict = await waitVerdict(page, formula, VERDICT_TIMEOUT);
      } catch (err) {
        problems.push(`${entry.id}: ${err instanceof Error ? err.message : String(err)}`);
        continue;
      }
      if (verdict !== entry.expected.verdict) problems.push(`${entry.id}: verdict ${verdict}, expected ${entry.expected.verdict}`);
      const assume = await page.locator('#assume').inputValue();
      for (const a of entry.assume) if (!squash(assume).includes(squash(a))) problems.push(`${entry.id}: #assume ${JSON.stringify(assume)} lacks ${JSON.stringify(a)}`);
      // an entry opens at its first sample combination where the catalog expects convergence, else at its first samples
      const opening = sampleCases(entry).find((c) => c.expected === 'converges' && c.sample)?.sample;
      for (const [name, p] of Object.entries(entry.parameters)) {
        const first = opening ? opening[name] : p.samples?.[0];
        if (first === undefined) continue;
        const input = page.locator(`#param-${name}`);
        if (await input.count() !== 1) { problems.push(`${entry.id}: no #param-${name}`); continue; }
        const text = await input.inputValue();
        if (text !== String(first) && Math.abs(sampleNumber(text) - sampleNumber(first)) > 1e-12) problems.push(`${entry.id}: #param-${name} is ${JSON.stringify(text)}, not the opening sample ${JSON.stringify(first)}`);
      }
    }
    assert.deepEqual(problems, []);
    await assertClean(page);
    await page.close();
  });

  test('the share link round-trips formula, parameter value and verdict; hashchange is handled', { timeout: 60_000 }, async () => {
    const page = await pg.openPage();
    const formula = '-m*log(1+n)';
    await fillInput(page, '#formula', formula);
    await waitVerdict(page, formula, VERDICT_TIMEOUT);
    await page.locator('#param-m').waitFor({ timeout: VERDICT_TIMEOUT });
    await fillInput(page, '#param-m', '1.5');
    const point = await waitPointVerdict(page, { m: 1.5 }, VERDICT_TIMEOUT);
    assert.equal(point.verdict, 'converges');
    await page.waitForFunction(() => /[#&]m=1\.5(&|$)/.test((document.querySelector('#share-link') as HTMLAnchorElement).href), undefined, { timeout: VERDICT_TIMEOUT });
    const href = await page.locator('#share-link').evaluate((a) => (a as HTMLAnchorElement).href);
    const url = new URL(href);
    assert.equal(url.origin, pg.origin, 'the link points at this page');
    assert.match(url.hash, new RegExp(`^#expr=${encodeURIComponent(formula).replace(/[()*+]/g, '\\$&')}(&|$)`));
    assert.equal(await page.evaluate(() => location.hash), url.hash, 'location.hash is kept in sync with the link');

    const other = await pg.openPage(url.hash);
    assert.equal(await waitVerdict(other, formula, VERDICT_TIMEOUT), 'conditional');
    assert.equal(await other.locator('#formula').inputValue(), formula);
    await other.locator('#param-m').waitFor({ timeout: VERDICT_TIMEOUT });
    assert.equal(await other.locator('#param-m').inputValue(), '1.5');
    assert.equal((await waitPointVerdict(other, { m: 1.5 }, VERDICT_TIMEOUT)).verdict, 'converges');

    // a changed fragment (back/forward, an edited URL) is followed
    await other.evaluate((f) => { location.hash = `expr=${encodeURIComponent(f)}`; }, '-n^2');
    assert.equal(await waitVerdict(other, '-n^2', VERDICT_TIMEOUT), 'converges');
    assert.equal(await other.locator('#formula').inputValue(), '-n^2');
    await assertClean(page);
    await assertClean(other);
    await page.close();
    await other.close();
  });

  test('malformed input shows an inline error with its column, and the page recovers', { timeout: 60_000 }, async () => {
    const page = await pg.openPage();
    const good = '-m*log(1+n)';
    await fillInput(page, '#formula', good);
    await waitVerdict(page, good, VERDICT_TIMEOUT);
    // columns as the library reports them (1-based)
    for (const [bad, column] of [['-m*log(1+n', 11], ['n^^2', 3], ['foo(n)', 1]] as const) {
      await fillInput(page, '#formula', bad);
      const err = page.locator('#formula-error');
      // the previous input's error stays until the worker answers this one: wait for this one's column
      await page.waitForFunction((want) => {
        const e = document.querySelector<HTMLElement>('#formula-error');
        return e !== null && !e.hidden && (e.textContent ?? '').trim() !== '' && e.dataset.column === want;
      }, String(column), { timeout: VERDICT_TIMEOUT }).catch(async (e: unknown) => {
        throw new Error(`no inline error for ${JSON.stringify(bad)}: ${String(e).split('\n')[0]}; ${JSON.stringify(await pageState(page))}`);
      });
      assert.equal(await err.isVisible(), true, `#formula-error is visible for ${bad}`);
      assert.equal(await err.getAttribute('role'), 'alert');
      assert.equal(await err.getAttribute('data-column'), String(column), `column of the error in ${bad}: ${await err.innerText()}`);
      assert.equal(await page.locator('#formula').getAttribute('aria-invalid'), 'true');
      assert.equal(await waitVerdict(page, bad, VERDICT_TIMEOUT), 'error', `#verdict for ${bad}`);
      if (bad === 'foo(n)') assert.match(await err.innerText(), /foo/);
    }
    await fillInput(page, '#formula', good);
    assert.equal(await waitVerdict(page, good, VERDICT_TIMEOUT), 'conditional', 'fixing the formula brings the verdict back');
    assert.equal(await page.locator('#formula-error').isHidden(), true);
    assert.notEqual(await page.locator('#formula').getAttribute('aria-invalid'), 'true');

    // the assumptions and ε have their own inline errors
    await fillInput(page, '#assume', 'm > 0, m >');
    await page.waitForFunction(() => { const e = document.querySelector<HTMLElement>('#assume-error'); return e !== null && !e.hidden && e.dataset.column !== undefined; }, undefined, { timeout: VERDICT_TIMEOUT });
    assert.ok(Number(await page.locator('#assume-error').getAttribute('data-column')) >= 8, 'the column points into the second assumption');
    assert.equal(await page.locator('#assume').getAttribute('aria-invalid'), 'true');
    await fillInput(page, '#assume', 'm > 0');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#assume-error')?.hidden === true, undefined, { timeout: VERDICT_TIMEOUT });
    await fillInput(page, '#eps', 'abc');
    await page.waitForFunction(() => { const e = document.querySelector<HTMLElement>('#eps-error'); return e !== null && !e.hidden && (e.textContent ?? '').trim() !== ''; }, undefined, { timeout: VERDICT_TIMEOUT });
    assert.equal(await page.locator('#eps').getAttribute('aria-invalid'), 'true');
    await fillInput(page, '#eps', '0.01');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#eps-error')?.hidden === true, undefined, { timeout: VERDICT_TIMEOUT });
    assert.equal(await waitVerdict(page, good, VERDICT_TIMEOUT), 'conditional');
    await assertClean(page);
    await page.close();
  });

  test('a bias undefined at the first terms asks for a later start, and "Sum from n =" gives it', { timeout: 60_000 }, async () => {
    const page = await pg.openPage();
    const formula = '-2*log(n-1)';
    await fillInput(page, '#formula', formula);
    assert.equal(await waitVerdict(page, formula, VERDICT_TIMEOUT), 'error');
    assert.match(await page.locator('#formula-error').innerText(), /Sum from n =.*2/, 'the hint names the page\'s field, not a CLI option');
    await fillInput(page, '#from', '2');
    // the same formula already shows 'error': wait for the new answer itself
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#verdict')?.dataset.verdict === 'converges', undefined, { timeout: VERDICT_TIMEOUT });
    assert.equal(await page.locator('#formula-error').isHidden(), true);
    await page.waitForFunction(() => /[#&]from=2(&|$)/.test(location.hash), undefined, { timeout: VERDICT_TIMEOUT });
    await fillInput(page, '#from', 'x');
    await page.waitForFunction(() => { const e = document.querySelector<HTMLElement>('#from-error'); return e !== null && !e.hidden; }, undefined, { timeout: VERDICT_TIMEOUT });
    assert.equal(await page.locator('#from').getAttribute('aria-invalid'), 'true');
    await assertClean(page);
    await page.close();
  });

  test('clearing the formula clears the verdict, the TRF, the chart and the proof, and nothing stale comes back', { timeout: 60_000 }, async () => {
    const page = await pg.openPage();
    const formula = '-2*log(1+n)';
    await fillInput(page, '#formula', formula);
    assert.equal(await waitVerdict(page, formula, VERDICT_TIMEOUT), 'converges');
    await fillInput(page, '#formula', '');
    await page.waitForTimeout(1500); // long enough for any stale TRF, chart or proof to arrive
    assert.equal(await page.locator('#verdict').getAttribute('data-verdict'), 'none');
    assert.equal(await page.locator('#trf').getAttribute('data-trf'), null);
    assert.equal(await page.locator('#chart svg').count(), 0);
    assert.equal(await page.locator('#proof').getAttribute('data-state'), 'idle');
    await assertClean(page);
    await page.close();
  });

  test('values where the series is undefined show a point error, and the parametric verdict stays', { timeout: 60_000 }, async () => {
    const page = await pg.openPage();
    const formula = '-2*log(n+m)';
    await fillInput(page, '#formula', formula);
    const verdict = await waitVerdict(page, formula, VERDICT_TIMEOUT);
    await page.locator('#param-m').waitFor({ timeout: VERDICT_TIMEOUT });
    await fillInput(page, '#param-m', '-1');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#point-verdict')?.dataset.verdict === 'error', undefined, { timeout: VERDICT_TIMEOUT });
    assert.match(await page.locator('#point-verdict').innerText(), /log of a non-positive number/);
    assert.equal(await page.locator('#verdict').getAttribute('data-verdict'), verdict, 'the verdict for the parameters stays');
    assert.equal(await page.locator('#formula-error').isHidden(), true, 'the formula itself is fine');
    await fillInput(page, '#param-m', '1');
    assert.equal((await waitPointVerdict(page, { m: 1 }, VERDICT_TIMEOUT)).verdict, 'converges');
    await assertClean(page);
    await page.close();
  });

  describe('with the proof of −m·log(1+n) at m = 1.5 on one page', () => {
    // one page for the proof-heavy checks: each new page or input change writes a proof (seconds on 2 cores)
    let page: Page;
    const formula = '-m*log(1+n)';

    before(async () => {
      page = await pg.openPage();
      await fillInput(page, '#formula', formula);
      await waitVerdict(page, formula, VERDICT_TIMEOUT);
      await fillInput(page, '#param-m', '1.5');
      await waitPointVerdict(page, { m: 1.5 }, VERDICT_TIMEOUT);
      await waitProofReady(page);
    }, { timeout: 120_000 });

    after(async () => {
      await page?.close();
    });

    test('the proof downloads as Markdown, LaTeX and self-contained HTML', { timeout: 120_000 }, async () => {
      const texts: Record<string, string> = {};
      for (const format of ['md', 'tex', 'html'] as const) {
        const [download] = await Promise.all([
          page.waitForEvent('download', { timeout: PROOF_TIMEOUT }),
          page.click(`#download-${format}`),
        ]);
        assert.match(download.suggestedFilename(), new RegExp(`\\.${format}$`), `file name of the ${format} download`);
        texts[format] = readFileSync(await download.path(), 'utf8');
      }
      assert.match(texts.md!, /^#/m, 'Markdown has a heading');
      assert.match(texts.md!, /m\s*>\s*1|m &gt; 1/, 'Markdown names the region m > 1');
      assert.match(texts.tex!, /\\documentclass/);
      assert.match(texts.tex!, /\\end\{document\}\s*$/);
      assert.match(texts.html!, /^\s*<!DOCTYPE html>/i);
      assert.match(texts.html!, /data:font\/woff2/, 'the HTML inlines the KaTeX fonts');
      assert.doesNotMatch(texts.html!, /katex-error/);
      await assertClean(page);
    });

    test('keyboard only: Tab from the top reaches the catalog, the formula and the slider; Enter unfolds a proof step', { timeout: 60_000 }, async () => {
      // start from the top of the document
      await page.evaluate(() => { (document.activeElement as HTMLElement | null)?.blur(); window.scrollTo(0, 0); });
      await page.mouse.click(2, 2);
      const seen: string[] = [];
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        const id = await page.evaluate(() => { const a = document.activeElement; return a ? (a.id || `${a.tagName.toLowerCase()}${a.className ? '.' + String(a.className).split(' ')[0] : ''}`) : ''; });
        seen.push(id);
        if (id === 'param-m-slider') break;
      }
      const at = (id: string): number => seen.indexOf(id);
      assert.ok(at('catalog') >= 0, `Tab reaches #catalog (${seen.join(' → ')})`);
      assert.ok(at('formula') > at('catalog'), `Tab reaches #formula after #catalog (${seen.join(' → ')})`);
      assert.ok(at('param-m-slider') > at('formula'), `Tab reaches the slider after #formula (${seen.join(' → ')})`);
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'param-m-slider');

      const index = await page.locator('#proof details.step > summary').evaluateAll((ss) => ss.findIndex((s) => !(s.parentElement as HTMLDetailsElement).open));
      assert.ok(index >= 0, 'the proof has a folded step');
      const summary = page.locator('#proof details.step > summary').nth(index);
      await summary.focus();
      assert.equal(await summary.evaluate((s) => s === document.activeElement), true, 'the summary takes focus');
      await page.keyboard.press('Enter');
      await page.waitForFunction((i) => (document.querySelectorAll('#proof details.step')[i] as HTMLDetailsElement | undefined)?.open === true, index, { timeout: 5_000 })
        .catch(() => assert.fail('Enter on a focused summary unfolds its step'));
      await page.keyboard.press('Enter');
      assert.equal(await summary.evaluate((s) => (s.parentElement as HTMLDetailsElement).open), false, 'Enter folds it again');
      await assertClean(page);
    });

    test('dark and light colour schemes: dark background with light text, and the reverse', { timeout: 30_000 }, async () => {
      try {
        for (const scheme of ['dark', 'light'] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), scheme === 'dark');
          const { background, text } = await pageColours(page);
          const lb = luminance(background), lt = luminance(text);
          assert.ok(lb !== null && lt !== null, `colours are opaque: ${background} / ${text}`);
          if (scheme === 'dark') {
            assert.ok(lb < 0.2, `${scheme}: dark background (${background}, luminance ${lb.toFixed(3)})`);
            assert.ok(lt > 0.4, `${scheme}: light text (${text}, luminance ${lt.toFixed(3)})`);
          } else {
            assert.ok(lb > 0.6, `${scheme}: light background (${background}, luminance ${lb.toFixed(3)})`);
            assert.ok(lt < 0.25, `${scheme}: dark text (${text}, luminance ${lt.toFixed(3)})`);
          }
          // WCAG contrast of body text at least 4.5:1
          const contrast = (Math.max(lb, lt) + 0.05) / (Math.min(lb, lt) + 0.05);
          assert.ok(contrast >= 4.5, `${scheme}: text contrast ${contrast.toFixed(2)} ≥ 4.5`);
        }
      } finally {
        await page.emulateMedia({ colorScheme: 'light' });
      }
      await assertClean(page);
    });

    test('a full-page screenshot is saved as a test artifact', { timeout: 60_000 }, async () => {
      await waitTrf(page, true);
      await assertChart(page);
      await page.evaluate(async () => { window.scrollTo(0, 0); (document.activeElement as HTMLElement | null)?.blur(); await document.fonts.ready; });
      const dir = join(REPO, 'test-artifacts');
      mkdirSync(dir, { recursive: true });
      const file = join(dir, 'playground.png');
      await page.screenshot({ path: file, fullPage: true });
      assert.ok(statSync(file).size > 10_000, 'the screenshot has content');
      // the README's picture: the first screen (inputs, verdict, TRF and chart), not the whole proof
      const top = join(dir, 'playground-top.png');
      await page.screenshot({ path: top, fullPage: true, clip: { x: 0, y: 0, width: page.viewportSize()?.width ?? 1280, height: 1300 } });
      if (process.env.RPE_UPDATE_SCREENSHOT === '1') copyFileSync(top, join(REPO, 'docs', 'playground.png'));
      await assertClean(page);
    });
  });
});
