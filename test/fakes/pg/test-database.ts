/**
 * The PostgreSQL the Postgres suites run on: TEST_DATABASE_URL (e.g.
 * postgres://postgres@127.0.0.1:5432/postgres). When it is unset or no server
 * answers, `testDatabaseUrl()` resolves to null with the reason, and the
 * suite skips with a message naming the variable.
 */
import pg from 'pg';

export interface TestDatabase {
  url: string | null;
  /** Why the Postgres suites skip (null when they run). */
  skipReason: string | null;
}

export async function testDatabase(env: Record<string, string | undefined> = process.env): Promise<TestDatabase> {
  const url = env['TEST_DATABASE_URL'];
  if (url === undefined || url.trim() === '') return { url: null, skipReason: 'TEST_DATABASE_URL is not set: Postgres suites skipped' };
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { url, skipReason: null };
  } catch (err) {
    return { url: null, skipReason: `TEST_DATABASE_URL (${url.replace(/\/\/[^@/]*@/u, '//…@')}) does not answer (${err instanceof Error ? err.message : String(err)}): Postgres suites skipped` };
  } finally {
    await client.end().catch(() => undefined);
  }
}
