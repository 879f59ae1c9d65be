/** The Store over a `SqlDatabase`: the same repositories on SQLite and PostgreSQL, rebound inside a transaction. */
import { LOCAL_OWNER, type ClaimOwner, type Store, type StoreSession } from '../port.ts';
import { sqlArticles } from './articles.ts';
import { sqlLedger } from './ledger.ts';
import { sqlAudit, sqlDefinitions, sqlDigestCache, sqlLlmLedger, sqlState, sqlWorkspaces } from './misc.ts';
import type { SqlDatabase, SqlRunner, SqlValue } from './runner.ts';
import { sqlSources } from './sources.ts';

function session(db: SqlRunner, owner: ClaimOwner, dialect: SqlDatabase['dialect']): StoreSession {
  return {
    // pg-boss's statements number their placeholders already and hold no `?` for the runner to renumber.
    ...(dialect === 'postgres' ? { executeSql: async (text: string, values: unknown[]) => ({ rows: await db.all(text, values as SqlValue[]) }) } : {}),
    workspaces: sqlWorkspaces(db),
    sources: sqlSources(db),
    articles: sqlArticles(db),
    digestCache: sqlDigestCache(db),
    ledger: sqlLedger(db, owner),
    audit: sqlAudit(db),
    definitions: sqlDefinitions(db),
    state: sqlState(db),
    llm: sqlLlmLedger(db),
    transaction: (fn) => db.transaction((tx) => fn(session(tx, owner, dialect))),
  };
}

/** `owner`: whose claims the ledger makes (several instances on one database each need their own). */
export function sqlStore(db: SqlDatabase, owner: ClaimOwner = LOCAL_OWNER): Store {
  return {
    ...session(db, owner, db.dialect),
    dialect: db.dialect,
    schemaVersion: () => db.schemaVersion,
    close: () => db.close(),
  };
}
