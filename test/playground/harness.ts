/**
 * Test and bench harness for the playground: builds the Vite app once (into a
 * temporary folder, or reuses PLAYGROUND_DIST when set), serves it from a tiny
 * static server on 127.0.0.1, and drives it in headless Debian Chromium with
 * playwright-core. The browser context is offline in effect: every request to a
 * host other than the local server is aborted and recorded in `external`.
 * Uncaught page errors, uncaught worker errors and console errors are recorded
 * per page.
 *
 * Shared by test/playground/e2e.test.ts and bench/playground.bench.ts.
 */
import { existsSync, mkdtempSync, rmSync, statSync, createReadStream } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** `skip` option for node:test: false, or why the browser tests cannot run here. */
export const skipReason: false | string = existsSync(CHROMIUM) ? false : `Chromium is not installed at ${CHROMIUM} (apt-get install chromium)`;

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-default-apps', '--disable-sync', '--disable-extensions', '--disable-domain-reliability', '--dns-prefetch-disable', '--no-pings',
];

/** Verdicts that answer a request (as opposed to none/pending). */
export const FINAL_VERDICTS = ['converges', 'diverges', 'conditional', 'unknown', 'error'] as const;
export type FinalVerdict = (typeof FINAL_VERDICTS)[number];

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

// ---------------------------------------------------------------------------
// build

/** Builds the playground with Vite's JS API into a fresh temporary folder; returns that folder. */
export async function buildPlayground(): Promise<{ dir: string; ms: number; temporary: boolean }> {
  const prebuilt = process.env.PLAYGROUND_DIST;
  if (prebuilt) {
    const dir = resolve(prebuilt);
    if (!existsSync(join(dir, 'index.html'))) throw new Error(`PLAYGROUND_DIST=${prebuilt} has no index.html`);
    return { dir, ms: 0, temporary: false };
  }
  const { build } = await import('vite');
  const dir = mkdtempSync(join(tmpdir(), 'rpe-playground-'));
  const t0 = performance.now();
  await build({
    configFile: join(REPO, 'playground', 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: dir, emptyOutDir: true },
  });
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`the Vite build wrote no index.html into ${dir}`);
  return { dir, ms: performance.now() - t0, temporary: true };
}

// ---------------------------------------------------------------------------
// static server

/** The file a URL path names inside root, or null when it would leave root. */
export function resolveInside(root: string, urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const file = resolve(root, '.' + (path.startsWith('/') ? path : '/' + path));
  return file === root || file.startsWith(root + sep) ? file : null;
}

export async function serveStatic(root: string): Promise<{ server: Server; origin: string; requests: string[] }> {
  const base = resolve(root);
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let file = resolveInside(base, url.pathname);
    if (file === null) {
      res.writeHead(403, { 'Content-Type': 'text/plain' }).end('forbidden');
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const st = statSync(file);
      if (!st.isFile()) throw new Error('not a file');
      res.writeHead(200, {
        'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': st.size,
        // hashed build outputs may be cached (and their compiled code with them); the page itself never
        'Cache-Control': url.pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}`, requests };
}

// ---------------------------------------------------------------------------
// browser

/** Records uncaught errors of the page's workers (Playwright reports only the page's own). */
const WORKER_ERROR_PROBE = `(() => {
  // tsx/esbuild (keepNames) wraps named functions in page.evaluate callbacks in __name(...)
  if (typeof globalThis.__name !== 'function') Object.defineProperty(globalThis, '__name', { value: (f) => f, configurable: true, writable: true });
  const W = globalThis.Worker;
  if (typeof W !== 'function') return;
  globalThis.__rpeWorkerErrors = [];
  class RecordingWorker extends W {
    constructor(...args) {
      super(...args);
      this.addEventListener('error', (e) => { globalThis.__rpeWorkerErrors.push(String(e && e.message || e)); });
      this.addEventListener('messageerror', () => { globalThis.__rpeWorkerErrors.push('messageerror'); });
    }
  }
  globalThis.Worker = RecordingWorker;
})();`;

export interface PageProblems {
  readonly pageErrors: string[];
  readonly consoleErrors: string[];
}

export interface Playground {
  readonly origin: string;
  readonly browser: Browser;
  /** the shared context (light colour scheme, 1280×900) */
  readonly context: BrowserContext;
  /** URLs the page tried to reach outside the local server (all aborted) */
  readonly external: string[];
  /** every page error and console error so far, labelled by the page's URL */
  readonly problems: string[];
  readonly buildMs: number;
  /** a new page at the app, optionally with a URL fragment (with or without the leading #); waits until the app has started */
  openPage(fragment?: string, opts?: { context?: BrowserContext }): Promise<Page>;
  /** a fresh context with the same network guard (e.g. another colour scheme) */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** page errors, uncaught worker errors and console errors of one page so far */
  problemsOf(page: Page): Promise<PageProblems>;
  stop(): Promise<void>;
}

export async function startPlayground(opts: { headless?: boolean } = {}): Promise<Playground> {
  const built = await buildPlayground();
  const { server, origin } = await serveStatic(built.dir);
  const { chromium } = await import('playwright-core');
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: opts.headless ?? true, args: CHROMIUM_ARGS });
  } catch (err) {
    server.close();
    throw err;
  }
  const external: string[] = [];
  const problems: string[] = [];
  const perPage = new WeakMap<Page, { pageErrors: string[]; consoleErrors: string[] }>();
  const contexts: BrowserContext[] = [];

  const watch = (page: Page): void => {
    const rec = { pageErrors: [] as string[], consoleErrors: [] as string[] };
    perPage.set(page, rec);
    page.on('pageerror', (e) => { rec.pageErrors.push(e.message); problems.push(`pageerror ${page.url()}: ${e.message}`); });
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      const text = `${m.text()}${m.location().url ? ` (${m.location().url})` : ''}`;
      rec.consoleErrors.push(text);
      problems.push(`console.error ${page.url()}: ${text}`);
    });
    page.on('worker', (w) => {
      w.on('console', (m) => {
        if (m.type() !== 'error') return;
        rec.consoleErrors.push(`[worker] ${m.text()}`);
        problems.push(`console.error [worker ${w.url()}]: ${m.text()}`);
      });
    });
  };

  const newContext = async (options: BrowserContextOptions = {}): Promise<BrowserContext> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light', acceptDownloads: true, ...options });
    contexts.push(context);
    await context.addInitScript({ content: WORKER_ERROR_PROBE });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin + '/') || url === origin || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      external.push(url);
      return route.abort('blockedbyclient');
    });
    context.on('page', watch);
    return context;
  };

  const context = await newContext();

  const openPage = async (fragment?: string, o: { context?: BrowserContext } = {}): Promise<Page> => {
    const page = await (o.context ?? context).newPage();
    if (!perPage.has(page)) watch(page);
    const hash = fragment === undefined || fragment === '' ? '' : fragment.startsWith('#') ? fragment : `#${fragment}`;
    await page.goto(`${origin}/index.html${hash}`, { waitUntil: 'load' });
    await waitAppReady(page);
    return page;
  };

  const problemsOf = async (page: Page): Promise<PageProblems> => {
    const rec = perPage.get(page) ?? { pageErrors: [], consoleErrors: [] };
    let workerErrors: string[] = [];
    if (!page.isClosed()) {
      workerErrors = await page.evaluate(() => ((globalThis as unknown as { __rpeWorkerErrors?: string[] }).__rpeWorkerErrors ?? []).slice()).catch(() => []);
    }
    return { pageErrors: [...rec.pageErrors, ...workerErrors.map((e) => `[worker] ${e}`)], consoleErrors: [...rec.consoleErrors] };
  };

  const stop = async (): Promise<void> => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser.close().catch(() => undefined);
    await new Promise<void>((ok) => server.close(() => ok()));
    server.closeAllConnections?.();
    if (built.temporary) rmSync(built.dir, { recursive: true, force: true });
  };

  return { origin, browser, context, external, problems, buildMs: built.ms, openPage, newContext, problemsOf, stop };
}

// ---------------------------------------------------------------------------
// page helpers

/** The app has started: main.ts ran and filled the catalog select. */
export async function waitAppReady(page: Page, timeout = 20_000): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('#catalog option').length > 1, undefined, { timeout, polling: 50 });
}

export interface PageState {
  formula: string;
  verdict: string | null;
  verdictFor: string | null;
  verdictText: string;
  formulaError: string | null;
  point: string | null;
  pointValues: string | null;
  proof: string | null;
}

/** A snapshot of the page, for error messages. */
export async function pageState(page: Page): Promise<PageState> {
  return page.evaluate(() => {
    const q = (s: string): HTMLElement | null => document.querySelector<HTMLElement>(s);
    const err = q('#formula-error');
    return {
      formula: (q('#formula') as HTMLInputElement | null)?.value ?? '',
      verdict: q('#verdict')?.dataset.verdict ?? null,
      verdictFor: q('#verdict')?.dataset.for ?? null,
      verdictText: q('#verdict')?.textContent?.trim() ?? '',
      formulaError: err && !err.hidden ? (err.textContent ?? '') : null,
      point: q('#point-verdict')?.dataset.verdict ?? null,
      pointValues: q('#point-verdict')?.dataset.values ?? null,
      proof: q('#proof')?.dataset.state ?? null,
    };
  });
}

async function withState<T>(page: Page, what: string, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (err) {
    const state = await pageState(page).catch(() => null);
    throw new Error(`${what}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}; page state: ${JSON.stringify(state)}`);
  }
}

/** Waits until #verdict answers exactly this formula text with a final verdict; returns that verdict. */
export async function waitVerdict(page: Page, formula: string, timeout = 20_000): Promise<FinalVerdict> {
  return withState(page, `no final verdict for ${JSON.stringify(formula)} within ${timeout} ms`, async () => {
    const handle = await page.waitForFunction(({ formula, finals }) => {
      const el = document.querySelector<HTMLElement>('#verdict');
      const v = el?.dataset.verdict;
      return el && el.dataset.for === formula && v !== undefined && finals.includes(v) ? v : false;
    }, { formula, finals: [...FINAL_VERDICTS] as string[] }, { timeout, polling: 'raf' });
    return (await handle.jsonValue()) as FinalVerdict;
  });
}

/** The latency the page reports for its current verdict (data-latency-ms), or null. */
export async function verdictLatency(page: Page, selector = '#verdict'): Promise<number | null> {
  const text = await page.locator(selector).getAttribute('data-latency-ms');
  if (text === null || text.trim() === '') return null;
  const ms = Number(text);
  return Number.isFinite(ms) ? ms : null;
}

export interface PointVerdict {
  verdict: FinalVerdict;
  values: Record<string, number>;
}

/**
 * Waits until #point-verdict answers the given parameter values (default: the
 * current values of the parameters' sliders) with a final verdict.
 */
export async function waitPointVerdict(page: Page, expected?: Record<string, number>, timeout = 20_000): Promise<PointVerdict> {
  return withState(page, `no final point verdict for ${expected ? JSON.stringify(expected) : 'the slider values'} within ${timeout} ms`, async () => {
    const handle = await page.waitForFunction(({ expected, finals }) => {
      const el = document.querySelector<HTMLElement>('#point-verdict');
      const v = el?.dataset.verdict;
      if (!el || v === undefined || !finals.includes(v) || !el.dataset.values) return false;
      let values: Record<string, number>;
      try { values = JSON.parse(el.dataset.values) as Record<string, number>; } catch { return false; }
      let want: Record<string, number> = expected ?? {};
      if (!expected) {
        want = {};
        for (const div of Array.from(document.querySelectorAll<HTMLElement>('#params .param[data-param]'))) {
          const name = div.dataset.param!;
          const slider = document.getElementById(`param-${name}-slider`) as HTMLInputElement | null;
          const text = document.getElementById(`param-${name}`) as HTMLInputElement | null;
          // the exact text value wins when it is a plain number; the slider otherwise
          const t = text ? Number(text.value) : NaN;
          want[name] = Number.isFinite(t) ? t : Number(slider?.value);
        }
      }
      for (const [k, x] of Object.entries(want)) {
        const y = values[k];
        if (typeof y !== 'number' || Math.abs(x - y) > 1e-9 * Math.max(1, Math.abs(x))) return false;
      }
      return { verdict: v, values };
    }, { expected: expected ?? null, finals: [...FINAL_VERDICTS] as string[] }, { timeout, polling: 'raf' });
    return (await handle.jsonValue()) as PointVerdict;
  });
}

/**
 * Waits until #proof is ready (or in error) and has stayed so, with the same
 * content, for `quietMs`: a proof shown just before a newer request replaces it
 * does not count. Returns the final state.
 */
export async function waitProofSettled(page: Page, timeout = 60_000, quietMs = 700): Promise<string> {
  return withState(page, `#proof did not settle within ${timeout} ms`, async () => {
    const handle = await page.waitForFunction((quietMs) => {
      const box = document.querySelector<HTMLElement>('#proof') as (HTMLElement & { __rpeSeen?: { child: Element | null; at: number } }) | null;
      if (!box) return false;
      const state = box.dataset.state;
      if (state !== 'ready' && state !== 'error') { box.__rpeSeen = undefined; return false; }
      const child = box.lastElementChild;
      const now = performance.now();
      if (!box.__rpeSeen || box.__rpeSeen.child !== child) { box.__rpeSeen = { child, at: now }; return false; }
      return now - box.__rpeSeen.at >= quietMs ? state : false;
    }, quietMs, { timeout, polling: 100 });
    return (await handle.jsonValue()) as string;
  });
}

/** Replaces the formula by typing it key by key (each key is an input event). */
export async function typeFormula(page: Page, text: string): Promise<void> {
  const input = page.locator('#formula');
  await input.focus();
  await input.selectText();
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
}

/** Replaces a text input's value in one input event. */
export async function fillInput(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector).fill(text);
}

/** The parameter names the page shows sliders for, in order. */
export async function parameterNames(page: Page): Promise<string[]> {
  return page.locator('#params .param[data-param]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.param ?? ''));
}

/** Relative luminance (WCAG) of a CSS rgb()/rgba() colour; null for a transparent one. */
export function luminance(css: string): number | null {
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+%?))?\s*\)/.exec(css);
  if (!m) {
    const c = /color\(srgb\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)(?:\s*\/\s*([\d.]+%?))?\s*\)/.exec(css);
    if (!c) return null;
    if (c[4] !== undefined && parseFloat(c[4]) === 0) return null;
    const [r, g, b] = [c[1], c[2], c[3]].map((x) => lin(Number(x)));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  }
  if (m[4] !== undefined && parseFloat(m[4]) === 0) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => lin(Number(x) / 255));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function lin(c: number): number {
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/**
 * The colours the page is painted with: the first non-transparent background of
 * body/html (else the Canvas system colour the page's color-scheme selects) and
 * body's text colour.
 */
export async function pageColours(page: Page): Promise<{ background: string; text: string }> {
  return page.evaluate(() => {
    const transparent = (c: string): boolean => c === 'transparent' || /rgba\(.*,\s*0\)$/.test(c) || /\/\s*0\)$/.test(c);
    let background = getComputedStyle(document.body).backgroundColor;
    if (transparent(background)) background = getComputedStyle(document.documentElement).backgroundColor;
    if (transparent(background)) {
      const probe = document.createElement('div');
      probe.style.backgroundColor = 'Canvas';
      document.body.appendChild(probe);
      background = getComputedStyle(probe).backgroundColor;
      probe.remove();
    }
    return { background, text: getComputedStyle(document.body).color };
  });
}
