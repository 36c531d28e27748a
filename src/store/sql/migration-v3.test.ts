/**
 * The version-3 backfill recounts event records from their rows: zero the
 * kept counts of a filled store, run it, and the records read as before.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { PgStore } from '../postgres/pg-store.js';
import { clientOnSchema, dropTestSchemas, freshPgUrl, PG_AVAILABLE } from '../postgres/pg-test-support.js';
import { SqliteStore } from '../sqlite/sqlite-store.js';
import { contractFixtures } from '../store.contract.js';
import type { Store } from '../store.js';
import { RECOUNT_SQL } from './migration-v3.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-v3-'));
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await dropTestSchemas();
});

const ZERO = 'DELETE FROM event_record_outlets; UPDATE event_records SET documents = 0, outlets = 0, first_sentence = 99;';

async function roundTrip(store: Store, exec: (sql: string) => Promise<void>): Promise<void> {
  const { kim, aid, ukr } = contractFixtures();
  await store.putMany([kim, aid]);
  await store.putMany([ukr]);
  const before = (await store.eventRecords({}, { limit: 100 })).items;
  expect(before.find((r) => r.code === '0871')).toMatchObject({ documents: 2, outlets: 2, mentions: 3 });
  await exec(ZERO);
  expect((await store.eventRecords({}, { limit: 100 })).items.every((r) => r.documents === 0)).toBe(true);
  await exec(RECOUNT_SQL);
  expect((await store.eventRecords({}, { limit: 100 })).items).toEqual(before);
}

describe('version 3 recount', () => {
  it('restores the kept counts on SQLite', async () => {
    const file = path.join(dir, 'v3.db');
    const store = SqliteStore.open(file);
    const raw = new Database(file);
    try {
      await roundTrip(store, async (sql) => void raw.exec(sql));
    } finally {
      raw.close();
      await store.close();
    }
  });

  it.skipIf(!PG_AVAILABLE)('restores the kept counts on PostgreSQL', async () => {
    const url = freshPgUrl();
    const store = await PgStore.open(url);
    const client = await clientOnSchema(url);
    try {
      await roundTrip(store, async (sql) => void (await client.query(sql)));
    } finally {
      await client.end();
      await store.close();
    }
  });
});
