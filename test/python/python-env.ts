/** Test helper: the Debian python3 the Python-side tests use, and which of its modules are present. */
import { spawnSync } from 'node:child_process';

export const PYTHON = process.env.RPE_PYTHON ?? '/usr/bin/python3';

/** Whether `import <name>` works in PYTHON (cached). */
const cache = new Map<string, boolean>();
export function hasPythonModule(name: string): boolean {
  let ok = cache.get(name);
  if (ok === undefined) {
    const r = spawnSync(PYTHON, ['-c', `import ${name}`], { encoding: 'utf8', timeout: 120_000 });
    ok = r.status === 0;
    cache.set(name, ok);
  }
  return ok;
}

/** The skip message of a test that needs `module`, or false when it is there. */
export function skipWithout(module: string): string | false {
  return hasPythonModule(module) ? false : `${PYTHON} cannot import ${module} (apt-get install python3-${module === 'torch' ? 'torch' : module}; .ci/run installs it)`;
}
