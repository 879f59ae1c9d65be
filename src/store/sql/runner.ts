/**
 * The one query layer both databases share: repositories (`repositories.ts` and its neighbours) write SQL in
 * the common subset of SQLite and PostgreSQL with `?` placeholders, and run it through a `SqlRunner`. Each
 * database supplies a thin runner (`sqlite/runner.ts`, `postgres/runner.ts`); the transaction rules they share
 * (savepoints for nesting, outer calls joining the open transaction) live here.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** A bound parameter: the repositories bind only text, integers and null (booleans as 0/1). */
export type SqlValue = string | number | null;

export interface SqlRunner {
  /** Rows of a query (or of a statement with `RETURNING`). */
  all<R>(sql: string, params?: readonly SqlValue[]): Promise<R[]>;
  /** Runs a statement; returns the number of rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** Runs `fn` in a transaction on this runner (a savepoint when one is open already). */
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
}

export interface SqlDatabase extends SqlRunner {
  readonly dialect: 'sqlite' | 'postgres';
  /** The schema version the migrations reached when the database was opened. */
  readonly schemaVersion: number;
  close(): Promise<void>;
}

/** Whether a driver error is a unique-constraint violation (SQLite `SQLITE_CONSTRAINT_UNIQUE`/`…PRIMARYKEY`, PostgreSQL 23505). */
export function isUniqueViolation(err: unknown): boolean {
  if (typeof err !== 'object' || err === null || !('code' in err)) return false;
  const code = (err as { code: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** A statement-level runner without transactions: what a connection can do. */
export type Statements = Pick<SqlRunner, 'all' | 'run'>;

/**
 * The runner bound to an open transaction at savepoint depth `depth` (0: the transaction itself). Its nested
 * `transaction` calls become savepoints, released on success and rolled back on a throw.
 */
export function transactionRunner(conn: Statements, depth = 0): SqlRunner {
  return {
    all: (sql, params) => conn.all(sql, params),
    run: (sql, params) => conn.run(sql, params),
    async transaction(fn) {
      const name = `sp_${String(depth + 1)}`;
      await conn.run(`SAVEPOINT ${name}`);
      try {
        const value = await fn(transactionRunner(conn, depth + 1));
        await conn.run(`RELEASE SAVEPOINT ${name}`);
        return value;
      } catch (err) {
        await conn.run(`ROLLBACK TO SAVEPOINT ${name}`);
        await conn.run(`RELEASE SAVEPOINT ${name}`);
        throw err;
      }
    },
  };
}

/**
 * Which transaction the current async context is inside, per database: a call on the outer store from within
 * a transaction's `fn` joins that transaction (on SQLite it would otherwise wait for it forever).
 */
export class TransactionScope {
  readonly #current = new AsyncLocalStorage<SqlRunner>();
  /** Transactions still open (a timer started inside one may fire after it ended: it must not use it). */
  readonly #open = new WeakSet<SqlRunner>();

  /** The runner of the open transaction the caller is inside, or undefined. */
  current(): SqlRunner | undefined {
    const tx = this.#current.getStore();
    return tx !== undefined && this.#open.has(tx) ? tx : undefined;
  }

  /** Runs `fn` with `tx` as the current transaction of its async context. */
  async within<T>(tx: SqlRunner, fn: () => Promise<T>): Promise<T> {
    this.#open.add(tx);
    try {
      return await this.#current.run(tx, fn);
    } finally {
      this.#open.delete(tx);
    }
  }
}

/**
 * Runs BEGIN, `fn(tx)`, COMMIT on `conn` (`tx` a `transactionRunner(conn)`), with `tx` current in `fn`'s async
 * context; rolls back when `fn` (or the commit) throws.
 */
export async function inTransaction<T>(conn: Statements, begin: string, scope: TransactionScope, tx: SqlRunner, fn: (tx: SqlRunner) => Promise<T>): Promise<T> {
  await conn.run(begin);
  let value: T;
  try {
    value = await scope.within(tx, () => fn(tx));
  } catch (err) {
    await conn.run('ROLLBACK');
    throw err;
  }
  try {
    await conn.run('COMMIT');
  } catch (err) {
    // A failed COMMIT may leave the transaction open (SQLite when busy): end it before reporting.
    await conn.run('ROLLBACK').catch(() => 0);
    throw err;
  }
  return value;
}
