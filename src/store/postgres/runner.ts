/**
 * The PostgreSQL runner over a node-postgres pool: a statement outside a transaction takes any pooled
 * connection; a transaction takes one connection of its own for BEGIN … COMMIT, and calls on the outer store
 * made inside it (in its async context) go to that connection. `?` placeholders become `$1, $2, …`.
 */
import type { Pool, PoolClient } from 'pg';
import { inTransaction, transactionRunner, TransactionScope, type SqlRunner, type SqlValue, type Statements } from '../sql/runner.ts';

const numbered = new Map<string, string>();

/** The SQL with `?` numbered as PostgreSQL wants (the repositories never put `?` inside a string literal). */
export function toPostgresSql(sql: string): string {
  let out = numbered.get(sql);
  if (out === undefined) {
    let n = 0;
    out = sql.replace(/\?/gu, () => `$${String(++n)}`);
    if (numbered.size < 1024) numbered.set(sql, out);
  }
  return out;
}

function on(client: Pool | PoolClient): Statements {
  return {
    async all<R>(sql: string, params: readonly SqlValue[] = []): Promise<R[]> {
      const result = await client.query(toPostgresSql(sql), params as SqlValue[]);
      return result.rows as R[];
    },
    async run(sql, params = []) {
      const result = await client.query(toPostgresSql(sql), params as SqlValue[]);
      return result.rowCount ?? 0;
    },
  };
}

/** The runner over `pool`. */
export function postgresRunner(pool: Pool): SqlRunner {
  const direct = on(pool);
  const scope = new TransactionScope();
  return {
    all: (sql, params) => (scope.current() ?? direct).all(sql, params),
    run: (sql, params) => (scope.current() ?? direct).run(sql, params),
    async transaction(fn) {
      const open = scope.current();
      if (open !== undefined) return open.transaction(fn);
      const client = await pool.connect();
      let broken = false;
      try {
        const conn = on(client);
        return await inTransaction(conn, 'BEGIN', scope, transactionRunner(conn), fn);
      } catch (err) {
        // A connection whose ROLLBACK failed is not handed out again.
        broken = !(await client.query('SELECT 1').then(() => true, () => false));
        throw err;
      } finally {
        client.release(broken);
      }
    },
  };
}
