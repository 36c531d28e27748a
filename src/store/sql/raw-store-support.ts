/**
 * For migration tests: a store opened by today's code together with a direct
 * connection to its tables, so rows can be written as older code wrote them,
 * tampered with, read back, and the store reopened (which migrates it).
 * One shape for SQLite and PostgreSQL.
 */
import Database from 'better-sqlite3';
import type pg from 'pg';
import { PgStore } from '../postgres/pg-store.js';
import { clientOnSchema } from '../postgres/pg-test-support.js';
import { writeBatch } from '../postgres/pg-writer.js';
import type { DocumentRows } from '../rows.js';
import { SqliteStore } from '../sqlite/sqlite-store.js';
import { SqliteWriter } from '../sqlite/sqlite-writer.js';
import type { Store } from '../store.js';
import { SPAN_OFFSET_COLUMNS } from './migration-v6.js';

export type Raw = Record<string, unknown>;

export interface RawStore {
  readonly store: Store;
  /** Writes rows as given, in one transaction, past the store's own write path. */
  write: (rows: DocumentRows[]) => Promise<void>;
  exec: (sql: string) => Promise<void>;
  rows: (sql: string) => Promise<Raw[]>;
  /** Closes the store and opens it again with today's code (which migrates it). */
  reopen: () => Promise<Store>;
  close: () => Promise<void>;
}

/** Keeps one open store and reopens it on request. */
function reopening(first: Store, open: () => Promise<Store>) {
  let store: Store | null = first;
  return {
    get store(): Store {
      if (!store) throw new Error('the store is closed');
      return store;
    },
    reopen: async (): Promise<Store> => {
      if (store) await store.close();
      store = null;
      store = await open();
      return store;
    },
    closeStore: async (): Promise<void> => {
      if (store) await store.close();
      store = null;
    },
  };
}

export function rawSqliteStore(file: string): RawStore {
  const held = reopening(SqliteStore.open(file), async () => SqliteStore.open(file));
  const raw = new Database(file);
  const writer = new SqliteWriter(raw);
  return {
    get store() { return held.store; },
    write: async (rows) => raw.transaction(() => { writer.startBatch(); for (const r of rows) writer.write(r); })(),
    exec: async (sql) => void raw.exec(sql),
    rows: async (sql) => raw.prepare(sql).all() as Raw[],
    reopen: held.reopen,
    close: async () => { raw.close(); await held.closeStore(); },
  };
}

export async function rawPgStore(url: string): Promise<RawStore> {
  const held = reopening(await PgStore.open(url), () => PgStore.open(url));
  const client = await clientOnSchema(url);
  return {
    get store() { return held.store; },
    write: async (rows) => {
      await client.query('BEGIN');
      await writeBatch(client as unknown as pg.PoolClient, rows);
      await client.query('COMMIT');
    },
    exec: async (sql) => void (await client.query(sql)),
    rows: async (sql) => (await client.query(sql)).rows as Raw[],
    reopen: held.reopen,
    close: async () => { await client.end(); await held.closeStore(); },
  };
}

/**
 * Sets a store back to a schema version before 6, as the code of that version
 * left it: the migration records from `version` on deleted and the columns
 * version 6 added dropped (SQLite 3.35+ and PostgreSQL both drop columns).
 */
export async function backToVersion(raw: RawStore, version: number): Promise<void> {
  if (version > 5) throw new Error(`backToVersion: ${version} is not before version 6`);
  await raw.exec(`DELETE FROM schema_migrations WHERE version >= ${version + 1}`);
  for (const [table, column] of SPAN_OFFSET_COLUMNS) await raw.exec(`ALTER TABLE ${table} DROP COLUMN ${column}`);
}

/** Rows without the columns version 6 added, to compare with rows read before it. */
export function withoutSpanOffsets(rows: Raw[]): Raw[] {
  const added = new Set(SPAN_OFFSET_COLUMNS.map(([, column]) => column));
  return rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !added.has(k))));
}
