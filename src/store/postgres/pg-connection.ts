/**
 * PostgreSQL connection settings from a `postgres://` URL. One extra query
 * parameter is ours: `schema=<name>` puts every table in that schema
 * (created if missing), so tests and several stores can share a database.
 */
import pg from 'pg';
import { NewsgraphError } from '../../util/errors.js';

export interface PgTarget {
  /** The connection string pg gets (our `schema` parameter removed). */
  connectionString: string;
  schema: string | null;
  /** For messages: the URL without its password, with its schema (several stores may share a database). */
  display: string;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value);
}

export function parsePgUrl(value: string): PgTarget {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new NewsgraphError('usage', 'the PostgreSQL URL is not a valid URL (postgres://user@host:5432/database)');
  }
  const schema = url.searchParams.get('schema');
  if (schema !== null && !SCHEMA_NAME.test(schema)) {
    throw new NewsgraphError('usage', `schema "${schema}" must be lower-case letters, digits and underscores`);
  }
  const display = new URL(url.toString());
  if (display.password) display.password = '***';
  url.searchParams.delete('schema');
  return { connectionString: url.toString(), schema, display: display.toString() };
}

/** A pg error as a one-line NewsgraphError that never shows the password. */
export function pgError(target: PgTarget, e: unknown): NewsgraphError {
  if (e instanceof NewsgraphError) return e;
  const err = e as { code?: string; message?: string };
  if (err.code === 'ECONNREFUSED' || err.code === 'ENOTFOUND' || err.code === 'ETIMEDOUT' || err.code === '28P01' || err.code === '3D000') {
    return new NewsgraphError('store-error', `cannot connect to PostgreSQL at ${target.display}: ${err.message ?? err.code}`);
  }
  return new NewsgraphError('store-error', `PostgreSQL ${target.display}: ${(err.message ?? String(e)).split('\n')[0]}`);
}

export function makePool(target: PgTarget): pg.Pool {
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    max: 8,
    connectionTimeoutMillis: 10_000,
    // search_path is set at connection start-up, so every pooled connection sees our schema.
    ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}),
  });
  // An idle client losing its connection must not crash the process; the next query reports it.
  pool.on('error', () => {});
  return pool;
}
