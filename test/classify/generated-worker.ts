/** Worker thread of generated-check.ts: checks the cases in workerData, posts the outcomes back. */
import { parentPort, workerData } from 'node:worker_threads';
import type { GenCase } from './exp-log-generator.js';
import { checkCase } from './generated-check.js';

if (!parentPort) throw new Error('generated-worker.ts runs as a worker thread');
parentPort.postMessage((workerData as GenCase[]).map(checkCase));
