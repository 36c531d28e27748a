/**
 * Two processes that open the same old SQLite store for writing at the same
 * moment (an `ingest` and a `serve`, say) migrate it once: the second waits
 * for the first and finds nothing left to do. Before, both read the old
 * version before either wrote, and the second applied the migrations again
 * ("duplicate column name: speaker_start") and failed.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { backToVersion, rawSqliteStore } from '../sql/raw-store-support.js';
import { contractFixtures } from '../store.contract.js';
import { SQLITE_SCHEMA_VERSION } from './migrations.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-migration-race-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const STORE_MODULE = pathToFileURL(path.join(import.meta.dirname, 'sqlite-store.ts')).href;
const OPEN = `const { SqliteStore } = await import(${JSON.stringify(STORE_MODULE)}); await SqliteStore.open(process.argv[1]).close(); console.log('opened');`;

/** A process that opens the store for writing (migrating it) and closes it. */
function opener(file: string): Promise<{ code: number | null; stderr: string; stdout: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', OPEN, file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr, stdout })));
}

it('migrates an old store once when two processes open it for writing at the same moment', async () => {
  const file = path.join(dir, 'old.db');
  const raw = rawSqliteStore(file);
  const { kim, aid, ukr } = contractFixtures();
  await raw.store.putMany([kim, aid, ukr]);
  await backToVersion(raw, 5);
  await raw.close();

  // Hold the write lock while both processes start, so that both find version 5 before either can migrate.
  const lock = new Database(file);
  lock.exec('BEGIN IMMEDIATE');
  const both = Promise.all([opener(file), opener(file)]);
  await new Promise((r) => setTimeout(r, 2500));
  lock.exec('COMMIT');
  lock.close();

  for (const r of await both) expect({ code: r.code, stderr: r.stderr, stdout: r.stdout.trim() }).toEqual({ code: 0, stderr: '', stdout: 'opened' });
  const db = new Database(file, { readonly: true });
  expect(db.prepare('SELECT max(version) AS v FROM schema_migrations').get()).toEqual({ v: SQLITE_SCHEMA_VERSION });
  expect(db.prepare('SELECT count(*) AS n FROM attributions WHERE speaker_start IS NOT NULL').get()).not.toEqual({ n: 0 });
  db.close();
}, 30_000);
