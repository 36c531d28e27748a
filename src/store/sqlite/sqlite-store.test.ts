import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { storeContract } from '../store.contract.js';
import { SqliteStore } from './sqlite-store.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-sqlite-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;

storeContract('sqlite', async () => SqliteStore.open(path.join(dir, `contract-${n++}.db`)));

describe('SqliteStore', () => {
  it('runs migrations once and records the schema version', async () => {
    const file = path.join(dir, 'migrate.db');
    await SqliteStore.open(file).close();
    const store = SqliteStore.open(file);
    expect((await store.stats()).schemaVersion).toBe(1);
    await store.close();
  });

  it('refuses a SQLite database that is not a newsgraph one, without touching it', () => {
    const file = path.join(dir, 'foreign.db');
    const db = new Database(file);
    db.exec('CREATE TABLE customers (id INTEGER)');
    db.close();
    expect(() => SqliteStore.open(file)).toThrow(/not a newsgraph one/);
    const check = new Database(file);
    expect(check.prepare("SELECT name FROM sqlite_master WHERE type='table'").all()).toEqual([{ name: 'customers' }]);
    check.close();
  });

  it('refuses a database from a newer newsgraph', () => {
    const file = path.join(dir, 'newer.db');
    SqliteStore.open(file).close();
    const db = new Database(file);
    db.prepare('INSERT INTO schema_migrations VALUES (999, ?)').run('2030-01-01');
    db.close();
    expect(() => SqliteStore.open(file)).toThrow(/newer than this newsgraph/);
  });
});
