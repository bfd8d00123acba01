/**
 * The published package, as a user gets it: `npm pack` ships only what users need,
 * the tarball installs into an empty folder offline (from the npm cache) in at most
 * 80 MB of node_modules, and its `rpe`, its entry points and its error for a
 * missing TensorFlow.js work there.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CLI_ARGS, ROOT } from '../cli/run-cli.js';
import { folderBytes, run, writeOfflineLock } from './offline-install.js';

const MAX_NODE_MODULES = 80 * 1024 * 1024;
const work = mkdtempSync(join(tmpdir(), 'rpe-pack-'));
const app = join(work, 'app');
let tarball = '';
let files: string[] = [];
let installed: { ok: boolean; why: string } = { ok: false, why: '' };

before(() => {
  // `npm test` bundles first; rebuild only a stale bundle, which no other test is then running
  if (CLI_ARGS[0]!.endsWith('.ts') || CLI_ARGS.includes('tsx')) {
    const bundle = run(process.execPath, ['scripts/bundle.mjs'], ROOT);
    assert.equal(bundle.code, 0, bundle.stderr);
  }
  const pack = run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], ROOT);
  assert.equal(pack.code, 0, pack.stderr);
  const [info] = JSON.parse(pack.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  tarball = join(work, info!.filename);
  files = info!.files.map((f) => f.path);
  mkdirSync(app);
  writeOfflineLock(ROOT, tarball, app);
  const ci = run('npm', ['ci', '--offline'], app);
  installed = { ok: ci.code === 0, why: ci.stderr.split('\n').filter((l) => /ERR|error/.test(l)).slice(0, 3).join('\n') };
});
after(() => rmSync(work, { recursive: true, force: true }));

describe('npm pack', () => {
  test('ships the bundle, the types, the rules, README and LICENSE, and nothing else', () => {
    for (const f of ['dist/lib/cli.js', 'dist/lib/index.js', 'dist/lib/require.cjs', 'dist/src/index.d.ts', 'rules/catalog.json', 'rules/families.json', 'LICENSE', 'README.md', 'package.json']) {
      assert.ok(files.includes(f), `${f} is packed`);
    }
    const stray = files.filter((f) => !/^(dist\/lib\/|dist\/src\/.*\.d\.ts$|rules\/|LICENSE$|README\.md$|package\.json$)/.test(f) || f.endsWith('.map'));
    assert.deepEqual(stray, []);
  });
});

describe('installed from the tarball, offline', () => {
  const installedApp = (t: { skip(msg: string): void }): boolean => {
    if (installed.ok) return true;
    // only a cache without the tarballs excuses a failed install (the cache fills on `npm ci`)
    assert.match(installed.why, /ENOTCACHED/, `npm ci --offline failed: ${installed.why}`);
    t.skip(`the npm cache lacks packages: ${installed.why}`);
    return false;
  };
  const rpe = (args: string[]) => run(join(app, 'node_modules', '.bin', 'rpe'), args, app, 60_000);

  test(`node_modules stays within ${MAX_NODE_MODULES / 2 ** 20} MB and holds no TensorFlow.js`, (t) => {
    if (!installedApp(t)) return;
    const bytes = folderBytes(join(app, 'node_modules'));
    assert.ok(bytes <= MAX_NODE_MODULES, `node_modules is ${(bytes / 2 ** 20).toFixed(1)} MB`);
    assert.equal(run('test', ['-e', join(app, 'node_modules', '@tensorflow')], app).code, 1);
  });

  test('rpe classify works and gives the verdict', (t) => {
    if (!installedApp(t)) return;
    const r = rpe(['classify', '-m*log(1+n)', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const c = JSON.parse(r.stdout) as { verdict: string; cases: Array<{ condition: string; verdict: string }> };
    assert.equal(c.verdict, 'conditional');
    assert.ok(c.cases.some((k) => k.verdict === 'converges' && /m > 1/.test(k.condition)), r.stdout);
  });

  test('rpe validate without TensorFlow.js prints the one install command', (t) => {
    if (!installedApp(t)) return;
    const r = rpe(['validate', '--quick']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /npm install @tensorflow\/tfjs @tensorflow\/tfjs-backend-wasm @stdlib\/datasets-sotu/);
  });

  test('the entry points import, and require() says the package is ESM only', (t) => {
    if (!installedApp(t)) return;
    const script = [
      "const api = await import('rpe-convergence');",
      "const rep = await import('rpe-convergence/report');",
      "const pm = await import('rpe-convergence/plugin/mathjs');",
      "const pn = await import('rpe-convergence/plugin/nerdamer');",
      "const md = await api.report('-2*log(1+n)');",
      "console.log(JSON.stringify({ classify: typeof api.classify, trf: typeof api.trf, buildReport: typeof rep.buildReport, mathjsPlugin: typeof pm.mathjsPlugin, registerNerdamer: typeof pn.registerNerdamer, verdict: api.classify('-2*log(1+n)').verdict, md: md.includes('converges') }));",
    ].join('\n');
    const r = run(process.execPath, ['--input-type=module', '-e', script], app, 60_000);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), { classify: 'function', trf: 'function', buildReport: 'function', mathjsPlugin: 'object', registerNerdamer: 'function', verdict: 'converges', md: true });
    const req = run(process.execPath, ['-e', "require('rpe-convergence')"], app, 60_000);
    assert.notEqual(req.code, 0);
    assert.match(req.stderr, /ESM only/);
  });
});
