import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { configSchema, loadConfig } from '../../src/config.ts';
import { DigestError } from '../../src/errors.ts';

describe('loadConfig', () => {
  it('given an empty environment, then defaults apply', () => {
    const config = loadConfig({});
    expect(config.fetch).toEqual({
      timeoutMs: 15_000, connectTimeoutMs: 5000, maxBytes: 5 * 1024 * 1024, maxCompressedBytes: 5 * 1024 * 1024,
      perHostConcurrency: 2, allowPrivateHosts: [], userAgent: null,
    });
    expect(config.store).toEqual({ dataDir: './data', digestsDir: 'digests', databaseUrl: null });
    expect(config.schedule).toEqual({ graceMs: 6 * 3600 * 1000, minGapMinutes: 15 });
    expect(config.sources).toEqual({ pollIntervalMs: 15 * 60_000, pauseAfterFailures: 8, newSourceItems: 3, concurrency: 16 });
    expect(config.digest).toEqual({ workers: null, timeoutMs: 10_000, maxQueue: 64 });
    expect(config.discord).toBeNull();
    expect(config.slack).toBeNull();
  });

  it('given DIGEST_WORKERS=0 and a digest time budget, then they are kept (0: digest on the main thread)', () => {
    expect(loadConfig({ DIGEST_WORKERS: '0', DIGEST_TIMEOUT_MS: '2500', DIGEST_QUEUE_LIMIT: '8' }).digest).toEqual({ workers: 0, timeoutMs: 2500, maxQueue: 8 });
    expect(() => loadConfig({ DIGEST_WORKERS: '-1' })).toThrow(/DIGEST_WORKERS/u);
  });

  it('given keys set to an empty or blank value (KEY= in .env), then they count as unset, not as 0', () => {
    const config = loadConfig({ DIGEST_WORKERS: '', NEW_SOURCE_ITEMS: ' ', SCHEDULE_GRACE_HOURS: '', DISCORD_TOKEN: '' });
    expect(config.digest.workers).toBeNull();
    expect(config.sources.newSourceItems).toBe(3);
    expect(config.schedule.graceMs).toBe(6 * 3600 * 1000);
    expect(config.discord).toBeNull();
  });

  it('given numbers as strings, then they are coerced', () => {
    const { fetch } = loadConfig({ FETCH_TIMEOUT_MS: '2500', FETCH_MAX_BYTES: '4096', FETCH_ALLOW_PRIVATE_HOSTS: '127.0.0.1, 10.0.0.0/8' });
    expect(fetch).toMatchObject({ timeoutMs: 2500, maxBytes: 4096, maxCompressedBytes: 4096, allowPrivateHosts: ['127.0.0.1', '10.0.0.0/8'] });
  });

  it('given two bad keys, then one config/invalid error names both', () => {
    let caught: unknown;
    try {
      loadConfig({ FETCH_TIMEOUT_MS: 'soon', FETCH_MAX_BYTES: '1' });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(DigestError);
    const e = caught as DigestError;
    expect(e.code).toBe('config/invalid');
    expect(e.message).toContain('FETCH_TIMEOUT_MS');
    expect(e.message).toContain('FETCH_MAX_BYTES');
  });

  it('given Discord and Slack settings, then both platform slices are built', () => {
    const config = loadConfig({
      DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: '42', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', ADMIN_USER_IDS: 'slack:U1,discord:7',
    });
    expect(config.discord).toEqual({
      token: 't', applicationId: '42', apiUrl: null, ingress: { mode: 'gateway', publicKey: null, host: '0.0.0.0', port: 3001, leaseRetryMs: 5000 },
    });
    expect(config.slack).toMatchObject({ botToken: 'xoxb-1', mode: 'http', signingSecret: 's', port: 3000 });
    expect(config.adminUserIds).toEqual(['slack:U1', 'discord:7']);
  });

  it('given half a Discord pair and Slack socket mode without an app token, then every missing key is named', () => {
    let message = '';
    try {
      loadConfig({ DISCORD_TOKEN: 't', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_MODE: 'socket' });
    } catch (err) {
      message = (err as DigestError).message;
    }
    expect(message).toContain('DISCORD_APPLICATION_ID');
    expect(message).toContain('SLACK_APP_TOKEN');
  });

  it('given .env.example, then it documents every configuration key and no unknown one', () => {
    const text = readFileSync(resolve(import.meta.dirname, '..', '..', '.env.example'), 'utf8');
    const documented = [...text.matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gmu)].map((m) => m[1]);
    expect(new Set(documented)).toEqual(new Set(Object.keys(configSchema.shape)));
  });

  it('given HEADLESS and LOG_FILE, then they reach the config; unset, the bot is not headless and logs to stderr', () => {
    expect(loadConfig({}).headless).toBe(false);
    expect(loadConfig({}).log).toEqual({ level: 'warn', file: null });
    const config = loadConfig({ HEADLESS: 'true', LOG_FILE: 'logs/bot.log', LOG_LEVEL: 'info' });
    expect(config.headless).toBe(true);
    expect(config.log).toEqual({ level: 'info', file: 'logs/bot.log' });
    expect(loadConfig({ HEADLESS: '0' }).headless).toBe(false);
    expect(() => loadConfig({ HEADLESS: 'perhaps' })).toThrow(/HEADLESS/u);
  });
});

describe('.env.example used as an env file', () => {
  const text = readFileSync(resolve(import.meta.dirname, '..', '..', '.env.example'), 'utf8');
  /** Commented lines whose value is an example, not the default (tokens, an example port or database, the core-dependent worker count). */
  const EXAMPLES = new Set(['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'METRICS_PORT', 'DIGEST_WORKERS', 'ENV_FILE', 'DATABASE_URL', 'INSTANCE_ID']);

  it('given node\'s own env-file parser, then it assigns no key at all (nothing overrides a deployment, e.g. DATA_DIR)', () => {
    expect(parseEnv(text)).toEqual({});
    expect(text.split('\n').filter((l) => /^\s*[A-Za-z_][A-Za-z0-9_]*\s*=/u.test(l))).toEqual([]);
    expect(loadConfig({ ...parseEnv(text), DATA_DIR: '/var/lib/digestbot' }).store.dataDir).toBe('/var/lib/digestbot');
  });

  it('given each commented KEY=value line uncommented alone, then the config equals the defaults (the documented default is the real one)', () => {
    const defaults = loadConfig({});
    const lines = [...text.matchAll(/^# ([A-Z][A-Z0-9_]+)=(.*)$/gmu)].filter((m) => !EXAMPLES.has(m[1] ?? ''));
    expect(lines.length).toBeGreaterThan(30);
    const differing = lines.filter((m) => {
      const config = loadConfig(parseEnv(`${m[1] ?? ''}=${m[2] ?? ''}`) as Record<string, string>);
      return JSON.stringify(config) !== JSON.stringify(defaults);
    }).map((m) => m[0]);
    expect(differing).toEqual([]);
  });
});

describe('loadConfig: chat ingress across instances', () => {
  const base = { DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: '42' };
  it('given DISCORD_MODE=http without a public key, or a key that is not 64 hex characters, then DISCORD_PUBLIC_KEY is named', () => {
    expect(() => loadConfig({ ...base, DISCORD_MODE: 'http' })).toThrow(/DISCORD_PUBLIC_KEY/u);
    expect(() => loadConfig({ ...base, DISCORD_MODE: 'http', DISCORD_PUBLIC_KEY: 'abc' })).toThrow(/64 hex/u);
    const config = loadConfig({ ...base, DISCORD_MODE: 'http', DISCORD_PUBLIC_KEY: 'ab'.repeat(32), DISCORD_INTERACTIONS_PORT: '8080' });
    expect(config.discord?.ingress).toMatchObject({ mode: 'http', publicKey: 'ab'.repeat(32), port: 8080 });
  });
  it('given SLACK_CLIENT_ID, then the bot token is not needed but the other OAuth keys are, and DATABASE_URL on postgres names the cluster', () => {
    expect(() => loadConfig({ SLACK_CLIENT_ID: '1.2', SLACK_SIGNING_SECRET: 's' })).toThrow(/SLACK_CLIENT_SECRET[\s\S]*SLACK_STATE_SECRET[\s\S]*SLACK_INSTALLATION_KEY/u);
    const config = loadConfig({
      SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 'c', SLACK_STATE_SECRET: 'st', SLACK_INSTALLATION_KEY: 'k', SLACK_SIGNING_SECRET: 's',
      DATABASE_URL: 'postgres://db/bot',
    });
    expect(config.slack).toMatchObject({ botToken: null, oauth: { clientId: '1.2', scopes: ['commands', 'chat:write', 'files:write', 'users:read'] } });
    expect(config.cluster).toEqual({ postgresUrl: 'postgres://db/bot', instanceId: null });
    expect(loadConfig({ DATABASE_URL: 'sqlite:./data/x.sqlite' }).cluster).toEqual({ postgresUrl: null, instanceId: null });
    expect(loadConfig({ DATABASE_URL: 'postgres://db/bot', INSTANCE_ID: 'bot2' }).cluster).toEqual({ postgresUrl: 'postgres://db/bot', instanceId: 'bot2' });
  });
});
