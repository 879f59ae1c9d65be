/** The Store over a `SqlDatabase`: the same repositories on SQLite and PostgreSQL, rebound inside a transaction. */
import type { Store, StoreSession } from '../port.ts';
import { sqlArticles } from './articles.ts';
import { sqlLedger } from './ledger.ts';
import { sqlAudit, sqlDefinitions, sqlDigestCache, sqlLlmLedger, sqlState, sqlWorkspaces } from './misc.ts';
import type { SqlDatabase, SqlRunner } from './runner.ts';
import { sqlSources } from './sources.ts';

function session(db: SqlRunner): StoreSession {
  return {
    workspaces: sqlWorkspaces(db),
    sources: sqlSources(db),
    articles: sqlArticles(db),
    digestCache: sqlDigestCache(db),
    ledger: sqlLedger(db),
    audit: sqlAudit(db),
    definitions: sqlDefinitions(db),
    state: sqlState(db),
    llm: sqlLlmLedger(db),
    transaction: (fn) => db.transaction((tx) => fn(session(tx))),
  };
}

export function sqlStore(db: SqlDatabase): Store {
  return {
    ...session(db),
    dialect: db.dialect,
    schemaVersion: () => db.schemaVersion,
    close: () => db.close(),
  };
}
