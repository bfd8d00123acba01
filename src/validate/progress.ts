/**
 * Terminal progress for `rpe validate`.
 *
 * Owns: turning run progress events into one cli-progress bar per run on
 * stderr (a TTY), or, when stderr is not a terminal, one plain line per phase
 * change. stdout stays free for the table or the JSON.
 */
import cliProgress from 'cli-progress';
import type { ProgressListener } from './experiment.js';
import type { RunPhase } from './run.js';

export interface ProgressView {
  readonly listener: ProgressListener;
  stop(): void;
}

export function createProgress(enabled: boolean, stream: NodeJS.WriteStream = process.stderr): ProgressView {
  if (!enabled) return { listener: () => {}, stop: () => {} };
  if (!stream.isTTY) {
    const last = new Map<number, RunPhase>();
    return {
      listener: (index, label, p) => {
        if (last.get(index) === p.phase) return;
        last.set(index, p.phase);
        stream.write(`[${index + 1}] ${label}: ${p.phase}${p.loss !== undefined ? ` (loss ${p.loss.toFixed(3)})` : ''}\n`);
      },
      stop: () => {},
    };
  }
  const multi = new cliProgress.MultiBar({
    stream,
    format: ' {label} |{bar}| {percentage}% {phase} {value}/{total} {info}',
    barCompleteChar: '█', barIncompleteChar: '░', hideCursor: true, clearOnComplete: false, autopadding: true,
  }, cliProgress.Presets.shades_classic);
  const bars = new Map<number, cliProgress.SingleBar>();
  return {
    listener: (index, label, p) => {
      let bar = bars.get(index);
      const payload = { label: label.slice(0, 22).padEnd(22), phase: p.phase.padEnd(6), info: p.loss !== undefined ? `loss ${p.loss.toFixed(3)}` : '' };
      if (!bar) { bar = multi.create(p.total, p.done, payload); bars.set(index, bar); }
      bar.setTotal(p.total);
      bar.update(p.done, payload);
    },
    stop: () => multi.stop(),
  };
}
