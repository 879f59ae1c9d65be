/**
 * How the campaign starts its child: the child's TypeScript bundled into one
 * ES module with esbuild (already installed as tsx's compiler), so each of the
 * hundred restarts loads in about a second instead of resolving thousands of
 * files. The bundle is kept in the system's temp folder and reused while none
 * of its input files changed. Without esbuild, the child runs through tsx.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface ChildCommand {
  /** Arguments after `node`. */
  args: string[];
  /** How the child was prepared. */
  mode: 'bundle' | 'cached bundle' | 'tsx';
}

const CHILD = resolve(import.meta.dirname, 'child.ts');
const ROOT = resolve(import.meta.dirname, '..', '..', '..');
/** Optional native helpers discord.js and ws probe for; left out of the bundle. */
const OPTIONAL = ['zlib-sync', 'bufferutil', 'utf-8-validate', 'erlpack'];

interface EsbuildLike {
  build(options: Record<string, unknown>): Promise<{ metafile?: { inputs: Record<string, unknown> }; outputFiles?: { contents: Uint8Array }[] }>;
}

/** Size and modification time of each input, as recorded next to the bundle. */
type Stamp = Record<string, string>;

const stampOf = (files: readonly string[]): Stamp => Object.fromEntries(files.map((f) => {
  const path = resolve(ROOT, f);
  if (!existsSync(path)) return [f, 'missing'];
  const s = statSync(path);
  return [f, `${String(s.size)}:${String(s.mtimeMs)}`];
}));

function cached(outfile: string, stampFile: string): boolean {
  if (!existsSync(outfile) || !existsSync(stampFile)) return false;
  const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as Stamp;
  const now = stampOf(Object.keys(stamp));
  return Object.entries(stamp).every(([f, v]) => now[f] === v);
}

/** Bundles the child (or reuses an up-to-date bundle) and returns how to start it. */
export async function prepareChild(): Promise<ChildCommand> {
  const require = createRequire(import.meta.url);
  const outDir = join(tmpdir(), 'digestbot-crash-child');
  const outfile = join(outDir, 'child.mjs');
  const stampFile = join(outDir, 'inputs.json');
  if (cached(outfile, stampFile)) return { args: [outfile], mode: 'cached bundle' };
  let esbuild: EsbuildLike;
  try {
    esbuild = (await import('esbuild' as string)) as EsbuildLike;
  } catch {
    return { args: ['--import', 'tsx', CHILD], mode: 'tsx' };
  }
  mkdirSync(outDir, { recursive: true });
  const sqlite = require.resolve('better-sqlite3');
  const result = await esbuild.build({
    entryPoints: [CHILD], outfile, write: false, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'error', metafile: true,
    absWorkingDir: ROOT, external: OPTIONAL,
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
  // Written under temporary names and renamed, so a second campaign running at once never loads half a file.
  const temp = `${outfile}.${String(process.pid)}`;
  writeFileSync(temp, result.outputFiles?.[0]?.contents ?? '');
  renameSync(temp, outfile);
  writeFileSync(`${stampFile}.${String(process.pid)}`, JSON.stringify(stampOf(Object.keys(result.metafile?.inputs ?? {}))));
  renameSync(`${stampFile}.${String(process.pid)}`, stampFile);
  return { args: [outfile], mode: 'bundle' };
}
