/**
 * The playground on every screen, in headless Chromium: no horizontal overflow
 * at a phone (390×844) and a desktop viewport (and from 360 px), the preview and
 * the sliders following the formula field alone (also while the assumptions
 * field has an error) and clearing when the formula is cleared or invalid, the
 * page's own wording instead of CLI options, and the catalog's KERPLE entry
 * opening where it converges. Screenshots of both viewports go to
 * test-artifacts/ (gitignored). Skips where Chromium is not installed.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { fillInput, parameterNames, REPO, skipReason, startPlayground, typeFormula, waitVerdict, type Playground } from './harness.js';

let pg: Playground;
const ARTIFACTS = join(REPO, 'test-artifacts');

/** The page's horizontal overflow, and the elements whose right edge passes the viewport outside a scroll box (a string: tsx would wrap inner functions in a helper the page lacks). */
const OVERFLOW = `(() => {
  const limit = document.documentElement.clientWidth + 0.5;
  const scrolls = (e) => { for (; e; e = e.parentElement) { const o = getComputedStyle(e).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return true; } return false; };
  const cut = [...document.querySelectorAll('body *')].filter((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > limit && !scrolls(e.parentElement); })
    .map((e) => e.tagName.toLowerCase() + '#' + e.id + '.' + (e.getAttribute('class') || '') + ' right=' + Math.round(e.getBoundingClientRect().right));
  return { page: document.documentElement.scrollWidth - document.documentElement.clientWidth, cut: cut.slice(0, 5) };
})()`;

const preview = (page: Page): Promise<string> => page.locator('#formula-tex').innerText();

describe('the playground on every screen', { skip: skipReason, timeout: 300_000 }, () => {
  before(async () => { pg = await startPlayground(); });
  after(async () => { await pg?.stop(); });

  for (const [name, viewport] of [['phone', { width: 390, height: 844 }], ['narrow', { width: 360, height: 740 }], ['desktop', { width: 1280, height: 900 }]] as const) {
    test(`no horizontal overflow at ${viewport.width}×${viewport.height} (${name}), with the KERPLE entry loaded`, async () => {
      const context = await pg.newContext({ viewport });
      const page = await pg.openPage('', { context });
      await page.locator('#catalog').selectOption('kerple-log');
      await waitVerdict(page, '-r1*log(1+r2*n)');
      await page.locator('#trf[data-trf]').waitFor({ timeout: 20_000 });
      await page.locator('#chart svg').waitFor({ timeout: 20_000 });
      await page.waitForTimeout(300);
      assert.deepEqual(await page.evaluate(OVERFLOW), { page: 0, cut: [] });
      if (name !== 'narrow') {
        mkdirSync(ARTIFACTS, { recursive: true });
        await page.screenshot({ path: join(ARTIFACTS, `playground-${name}.png`) });
      }
      await context.close();
    });
  }

  test('catalog entries open where the series converges: KERPLE at r1 > 1, with a finite TRF', async () => {
    const page = await pg.openPage();
    await page.locator('#catalog').selectOption('kerple-log');
    await waitVerdict(page, '-r1*log(1+r2*n)');
    await page.waitForFunction(() => ['converges', 'diverges', 'unknown', 'error'].includes(document.querySelector<HTMLElement>('#point-verdict')?.dataset.verdict ?? ''), undefined, { timeout: 20_000 });
    assert.equal(await page.locator('#point-verdict').getAttribute('data-verdict'), 'converges');
    const values = JSON.parse(await page.locator('#point-verdict').getAttribute('data-values') ?? '{}') as Record<string, number>;
    assert.ok(values.r1! > 1, JSON.stringify(values));
    await page.locator('#trf[data-trf]').waitFor({ timeout: 20_000 });
    // each region's condition once (no plain-text repeat next to the typeset one)
    const texts = await page.locator('#cases li.case').evaluateAll((els) => els.map((e) => (e.textContent ?? '').replace(/\s+/g, ' ')));
    assert.ok(texts.length >= 2);
    for (const t of texts) assert.doesNotMatch(t, /\(r1 [<>=]/, t);
    await page.close();
  });

  test('an error in the assumptions does not keep a stale preview: a new formula still updates the preview and the sliders', async () => {
    const page = await pg.openPage();
    await waitVerdict(page, '−m·log(1+n)');
    await fillInput(page, '#assume', 'm >');
    await page.locator('#assume-error:not([hidden])').waitFor({ timeout: 10_000 });
    await typeFormula(page, '-a*n');
    await page.waitForFunction(() => /a/.test(document.querySelector('#formula-tex')?.textContent ?? '') && !/m/.test(document.querySelector('#formula-tex')?.textContent ?? ''), undefined, { timeout: 10_000 });
    await page.waitForFunction(() => [...document.querySelectorAll('#params .param[data-param]')].map((e) => (e as HTMLElement).dataset.param).join() === 'a', undefined, { timeout: 10_000 });
    assert.deepEqual(await parameterNames(page), ['a']);
    assert.equal(await page.locator('#assume-error').isHidden(), false, 'the assumptions error stays until it is fixed');
    await page.close();
  });

  test('a cleared or invalid formula clears the preview, the sliders and the catalog entry', async () => {
    const page = await pg.openPage();
    await page.locator('#catalog').selectOption('kerple-log');
    await waitVerdict(page, '-r1*log(1+r2*n)');
    assert.notEqual(await preview(page), '');
    // a typo over a catalog entry
    await fillInput(page, '#formula', '-r1*log(1+r2*n');
    await page.locator('#formula-error:not([hidden])').waitFor({ timeout: 10_000 });
    await page.waitForFunction(() => (document.querySelector('#formula-tex')?.textContent ?? '') === '' && document.querySelectorAll('#params .param[data-param]').length === 0, undefined, { timeout: 10_000 });
    assert.equal(await page.locator('#catalog').inputValue(), '');
    assert.equal(await page.locator('#params').isHidden(), true);
    // a valid formula again, then cleared
    await fillInput(page, '#formula', '-m*n');
    await waitVerdict(page, '-m*n');
    assert.deepEqual(await parameterNames(page), ['m']);
    await fillInput(page, '#formula', '');
    await page.waitForFunction(() => (document.querySelector('#formula-tex')?.textContent ?? '') === '' && document.querySelectorAll('#params .param[data-param]').length === 0, undefined, { timeout: 10_000 });
    assert.equal(await page.locator('#params').isHidden(), true);
    await page.close();
  });

  test("the page's own wording: no --from or --var in what it shows", async () => {
    const page = await pg.openPage();
    // undefined at the first terms: the hint names the page's first-index field
    await typeFormula(page, '-2*log(n-1)');
    await waitVerdict(page, '-2*log(n-1)');
    await page.waitForTimeout(500);
    const body = await page.locator('main').innerText();
    assert.doesNotMatch(body, /--from|--var\b/);
    await page.close();
  });
});
