/**
 * Project paths: finds the package root (the folder holding package.json and rules/)
 * from a module's location, so the same code works from src/ (tsx) and dist/src/ (built).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Walk up from `start` until a folder with package.json and rules/ is found. */
export function findProjectRoot(start: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'rules'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the rpe-convergence package root above ${start}`);
    dir = parent;
  }
}

/** Absolute path of a file under rules/. */
export function rulesPath(file: string): string {
  return join(findProjectRoot(), 'rules', file);
}
