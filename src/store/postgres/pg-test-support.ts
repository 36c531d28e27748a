/**
 * For tests: the local PostgreSQL (NEWSGRAPH_TEST_PG, default
 * postgres://postgres@127.0.0.1:5432/test), a fresh schema per store, and
 * clean-up. Tests skip with a printed notice when the server is unreachable.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { parsePgUrl } from './pg-connection.js';

export const PG_TEST_URL = process.env.NEWSGRAPH_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

export async function pgReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_TEST_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Probe once at import time so test files can decide between describe and describe.skip. */
export const PG_AVAILABLE = await pgReachable();
if (!PG_AVAILABLE) console.warn(`[newsgraph] PostgreSQL not reachable at ${PG_TEST_URL}: PostgreSQL store tests skipped`);

const created: string[] = [];

/** A store URL with its own new schema (ng_test_<random>), dropped by dropTestSchemas. */
export function freshPgUrl(): string {
  const schema = `ng_test_${randomBytes(6).toString('hex')}`;
  created.push(schema);
  const url = new URL(PG_TEST_URL);
  url.searchParams.set('schema', schema);
  return url.toString();
}

export async function dropTestSchemas(): Promise<void> {
  if (created.length === 0) return;
  const client = new pg.Client({ connectionString: PG_TEST_URL });
  await client.connect();
  try {
    for (const schema of created.splice(0)) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** A connected client whose search path is the schema of a store URL, to read or tamper with a store's tables directly. */
export async function clientOnSchema(url: string): Promise<pg.Client> {
  const target = parsePgUrl(url);
  const client = new pg.Client({ connectionString: target.connectionString, options: `-c search_path=${target.schema}` });
  await client.connect();
  return client;
}
