/**
 * Child-process entry for parallel runs.
 *
 * Owns: the worker side of the experiment runner's IPC protocol. wasm threads
 * do not start in Node, so the runner uses one process per core instead; each
 * worker selects its backend once, then runs the RPEs it is sent one by one.
 *   parent → worker: {type:'run', index, spec, config, corpusFile?, outDir?, backend}
 *                    {type:'exit'}
 *   worker → parent: {type:'backend', description}
 *                    {type:'progress', index, progress}
 *                    {type:'result', index, result (toJson text)} | {type:'error', index, message}
 */
import { selectBackend, type BackendRequest } from './backend.js';
import { loadCorpus, type Corpus } from './corpus.js';
import { runOne, type ExperimentConfig } from './run.js';
import type { RpeSpec } from './rpe.js';
import { toJson } from './json.js';

export interface RunMessage {
  readonly type: 'run';
  readonly index: number;
  readonly spec: RpeSpec;
  readonly config: ExperimentConfig;
  readonly corpusFile?: string;
  readonly outDir?: string;
  readonly backend: BackendRequest;
}

const corpora = new Map<string, Corpus>();

function send(msg: unknown): void {
  process.send?.(msg);
}

async function handle(msg: RunMessage): Promise<void> {
  try {
    const info = await selectBackend(msg.backend);
    send({ type: 'backend', description: info.description });
    const key = msg.corpusFile ?? '';
    let corpus = corpora.get(key);
    if (!corpus) { corpus = loadCorpus(msg.corpusFile); corpora.set(key, corpus); }
    const result = await runOne(msg.spec, msg.config, corpus, msg.outDir,
      (progress) => send({ type: 'progress', index: msg.index, progress }));
    send({ type: 'result', index: msg.index, result: toJson(result, 0) });
  } catch (err) {
    send({ type: 'error', index: msg.index, message: err instanceof Error ? err.message : String(err) });
  }
}

let queue: Promise<void> = Promise.resolve();
process.on('message', (msg: { type: string }) => {
  if (msg.type === 'exit') { void queue.then(() => process.exit(0)); return; }
  if (msg.type === 'run') queue = queue.then(() => handle(msg as RunMessage));
});
process.on('disconnect', () => process.exit(0));
