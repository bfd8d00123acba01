/**
 * The HTML report in a real browser: headless Debian Chromium driven by
 * playwright-core, offline (every non-file request is aborted and counted). The
 * page must render, contain no KaTeX error, load the inlined KaTeX fonts and show
 * the chart. Skips with a message where /usr/bin/chromium is not installed
 * (apt-get install chromium).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { report } from '../../src/report/index.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
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
    assert.deepEqual(external, []);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
