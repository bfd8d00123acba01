/**
 * `rpe export --torch` (and --numpy) against the engine's own float64 evaluation:
 * for the biases the validator trains (its default RPEs through `resolveRpe`, ALiBi at
 * 8 and 12 heads with the reference slopes, and the catalog's KERPLE, T5, Sandwich and
 * candidate types 3–13 at their samples), the exported module's p_h(n) equals
 * compileFloat's values to 1e-12 at every T = 1 … 512 and its [H, T, T] table does at
 * T = 1 … 64 and 40 larger T up to 512 (every T would be minutes of CPU per case);
 * gradients reach --learnable
 * parameters and match finite differences (test/python/check_export.py). Skips with a
 * message when torch is not installed.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Fraction from 'fraction.js';
import { buildExport, type ExportOptions } from '../../src/cli/export-module.js';
import { compileFloat } from '../../src/numeric/float.js';
import { parseExpression } from '../../src/parse/parse.js';
import { slopeExponents, slopeValue } from '../../src/trf/alibi-slopes.js';
import { DEFAULT_RPES } from '../../src/validate/defaults.js';
import { resolveRpe } from '../../src/validate/rpe.js';
import { PYTHON, skipWithout } from './python-env.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const N = 512;

interface Case {
  readonly name: string;
  readonly expr: string;
  readonly options: ExportOptions;
  /** p_h(n) for head h (0-based), computed independently of the export */
  readonly ref: (n: number, h: number) => number;
  readonly heads: number;
  readonly slopes?: readonly number[];
  readonly clamp?: Readonly<Record<string, [number | null, number | null]>>;
}

function alibiCase(H: number): Case {
  const m = slopeExponents(H).map(slopeValue);
  const f = compileFloat(parseExpression('-m*n').expr, 'n');
  return { name: `ALiBi, ${H} heads, reference slopes`, expr: '-m*n', options: { alibiHeads: H }, heads: H, ref: (n, h) => f(n, { m: m[h]! }), slopes: m };
}

/** The validator's own default RPEs, at 8 heads of dimension 16, through resolveRpe. */
function validatorCases(): Case[] {
  return DEFAULT_RPES.map((spec) => {
    const r = resolveRpe(spec, 8, 16);
    const at = Object.entries(spec.at).map(([k, v]) => `${k}=${v}`);
    const linear = spec.expression === '-m*n';
    return {
      name: `validator default "${spec.name}"`, expr: spec.expression, options: { at, heads: 8 }, heads: 8, ref: r.fn,
      ...(linear ? { slopes: r.headParams.map((p) => p.m!) } : {}),
    };
  });
}

interface CatalogEntry { id: string; formula: string; parameters: Record<string, { samples: (string | number)[] }> }

/** Catalog entries at their samples: head h takes sample h mod (count) of every parameter. */
function catalogCases(): Case[] {
  const catalog = JSON.parse(readFileSync(join(ROOT, 'rules', 'catalog.json'), 'utf8')) as { entries: CatalogEntry[] };
  const ids = ['kerple-log', 'kerple-power', 'sandwich', 't5', ...Array.from({ length: 11 }, (_, i) => `evo-${i + 3}`)];
  return ids.map((id) => {
    const e = catalog.entries.find((x) => x.id === id);
    assert.ok(e, `catalog has ${id}`);
    const names = Object.keys(e.parameters);
    const H = Math.max(1, ...names.map((p) => e.parameters[p]!.samples.length));
    const sample = (p: string, h: number): string => { const s = e.parameters[p]!.samples; return String(s[h % s.length]); };
    const at = names.map((p) => `${p}=${Array.from({ length: H }, (_, h) => sample(p, h)).join(',')}`);
    const f = compileFloat(parseExpression(e.formula).expr, 'n');
    const ref = (n: number, h: number): number => f(n, Object.fromEntries(names.map((p) => [p, new Fraction(sample(p, h)).valueOf()])));
    const slopes = id === 'evo-3' ? Array.from({ length: H }, (_, h) => new Fraction(sample('k', h)).valueOf()) : undefined;
    return { name: `catalog ${id}`, expr: e.formula, options: { at }, heads: H, ref, ...(slopes ? { slopes } : {}) };
  });
}

function learnableCases(): Case[] {
  const kerple = parseExpression('-r1*log(1+r2*n)').expr;
  const fk = compileFloat(kerple, 'n');
  const r1 = [0.5, 1, 1.5, 2];
  const r2 = [0.02, 0.5, 1, 0.25]; // away from the clamp at 0.01, where a finite difference is one-sided
  const fp = compileFloat(parseExpression('-r1*n^r2').expr, 'n');
  const fs = compileFloat(parseExpression('-(k*n)^0.5').expr, 'n');
  return [
    {
      name: 'KERPLE log, learnable r1 r2, clamped', expr: '-r1*log(1+r2*n)', heads: 4,
      options: { at: ['r1=1/2,1,3/2,2', 'r2=1/50,1/2,1,1/4'], learnable: ['r1', 'r2'], clamp: ['r1=0.01:', 'r2=0.01:'] },
      ref: (n, h) => fk(n, { r1: r1[h]!, r2: r2[h]! }), clamp: { r1: [0.01, null], r2: [0.01, null] },
    },
    {
      name: 'KERPLE power, learnable r1 r2', expr: '-r1*n^r2', heads: 2,
      options: { at: ['r1=1/2,2', 'r2=1/2,3/2'], learnable: ['r1', 'r2'], clamp: ['r2=:2'] },
      ref: (n, h) => fp(n, { r1: [0.5, 2][h]!, r2: [0.5, 1.5][h]! }), clamp: { r2: [null, 2] },
    },
    {
      name: 'evo-6, learnable k (a square root at n = 0)', expr: '-(k*n)^0.5', heads: 3,
      options: { at: ['k=2^(-8*h/H)'], heads: 3, learnable: ['k'] },
      ref: (n, h) => fs(n, { k: 2 ** (-8 * (h + 1) / 3) }),
    },
  ];
}

test('exported torch modules equal the float64 evaluation up to T = 512, gradients reach --learnable', { skip: skipWithout('torch'), timeout: 600_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'rpe-export-'));
  try {
    const cases = [alibiCase(8), alibiCase(12), ...validatorCases(), ...catalogCases(), ...learnableCases()];
    const specs = cases.map((c, k) => {
      const mod = buildExport(c.expr, c.options);
      assert.equal(mod.heads, c.heads, c.name);
      const path = join(dir, `case${k}.py`);
      writeFileSync(path, mod.source);
      const reference = Array.from({ length: c.heads }, (_, h) => Array.from({ length: N }, (_, n) => {
        const v = c.ref(n, h);
        assert.ok(Number.isFinite(v), `${c.name}: p(${n}) = ${v} for head ${h + 1}`);
        return v;
      }));
      return {
        name: c.name, module: path, backend: 'torch', reference, maxT: N, slopes: c.slopes ?? null,
        learnable: c.options.learnable ?? [], clamp: c.clamp ?? {},
      };
    });
    // numpy: the same modules' values at T = 512 (no gradients)
    const numpy = cases.filter((c) => !c.options.learnable).map((c, k) => {
      const path = join(dir, `np${k}.py`);
      writeFileSync(path, buildExport(c.expr, { ...c.options, backend: 'numpy' }).source);
      return { ...specs[k]!, name: `${c.name} (numpy)`, module: path, backend: 'numpy', learnable: [] };
    });
    const file = join(dir, 'cases.json');
    writeFileSync(file, JSON.stringify([...specs, ...numpy]));
    const r = spawnSync(PYTHON, [join(HERE, 'check_export.py'), file], { encoding: 'utf8', timeout: 580_000 });
    const out = `${r.stdout}${r.stderr}`;
    if (process.env.RPE_TEST_VERBOSE) process.stdout.write(out);
    assert.equal(r.status, 0, out);
    assert.equal(out.match(/^ok /gm)?.length, specs.length + numpy.length, out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
