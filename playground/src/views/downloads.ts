/**
 * The download buttons: the proof of the current inputs as Markdown, LaTeX or a
 * self-contained HTML page, rendered by the report's own renderers in the proof
 * worker and saved through a blob URL.
 *
 * Owns: the buttons and the saving.
 */
import type { DownloadFormat } from '../protocol.js';
import { byId } from './dom.js';

const TYPES: Record<DownloadFormat, string> = { md: 'text/markdown', tex: 'application/x-tex', html: 'text/html' };

function fileStem(formula: string): string {
  const s = formula.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  return `rpe-proof-${s || 'bias'}`;
}

export function wireDownloads(render: (format: DownloadFormat) => Promise<{ text: string; formula: string }>): void {
  const status = byId('download-status');
  for (const format of ['md', 'tex', 'html'] as const) {
    const button = byId<HTMLButtonElement>(`download-${format}`);
    button.addEventListener('click', async () => {
      button.disabled = true;
      status.textContent = `Preparing the ${format === 'md' ? 'Markdown' : format === 'tex' ? 'LaTeX' : 'HTML'} file…`;
      try {
        const { text, formula } = await render(format);
        const url = URL.createObjectURL(new Blob([text], { type: `${TYPES[format]};charset=utf-8` }));
        const a = document.createElement('a');
        a.href = url;
        a.download = `${fileStem(formula)}.${format}`;
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
        status.textContent = `Saved ${a.download}.`;
      } catch (err) {
        status.textContent = `Cannot download: ${err instanceof Error ? err.message : String(err)}`;
      } finally {
        button.disabled = false;
      }
    });
  }
}
