// Bundles the published entry points into dist/lib with esbuild. Why: Node loads an npm
// package's whole ESM graph on import, and mathjs alone is ~3,800 module files; a bundle
// keeps only the parse-only instance the decider uses, and code splitting turns every
// dynamic import (each CLI command, the report, the validator) into a chunk that loads
// when it is called. Packages other than mathjs stay external: they load from
// node_modules, and only where they are used.
import { readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const BUNDLED = new Set(['mathjs']);
const external = Object.keys({
  ...pkg.dependencies,
  ...pkg.peerDependencies,
  ...pkg.optionalDependencies,
  ...pkg.devDependencies,
}).filter((name) => !BUNDLED.has(name)).flatMap((name) => [name, `${name}/*`]);
// backends the validator tries at run time, not declared anywhere
external.push('@tensorflow/tfjs-node', '@tensorflow/tfjs-node-gpu');

const outdir = join(root, 'dist', 'lib');
rmSync(outdir, { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: {
    cli: 'src/cli/main.ts',
    index: 'src/index.ts',
    report: 'src/report/index.ts',
    validate: 'src/validate/index.ts',
    'validate-worker': 'src/validate/worker.ts',
    'plugin-mathjs': 'src/plugin/mathjs.ts',
    'plugin-nerdamer': 'src/plugin/nerdamer.ts',
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'linked',
  // smaller files parse faster at start-up; names kept for error classes and stack traces
  minify: true,
  keepNames: true,
  plugins: [{
    name: 'full-mathjs-external',
    setup(b) {
      b.onResolve({ filter: /^mathjs$/ }, (args) => (args.importer.endsWith('mathjs-instance.ts') ? undefined : { path: 'mathjs', external: true }));
    },
  }],
  logLevel: 'warning',
});

// `require('rpe-convergence')` gets a message that says what to do instead
mkdirSync(outdir, { recursive: true });
writeFileSync(join(outdir, 'require.cjs'), `'use strict';
throw new Error("rpe-convergence is an ES module package (ESM only): use import { classify } from 'rpe-convergence', or await import('rpe-convergence') from CommonJS.");
`);
