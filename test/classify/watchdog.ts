/**
 * classify() in a worker thread with a time limit: an input that hangs is stopped
 * (the worker is terminated and a fresh one started) and reported as a timeout,
 * so a hanging case fails its test instead of hanging the test run.
 */
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { Classification, ClassifyOptions } from '../../src/types.js';

export type Watched =
  | { readonly kind: 'result'; readonly result: Classification; readonly ms: number }
  | { readonly kind: 'error'; readonly name: string; readonly message: string; readonly input: boolean; readonly errorKind?: string; readonly ms: number }
  | { readonly kind: 'timeout'; readonly ms: number };

const WORKER = new URL('./classify-worker.ts', import.meta.url).href;

type Reply = { id: number; result?: Classification; error?: { name: string; message: string; input: boolean; kind?: string } };

export class WatchedClassifier {
  private worker: Worker | null = null;
  private next = 0;
  /** rejects the call in flight when the worker itself fails */
  private onError: (e: Error) => void = () => {};

  private start(): Worker {
    // tsx is registered inside the worker, so it can import TypeScript
    const src = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(WORKER)}); })`;
    const w = new Worker(src, { eval: true });
    w.unref();
    w.on('error', (e) => this.onError(e));
    return w;
  }

  /** Classify with a limit of `ms` milliseconds (the limit includes the first worker's start-up). */
  run(expr: string, options: ClassifyOptions, ms: number): Promise<Watched> {
    const w = (this.worker ??= this.start());
    const id = this.next++;
    const t0 = performance.now();
    return new Promise<Watched>((resolve, reject) => {
      const timer = setTimeout(() => {
        w.off('message', onMessage);
        void w.terminate();
        this.worker = null;
        resolve({ kind: 'timeout', ms: performance.now() - t0 });
      }, ms);
      const onMessage = (r: Reply): void => {
        if (r.id !== id) return;
        clearTimeout(timer);
        w.off('message', onMessage);
        const took = performance.now() - t0;
        if (r.result) resolve({ kind: 'result', result: r.result, ms: took });
        else if (r.error) resolve({ kind: 'error', name: r.error.name, message: r.error.message, input: r.error.input, ...(r.error.kind ? { errorKind: r.error.kind } : {}), ms: took });
        else reject(new Error('classify-worker: empty reply'));
      };
      w.on('message', onMessage);
      this.onError = (e) => { clearTimeout(timer); w.off('message', onMessage); this.worker = null; reject(e); };
      w.postMessage({ id, expr, options });
    });
  }

  async close(): Promise<void> {
    if (this.worker) await this.worker.terminate();
    this.worker = null;
  }
}
