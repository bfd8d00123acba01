/**
 * The KaTeX stylesheet and fonts from node_modules, for the HTML report written
 * in Node. The playground bundles a browser twin of this module
 * (playground/src/twins/katex-assets.ts) with the same exports.
 *
 * Owns: where the KaTeX files are read from.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inlineKatexFonts } from './katex-render.js';

const KATEX_DIST = dirname(createRequire(import.meta.url).resolve('katex'));

/** katex.min.css with the used fonts inlined (woff2 only) and the rest dropped. */
export function inlineKatexCss(renderedHtml: string): Promise<string> {
  const css = readFileSync(join(KATEX_DIST, 'katex.min.css'), 'utf8');
  return inlineKatexFonts(css, renderedHtml, (file) => readFileSync(join(KATEX_DIST, file)).toString('base64'));
}
