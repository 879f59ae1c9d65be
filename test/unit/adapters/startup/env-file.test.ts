import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { envFileProblems, environmentWithEnvFile } from '../../../../adapters/env-file.ts';
import type { DigestError } from '../../../../src/errors.ts';
import { digestErrorOf } from '../../../helpers/digest-error-of.ts';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'digestbot-envfile-')); });
afterEach(() => { rmSync(dir, { recursive: true, force: true }); });

const errorOf = (fn: () => unknown): Promise<DigestError> => digestErrorOf(Promise.resolve().then(fn));

describe('environmentWithEnvFile', () => {
  it('given a .env in the working directory, then its keys are added and the process environment wins', () => {
    writeFileSync(join(dir, '.env'), '# settings\nLOG_LEVEL=debug\nDATA_DIR="./from file"\nexport POLL_CONCURRENCY=4\n');
    const env = environmentWithEnvFile({ cwd: dir, env: { DATA_DIR: '/var/lib/digestbot', PATH: '/bin' } });
    expect(env).toEqual({ LOG_LEVEL: 'debug', DATA_DIR: '/var/lib/digestbot', POLL_CONCURRENCY: '4', PATH: '/bin' });
  });

  it('given no .env and no ENV_FILE, then the process environment is returned as it is', () => {
    const given = { LOG_LEVEL: 'info' };
    expect(environmentWithEnvFile({ cwd: dir, env: given })).toEqual(given);
  });

  it('given ENV_FILE relative to the working directory, then that file is read instead of .env', () => {
    writeFileSync(join(dir, '.env'), 'LOG_LEVEL=debug\n');
    mkdirSync(join(dir, 'conf'));
    writeFileSync(join(dir, 'conf', 'bot.env'), 'LOG_LEVEL=error\n');
    expect(environmentWithEnvFile({ cwd: dir, env: { ENV_FILE: 'conf/bot.env' } })['LOG_LEVEL']).toBe('error');
  });

  it('given ENV_FILE naming a missing file or a folder, then config/env-file names the path and the reason', async () => {
    const missing = await errorOf(() => environmentWithEnvFile({ cwd: dir, env: { ENV_FILE: 'nope.env' } }));
    expect(missing.code).toBe('config/env-file');
    expect(missing.message).toContain(join(dir, 'nope.env'));
    expect(missing.message).toContain('no such file');
    mkdirSync(join(dir, 'folder'));
    expect((await errorOf(() => environmentWithEnvFile({ cwd: dir, env: { ENV_FILE: 'folder' } }))).message).toContain('directory');
  });

  it('given a malformed .env, then config/env-file lists every bad line by number and nothing is loaded', async () => {
    writeFileSync(join(dir, '.env'), 'LOG_LEVEL=debug\nDISCORD_TOKEN abc\n\n# fine\nSLACK_BOT_TOKEN="xoxb-1\n');
    const err = await errorOf(() => environmentWithEnvFile({ cwd: dir, env: {} }));
    expect(err.code).toBe('config/env-file');
    expect(err.message).toContain(`malformed env file ${join(dir, '.env')}`);
    expect(err.message).toContain('line 2: expected KEY=value, got "DISCORD_TOKEN abc"');
    expect(err.message).toContain('line 5: the quoted value is never closed');
  });
});

describe('envFileProblems', () => {
  it('given comments, blanks, export, inline comments and a quoted value over two lines, then there is no problem', () => {
    expect(envFileProblems('# c\n\nA=1\nexport B=2 # note\nC="one\ntwo"\nD=\'x\'\n  E = spaced\n')).toEqual([]);
  });
});
