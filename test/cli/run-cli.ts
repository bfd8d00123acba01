/**
 * Test helper: runs the `rpe` CLI with a timeout. It runs the bundle (dist/lib/cli.js, what
 * users run) when that is newer than every source file — `npm test` bundles first — and the
 * sources through tsx otherwise, so a test never runs stale code; the bundle starts in a
 * fraction of tsx's time, which the CLI suites spend hundreds of times.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SOURCE_MAIN = join(ROOT, 'src', 'cli', 'main.ts');
const BUNDLE_MAIN = join(ROOT, 'dist', 'lib', 'cli.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** node's arguments that start the CLI: the bundle when it is fresh, else the sources. */
export const CLI_ARGS: readonly string[] = existsSync(BUNDLE_MAIN)
  && statSync(BUNDLE_MAIN).mtimeMs >= Math.max(newestMtime(join(ROOT, 'src')), newestMtime(join(ROOT, 'rules')), statSync(join(ROOT, 'package.json')).mtimeMs)
  ? [BUNDLE_MAIN]
  : ['--import', 'tsx', SOURCE_MAIN];

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function rpe(args: readonly string[], input?: string, env: NodeJS.ProcessEnv = {}): CliRun {
  const r = spawnSync(process.execPath, [...CLI_ARGS, ...args], {
    cwd: ROOT,
    input: input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, RPE_DEBUG: '', ...env },
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
