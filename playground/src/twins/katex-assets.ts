/**
 * Browser twin of src/report/katex-assets.ts: the KaTeX stylesheet is bundled
 * as text and the fonts are the playground's own static assets, fetched (from
 * the same folder, so offline) when an HTML report is downloaded.
 */
import katexCss from 'katex/dist/katex.min.css?raw';
import { inlineKatexFonts } from '../../../src/report/katex-render.js';

const FONT_URLS = import.meta.glob('../../../node_modules/katex/dist/fonts/*.woff2', { query: '?url', import: 'default', eager: true }) as Record<string, string>;

function base64(bytes: ArrayBuffer): string {
  const u8 = new Uint8Array(bytes);
  let s = '';
  for (let i = 0; i < u8.length; i += 0x8000) s += String.fromCharCode(...u8.subarray(i, i + 0x8000));
  return btoa(s);
}

async function readFont(file: string): Promise<string> {
  const name = file.replace(/^fonts\//, '');
  const url = Object.entries(FONT_URLS).find(([path]) => path.endsWith(`/${name}`))?.[1];
  if (url === undefined) throw new Error(`KaTeX font ${name} is not bundled`);
  const res = await fetch(new URL(url, import.meta.url));
  if (!res.ok) throw new Error(`cannot load the KaTeX font ${name}: HTTP ${res.status}`);
  return base64(await res.arrayBuffer());
}

export function inlineKatexCss(renderedHtml: string): Promise<string> {
  return inlineKatexFonts(katexCss, renderedHtml, readFont);
}
