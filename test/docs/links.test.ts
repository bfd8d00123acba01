/**
 * The documentation's relative links resolve: every link and image in README.md
 * and docs/*.md that is not a URL points at a file or folder of the repository,
 * and an #anchor into a Markdown file (or into the page itself) names one of its
 * headings, slugged as GitHub does. README.md stays an overview (at most 260
 * lines); the reference lives in docs/.
 *
 * Self-contained on purpose (no import from src/): folders under src/ move, the
 * docs check must not move with them.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const README_MAX_LINES = 260;

interface Link {
  readonly line: number;
  readonly target: string;
}

/** The text with fenced code blocks blanked out (line numbers kept) and inline code spans removed. */
function proseLines(markdown: string): string[] {
  const lines = markdown.split('\n');
  let fence: string | null = null;
  return lines.map((line) => {
    const m = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fence !== null) {
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && line.trim() === m[1]) fence = null;
      return '';
    }
    if (m) {
      fence = m[1]!;
      return '';
    }
    return line.replace(/(`+)[\s\S]*?\1/g, '');
  });
}

/** Inline links and images `[t](dest "title")`, reference definitions `[t]: dest`, and `<img src>` / `<a href>`. */
function extractLinks(markdown: string): Link[] {
  const links: Link[] = [];
  proseLines(markdown).forEach((text, i) => {
    const line = i + 1;
    for (const m of text.matchAll(/!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*(<[^>]*>|[^\s)]+)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g)) {
      links.push({ line, target: m[1]!.replace(/^<|>$/g, '') });
    }
    const def = /^\s{0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)/.exec(text);
    if (def) links.push({ line, target: def[1]!.replace(/^<|>$/g, '') });
    for (const m of text.matchAll(/<(?:img|a|source)\b[^>]*?\s(?:src|href)\s*=\s*["']([^"']+)["']/gi)) {
      links.push({ line, target: m[1]! });
    }
  });
  return links;
}

/** The rendered text of a heading: inline code unwrapped, links and images to their text, emphasis and tags dropped. */
function headingText(raw: string): string {
  return raw
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*\*|__|\*|~~)/g, '')
    .trim();
}

/** GitHub's heading anchor (github-slugger): lower case, punctuation dropped, spaces to hyphens. */
function githubSlug(text: string): string {
  return headingText(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** Every anchor a Markdown file defines: its headings (duplicates numbered -1, -2, … as GitHub does) and explicit ids. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const add = (slug: string): void => {
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
  };
  const lines = markdown.split('\n');
  let fence: string | null = null;
  lines.forEach((line, i) => {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fence !== null) {
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length && line.trim() === f[1]) fence = null;
      return;
    }
    if (f) {
      fence = f[1]!;
      return;
    }
    const atx = /^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    if (atx) add(githubSlug(atx[1]!));
    const next = lines[i + 1];
    if (!atx && next !== undefined && /^\s{0,3}(=+|-+)\s*$/.test(next) && line.trim() !== '' && !/^\s{0,3}([-*+]\s|\d+[.)]\s|>|\|)/.test(line)) {
      add(githubSlug(line));
    }
    for (const m of line.matchAll(/<[a-z]+\b[^>]*?\s(?:id|name)\s*=\s*["']([^"']+)["']/gi)) anchors.add(m[1]!);
  });
  return anchors;
}

/** The problems of one Markdown file's relative links, as `file:line: target: reason`. */
function brokenLinks(file: string, root: string): string[] {
  const markdown = readFileSync(file, 'utf8');
  const shown = relative(root, file);
  const problems: string[] = [];
  for (const { line, target } of extractLinks(markdown)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) continue; // a URL, mailto:, data:, …
    const hash = target.indexOf('#');
    const rawPath = hash < 0 ? target : target.slice(0, hash);
    const anchor = hash < 0 ? null : target.slice(hash + 1);
    let path: string;
    try {
      path = decodeURIComponent(rawPath);
    } catch {
      problems.push(`${shown}:${line}: ${target}: not a valid URI path`);
      continue;
    }
    const resolved = path === '' ? file : path.startsWith('/') ? join(root, path) : resolve(dirname(file), path);
    if (resolved !== root && !resolved.startsWith(root + sep)) {
      problems.push(`${shown}:${line}: ${target}: points outside the repository`);
      continue;
    }
    if (!existsSync(resolved)) {
      problems.push(`${shown}:${line}: ${target}: no such file ${relative(root, resolved)}`);
      continue;
    }
    if (anchor !== null && anchor !== '' && /\.md$/i.test(resolved)) {
      const anchors = anchorsOf(readFileSync(resolved, 'utf8'));
      let wanted = anchor;
      try {
        wanted = decodeURIComponent(anchor);
      } catch {
        /* keep it raw */
      }
      if (!anchors.has(wanted.toLowerCase()) && !anchors.has(wanted)) {
        problems.push(`${shown}:${line}: ${target}: no heading #${anchor} in ${relative(root, resolved)}`);
      }
    }
  }
  return problems;
}

/** README.md and every docs/*.md of a repository root. */
function docFiles(root: string): string[] {
  const docs = join(root, 'docs');
  const inDocs = existsSync(docs)
    ? readdirSync(docs)
        .filter((n) => n.toLowerCase().endsWith('.md'))
        .sort()
        .map((n) => join(docs, n))
    : [];
  return [join(root, 'README.md'), ...inDocs];
}

function lineCount(text: string): number {
  return text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
}

test('every relative link and image in README.md and docs/*.md resolves (file, and heading for #anchors)', () => {
  const files = docFiles(ROOT);
  assert.ok(files.length > 1, 'docs/ has Markdown files');
  const problems = files.flatMap((f) => brokenLinks(f, ROOT));
  assert.deepEqual(problems, [], `broken links:\n${problems.join('\n')}`);
});

test(`README.md is an overview: at most ${README_MAX_LINES} lines, and its links reach docs/`, () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const n = lineCount(readme);
  assert.ok(n <= README_MAX_LINES, `README.md has ${n} lines (at most ${README_MAX_LINES}); move reference text to docs/`);
  assert.ok(readme.includes('npm start') && readme.includes('npm test'), 'README.md keeps the two quick-start commands');
  assert.ok(extractLinks(readme).some((l) => l.target.startsWith('docs/') && l.target.endsWith('.md')), 'README.md links into docs/');
});

test('GitHub-style slugs', () => {
  assert.equal(githubSlug('Speed (`npm run bench:validator`)'), 'speed-npm-run-benchvalidator');
  assert.equal(githubSlug('Outputs (`--out DIR`, default `validate-out`)'), 'outputs---out-dir-default-validate-out');
  assert.equal(githubSlug('Empirical validation: `rpe validate`'), 'empirical-validation-rpe-validate');
  assert.equal(githubSlug('The catalog\'s proofs (`proofs/`)'), 'the-catalogs-proofs-proofs');
  assert.equal(githubSlug('Theoretical Receptive Field (TRF)'), 'theoretical-receptive-field-trf');
  assert.equal(githubSlug('Ω, Γ and **ζ** [links](x.md)'), 'ω-γ-and-ζ-links');
  assert.deepEqual([...anchorsOf('# A\n\n## A\n\n```\n# not a heading\n```\n\nB\n===\n')], ['a', 'a-1', 'b']);
});

test('the checker reports a broken file link and a broken anchor, and ignores code and URLs', () => {
  const root = mkdtempSync(join(tmpdir(), 'rpe-links-'));
  try {
    mkdirSync(join(root, 'docs'));
    writeFileSync(join(root, 'docs', 'a.md'), '# Alpha\n\n## Two words\n');
    writeFileSync(
      join(root, 'README.md'),
      [
        '# Demo',
        '[ok](docs/a.md) [ok anchor](docs/a.md#two-words) [self](#demo) [url](https://example.org/x.md)',
        '[missing](docs/missing.md)',
        '![missing image](docs/missing.png)',
        '[bad anchor](docs/a.md#three-words)',
        '`[in code](nowhere.md)`',
        '```',
        '[in a fence](nowhere.md)',
        '```',
        '',
      ].join('\n'),
    );
    const problems = docFiles(root).flatMap((f) => brokenLinks(f, root));
    assert.deepEqual(problems, [
      'README.md:3: docs/missing.md: no such file docs/missing.md',
      'README.md:4: docs/missing.png: no such file docs/missing.png',
      'README.md:5: docs/a.md#three-words: no heading #three-words in docs/a.md',
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
