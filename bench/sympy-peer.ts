/**
 * Runs SymPy (bench/sympy_peer.py under /usr/bin/python3) on the benchmark's cases,
 * when `import sympy` works; otherwise says why it was skipped. Never invents a figure.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { assumptionTexts } from '../src/parse/assumption-list.js';
import { findProjectRoot } from '../src/rules/paths.js';
import type { BenchCase } from './cases.js';
import { toSympy, UntranslatableError } from './sympy-translate.js';

export const PYTHON = '/usr/bin/python3';
const SCRIPT = join(findProjectRoot(), 'bench', 'sympy_peer.py');

export interface SympyResult {
  readonly id: string;
  readonly answer: 'converges' | 'diverges' | null;
  readonly seconds: number | null;
  readonly error: string | null;
}

export interface SympyRun {
  readonly available: boolean;
  /** why SymPy did not run, when it did not */
  readonly skipped?: string;
  readonly version?: string;
  readonly timeoutSeconds?: number;
  readonly results: ReadonlyMap<string, SympyResult>;
}

export function sympyAvailable(): { ok: boolean; why?: string } {
  const r = spawnSync(PYTHON, ['-c', 'import sympy'], { encoding: 'utf8', timeout: 60_000 });
  if (r.error) return { ok: false, why: `${PYTHON} not runnable (${r.error.message})` };
  if (r.status !== 0) return { ok: false, why: `${PYTHON} -c "import sympy" failed (install python3-sympy)` };
  return { ok: true };
}

/** Positive-parameter assumptions SymPy can take ("k > 0", "0 < k"); others are dropped. */
function positiveSymbols(assume: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const a of assume) {
    const m = /^\s*([A-Za-z_]\w*)\s*>\s*0\s*$/.exec(a) ?? /^\s*0\s*<\s*([A-Za-z_]\w*)\s*$/.exec(a);
    if (m) out.add(m[1]!);
  }
  return out;
}

interface PeerCase {
  id: string; expr: string; symbols: { name: string; positive: boolean }[]; var: string; from: number; mode: 'exp' | 'term';
}

export async function runSympy(cases: readonly BenchCase[], timeoutSeconds = 20): Promise<SympyRun> {
  const avail = sympyAvailable();
  if (!avail.ok) return { available: false, skipped: avail.why!, results: new Map() };
  const untranslatable = new Map<string, SympyResult>();
  const payload: PeerCase[] = [];
  for (const c of cases) {
    try {
      const { text, symbols } = toSympy(c.formula);
      const positive = positiveSymbols(assumptionTexts(c.options.assume));
      payload.push({
        id: c.id, expr: text, symbols: symbols.map((name) => ({ name, positive: positive.has(name) })),
        var: c.options.var ?? 'n', from: c.options.from ?? 0, mode: c.options.term ? 'term' : 'exp',
      });
    } catch (err) {
      if (!(err instanceof UntranslatableError)) throw err;
      untranslatable.set(c.id, { id: c.id, answer: null, seconds: null, error: `skipped: cannot translate ${err.message}` });
    }
  }
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn(PYTHON, [SCRIPT, String(timeoutSeconds)], { stdio: ['pipe', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`sympy_peer.py exited with ${code}`))));
    child.stdin.end(JSON.stringify(payload));
  });
  const parsed = JSON.parse(out) as { sympy: string; timeout: number; results: SympyResult[] };
  const results = new Map<string, SympyResult>(untranslatable);
  for (const r of parsed.results) results.set(r.id, r);
  return { available: true, version: parsed.sympy, timeoutSeconds: parsed.timeout, results };
}
