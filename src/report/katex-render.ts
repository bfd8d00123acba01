/**
 * KaTeX without the file system: math to HTML with the npm package, and the
 * stylesheet made self-contained for an offline page. The @font-face rules of
 * the font families the page uses keep only their woff2 file, inlined as a
 * data: URI; the rules of unused faces are dropped (a page needs a few of the
 * twenty font files). Where the stylesheet and the fonts come from is the caller's
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

/** The class lists of the page's elements ("delimsizing size3 mult"), each once. */
function classListsIn(html: string): string[][] {
  return [...new Set([...html.matchAll(/class="([^"]*)"/g)].map((m) => m[1]!.trim()))].map((c) => c.split(/\s+/).filter(Boolean));
}

/**
 * Whether a selector can match the page: each compound of it (".delimsizing.size3")
 * names classes that one element has together, so that a sizing class elsewhere
 * (".size3" on a superscript) does not pull in a font no delimiter uses.
 */
function selectorApplies(selector: string, lists: readonly (readonly string[])[]): boolean {
  const compounds = selector.split(/[\s>+~]+/).map((c) => [...c.matchAll(/\.([\w-]+)/g)].map((x) => x[1]!)).filter((cs) => cs.length > 0);
  if (compounds.length === 0) return false;
  return compounds.every((cs) => cs.every((c) => c === 'katex') || lists.some((l) => cs.every((c) => l.includes(c))));
}

/** A font face: "KaTeX_Main/700/normal". */
const faceKey = (family: string, weight: string, style: string): string => `${family}/${weight === 'bold' ? '700' : weight}/${style}`;

/**
 * The faces the page needs: KaTeX_Main regular (the .katex default) and, for
 * every rule of katex.min.css whose selector matches classes of the page, the
 * face it selects (its family, else Main; its weight, else 400; its style, else
 * italic for KaTeX_Math and normal otherwise). A face is a file of 5–35 kB, so
 * the bold and italic ones are inlined only when the page uses \mathbf, \textit, ….
 */
function usedFaces(css: string, lists: readonly (readonly string[])[]): Set<string> {
  const used = new Set<string>([faceKey('KaTeX_Main', '400', 'normal')]);
  for (const m of css.matchAll(/([^{}@]+)\{([^{}]*(?:font-family|font-weight|font-style)[^{}]*)\}/g)) {
    const selectors = m[1]!.split(',');
    const decl = m[2]!;
    if (!selectors.some((sel) => selectorApplies(sel.replace(/^\.katex\s+/, ''), lists))) continue;
    const families = [...decl.matchAll(/font-family:"?(KaTeX_\w+)/g)].map((x) => x[1]!);
    const weight = /font-weight:(\w+)/.exec(decl)?.[1] ?? '400';
    const style = /font-style:(\w+)/.exec(decl)?.[1];
    for (const f of families.length ? families : ['KaTeX_Main']) used.add(faceKey(f, weight, style ?? (f === 'KaTeX_Math' ? 'italic' : 'normal')));
  }
  return used;
}

/** Reads one KaTeX font, by its path in katex.min.css ("fonts/KaTeX_Main-Regular.woff2"), as base64. */
export type FontReader = (file: string) => string | Promise<string>;

/** `css` (katex.min.css) with the fonts `renderedHtml` uses inlined (woff2 only) and the rest dropped. */
export async function inlineKatexFonts(css: string, renderedHtml: string, readFont: FontReader): Promise<string> {
  const used = usedFaces(css, classListsIn(renderedHtml));
  const rules = [...css.matchAll(/@font-face\{[^}]*\}/g)].map((m) => m[0]);
  const inlined = new Map<string, string>();
  for (const rule of rules) {
    const family = /font-family:"?(KaTeX_\w+)/.exec(rule)?.[1];
    const face = family && faceKey(family, /font-weight:(\w+)/.exec(rule)?.[1] ?? '400', /font-style:(\w+)/.exec(rule)?.[1] ?? 'normal');
    const woff2 = /url\((fonts\/[^)]+\.woff2)\)/.exec(rule)?.[1];
    if (!face || !woff2 || !used.has(face)) continue;
    const data = await readFont(woff2);
    inlined.set(rule, rule.replace(/src:[^;}]*/, `src:url(data:font/woff2;base64,${data}) format("woff2")`));
  }
  return css.replace(/@font-face\{[^}]*\}/g, (rule) => inlined.get(rule) ?? '');
}
