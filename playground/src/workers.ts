/**
 * The page's side of the two workers. Requests carry increasing ids. Answers to
 * requests older than the user's last change are dropped; a follow-up request
 * the page sends on its own (to give new parameters their values) does not drop
 * the classification of the request it follows, which is the same. A decide
 * worker stuck on an older request (a pathological input) is terminated and
 * started afresh, and the proof worker is stopped at every change, so the newest
 * input never waits behind stale work.
 *
 * Owns: worker life cycles and request ids.
 */
import type { DecideRequest, DecideResponse, DownloadFormat, Inputs, ProofRequest, ProofResponse } from './protocol.js';

/** A decide worker busy this long with an older request is restarted rather than waited for (well above its start-up time). */
const DECIDE_PATIENCE_MS = 2500;

export class DecideClient {
  private worker: Worker;
  private nextId = 0;
  /** the id of the request of the user's last change: answers to older ones are dropped */
  private acceptFrom = 0;
  private busy: { id: number; since: number } | null = null;
  /** a worker still starting up is never restarted: a new one would only start again */
  private ready = false;

  constructor(private readonly onAnswer: (r: DecideResponse) => void) {
    this.worker = this.spawn();
  }

  private spawn(): Worker {
    const w = new Worker(new URL('./decide.worker.ts', import.meta.url), { type: 'module', name: 'rpe-decide' });
    this.ready = false;
    w.onmessage = (e: MessageEvent<DecideResponse>) => {
      if (e.data.type === 'ready') { this.ready = true; if (this.busy) this.busy = { ...this.busy, since: performance.now() }; }
      if (e.data.type === 'done' && this.busy?.id === e.data.id) this.busy = null;
      if (e.data.type === 'ready' || e.data.id >= this.acceptFrom) this.onAnswer(e.data);
    };
    return w;
  }

  /** Send the inputs; returns the request id. A follow-up keeps the answers of the request it follows. */
  analyze(inputs: Inputs, followUp = false): number {
    const id = ++this.nextId;
    if (!followUp) this.acceptFrom = id;
    if (this.ready && this.busy !== null && performance.now() - this.busy.since > DECIDE_PATIENCE_MS) {
      this.worker.terminate();
      this.worker = this.spawn();
    }
    this.busy = { id, since: performance.now() };
    this.worker.postMessage({ type: 'analyze', id, inputs } satisfies DecideRequest);
    return id;
  }

  /** Nothing to analyse: answers to earlier requests are dropped, and the worker stops the one in progress. */
  cancel(): void {
    const id = ++this.nextId;
    this.acceptFrom = id;
    this.busy = null;
    this.worker.postMessage({ type: 'cancel', id } satisfies DecideRequest);
  }

  get latest(): number { return this.nextId; }
  /** the request of the user's last change */
  get userRequest(): number { return this.acceptFrom; }
}

export class ProofClient {
  private worker: Worker | null = null;
  private nextId = 0;
  /** downloads count down from −1, so their ids never meet a proof's */
  private downloadSeq = 0;
  private busy = false;
  private downloads = new Map<number, { resolve: (text: string) => void; reject: (e: Error) => void }>();

  constructor(private readonly onProof: (r: Extract<ProofResponse, { type: 'proof' }>) => void) {}

  private ensure(): Worker {
    if (this.worker !== null) return this.worker;
    const w = new Worker(new URL('./proof.worker.ts', import.meta.url), { type: 'module', name: 'rpe-proof' });
    w.onmessage = (e: MessageEvent<ProofResponse>) => {
      const r = e.data;
      if (r.type === 'proof') {
        if (r.id === this.nextId) { this.busy = false; this.onProof(r); }
        return;
      }
      const pending = this.downloads.get(r.id);
      this.downloads.delete(r.id);
      if (r.text !== null) pending?.resolve(r.text);
      else pending?.reject(new Error(r.error ?? 'the download failed'));
    };
    this.worker = w;
    return w;
  }

  /** Stop writing a proof that the inputs have outdated, so that it takes no CPU from the next verdict. */
  cancel(): void {
    if (!this.busy || this.worker === null) return;
    this.worker.terminate();
    this.worker = null;
    this.busy = false;
    for (const d of this.downloads.values()) d.reject(new Error('the inputs changed'));
    this.downloads.clear();
  }

  /** Build the proof for these inputs; an older proof still being written is abandoned. */
  prove(inputs: Inputs): void {
    this.cancel();
    const id = ++this.nextId;
    this.busy = true;
    this.ensure().postMessage({ type: 'proof', id, inputs } satisfies ProofRequest);
  }

  download(inputs: Inputs, format: DownloadFormat): Promise<string> {
    const id = -(++this.downloadSeq);
    return new Promise((resolve, reject) => {
      this.downloads.set(id, { resolve, reject });
      this.ensure().postMessage({ type: 'download', id, inputs, format } satisfies ProofRequest);
    });
  }
}
