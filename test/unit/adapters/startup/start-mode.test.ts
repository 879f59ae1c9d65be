import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { chooseStartMode, stdinKind } from '../../../../adapters/start-mode.ts';
import { logFileFor } from '../../../../adapters/logger.ts';
import { digestErrorOf } from '../../../helpers/digest-error-of.ts';

describe('chooseStartMode', () => {
  it('given a configured platform, then platforms, whatever HEADLESS and standard input say', () => {
    expect(chooseStartMode({ platformConfigured: true, headless: true, stdin: 'none' })).toBe('platforms');
    expect(chooseStartMode({ platformConfigured: true, headless: false, stdin: 'terminal' })).toBe('platforms');
  });

  it('given no platform, then headless when told, else the console when there is a terminal or piped input', () => {
    expect(chooseStartMode({ platformConfigured: false, headless: true, stdin: 'terminal' })).toBe('headless');
    expect(chooseStartMode({ platformConfigured: false, headless: false, stdin: 'terminal' })).toBe('console');
    expect(chooseStartMode({ platformConfigured: false, headless: false, stdin: 'input' })).toBe('console');
  });

  it('given no platform, no HEADLESS and nothing to read, then config/no-chat says which settings to set', async () => {
    const error = await digestErrorOf(Promise.resolve().then(() => chooseStartMode({ platformConfigured: false, headless: false, stdin: 'none' })));
    expect(error.code).toBe('config/no-chat');
    expect(error.message).toMatch(/DISCORD_TOKEN[\s\S]*SLACK_BOT_TOKEN[\s\S]*HEADLESS=true/u);
  });
});

describe('stdinKind', () => {
  const kindIn = (stdin: 'ignore' | 'pipe'): string => spawnSync(process.execPath, ['--import', 'tsx', '-e',
    "import('./adapters/start-mode.ts').then((m) => process.stdout.write(m.stdinKind()))"], { stdio: [stdin, 'pipe', 'pipe'], encoding: 'utf8' }).stdout;

  it('given /dev/null as standard input (systemd, docker run -d), then none; given a pipe, then input', () => {
    expect(kindIn('ignore')).toBe('none');
    expect(kindIn('pipe')).toBe('input');
  }, 120_000);

  it('given a closed descriptor, then none', () => {
    expect(stdinKind(987)).toBe('none');
  });
});

describe('logFileFor', () => {
  const base = { file: null, console: true, stdoutIsTerminal: true, stderrIsTerminal: true, cwd: '/srv/bot', dataDir: './data' };

  it('given LOG_FILE, then that file (relative to the working directory), in every mode', () => {
    expect(logFileFor({ ...base, file: 'logs/bot.log' })).toBe('/srv/bot/logs/bot.log');
    expect(logFileFor({ ...base, file: '/var/log/bot.log', console: false })).toBe('/var/log/bot.log');
  });

  it('given the console bot on a terminal, then a file under DATA_DIR (stderr would show in the chat window)', () => {
    expect(logFileFor(base)).toBe('/srv/bot/data/digestbot.log');
  });

  it('given pipes, or a platform bot, then stderr', () => {
    expect(logFileFor({ ...base, stderrIsTerminal: false })).toBeNull();
    expect(logFileFor({ ...base, stdoutIsTerminal: false })).toBeNull();
    expect(logFileFor({ ...base, console: false })).toBeNull();
  });
});
