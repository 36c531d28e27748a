import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { storeContract } from '../store.contract.js';
import { PgStore } from './pg-store.js';
import { dropTestSchemas, freshPgUrl, PG_AVAILABLE, PG_TEST_URL } from './pg-test-support.js';

afterAll(dropTestSchemas);

if (PG_AVAILABLE) {
  storeContract('postgres', async () => PgStore.open(freshPgUrl()));
}

describe.skipIf(!PG_AVAILABLE)('PgStore', () => {
  it('runs migrations once, also when two processes open the same schema at once', async () => {
    const url = freshPgUrl();
    const stores = await Promise.all([PgStore.open(url), PgStore.open(url), PgStore.open(url)]);
    try {
      for (const s of stores) expect((await s.stats()).schemaVersion).toBe(6);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('refuses a schema that holds other tables, without touching them', async () => {
    const url = freshPgUrl();
    const schema = new URL(url).searchParams.get('schema')!;
    const client = new pg.Client({ connectionString: PG_TEST_URL });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA "${schema}"`);
      await client.query(`CREATE TABLE "${schema}".customers (id INTEGER)`);
      await expect(PgStore.open(url)).rejects.toThrow(/not a newsgraph store/);
      const tables = await client.query('SELECT table_name FROM information_schema.tables WHERE table_schema = $1', [schema]);
      expect(tables.rows.map((r: { table_name: string }) => r.table_name)).toEqual(['customers']);
    } finally {
      await client.end();
    }
  });

  it('reports an unreachable server in one line without the password', async () => {
    await expect(PgStore.open('postgres://someone:secret@127.0.0.1:1/none')).rejects.toThrow(/cannot connect to PostgreSQL at postgres:\/\/someone:\*\*\*@127\.0\.0\.1:1\/none/);
  });

  it('opens read-only only a store that exists', async () => {
    await expect(PgStore.open(freshPgUrl(), { readonly: true })).rejects.toThrow(/no newsgraph store/);
  });
});
