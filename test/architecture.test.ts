/**
 * The layer order of src/ (docs/architecture.md), checked on the import statements
 * of every src/**\/*.ts: static imports, re-exports and dynamic import().
 *
 *   parse → numeric → conditions → asymptotics → convergence → classify
 *     → {rules, trf} → {report, validate, plugin} → index → cli
 *
 * with src/types.ts (the output contract) importable from anywhere. A module may
 * import its own layer or an earlier one, never a later one; and no runtime import
 * cycle exists between modules (`import type` / `export type` are exempt from the
 * cycle check, not from the layer check).
 *
 * Run directly (`node --import tsx test/architecture.test.ts --print`) to list the
 * folder-to-folder edges.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');

/** Layers, earliest first; entries in one inner array share a rank. */
export const LAYERS: readonly (readonly string[])[] = [
  ['parse'],
  ['numeric'],
  ['conditions'],
  ['asymptotics'],
  ['convergence'],
  ['classify'],
  ['rules', 'trf'],
  ['report', 'validate', 'plugin'],
  ['index'],
  ['cli'],
];

/** Importable from every layer. */
const CONTRACT = new Set(['types']);

export interface Edge {
  readonly from: string;
  readonly to: string;
  readonly typeOnly: boolean;
  /** an `import()` expression: loaded when that code runs, not with the module */
  readonly dynamic?: boolean;
}

function listTs(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listTs(path));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out.sort();
}

/** The layer name of a src file: its top folder, or the file's base name at the top. */
export function unitOf(file: string): string {
  const rel = relative(SRC, file).split(sep);
  return rel.length === 1 ? rel[0]!.replace(/\.ts$/, '') : rel[0]!;
}

function rankOf(unit: string): number {
  return LAYERS.findIndex((layer) => layer.includes(unit));
}

function resolveSpecifier(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  for (const candidate of [base.replace(/\.js$/, '.ts'), base, `${base}.ts`, join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile() && candidate.endsWith('.ts')) return candidate;
    } catch {
      /* next */
    }
  }
  return null;
}

/** Every relative import of a file: static import/export declarations and import() calls. */
export function importsOf(file: string): Edge[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const edges: Edge[] = [];
  const add = (spec: string, typeOnly: boolean, dynamic = false): void => {
    const to = resolveSpecifier(file, spec);
    if (to === null) {
      if (spec.startsWith('.')) throw new Error(`${relative(ROOT, file)}: cannot resolve ${spec}`);
      return;
    }
    edges.push({ from: file, to, typeOnly, dynamic });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      let typeOnly = clause?.isTypeOnly ?? false;
      if (!typeOnly && clause && clause.name === undefined && clause.namedBindings && ts.isNamedImports(clause.namedBindings)) {
        const elements = clause.namedBindings.elements;
        typeOnly = elements.length > 0 && elements.every((e) => e.isTypeOnly);
      }
      add(node.moduleSpecifier.text, typeOnly);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      let typeOnly = node.isTypeOnly;
      if (!typeOnly && node.exportClause && ts.isNamedExports(node.exportClause)) {
        const elements = node.exportClause.elements;
        typeOnly = elements.length > 0 && elements.every((e) => e.isTypeOnly);
      }
      add(node.moduleSpecifier.text, typeOnly);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments.length === 1 &&
      ts.isStringLiteralLike(node.arguments[0]!)
    ) {
      add((node.arguments[0] as ts.StringLiteralLike).text, false, true);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node.argument.literal.text, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}

export function allEdges(): Edge[] {
  return listTs(SRC).flatMap(importsOf);
}

export function upwardImports(edges: readonly Edge[]): string[] {
  const bad: string[] = [];
  for (const { from, to } of edges) {
    const a = unitOf(from);
    const b = unitOf(to);
    if (a === b || CONTRACT.has(b)) continue;
    const ra = rankOf(a);
    const rb = rankOf(b);
    if (ra < 0) bad.push(`${relative(ROOT, from)}: its folder ${a} has no layer`);
    else if (rb < 0) bad.push(`${relative(ROOT, from)} → ${relative(ROOT, to)}: ${b} has no layer`);
    else if (rb > ra || (rb === ra && a !== b)) bad.push(`${relative(ROOT, from)} (${a}) imports ${relative(ROOT, to)} (${b})`);
  }
  return bad;
}

/** Runtime import cycles between files (Tarjan's strongly connected components). */
export function runtimeCycles(edges: readonly Edge[]): string[][] {
  const graph = new Map<string, string[]>();
  for (const { from, to, typeOnly } of edges) {
    if (typeOnly) continue;
    if (!graph.has(from)) graph.set(from, []);
    if (!graph.has(to)) graph.set(to, []);
    graph.get(from)!.push(to);
  }
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const strong = (v: string): void => {
    indices.set(v, index);
    low.set(v, index);
    index += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, indices.get(w)!));
      }
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(relative(ROOT, w));
      } while (w !== v);
      const selfLoop = (graph.get(v) ?? []).includes(v);
      if (component.length > 1 || selfLoop) components.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!indices.has(v)) strong(v);
  return components;
}

test('every src folder and top-level module has a layer', () => {
  const units = new Set(listTs(SRC).map(unitOf));
  const missing = [...units].filter((u) => !CONTRACT.has(u) && rankOf(u) < 0);
  assert.deepEqual(missing, []);
});

test('no import from a later layer into an earlier one', () => {
  assert.deepEqual(upwardImports(allEdges()), []);
});

test('no runtime import cycle in src/', () => {
  assert.deepEqual(runtimeCycles(allEdges()), []);
});

/** The files src/<entry> loads at run time (type-only imports left out). */
export function runtimeClosure(entry: string, edges: readonly Edge[], { staticOnly = false } = {}): string[] {
  const start = join(SRC, entry);
  const seen = new Set<string>([start]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.pop()!;
    for (const e of edges) {
      if (e.from === file && !e.typeOnly && !(staticOnly && e.dynamic) && !seen.has(e.to)) {
        seen.add(e.to);
        queue.push(e.to);
      }
    }
  }
  return [...seen].sort();
}

test('the decider (classify) loads neither nerdamer nor a full mathjs', () => {
  const heavy = /from\s+['"]nerdamer['"]|import\(\s*['"]nerdamer['"]|\ball\b[^;]*from\s+['"]mathjs['"]/;
  const closure = runtimeClosure('classify.ts', allEdges());
  assert.ok(closure.length > 10, 'the closure was computed');
  const offenders = closure.filter((f) => heavy.test(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f));
  assert.deepEqual(offenders, []);
  // and the report's runner does load them (so the check above looks at the right thing)
  const reportClosure = runtimeClosure('convergence/all-tests.ts', allEdges());
  assert.ok(reportClosure.some((f) => heavy.test(readFileSync(f, 'utf8'))));
});

test('the library entry and the light CLI commands load no report, chart, CAS or validator code until it is called', () => {
  // a static import of one of these packages, or of mathjs other than through the parse-only instance
  const heavy = /(?:\bfrom|^import)\s+['"](?:nerdamer|katex|vega|vega-lite|@tensorflow\/[^'"]+|@stdlib\/[^'"]+|cli-progress)['"]/m;
  const mathjsValue = /^import\s+(?!type\b)[^;]*from\s+['"]mathjs['"]/m;
  const edges = allEdges();
  for (const entry of ['index.ts', 'cli/main.ts', 'cli/classify-command.ts', 'cli/trf-command.ts', 'cli/window-command.ts', 'cli/check-command.ts']) {
    const closure = runtimeClosure(entry, edges, { staticOnly: true });
    assert.ok(closure.length > (entry === 'cli/main.ts' ? 1 : 10), `the closure of ${entry} was computed`);
    const offenders = closure
      .filter((f) => heavy.test(readFileSync(f, 'utf8')) || (mathjsValue.test(readFileSync(f, 'utf8')) && !f.endsWith(join('parse', 'mathjs-instance.ts'))))
      .map((f) => relative(ROOT, f));
    assert.deepEqual(offenders, [], `${entry} loads these at start-up`);
  }
  // the report does load them (so the check above looks at the right thing)
  assert.ok(runtimeClosure('report/index.ts', edges, { staticOnly: true }).some((f) => heavy.test(readFileSync(f, 'utf8'))));
});

if (process.argv.includes('--print')) {
  const edges = allEdges();
  const folderEdges = new Map<string, number>();
  for (const { from, to } of edges) {
    const key = `${unitOf(from)} -> ${unitOf(to)}`;
    if (unitOf(from) !== unitOf(to)) folderEdges.set(key, (folderEdges.get(key) ?? 0) + 1);
  }
  for (const [k, n] of [...folderEdges].sort()) console.log(`${k} ${n}`);
}
