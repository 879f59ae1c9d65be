/** DATABASE_URL picks the store's database: SQLite under DATA_DIR by default, PostgreSQL by URL; anything else is refused. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { DigestError } from '../../../src/errors.ts';
import { storeLocation } from '../../../src/store/open-store.ts';

describe('storeLocation', () => {
  it('given no DATABASE_URL or a bare sqlite:, then the SQLite file under DATA_DIR', () => {
    expect(storeLocation({ dataDir: '/srv/bot/data', databaseUrl: null })).toEqual({ dialect: 'sqlite', path: join('/srv/bot/data', 'digestbot.sqlite') });
    expect(storeLocation({ dataDir: '/srv/bot/data', databaseUrl: 'sqlite:' })).toEqual({ dialect: 'sqlite', path: join('/srv/bot/data', 'digestbot.sqlite') });
    expect(storeLocation({ dataDir: '/d', databaseUrl: 'sqlite:/var/lib/bot.sqlite' })).toEqual({ dialect: 'sqlite', path: '/var/lib/bot.sqlite' });
  });

  it('given a postgres:// or postgresql:// URL, then PostgreSQL at that URL', () => {
    expect(storeLocation({ dataDir: '/d', databaseUrl: 'postgres://bot@db:5432/bot' })).toEqual({ dialect: 'postgres', url: 'postgres://bot@db:5432/bot' });
    expect(storeLocation({ dataDir: '/d', databaseUrl: 'postgresql://bot@db/bot' })).toMatchObject({ dialect: 'postgres' });
  });

  it('given another scheme, then config/invalid from loadConfig and from storeLocation', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://bot@db/bot' })).toThrow(/sqlite: or postgres:\/\/[\s\S]*at DATABASE_URL/u);
    expect(loadConfig({ DATABASE_URL: 'postgres://bot@db/bot' }).store.databaseUrl).toBe('postgres://bot@db/bot');
    let error: unknown;
    try {
      storeLocation({ dataDir: '/d', databaseUrl: 'mysql://x' });
    } catch (err) {
      error = err;
    }
    expect(error instanceof DigestError ? error.code : error).toBe('config/invalid');
  });
});
