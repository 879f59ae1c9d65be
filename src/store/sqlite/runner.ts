/**
 * The SQLite runner: better-sqlite3 runs each statement synchronously on the one connection. A transaction
 * spans awaits, so it is an explicit `BEGIN IMMEDIATE … COMMIT` guarded by an in-process gate: while one is
 * open, statements from any other async context wait until it ends, and only the transaction's own context
 * (its `tx`, or the outer store called inside `fn`) uses the connection.
 */
import type Database from 'better-sqlite3';
import { inTransaction, transactionRunner, TransactionScope, type SqlRunner, type SqlValue, type Statements } from '../sql/runner.ts';

/** Prepared statements kept per SQL text; dynamic SQL (an inlined id list) may add a few, so the cache is bounded. */
const STATEMENT_CACHE_LIMIT = 256;

function statements(db: Database.Database): Statements {
  const cache = new Map<string, Database.Statement<SqlValue[], unknown>>();
  const prepare = (sql: string): Database.Statement<SqlValue[], unknown> => {
    let stmt = cache.get(sql);
    if (stmt === undefined) {
      if (cache.size >= STATEMENT_CACHE_LIMIT) cache.clear();
      stmt = db.prepare<SqlValue[], unknown>(sql);
      cache.set(sql, stmt);
    }
    return stmt;
  };
  return {
    all: <R>(sql: string, params: readonly SqlValue[] = []): Promise<R[]> => {
      const stmt = prepare(sql);
      if (stmt.reader) return Promise.resolve(stmt.all(...params) as R[]);
      stmt.run(...params);
      return Promise.resolve([]);
    },
    run: (sql, params = []) => {
      const stmt = prepare(sql);
      return Promise.resolve(stmt.reader ? stmt.all(...params).length : stmt.run(...params).changes);
    },
  };
}

/** One transaction at a time holds the connection; everyone else waits for its end. */
class Gate {
  #owner: SqlRunner | null = null;
  #waiters: (() => void)[] = [];

  /** Whether a caller inside transaction `mine` (or none) must wait. */
  blocks(mine: SqlRunner | undefined): boolean {
    return this.#owner !== null && this.#owner !== mine;
  }

  /** Whether `tx` is the open transaction. */
  holds(tx: SqlRunner | undefined): boolean {
    return tx !== undefined && this.#owner === tx;
  }

  /** Resolves at the next release; check `blocks` again after it (and act in the same turn). */
  next(): Promise<void> {
    return new Promise<void>((resolve) => this.#waiters.push(resolve));
  }

  take(owner: SqlRunner): void {
    this.#owner = owner;
  }

  release(): void {
    this.#owner = null;
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const wake of waiters) wake();
  }
}

/** The runner over one better-sqlite3 connection. */
export function sqliteRunner(db: Database.Database): SqlRunner {
  const conn = statements(db);
  const scope = new TransactionScope();
  const gate = new Gate();
  // Each statement runs in the same turn as the check that the connection is free (no await in between).
  const whenFree = async <T>(op: () => Promise<T>): Promise<T> => {
    const mine = scope.current();
    while (gate.blocks(mine)) await gate.next();
    return op();
  };
  return {
    all: (sql, params) => whenFree(() => conn.all(sql, params)),
    run: (sql, params) => whenFree(() => conn.run(sql, params)),
    async transaction(fn) {
      const open = scope.current();
      if (open !== undefined && gate.holds(open)) return open.transaction(fn);
      while (gate.blocks(undefined)) await gate.next();
      const tx = transactionRunner(conn);
      gate.take(tx);
      try {
        return await inTransaction(conn, 'BEGIN IMMEDIATE', scope, tx, fn);
      } finally {
        gate.release();
      }
    },
  };
}
