/**
 * In-process baseline for the Python client's bench (python/bench_client.py): classify
 * every line of FILE with `classify()` in this process and print {"n", "ms"} (the
 * classify calls only, after one warm-up call that loads the modules).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { classify } from '../src/classify.js';

const lines = readFileSync(process.argv[2]!, 'utf8').split('\n').filter((l) => l.trim() !== '');
classify('-n');
const t0 = performance.now();
for (const line of lines) classify(line);
process.stdout.write(`${JSON.stringify({ n: lines.length, ms: performance.now() - t0 })}\n`);
