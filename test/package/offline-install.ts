/**
 * Test helper: installs a packed tarball of this package into an empty folder with
 * `npm ci --offline`, from the npm cache only. npm needs a lockfile to install
 * offline, so one is written from the repository's own lockfile: the package's
 * production tree (every entry that is not dev-only) at the same versions and
 * integrities that `npm ci` put into the cache.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface LockEntry { readonly dev?: boolean; readonly devOptional?: boolean; readonly link?: boolean }

export function writeOfflineLock(repo: string, tarball: string, appDir: string): void {
  const lock = JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as Record<string, unknown>;
  const spec = `file:${tarball}`;
  const integrity = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
  const packages: Record<string, unknown> = {
    '': { name: 'app', dependencies: { 'rpe-convergence': spec } },
    'node_modules/rpe-convergence': {
      version: pkg.version, resolved: spec, integrity, license: pkg.license, bin: pkg.bin, engines: pkg.engines,
      dependencies: pkg.dependencies, peerDependencies: pkg.peerDependencies, peerDependenciesMeta: pkg.peerDependenciesMeta,
    },
  };
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (key !== '' && !entry.dev && !entry.devOptional && !entry.link) packages[key] = entry;
  }
  writeFileSync(join(appDir, 'package.json'), JSON.stringify({ name: 'app', private: true, dependencies: { 'rpe-convergence': spec } }, null, 2));
  writeFileSync(join(appDir, 'package-lock.json'), JSON.stringify({ name: 'app', lockfileVersion: 3, requires: true, packages }, null, 2));
}

export interface Run { readonly code: number | null; readonly stdout: string; readonly stderr: string }

export function run(cmd: string, args: readonly string[], cwd: string, timeout = 300_000): Run {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout, env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Bytes under a folder (apparent sizes, as `du -sb`). */
export function folderBytes(dir: string): number {
  const r = spawnSync('du', ['-sb', dir], { encoding: 'utf8' });
  return Number(r.stdout.split(/\s/)[0]);
}
