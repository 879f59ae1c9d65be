/**
 * Logs never go into the console chat, through the real bin: a command that fails logs a JSON line (LOG_LEVEL=info).
 * With pipes the chat is stdout and the log stderr; with LOG_FILE the log is in that file; on a terminal (a
 * pseudo-terminal from `script`, stdout and stderr the same window as a user sees it) the log goes to
 * DATA_DIR/digestbot.log and the window shows only chat text.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bin, root, tempDir } from './deploy-env.ts';

const built = existsSync(join(root, 'dist', 'adapters', 'main.js'));
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
if (!built) console.warn('skipping the console log tests: the bot is not built (npm run build; npm ci does it)');
if (built && !hasScript) console.warn('skipping the console log test on a terminal: no `script` command (util-linux) to make a pseudo-terminal');

/** A command whose failure the bot logs (the loopback refusal), then /quit. */
const INPUT = '/sources add http://127.0.0.1:9/feed.xml\n/quit\n';
const LOG_LINE = /^\{"level":30,.*"code":"fetch\/blocked-address".*"msg":"command failed"\}$/mu;

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
const fresh = (): string => {
  const dir = tempDir('console-log');
  dirs.push(dir);
  return dir;
};

function run(command: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: fresh(), env: { PATH: process.env['PATH'] ?? '', TZ: 'UTC', LOG_LEVEL: 'info', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(INPUT);
  });
}

describe.skipIf(!built)('the console bot\'s log', () => {
  it('given pipes, then stdout holds only chat text (the refusal) and the JSON log line is on stderr', async () => {
    const r = await run(process.execPath, [bin], { DATA_DIR: fresh() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('refusing to fetch 127.0.0.1:9');
    expect(r.stdout).not.toMatch(/"level":/u);
    expect(r.stderr).toMatch(LOG_LINE);
  }, 120_000);

  it('given LOG_FILE, then the JSON line is in that file and neither on stdout nor on stderr', async () => {
    const logFile = join(fresh(), 'logs', 'bot.log');
    const r = await run(process.execPath, [bin], { DATA_DIR: fresh(), LOG_FILE: logFile });
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toMatch(/"level":/u);
    expect(readFileSync(logFile, 'utf8')).toMatch(LOG_LINE);
  }, 120_000);

  it.skipIf(!hasScript)('given a terminal, then the window shows the chat and no JSON, and the log is in DATA_DIR/digestbot.log', async () => {
    const data = fresh();
    const r = await run('script', ['-qec', `"${process.execPath}" "${bin}"`, '/dev/null'], { DATA_DIR: data });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('refusing to fetch 127.0.0.1:9');
    expect(r.stdout).toContain(`log (info and above) in ${join(data, 'digestbot.log')}`);
    expect(r.stdout).not.toMatch(/"level":/u);
    expect(readFileSync(join(data, 'digestbot.log'), 'utf8')).toMatch(LOG_LINE);
  }, 120_000);
});
