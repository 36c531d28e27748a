import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from './open.js';
import { PgStore } from './postgres/pg-store.js';
import { dropTestSchemas, freshPgUrl, PG_AVAILABLE } from './postgres/pg-test-support.js';
import { SqliteStore } from './sqlite/sqlite-store.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-open-'));
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await dropTestSchemas();
});

describe('openStore', () => {
  it('opens a SQLite file for a path', async () => {
    const store = await openStore(path.join(dir, 'x.db'));
    expect(store).toBeInstanceOf(SqliteStore);
    await store.close();
  });

  it.skipIf(!PG_AVAILABLE)('opens PostgreSQL for a postgres:// or postgresql:// URL', async () => {
    for (const url of [freshPgUrl(), freshPgUrl().replace(/^postgres:/, 'postgresql:')]) {
      const store = await openStore(url);
      expect(store).toBeInstanceOf(PgStore);
      await store.close();
    }
  });

  it('refuses a URL of another kind instead of taking it for a SQLite file name', async () => {
    for (const url of ['mysql://u@127.0.0.1/db', 'postgress://u@127.0.0.1/db', 'pg://localhost/x']) {
      await expect(openStore(url), url).rejects.toThrow(/^cannot open a \w+:\/\/ database: give a SQLite file path or a postgres:\/\/ URL$/);
      await expect(openStore(url, { readonly: true }), url).rejects.toMatchObject({ code: 'usage' });
    }
    expect(fs.readdirSync(process.cwd()).filter((f) => /^(mysql|postgress|pg):/.test(f))).toEqual([]);
  });

  it('refuses a bad schema name before connecting', async () => {
    await expect(openStore('postgres://u@127.0.0.1:1/db?schema=Robert%27);DROP')).rejects.toThrow(/must be lower-case letters/);
  });
});
