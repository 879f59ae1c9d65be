/**
 * The build: `npm run build`'s compiler settings emit JavaScript whose relative imports name `.js` files, and the
 * emitted bot runs with plain node while a resolve hook fails every import of tsx (so no TypeScript loader can
 * be involved): the sample digests, and the console bot digesting through the worker-thread pool.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnNode } from '../../helpers/cli-runs.ts';

const root = resolve(import.meta.dirname, '..', '..', '..');
/** Inside the project, so the emitted files resolve the project's node_modules; ignored by git and lint. */
const out = join(root, '.build-test');

/** A module hook that makes resolving `tsx` (or any `tsx/…`) throw. */
const NO_TSX_HOOK = `
export async function resolve(specifier, context, next) {
  if (specifier === 'tsx' || specifier.startsWith('tsx/')) throw new Error('tsx imported by the build: ' + specifier);
  return next(specifier, context);
}`;
const NO_TSX = `data:text/javascript,${encodeURIComponent(
  `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(NO_TSX_HOOK)}`)});`,
)}`;

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return jsFiles(path);
    return e.name.endsWith('.js') ? [path] : [];
  });
}

/** The built bot with plain node, tsx made unresolvable, and only PATH, TZ and `env` in its environment (no NODE_OPTIONS). */
function runBuilt(args: string[], stdin: string, env: Record<string, string>): ReturnType<typeof spawnNode> {
  return spawnNode(['--import', NO_TSX, join(out, 'adapters', 'main.js'), ...args], {
    stdin, env: { PATH: process.env['PATH'] ?? '', FORCE_COLOR: '0', TZ: 'UTC', ...env },
  });
}

beforeAll(() => {
  rmSync(out, { recursive: true, force: true });
  const tsc = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json',
    '--outDir', out, '--tsBuildInfoFile', join(out, '.tsbuildinfo'), '--sourceMap', 'false'], { cwd: root, encoding: 'utf8' });
  expect(tsc.stdout + tsc.stderr).toBe('');
  expect(tsc.status).toBe(0);
}, 240_000);

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
});

describe('npm run build', () => {
  it('given the emitted files, then no relative import names a .ts file and the worker entry is emitted', () => {
    const files = jsFiles(out);
    expect(files.length).toBeGreaterThan(100);
    const tsImports = files.filter((f) => /(?:from\s+|import\()\s*'\.{1,2}\/[^']*\.ts'/u.test(readFileSync(f, 'utf8')));
    expect(tsImports).toEqual([]);
    expect(files).toContain(join(out, 'src', 'digesting', 'digest-worker.js'));
  });

  it('given the built bot and tsx made unresolvable, then `samples` digests every bundled article', async () => {
    const r = await runBuilt(['samples'], '', {});
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Beispielartikel: 3 article\(s\)/u);
  }, 60_000);

  it('given the built bot with two digest workers and tsx made unresolvable, then the console bot digests a sample and quits', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'digestbot-built-'));
    try {
      const r = await runBuilt([], '/digest morning-markets\n/quit\n', { DATA_DIR: dataDir, SCHEDULE_GRACE_HOURS: '0', DIGEST_WORKERS: '2' });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('▸ Nordlicht Halbleiter senkt Prognose trotz Rekordumsatz');
      expect(r.stderr).not.toMatch(/tsx imported|worker .*replaced|ERR_/u);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
