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
import { pathToFileURL } from 'node:url';

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

interface PluginBuild {
  onResolve(o: { filter: RegExp }, cb: () => { path: string; external: boolean }): void;
  onLoad(o: { filter: RegExp }, cb: (args: { path: string }) => { contents: string; loader: string } | undefined): void;
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
      setup(build: PluginBuild) {
        // The native module loads its .node file relative to its own folder: keep it where it is.
        // esbuild wants a Go regular expression, which has no `u` flag.
        build.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: sqlite, external: true }));
      },
    }, {
      name: 'own-location',
      setup(build: PluginBuild) {
        // Project files that find their siblings through import.meta.url (the digest worker pool starts
        // worker-boot.js next to it) keep pointing at the source tree, not at the bundle.
        build.onLoad({ filter: /[/\\](src|adapters)[/\\].*\.ts$/ }, (args) => {
          const text = readFileSync(args.path, 'utf8');
          if (!text.includes('import.meta.url')) return undefined;
          return { contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
        });
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
