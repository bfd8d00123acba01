/**
 * KaTeX without the file system: math to HTML with the npm package, and the
 * stylesheet made self-contained for an offline page. The @font-face rules of
 * the font families the page uses keep only their woff2 file, inlined as a
 * data: URI; the rules of unused families are dropped (a page needs a few of the
 * twenty fonts). Where the stylesheet and the fonts come from is the caller's
 * business: katex-assets.ts reads them from node_modules, the playground fetches
 * them from its own static folder.
 *
 * Owns: rendering calls, the error count, and the CSS inlining.
 */
import katex from 'katex';

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

/** Reads one KaTeX font, by its path in katex.min.css ("fonts/KaTeX_Main-Regular.woff2"), as base64. */
export type FontReader = (file: string) => string | Promise<string>;

/** `css` (katex.min.css) with the fonts `renderedHtml` uses inlined (woff2 only) and the rest dropped. */
export async function inlineKatexFonts(css: string, renderedHtml: string, readFont: FontReader): Promise<string> {
  const used = usedFamilies(css, classesIn(renderedHtml));
  const rules = [...css.matchAll(/@font-face\{[^}]*\}/g)].map((m) => m[0]);
  const inlined = new Map<string, string>();
  for (const rule of rules) {
    const family = /font-family:(KaTeX_\w+)/.exec(rule)?.[1];
    const woff2 = /url\((fonts\/[^)]+\.woff2)\)/.exec(rule)?.[1];
    if (!family || !woff2 || !used.has(family)) continue;
    const data = await readFont(woff2);
    inlined.set(rule, rule.replace(/src:[^;}]*/, `src:url(data:font/woff2;base64,${data}) format("woff2")`));
  }
  return css.replace(/@font-face\{[^}]*\}/g, (rule) => inlined.get(rule) ?? '');
}
