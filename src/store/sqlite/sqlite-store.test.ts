import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { storeContract } from '../store.contract.js';
import { SqliteStore } from './sqlite-store.js';
import { contractFixtures } from '../store.contract.js';
import { sqliteMigrations } from './migrations.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-sqlite-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;

storeContract('sqlite', async () => SqliteStore.open(path.join(dir, `contract-${n++}.db`)));

describe('SqliteStore', () => {
  it('runs migrations once and records the schema version', async () => {
    const file = path.join(dir, 'migrate.db');
    await SqliteStore.open(file).close();
    const store = SqliteStore.open(file);
    expect((await store.stats()).schemaVersion).toBe(6);
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

  it('migrates a version-1 database: documents keep their keys and gain their fact rows', async () => {
    const file = path.join(dir, 'v1.db');
    const db = new Database(file);
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    db.exec(sqliteMigrations(() => {})[0]!.sql);
    db.prepare('INSERT INTO schema_migrations VALUES (1, ?)').run('2026-01-01');
    const { kim } = contractFixtures();
    db.prepare(`INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, ?)`).run(
      kim.document.contentHash, kim.document.id, kim.document.title, kim.document.url, kim.document.published, kim.document.source,
      kim.document.format, kim.document.encoding, kim.schemaVersion, kim.text, JSON.stringify({ ...kim, text: undefined }), '2026-01-01T00:00:00Z');
    db.close();
    const store = SqliteStore.open(file);
    try {
      expect((await store.stats()).schemaVersion).toBe(6);
      expect(await store.get('kim-1')).toEqual(kim);
      expect((await store.events({}, { limit: 10 })).items).toHaveLength(2);
      expect((await store.search('missiles', { limit: 10 })).items.map((h) => h.id)).toEqual(['kim-1']);
    } finally {
      await store.close();
    }
  });
});
