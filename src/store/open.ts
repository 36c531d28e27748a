/**
 * The one way commands open a store: a `postgres://` (or `postgresql://`)
 * URL opens PostgreSQL, anything else is a SQLite file path. Defaults to
 * NEWSGRAPH_DB, then ./newsgraph.db.
 */
import { isPostgresUrl } from './postgres/pg-connection.js';
import { PgStore } from './postgres/pg-store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';
import { NewsgraphError } from '../util/errors.js';

export const DEFAULT_DB_PATH = './newsgraph.db';

export function defaultDb(): string {
  const env = process.env.NEWSGRAPH_DB;
  return env && env.trim() !== '' ? env : DEFAULT_DB_PATH;
}

export interface OpenStoreOptions {
  /** Open an existing store without migrating or writing. */
  readonly?: boolean;
}

export async function openStore(dbUrlOrPath: string = defaultDb(), opts: OpenStoreOptions = {}): Promise<Store> {
  if (isPostgresUrl(dbUrlOrPath)) return PgStore.open(dbUrlOrPath, opts);
  // "mysql://...", "postgress://...": a URL we cannot open, not a SQLite file to look for (or create) under that name.
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(dbUrlOrPath);
  if (scheme) throw new NewsgraphError('usage', `cannot open a ${scheme[1]}:// database: give a SQLite file path or a postgres:// URL`);
  return SqliteStore.open(dbUrlOrPath, opts);
}
