/**
 * Backend selection for the validator.
 *
 * Owns: choosing and initialising the TensorFlow.js backend, once per process.
 * Order (auto): @tensorflow/tfjs-node-gpu, then @tensorflow/tfjs-node (native
 * libtensorflow; both optional and usually absent: their install script downloads
 * libtensorflow, so npm drops them when that fails), then
 * @tensorflow/tfjs-backend-wasm (SIMD, single thread: wasm threads do not start in
 * Node), then the pure-JS cpu backend. A missing native package (MODULE_NOT_FOUND
 * or a failing native load) falls through to the next one.
 */
import * as tf from '@tensorflow/tfjs';

export type BackendName = 'tensorflow-gpu' | 'tensorflow' | 'wasm' | 'cpu';
export type BackendRequest = 'auto' | 'node-gpu' | 'node' | 'wasm' | 'cpu';

export interface BackendInfo {
  /** what ran: tfjs-node-gpu, tfjs-node, wasm or cpu */
  readonly name: BackendName;
  /** human-readable, e.g. "wasm (SIMD, 1 thread)" */
  readonly description: string;
  /** why earlier candidates were skipped */
  readonly skipped: readonly string[];
}

let selected: BackendInfo | undefined;

/** Import a package that may be absent, without the type checker resolving it. */
async function importOptional(specifier: string): Promise<unknown> {
  return import(specifier);
}

function reason(err: unknown): string {
  const e = err as { code?: string; message?: string };
  if (e?.code === 'MODULE_NOT_FOUND' || e?.code === 'ERR_MODULE_NOT_FOUND') return 'not installed';
  return (e?.message ?? String(err)).split('\n')[0]!.slice(0, 160);
}

async function tryNative(pkg: string, backend: string): Promise<string | undefined> {
  try {
    await importOptional(pkg);
    if (!(await tf.setBackend(backend))) return 'backend did not initialise';
    await tf.ready();
    return undefined;
  } catch (err) {
    return reason(err);
  }
}

async function tryWasm(): Promise<string | undefined> {
  try {
    const wasm = (await import('@tensorflow/tfjs-backend-wasm')) as typeof import('@tensorflow/tfjs-backend-wasm');
    // Threads never start in Node (a worker-path error); keep the single-threaded SIMD build.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    void wasm;
    if (!(await tf.setBackend('wasm'))) return 'backend did not initialise';
    await tf.ready();
    return undefined;
  } catch (err) {
    return reason(err);
  }
}

/**
 * Select the backend. `auto` takes the first that works; an explicit request
 * fails loudly when that backend cannot start. Idempotent within a process.
 */
export async function selectBackend(request: BackendRequest = 'auto'): Promise<BackendInfo> {
  if (selected && (request === 'auto' || matches(selected.name, request))) return selected;
  const skipped: string[] = [];
  const order: BackendRequest[] = request === 'auto' ? ['node-gpu', 'node', 'wasm', 'cpu'] : [request];
  for (const cand of order) {
    let why: string | undefined;
    let name: BackendName;
    if (cand === 'node-gpu') { name = 'tensorflow-gpu'; why = await tryNative('@tensorflow/tfjs-node-gpu', 'tensorflow'); }
    else if (cand === 'node') { name = 'tensorflow'; why = await tryNative('@tensorflow/tfjs-node', 'tensorflow'); }
    else if (cand === 'wasm') { name = 'wasm'; why = await tryWasm(); }
    else {
      name = 'cpu';
      why = (await tf.setBackend('cpu')) ? undefined : 'backend did not initialise';
      await tf.ready();
    }
    if (why === undefined) {
      selected = { name, description: describe(name), skipped };
      return selected;
    }
    skipped.push(`${packageOf(cand)}: ${why}`);
  }
  throw new Error(`no TensorFlow.js backend could start: ${skipped.join('; ')}`);
}

function matches(name: BackendName, req: BackendRequest): boolean {
  return (req === 'node-gpu' && name === 'tensorflow-gpu') || (req === 'node' && name === 'tensorflow')
    || (req === 'wasm' && name === 'wasm') || (req === 'cpu' && name === 'cpu');
}

function packageOf(req: BackendRequest): string {
  switch (req) {
    case 'node-gpu': return '@tensorflow/tfjs-node-gpu';
    case 'node': return '@tensorflow/tfjs-node';
    case 'wasm': return '@tensorflow/tfjs-backend-wasm';
    default: return 'cpu';
  }
}

function describe(name: BackendName): string {
  switch (name) {
    case 'tensorflow-gpu': return 'tfjs-node-gpu (libtensorflow, CUDA)';
    case 'tensorflow': return 'tfjs-node (libtensorflow, CPU)';
    case 'wasm': {
      const simd = tf.env().getBool('WASM_HAS_SIMD_SUPPORT');
      return `wasm (${simd ? 'SIMD' : 'no SIMD'}, 1 thread)`;
    }
    default: return 'cpu (pure JavaScript)';
  }
}

/** The backend selected in this process, if any. */
export function currentBackend(): BackendInfo | undefined {
  return selected;
}
