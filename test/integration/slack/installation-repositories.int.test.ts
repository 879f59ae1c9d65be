/**
 * One contract for both Slack installation repositories: the SQLite file and PostgreSQL (TEST_DATABASE_URL,
 * a database of its own per test). Each is opened through `openInstallationRepository` with the location the
 * store's configuration names, after the store migrated the database, as the runtime does. PostgreSQL adds what
 * several instances need: an installation stored through one instance is served by another.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Installation } from '@slack/bolt';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, silentLogger, storeLocation } from '../../../src/index.ts';
import { createInstallationCipher } from '../../../adapters/slack/installation-cipher.ts';
import { createEncryptedInstallationStore } from '../../../adapters/slack/installation-store.ts';
import { openInstallationRepository, type ClosableInstallationRepository, type StoreLocation } from '../../../adapters/slack/open-installation-repository.ts';
import { createTestDatabase, postgresServer } from '../store/test-databases.ts';

interface Backend {
  /** A freshly migrated database and where it is. */
  fresh(): Promise<StoreLocation>;
  cleanup(): Promise<void>;
}

function sqliteBackend(): Backend {
  let dir: string | null = null;
  return {
    async fresh() {
      dir = mkdtempSync(join(tmpdir(), 'digestbot-installs-'));
      const config = { dataDir: dir, databaseUrl: null };
      await (await openStore(config)).close();
      return storeLocation(config);
    },
    cleanup() {
      if (dir !== null) rmSync(dir, { recursive: true, force: true });
      dir = null;
      return Promise.resolve();
    },
  };
}

function postgresBackend(adminUrl: string): Backend {
  let drop: (() => Promise<void>) | null = null;
  return {
    async fresh() {
      const db = await createTestDatabase(adminUrl);
      drop = db.drop;
      const config = { dataDir: tmpdir(), databaseUrl: db.url };
      await (await openStore(config, { poolSize: 2 })).close();
      return storeLocation(config);
    },
    async cleanup() {
      await drop?.();
      drop = null;
    },
  };
}

const installation = (teamId: string, botToken: string): Installation<'v2', false> => ({
  team: { id: teamId, name: `Team ${teamId}` }, enterprise: undefined, isEnterpriseInstall: false, authVersion: 'v2', appId: 'A0001',
  user: { id: 'U0002', token: undefined, scopes: undefined },
  bot: { id: 'B0002', userId: 'UBOT2', token: botToken, scopes: ['commands', 'chat:write'] },
});

function installationContract(name: string, backend: () => Backend): void {
  describe(`Slack installation repository contract: ${name}`, () => {
    let b: Backend;
    let where: StoreLocation;
    let repo: ClosableInstallationRepository;
    beforeEach(async () => {
      b = backend();
      where = await b.fresh();
      repo = await openInstallationRepository(where);
    });
    afterEach(async () => {
      await repo.close();
      await b.cleanup();
    });

    it('given the location of the store it is opened beside, then it uses that dialect', () => {
      expect(where.dialect).toBe(name);
    });

    it('given saved bytes, then find returns them, a second save replaces them, delete removes them, and an unknown key is null', async () => {
      const first = randomBytes(48);
      const second = randomBytes(40);
      await repo.save('team:T1', first, new Date('2026-12-08T00:00:00Z'));
      expect((await repo.find('team:T1'))?.equals(first)).toBe(true);
      await repo.save('team:T1', second, new Date('2026-12-08T00:01:00Z'));
      expect((await repo.find('team:T1'))?.equals(second)).toBe(true);
      expect(await repo.find('team:T2')).toBeNull();
      await repo.delete('team:T1');
      await repo.delete('team:T-absent');
      expect(await repo.find('team:T1')).toBeNull();
    });

    it('given channels linked to installations, then each channel names its latest installation, and an unknown channel null', async () => {
      await repo.linkChannel('C1', 'team:T1');
      await repo.linkChannel('C2', 'enterprise:E1');
      await repo.linkChannel('C1', 'team:T3');
      expect(await repo.channelInstallKey('C1')).toBe('team:T3');
      expect(await repo.channelInstallKey('C2')).toBe('enterprise:E1');
      expect(await repo.channelInstallKey('C9')).toBeNull();
    });

    it('given an installation sealed by the encrypted store, then a second repository on the same database serves it, and no token is stored in clear', async () => {
      const key = randomBytes(32).toString('base64');
      const token = `xoxb-${randomBytes(8).toString('hex')}`;
      const cipher = createInstallationCipher(key);
      await createEncryptedInstallationStore({ repository: repo, cipher, logger: silentLogger }).storeInstallation(installation('T7', token));
      const raw = (await repo.find('team:T7')) ?? Buffer.alloc(0);
      expect(raw.byteLength).toBeGreaterThan(token.length);
      expect(raw.includes(Buffer.from(token))).toBe(false);
      const other = await openInstallationRepository(where);
      try {
        const back = await createEncryptedInstallationStore({ repository: other, cipher, logger: silentLogger })
          .fetchInstallation({ teamId: 'T7', enterpriseId: undefined, isEnterpriseInstall: false });
        expect(back.bot?.token).toBe(token);
      } finally {
        await other.close();
      }
    });
  });
}

installationContract('sqlite', sqliteBackend);

const server = await postgresServer();
if (!server.ok) {
  describe(`Slack installations on PostgreSQL: skipped, ${server.why}`, () => {
    it.skip(`set TEST_DATABASE_URL to a PostgreSQL server to run these tests (${server.why})`, () => undefined);
  });
} else {
  installationContract('postgres', () => postgresBackend(server.adminUrl));

  describe('Slack installations on PostgreSQL: opening', () => {
    it('given a database the store never migrated, then opening the repository fails naming migration 6', async () => {
      const db = await createTestDatabase(server.adminUrl);
      try {
        await expect(openInstallationRepository({ dialect: 'postgres', url: db.url })).rejects.toMatchObject({ code: 'store/open-failed', message: expect.stringContaining('migration 6') as string });
      } finally {
        await db.drop();
      }
    });

    it('given the sealed row in PostgreSQL, then it is a bytea holding no part of the token', async () => {
      const b = postgresBackend(server.adminUrl);
      const where = await b.fresh();
      const repo = await openInstallationRepository(where);
      try {
        const token = `xoxb-${randomBytes(8).toString('hex')}`;
        await createEncryptedInstallationStore({ repository: repo, cipher: createInstallationCipher(randomBytes(32).toString('base64')), logger: silentLogger })
          .storeInstallation(installation('T8', token));
        const client = new pg.Client({ connectionString: where.dialect === 'postgres' ? where.url : '' });
        await client.connect();
        const row = (await client.query<{ sealed: Buffer; kind: string }>("SELECT sealed, pg_typeof(sealed)::text AS kind FROM slack_installations WHERE install_key = 'team:T8'")).rows[0];
        await client.end();
        expect(row?.kind).toBe('bytea');
        expect(row?.sealed.includes(Buffer.from(token))).toBe(false);
        expect(row?.sealed.toString('latin1').includes('Team T8')).toBe(false);
      } finally {
        await repo.close();
        await b.cleanup();
      }
    });
  });
}
