/** Worker thread of watchdog.ts: classifies each message { id, expr, options } and posts the result or the error back. */
import { parentPort } from 'node:worker_threads';
import { classify } from '../../src/classify.js';
import { InputError } from '../../src/parse/errors.js';
import type { ClassifyOptions } from '../../src/types.js';

if (!parentPort) throw new Error('classify-worker.ts runs as a worker thread');
const port = parentPort;
port.on('message', (m: { id: number; expr: string; options: ClassifyOptions }) => {
  try {
    port.postMessage({ id: m.id, result: classify(m.expr, m.options) });
  } catch (e) {
    port.postMessage({ id: m.id, error: { name: e instanceof Error ? e.name : 'Error', message: e instanceof Error ? e.message : String(e), input: e instanceof InputError, kind: e instanceof InputError ? e.kind : undefined } });
  }
});
