/**
 * Start-up benchmark: wall time of one-shot commands, as a shell loop over
 * configurations sees it, against SymPy's start-up measured in the same run.
 * Each command runs --runs times (default 9), alternating with the peers so that
 * machine load falls on both alike; the median is reported.
 *
 * Targets (issue 12): `rpe --version` < 0.15 s; `rpe classify EXPR --json` and
 * `rpe trf EXPR` ≤ ½ of `python3 -c "import sympy"`; `import { classify }` plus one
 * call < 0.3 s. Uses the published build (dist/lib, `npm run build`).
 * Writes bench/results/startup.json.   options: --runs N
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { findProjectRoot } from '../src/rules/paths.js';

const ROOT = findProjectRoot();
const CLI = join(ROOT, 'dist', 'lib', 'cli.js');
const PYTHON = '/usr/bin/python3';
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 9;

interface Probe { readonly name: string; readonly cmd: string; readonly args: readonly string[]; readonly target?: string }

const EXPR = '-m*log(1+n)';
const importScript = `const { classify } = await import(${JSON.stringify(join(ROOT, 'dist', 'lib', 'index.js'))}); classify(${JSON.stringify(EXPR)});`;
const probes: Probe[] = [
  { name: 'rpe --version', cmd: process.execPath, args: [CLI, '--version'], target: '< 0.15 s' },
  { name: `rpe classify "${EXPR}" --json`, cmd: process.execPath, args: [CLI, 'classify', EXPR, '--json'], target: '≤ ½ SymPy import' },
  { name: 'rpe trf "-2*log(1+n)"', cmd: process.execPath, args: [CLI, 'trf', '-2*log(1+n)'], target: '≤ ½ SymPy import' },
  { name: 'import { classify } + one call', cmd: process.execPath, args: ['--input-type=module', '-e', importScript], target: '< 0.3 s' },
  { name: 'node -e 0 (Node itself)', cmd: process.execPath, args: ['-e', '0'] },
];
const peers: Probe[] = [
  { name: 'python3 -c "import sympy"', cmd: PYTHON, args: ['-c', 'import sympy'] },
  { name: 'SymPy one-shot is_convergent', cmd: PYTHON, args: ['-c', 'import sympy as s; n=s.Symbol("n", integer=True, positive=True); m=s.Symbol("m", positive=True); s.Sum(s.exp(-2*s.log(1+n)), (n, 0, s.oo)).is_convergent()'] },
];

function wall(p: Probe): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(p.cmd, p.args, { encoding: 'utf8', timeout: 60_000 });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${p.name} failed (${r.status}): ${r.stderr}`);
  return s;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

if (!existsSync(CLI)) throw new Error('dist/lib/cli.js is missing: run `npm run build` first');
const sympyOk = spawnSync(PYTHON, ['-c', 'import sympy'], { encoding: 'utf8' }).status === 0;
const all = sympyOk ? [...probes, ...peers] : probes;
const times = new Map<string, number[]>(all.map((p) => [p.name, []]));
for (const p of all) wall(p); // warm the file cache once
for (let i = 0; i < runs; i++) for (const p of all) times.get(p.name)!.push(wall(p));

const sympyImport = sympyOk ? median(times.get(peers[0]!.name)!) : NaN;
const rows = all.map((p) => {
  const m = median(times.get(p.name)!);
  return { name: p.name, median_s: Number(m.toFixed(4)), min_s: Number(Math.min(...times.get(p.name)!).toFixed(4)), ratio_to_sympy_import: sympyOk ? Number((m / sympyImport).toFixed(3)) : null, target: p.target ?? null };
});
const result = { date: new Date().toISOString(), machine: { cpus: cpus().length, model: cpus()[0]?.model, loadavg: loadavg().map((x) => Number(x.toFixed(2))) }, node: process.version, runs, rows };
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(join(ROOT, 'bench', 'results', 'startup.json'), `${JSON.stringify(result, null, 2)}\n`);
for (const r of rows) {
  process.stdout.write(`${r.name.padEnd(40)} ${r.median_s.toFixed(3)} s  (min ${r.min_s.toFixed(3)})${r.ratio_to_sympy_import !== null ? `  ${r.ratio_to_sympy_import.toFixed(2)}× SymPy import` : ''}${r.target ? `  target ${r.target}` : ''}\n`);
}
process.stdout.write(`load average ${result.machine.loadavg.join(' ')}; results written to bench/results/startup.json\n`);
