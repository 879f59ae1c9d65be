/**
 * How the campaign starts its child: the child's TypeScript bundled into one
 * ES module with esbuild (already installed as tsx's compiler), so each of the
 * hundred restarts loads in about a second instead of resolving thousands of
 * files; without esbuild, the child runs through tsx as it is.
 */
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

export interface ChildCommand {
  /** Arguments after `node`. */
  args: string[];
  /** How the child was prepared. */
  mode: 'bundle' | 'tsx';
}

const CHILD = resolve(import.meta.dirname, 'child.ts');
/** Optional native helpers discord.js and ws probe for; left out of the bundle. */
const OPTIONAL = ['zlib-sync', 'bufferutil', 'utf-8-validate', 'erlpack'];

interface EsbuildLike {
  build(options: Record<string, unknown>): Promise<unknown>;
}

/** Bundles the child into `outDir` (a scratch folder) and returns how to start it. */
export async function prepareChild(outDir: string): Promise<ChildCommand> {
  const require = createRequire(import.meta.url);
  let esbuild: EsbuildLike;
  try {
    esbuild = (await import('esbuild' as string)) as EsbuildLike;
  } catch {
    return { args: ['--import', 'tsx', CHILD], mode: 'tsx' };
  }
  const sqlite = require.resolve('better-sqlite3');
  const outfile = join(outDir, 'child.mjs');
  await esbuild.build({
    entryPoints: [CHILD], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'error',
    external: OPTIONAL,
    banner: { js: "import { createRequire as __crashRequire } from 'node:module'; const require = __crashRequire(import.meta.url);" },
    plugins: [{
      name: 'native-sqlite',
      setup(build: { onResolve(o: { filter: RegExp }, cb: () => { path: string; external: boolean }): void }) {
        // The native module loads its .node file relative to its own folder: keep it where it is.
        // esbuild wants a Go regular expression, which has no `u` flag.
        build.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: sqlite, external: true }));
      },
    }],
  });
  return { args: [outfile], mode: 'bundle' };
}
