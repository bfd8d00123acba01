/**
 * The package's public entry points, as a JavaScript user imports them: what each
 * exports, and the API's own conventions (options as objects, errors that name the
 * option and not a CLI flag, report() as a Promise).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import * as api from '../src/index.js';
import { ROOT } from './cli/run-cli.js';

interface ExportTarget { readonly import?: string; readonly types?: string; readonly default?: string }
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, ExportTarget | string>; main: string };

/** The source module of an export: its types file dist/src/x.d.ts is tsc's output for src/x.ts. */
const sourceOf = (t: ExportTarget): string => join(ROOT, (t.types ?? '').replace(/^\.\/dist\//, '').replace(/\.d\.ts$/, '.ts'));

describe('package entry points', () => {
  it('every subpath of "exports" has a source module that loads and exports something', async () => {
    for (const [subpath, target] of Object.entries(pkg.exports)) {
      if (typeof target === 'string') continue; // ./package.json
      assert.ok(target.import !== undefined && target.types !== undefined, `${subpath} has import and types`);
      const file = sourceOf(target);
      assert.ok(existsSync(file), `${subpath} → ${file}`);
      const mod = await import(file) as Record<string, unknown>;
      assert.ok(Object.keys(mod).length > 0, `${subpath} exports nothing`);
    }
    assert.equal(`./${pkg.main}`, (pkg.exports['.'] as ExportTarget).import);
  });
  it('"." exports the documented functions and classes', () => {
    for (const name of ['classify', 'parseExpression', 'trf', 'windowBound', 'check', 'report', 'registerNerdamer']) {
      assert.equal(typeof (api as Record<string, unknown>)[name], 'function', name);
    }
    assert.equal(typeof api.mathjsPlugin, 'object'); // math.import(mathjsPlugin)
    assert.ok(new api.OptionError('at', (o) => `${o} x`) instanceof api.InputError);
  });
  it('the subpaths export the report renderer, the validator and the plugins alone', async () => {
    const report = await import('../src/report/index.js');
    for (const name of ['buildReport', 'renderMarkdown', 'renderLatex', 'renderHtml', 'report']) assert.equal(typeof (report as Record<string, unknown>)[name], 'function', name);
    assert.equal(typeof (await import('../src/plugin/mathjs.js')).mathjsPlugin, 'object');
    assert.equal(typeof (await import('../src/plugin/nerdamer.js')).registerNerdamer, 'function');
  });
});

describe('the API takes JavaScript values', () => {
  it('trf: at as an object of numbers or exact strings equals the CLI strings', () => {
    assert.deepEqual(api.trf('-m*n', { at: { m: 0.5 } }), api.trf('-m*n', { at: ['m=0.5'] }));
    assert.deepEqual(api.trf('-m*n', { at: { m: '1/3' } }), api.trf('-m*n', { at: ['m=1/3'] }));
    assert.deepEqual(api.trf('-m*n', { at: { m: [0.5, 0.25] } }), api.trf('-m*n', { at: ['m=0.5,0.25'] }));
    assert.deepEqual(api.trf('-m*n', { at: [{ m: 0.5 }, { m: 0.25 }] }), api.trf('-m*n', { at: ['m=0.5,0.25'] }));
    const two = api.trf('-r1*log(1+r2*n)', { at: [{ r1: 2, r2: 1 }, { r1: '3/2', r2: 1 }] });
    assert.deepEqual(two.results.map((r) => r.at), [{ r1: 2, r2: 1 }, { r1: 1.5, r2: 1 }]);
  });
  it('a JS number is read from its shortest decimal, exactly (random decimals)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 4 }), (k, d) => {
      const m = k / 10 ** d;
      assert.deepEqual(api.trf('-m*n', { at: { m } }).results[0]!.bracket, api.trf('-m*n', { at: [`m=${k}/${10 ** d}`] }).results[0]!.bracket);
    }), { numRuns: 8 });
  });
  it('windowBound and check take the same at; windowBound has the defaults B = 1, δ = 0.01', () => {
    assert.deepEqual(api.windowBound('-m*n', { at: { m: 0.5 } }), api.windowBound('-m*n', { at: ['m=0.5'], logitBound: 1, tol: '0.01' }));
    assert.equal(api.check('-m*n', { at: { m: 1 }, maxN: 100 }).results[0]!.agreement, 'agree');
  });
  it('report() returns a Promise of the text and takes at objects', async () => {
    const p = api.report('-m*n', { assume: ['m > 0'], at: { m: 0.5 }, format: 'json' });
    assert.ok(p instanceof Promise);
    const r = JSON.parse(await p) as { cases: { theorem: { results: { trf: string }[] } }[] };
    assert.equal(r.cases[0]!.theorem.results[0]!.trf, '9');
  });
});

describe('API errors name the option, not a CLI flag', () => {
  const fails = (f: () => unknown, option: string, pattern: RegExp): void => {
    assert.throws(f, (err: unknown) => {
      assert.ok(err instanceof api.OptionError, String(err));
      assert.equal(err.option, option);
      assert.match(err.message, pattern);
      assert.doesNotMatch(err.message, /--/);
      return true;
    });
  };
  it('at, eps, from, alibiHeads, logitBound, tol, maxN', () => {
    fails(() => api.trf('-m*n', { at: { m: '1+' } }), 'at', /^at: cannot read the value "1\+" for m: /);
    fails(() => api.trf('-m*n', { at: { k: 1 } }), 'at', /^at k: the expression has no parameter k \(it has m\)/);
    fails(() => api.trf('-m*n', { at: { m: Number.NaN } }), 'at', /^at\.m: the value for m must be a finite number/);
    fails(() => api.trf('-m*n', { at: [{ m: 1 }, {}] as never }), 'at', /^at\[1\] has no value for m/);
    fails(() => api.trf('-m*n', { at: 5 as never }), 'at', /^at must be an object such as \{m: 0\.5\}/);
    fails(() => api.windowBound('-m*n'), 'at', /^give a value for m with at: \{m: …\}; a certified window needs concrete parameters/);
    fails(() => api.trf('-n', { eps: 2 }), 'eps', /^eps \(ε\) must lie strictly between 0 and 1/);
    fails(() => api.trf('-n', { from: 1.5 }), 'from', /^from must be an integer/);
    fails(() => api.classify('-n', { from: 1.5 }), 'from', /^from must be an integer/);
    fails(() => api.trf('-m*n', { alibiHeads: 0 }), 'alibiHeads', /^alibiHeads expects an integer from 1 to 4096/);
    fails(() => api.windowBound('-m*n', { at: { m: 1 }, logitBound: -1 }), 'logitBound', /^logitBound must be a non-negative number/);
    fails(() => api.windowBound('-m*n', { at: { m: 1 }, tol: 0 }), 'tol', /^tol \(δ\) must be positive/);
    fails(() => api.check('-n', { maxN: 5 }), 'maxN', /^maxN must be a number from 10 to 1e300/);
  });
});
