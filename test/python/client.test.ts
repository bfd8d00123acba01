/**
 * The Python client (python/rpe_convergence) through Debian's python3: its tests
 * (python/tests, pytest when installed, else unittest) against this checkout's CLI
 * run from source, and `pip install ./python` offline into a scratch folder.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { hasPythonModule, PYTHON } from './python-env.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const env = { ...process.env, RPE_CLI: `${process.execPath} --import tsx ${join(ROOT, 'src', 'cli', 'main.ts')}`, RPE_DEBUG: '' };
const noPython = spawnSync(PYTHON, ['--version']).status === 0 ? false : `${PYTHON} is missing`;

test('the Python client\'s tests pass against the CLI', { skip: noPython, timeout: 900_000 }, () => {
  const args = hasPythonModule('pytest')
    ? ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', join(ROOT, 'python', 'tests')]
    : ['-m', 'unittest', 'discover', '-s', join(ROOT, 'python', 'tests')];
  const r = spawnSync(PYTHON, args, { cwd: ROOT, env, encoding: 'utf8', timeout: 880_000 });
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
});

test('pip installs ./python offline, and the installed package imports', { skip: noPython || (hasPythonModule('pip') && hasPythonModule('setuptools') ? false : 'pip or setuptools missing'), timeout: 300_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'rpe-pip-'));
  try {
    // setuptools builds in the source tree (build/, *.egg-info): install from a copy
    const src = join(dir, 'src');
    cpSync(join(ROOT, 'python'), src, { recursive: true, filter: (p) => !p.includes('__pycache__') });
    const target = join(dir, 'site');
    const r = spawnSync(PYTHON, ['-m', 'pip', 'install', '--no-index', '--no-build-isolation', '--no-deps', '--quiet', '--target', target, src], {
      encoding: 'utf8', timeout: 280_000, env: { ...process.env, PIP_DISABLE_PIP_VERSION_CHECK: '1' },
    });
    assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
    const imp = spawnSync(PYTHON, ['-c', 'import rpe_convergence as r; print(r.__version__, r.Client.__name__)'], {
      cwd: tmpdir(), encoding: 'utf8', env: { ...process.env, PYTHONPATH: target },
    });
    assert.equal(imp.status, 0, imp.stderr);
    assert.match(imp.stdout, /^0\.1\.0 Client/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
