/**
 * KaTeX server-side: math to HTML with the npm package, and its stylesheet made
 * self-contained for an offline page: the @font-face rules of the font families
 * the page uses keep only their woff2 file, inlined as a data: URI; the rules of
 * unused families are dropped (a page needs a few of the twenty fonts).
 *
 * Owns: rendering calls, the error count, and the CSS inlining.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import katex from 'katex';

const KATEX_DIST = dirname(createRequire(import.meta.url).resolve('katex'));

export class MathRenderer {
  /** LaTeX sources KaTeX could not render (each is shown as a KaTeX error in the page) */
  readonly errors: string[] = [];
  render(tex: string, display: boolean): string {
    try {
      return katex.renderToString(tex, { displayMode: display, throwOnError: true, output: 'html', strict: 'ignore', trust: false });
    } catch (e) {
      this.errors.push(`${tex}: ${e instanceof Error ? e.message : String(e)}`);
      return katex.renderToString(tex, { displayMode: display, throwOnError: false, output: 'html', strict: 'ignore' });
    }
  }
}

function classesIn(html: string): Set<string> {
  const out = new Set<string>();
  for (const m of html.matchAll(/class="([^"]*)"/g)) for (const c of m[1]!.split(/\s+/)) if (c) out.add(c);
  return out;
}

/** Families a rule applies to the page: every class of some selector alternative occurs. */
function usedFamilies(css: string, classes: ReadonlySet<string>): Set<string> {
  const used = new Set<string>(['KaTeX_Main', 'KaTeX_Math', 'KaTeX_Size1', 'KaTeX_Size2']);
  for (const m of css.matchAll(/([^{}@]+)\{([^{}]*KaTeX_[^{}]*)\}/g)) {
    const selectors = m[1]!.split(',');
    const families = [...m[2]!.matchAll(/KaTeX_\w+/g)].map((x) => x[0]);
    const applies = selectors.some((sel) => {
      const cls = [...sel.matchAll(/\.([\w-]+)/g)].map((x) => x[1]!);
      return cls.length > 0 && cls.every((c) => classes.has(c));
    });
    if (applies) for (const f of families) used.add(f);
  }
  return used;
}

/** katex.min.css with the used fonts inlined (woff2 only) and the rest dropped. */
export function inlineKatexCss(renderedHtml: string): string {
  const css = readFileSync(join(KATEX_DIST, 'katex.min.css'), 'utf8');
  const used = usedFamilies(css, classesIn(renderedHtml));
  return css.replace(/@font-face\{[^}]*\}/g, (rule) => {
    const family = /font-family:(KaTeX_\w+)/.exec(rule)?.[1];
    const woff2 = /url\((fonts\/[^)]+\.woff2)\)/.exec(rule)?.[1];
    if (!family || !woff2 || !used.has(family)) return '';
    const data = readFileSync(join(KATEX_DIST, woff2)).toString('base64');
    return rule.replace(/src:[^;}]*/, `src:url(data:font/woff2;base64,${data}) format("woff2")`);
  });
}
