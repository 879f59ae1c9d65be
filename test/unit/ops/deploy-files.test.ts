/**
 * The deployment files say what the README promises: the image runs as a
 * non-root user with the database on a volume, checks /healthz, exposes the
 * ports the configuration uses, and contains only production dependencies
 * that the running code imports; the systemd unit runs hardened with the
 * data directory as its one writable path.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';

const root = resolve(import.meta.dirname, '..', '..', '..');
const read = (file: string): string => readFileSync(join(root, file), 'utf8');

/** Dockerfile instructions (continuation lines joined, comments dropped), each with the stage it belongs to. */
function instructions(text: string): { stage: number; op: string; args: string }[] {
  const joined = text.replace(/\\\n/gu, ' ').split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  let stage = -1;
  return joined.map((line) => {
    const [op = '', ...rest] = line.split(/\s+/u);
    if (op.toUpperCase() === 'FROM') stage++;
    return { stage, op: op.toUpperCase(), args: rest.join(' ') };
  });
}

/** `KEY=value` pairs of the ENV instructions of a stage. */
function envOf(list: ReturnType<typeof instructions>, stage: number): Record<string, string> {
  const env: Record<string, string> = {};
  for (const i of list.filter((x) => x.op === 'ENV' && x.stage === stage)) {
    for (const m of i.args.matchAll(/([A-Z_][A-Z0-9_]*)=(\S+)/gu)) env[m[1] ?? ''] = m[2] ?? '';
  }
  return env;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
    return /\.(ts|js)$/u.test(name) ? [path] : [];
  });
}

/** Packages imported at run time (type-only imports are erased and do not count). */
function runtimePackages(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s+(type\s+)?(?:[^;'"]*?\sfrom\s+)?'([^']+)'|import\('([^']+)'\)/gu)) {
    if (m[1] !== undefined) continue;
    const spec = m[2] ?? m[3] ?? '';
    if (spec.startsWith('.') || spec.startsWith('node:') || builtinModules.includes(spec)) continue;
    const parts = spec.split('/');
    found.push(spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0] ?? spec);
  }
  return found;
}

describe('Dockerfile', () => {
  const list = instructions(read('Dockerfile'));
  const last = Math.max(...list.map((i) => i.stage));
  const final = list.filter((i) => i.stage === last);

  it('given the stages, then dependencies are installed without dev packages in a build stage and the runtime stage is slim', () => {
    expect(last).toBeGreaterThanOrEqual(1);
    // One npm ci (which compiles better-sqlite3), then the dev packages pruned: no second native build.
    const installs = list.filter((i) => i.stage < last && i.op === 'RUN' && /npm ci\b/u.test(i.args));
    expect(installs).toHaveLength(1);
    expect(installs[0]?.args).toMatch(/npm ci\b.*&& npm prune --omit=dev/u);
    // better-sqlite3 compiled from source (no prebuilt binary from outside the npm registry).
    const installEnv = list.filter((i) => i.op === 'ENV' && i.stage <= (installs[0]?.stage ?? -1)).map((i) => i.args).join(' ');
    expect(installEnv.split(/\s+/u)).toEqual(expect.arrayContaining(['npm_config_build_from_source=true']));
    expect(final[0]?.args).toMatch(/^node:\S*slim/u);
    expect(final.some((i) => i.op === 'COPY' && i.args.startsWith('--from=') && i.args.includes('node_modules'))).toBe(true);
    expect(final.some((i) => i.op === 'RUN' && /npm (ci|install)/u.test(i.args))).toBe(false);
  });

  it('given the runtime stage, then it ends as a non-root user with the data volume, DATA_DIR on it and the metrics server on', () => {
    const users = final.filter((i) => i.op === 'USER');
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)?.args).not.toMatch(/^(root|0)(:|$)/u);
    expect(final.some((i) => i.op === 'VOLUME' && i.args.split(/\s+/u).includes('/data'))).toBe(true);
    const env = envOf(list, last);
    expect(env['DATA_DIR']).toBe('/data');
    // The image's settings pass the real configuration schema.
    expect(loadConfig(env).ops).toEqual({ port: Number(env['METRICS_PORT']), host: '0.0.0.0' });
  });

  it('given EXPOSE, then it lists the metrics port and the default Slack HTTP port', () => {
    const exposed = final.filter((i) => i.op === 'EXPOSE').flatMap((i) => i.args.split(/\s+/u)).map((p) => Number(p.split('/')[0]));
    const slack = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).slack;
    expect(exposed).toContain(Number(envOf(list, last)['METRICS_PORT']));
    expect(exposed).toContain(slack?.port);
  });

  it('given HEALTHCHECK and CMD, then node (no curl) asks /healthz and the bot starts from bin/digestbot.js', () => {
    const check = final.find((i) => i.op === 'HEALTHCHECK')?.args ?? '';
    expect(check).toMatch(/CMD \["node", "-e", .*\/healthz/u);
    expect(check).not.toMatch(/curl|wget/u);
    const cmd = JSON.parse(final.find((i) => i.op === 'CMD')?.args ?? '[]') as string[];
    expect(cmd).toEqual(['node', 'bin/digestbot.js', 'start']);
    expect(existsSync(join(root, 'bin', 'digestbot.js'))).toBe(true);
  });

  it('given the copied paths, then each exists and none is excluded by .dockerignore', () => {
    const ignored = read('.dockerignore').split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#') && !l.startsWith('!'));
    const copied = final.filter((i) => i.op === 'COPY' && !i.args.startsWith('--from=')).flatMap((i) => i.args.split(/\s+/u).slice(0, -1));
    expect(copied.length).toBeGreaterThan(0);
    for (const path of [...copied, 'package-lock.json']) {
      expect(existsSync(join(root, path)), path).toBe(true);
      expect(ignored, path).not.toContain(path);
    }
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', '.env', 'data']));
  });

  it('given the code the image runs (bin, adapters, src), then every package it imports is a production dependency; tsx is not one', () => {
    const pkg = JSON.parse(read('package.json')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    const files = ['bin', 'adapters', 'src'].flatMap(sourceFiles);
    // The one file that loads tsx starts worker threads from the TypeScript sources; the compiled pool never loads it.
    const loadsTsx = files.filter((f) => runtimePackages(read(f)).includes('tsx'));
    expect(loadsTsx).toEqual([join('src', 'digesting', 'worker-boot.js')]);
    expect(Object.keys(pkg.dependencies)).not.toContain('tsx');
    expect(Object.keys(pkg.devDependencies)).toContain('tsx');
    const imported = new Set(files.filter((f) => !loadsTsx.includes(f)).flatMap((f) => runtimePackages(read(f))));
    expect(imported.size).toBeGreaterThan(5);
    for (const name of imported) expect(Object.keys(pkg.dependencies), name).toContain(name);
  });

  it('given the runtime stage, then it copies the compiled dist/ from the build stage and no TypeScript sources', () => {
    const fromBuild = final.filter((i) => i.op === 'COPY' && i.args.startsWith('--from=build')).map((i) => i.args);
    expect(fromBuild.some((a) => a.includes('/app/dist/adapters'))).toBe(true);
    expect(fromBuild.some((a) => a.includes('/app/dist/src'))).toBe(true);
    const copied = final.filter((i) => i.op === 'COPY' && !i.args.startsWith('--from=')).flatMap((i) => i.args.split(/\s+/u).slice(0, -1));
    expect(copied).not.toContain('src');
    expect(copied).not.toContain('adapters');
  });
});

describe('deploy/digestbot.service', () => {
  const unit = read('deploy/digestbot.service');
  const values = (key: string): string[] => [...unit.matchAll(new RegExp(`^${key}=(.*)$`, 'gmu'))].map((m) => m[1] ?? '');

  it('given the unit, then it runs the bot as a dedicated user from its folder with an env file, restarting on failure', () => {
    expect(values('User')).toHaveLength(1);
    expect(values('User')[0]).not.toMatch(/^(root|0)?$/u);
    expect(values('WorkingDirectory')[0]).toMatch(/^\//u);
    expect(values('EnvironmentFile')[0]).toMatch(/^-?\//u);
    expect(values('ExecStart')[0]).toMatch(/node bin\/digestbot\.js start$/u);
    expect(values('Restart')).toEqual(['on-failure']);
  });

  it('given the hardening options, then the system is read-only except the data directory the unit points DATA_DIR at', () => {
    expect(values('NoNewPrivileges')).toEqual(['yes']);
    expect(values('ProtectSystem')).toEqual(['strict']);
    expect(values('PrivateTmp')).toEqual(['yes']);
    const dataDir = /\bDATA_DIR=(\S+)/u.exec(values('Environment').join(' '))?.[1];
    expect(dataDir).toBeDefined();
    expect(values('ReadWritePaths').join(' ').split(/\s+/u)).toContain(dataDir);
  });
});
