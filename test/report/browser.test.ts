/**
 * The HTML report in a real browser: headless Debian Chromium driven by
 * playwright-core, offline (every non-file request is aborted and counted). The
 * page must render, contain no KaTeX error, load the inlined KaTeX fonts and show
 * the chart, lay out summary → contents → proofs, and overflow nowhere at a
 * desktop and a phone viewport (screenshots in test-artifacts/). Skips with a message where /usr/bin/chromium is not installed
 * (apt-get install chromium).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { report } from '../../src/report/index.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * What overflows at the current viewport: the page's own horizontal scroll, the
 * elements whose right edge passes the viewport outside any scroll box, and the
 * scroll boxes that scroll without showing it (no scroll-shadow background).
 */
const OVERFLOW = `(() => {
  const limit = document.documentElement.clientWidth + 0.5;
  const scrolls = (e) => { for (; e; e = e.parentElement) { const o = getComputedStyle(e).overflowX; if (o === 'auto' || o === 'scroll') return true; } return false; };
  const all = [...document.querySelectorAll('body *')];
  const cut = all.filter((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > limit && !scrolls(e.parentElement); })
    .map((e) => e.tagName.toLowerCase() + '.' + (e.getAttribute('class') || '') + ' right=' + Math.round(e.getBoundingClientRect().right));
  const silent = all.filter((e) => { const c = getComputedStyle(e); return (c.overflowX === 'auto' || c.overflowX === 'scroll') && e.scrollWidth > e.clientWidth + 1 && c.backgroundImage === 'none'; }).map((e) => e.tagName);
  return { page: document.documentElement.scrollWidth - document.documentElement.clientWidth, cut: cut.slice(0, 5), silent };
})()`;

/** screenshots of the report's first screen at both viewports (gitignored) */
const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts');
const skip = existsSync(CHROMIUM) ? false : `Chromium is not installed at ${CHROMIUM} (apt-get install chromium)`;

test('the report renders in headless Chromium, offline, with math and the chart', { skip, timeout: 120_000 }, async () => {
  const { chromium } = await import('playwright-core');
  const dir = mkdtempSync(join(tmpdir(), 'rpe-html-'));
  const file = join(dir, 'report.html');
  writeFileSync(file, await report('-m*log(1+n)', { format: 'html' }));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-default-apps', '--disable-sync', '--disable-extensions', '--disable-domain-reliability', '--dns-prefetch-disable', '--no-pings'],
  });
  try {
    const context = await browser.newContext({ offline: true });
    const external: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
      external.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    assert.equal(await page.locator('.katex-error').count(), 0);
    assert.ok(await page.locator('.katex').count() > 50);
    assert.equal(await page.evaluate(async () => { await document.fonts.ready; return document.fonts.check('16px KaTeX_Main') && document.fonts.check('16px KaTeX_Math'); }), true);
    const chart = page.locator('#chart svg');
    assert.equal(await chart.count(), 1);
    const box = await chart.boundingBox();
    assert.ok(box && box.width > 300 && box.height > 200, 'the chart has a size on the page');
    assert.ok(await page.locator('#chart svg path').count() > 5, 'the chart has drawn marks');
    assert.match(await page.locator('#chart').innerText(), /TRF = 60/);
    // the summary first, then the contents, then the proofs; the chart at the width of the text
    const order = await page.evaluate(() => ['#summary', 'nav.toc', '#notation', '#case-1', '#notes'].map((s) => document.querySelector(s)?.getBoundingClientRect().top ?? -1));
    assert.ok(order.every((y, i) => y >= 0 && (i === 0 || y > order[i - 1]!)), `section order ${order.join(', ')}`);
    const widths = await page.evaluate(() => [document.querySelector('#chart svg')!.getBoundingClientRect().width, document.querySelector('main')!.getBoundingClientRect().width]);
    assert.ok(widths[0]! >= 0.95 * widths[1]!, `chart ${widths[0]} px of ${widths[1]} px`);
    // the other tests are folded away, the deciding proof is not
    assert.ok(await page.locator('details.tests:not([open])').count() >= 5);
    assert.ok(await page.locator('section[id^="region-"] > ol.proof').count() >= 5);
    for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]] as const) {
      await page.setViewportSize(viewport);
      await page.waitForTimeout(100);
      // a string, not a function: tsx would wrap the inner named functions in a helper the page does not have
      const overflow = await page.evaluate(OVERFLOW) as { page: number; cut: string[]; silent: string[] };
      assert.deepEqual(overflow, { page: 0, cut: [], silent: [] }, `${name}: nothing overflows the page`);
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, `report-${name}.png`) });
    }
    assert.deepEqual(external, []);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
