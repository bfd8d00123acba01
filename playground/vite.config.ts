/**
 * Vite build of the playground: a static single-page app built from the same
 * library code as the CLI. Two library modules read files with node:fs; the
 * `browserTwins` plugin swaps each for a browser twin with the same exports
 * (bundled JSON for the rules, fetched assets for the KaTeX fonts). Everything
 * else is imported as is, so there is no second implementation.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');

/** library module (absolute path of its .ts file) → browser twin */
const TWINS: Record<string, string> = {
  [resolve(repo, 'src/rules/loader.ts')]: resolve(here, 'src/twins/rules-loader.ts'),
  [resolve(repo, 'src/report/katex-assets.ts')]: resolve(here, 'src/twins/katex-assets.ts'),
};

function browserTwins(): Plugin {
  return {
    name: 'rpe-browser-twins',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !source.startsWith('.')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      const twin = resolved ? TWINS[resolved.id.split('?')[0]!] : undefined;
      return twin ?? null;
    },
  };
}

export default defineConfig({
  root: here,
  base: './',
  plugins: [browserTwins()],
  worker: { format: 'es', plugins: () => [browserTwins()] },
  build: {
    outDir: resolve(repo, 'dist/playground'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
  },
  server: { fs: { allow: [repo] } },
});
