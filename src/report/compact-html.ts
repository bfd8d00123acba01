/**
 * Makes a self-contained page smaller without changing how it renders. KaTeX's
 * HTML output spends most of its bytes on long class names ("katex-sizing
 * reset-size6 size3 mtight") and on the same inline styles repeated thousands of
 * times ("margin-right:0.2778em;"). This pass renames every class that the
 * page's stylesheets use to a short one, in the stylesheets and in the markup
 * alike, and turns each inline style that occurs at least twice into a class
 * whose declarations are !important (an inline style wins over every
 * non-important rule; !important keeps that precedence).
 *
 * Owns: this rewriting. It reads only markup the report wrote itself (KaTeX's
 * output, vega's SVG, our own tags): double-quoted attributes, no comments.
 */

const TAG = /<([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"]*")*)(\s*\/?)>/g;
const ATTR = /\s+([\w:-]+)="([^"]*)"/g;

/** class names that occur in the selectors of `css` */
function selectorClasses(css: string): Set<string> {
  const out = new Set<string>();
  for (const m of css.matchAll(/([^{}]+)\{/g)) for (const c of m[1]!.matchAll(/\.(-?[A-Za-z_][\w-]*)/g)) out.add(c[1]!);
  return out;
}

function classesOf(body: string): Set<string> {
  const out = new Set<string>();
  for (const m of body.matchAll(/\sclass="([^"]*)"/g)) for (const c of m[1]!.split(/\s+/)) if (c) out.add(c);
  return out;
}

/**
 * The stylesheet without the rules that match nothing on the page: a rule stays
 * when one of its selectors names only classes the page has (or none at all).
 * At-rules (@font-face) stay; katex-render.ts already dropped the unused fonts.
 */
function pruneRules(css: string, classes: ReadonlySet<string>): string {
  return css.replace(/(?<=^|\})([^{}@]+)\{[^{}]*\}/g, (rule, sel: string) => {
    const applies = sel.split(',').some((alt) => [...alt.matchAll(/\.(-?[A-Za-z_][\w-]*)/g)].every((c) => classes.has(c[1]!)));
    return applies ? rule : '';
  });
}

function renameSelectors(css: string, names: ReadonlyMap<string, string>): string {
  return css.replace(/([^{}]+)\{/g, (_m, sel: string) => `${sel.replace(/\.(-?[A-Za-z_][\w-]*)/g, (d, c: string) => (names.has(c) ? `.${names.get(c)}` : d))}{`);
}

const short = (prefix: string, i: number): string => `${prefix}${i.toString(36)}`;

export interface CompactPage {
  readonly body: string;
  /** the stylesheets, in order, rewritten; the last one is the generated style classes */
  readonly css: readonly string[];
}

/** classes a reader, a test or another stylesheet names: they keep their names */
const KEEP = new Set(['katex', 'katex-display', 'katex-error']);
/**
 * KaTeX's atom classes (ordinary, relation, binary, …, tight): KaTeX writes them
 * on every symbol for its own layout decisions, already made; a stylesheet that
 * does not select them (katex.min.css does not) needs none of them.
 */
const ATOMS = new Set(['mord', 'mrel', 'mbin', 'mop', 'mopen', 'mclose', 'mpunct', 'minner', 'mtight']);

/**
 * The same page with short class names and shared inline styles. `css` are the
 * page's stylesheets; the classes renamed are those of the first one (KaTeX's),
 * less a few that name what an element is (`katex`, `katex-display`, …).
 */
export function compactPage(body: string, css: readonly string[]): CompactPage {
  css = [pruneRules(css[0] ?? '', classesOf(body)), ...css.slice(1)];
  const selected = new Set(css.flatMap((s) => [...selectorClasses(s)]));
  const drop = new Set([...ATOMS].filter((c) => !selected.has(c)));
  const used = new Set([...selectorClasses(css[0] ?? '')].filter((c) => !KEEP.has(c)));
  const counts = new Map<string, number>();
  for (const m of body.matchAll(TAG)) {
    for (const a of m[2]!.matchAll(ATTR)) {
      if (a[1] === 'class') for (const c of a[2]!.split(/\s+/)) if (used.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
      if (a[1] === 'style' && !a[2]!.includes('&')) counts.set(`style:${a[2]}`, (counts.get(`style:${a[2]}`) ?? 0) + 1);
    }
  }
  // the most frequent get the shortest names; names start with a letter no class of ours uses that way
  const classNames = new Map<string, string>();
  const styleNames = new Map<string, string>();
  [...counts].filter(([k, n]) => !k.startsWith('style:') || n >= 2).sort((a, b) => b[1] - a[1]).forEach(([k], i) => {
    if (k.startsWith('style:')) styleNames.set(k.slice(6), short('z', i));
    else classNames.set(k, short('z', i));
  });
  const out = body.replace(TAG, (whole, name: string, attrs: string, end: string) => {
    if (!attrs) return whole;
    const list: [string, string][] = [...attrs.matchAll(ATTR)].map((a) => [a[1]!, a[2]!]);
    let classes = list.find(([k]) => k === 'class')?.[1].split(/\s+/).filter((c) => c && !drop.has(c)).map((c) => classNames.get(c) ?? c) ?? null;
    const style = list.find(([k]) => k === 'style')?.[1];
    const styleClass = style === undefined ? undefined : styleNames.get(style);
    if (styleClass) classes = [...(classes ?? []), styleClass];
    const rest = list.filter(([k]) => k !== 'class' && !(k === 'style' && styleClass));
    const attrText = [...(classes?.length ? [`class="${classes.join(' ')}"`] : []), ...rest.map(([k, v]) => `${k}="${v}"`)].join(' ');
    return attrText ? `<${name} ${attrText}${end}>` : `<${name}${end}>`;
  });
  const important = (decl: string): string => decl.split(';').map((d) => d.trim()).filter(Boolean).map((d) => `${d}!important`).join(';');
  const generated = [...styleNames].map(([decl, cls]) => `.${cls}{${important(decl)}}`).join('');
  return { body: out, css: [...css.map((s) => renameSelectors(s, classNames)), generated] };
}
