/** The package's version, from its package.json (read, not bundled, so it is the installed one). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findProjectRoot } from '../rules/paths.js';

export function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(findProjectRoot(), 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** `rpe --version` alone: answered before commander or any command loads. */
export const isBareVersionRequest = (args: readonly string[]): boolean =>
  args.length === 1 && (args[0] === '--version' || args[0] === '-V');
