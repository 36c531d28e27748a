/**
 * Crash safety, with a real process kill: `newsgraph ingest` is killed with
 * SIGKILL part-way through a large JSONL file, then run again. The store
 * must be consistent (every document has its full-text row, no orphans) and
 * the rerun must finish the job without duplicates. For both stores.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { clientOnSchema, dropTestSchemas, freshPgUrl, PG_AVAILABLE } from '../src/store/postgres/pg-test-support.js';
import { PACKAGE_ROOT } from '../src/util/data-files.js';

const BIN = path.join(PACKAGE_ROOT, 'bin', 'newsgraph.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-crash-'));
afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  await dropTestSchemas();
});

// Enough that the kill (after 200 stored) lands mid-way at the full pipeline's speed, small enough to rerun quickly.
const UNIQUE = 600;
const REPEATS = 50; // records whose text repeats an earlier one: stored once

function writeBigJsonl(): string {
  const file = path.join(tmp, 'big.jsonl');
  const lines: string[] = [];
  const text = (i: number): string =>
    `Harbour report ${i}\n\nOfficials in port ${i} said on Monday that talks with the dockworkers had resumed after ${i % 17} days. ` +
    `The minister added that more work was needed before ships could sail, according to a statement.`;
  for (let i = 0; i < UNIQUE; i++) lines.push(JSON.stringify({ id: `doc-${i}`, text: text(i), source: `Outlet ${i % 5}` }));
  for (let i = 0; i < REPEATS; i++) lines.push(JSON.stringify({ id: `again-${i}`, text: text(i * 7) }));
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

interface Counts {
  documents: number;
  distinctKeys: number;
  fullText: number;
}

/** Start an ingest, SIGKILL it once `stored()` is past `killAfter`; resolves with the count seen at the kill. */
async function ingestAndKill(db: string, file: string, stored: () => Promise<number>, killAfter: number): Promise<number> {
  const child = spawn(process.execPath, [BIN, 'ingest', file, '--db', db, '--batch-size', '50', '--quiet'], { cwd: tmp, stdio: 'ignore' });
  let exited = false;
  child.on('exit', () => (exited = true));
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (exited) throw new Error('ingest finished before it could be killed: make the input larger');
    if (Date.now() > deadline) throw new Error('ingest made no progress');
    const n = await stored().catch(() => 0);
    if (n >= killAfter) {
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      return n;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

function rerun(db: string, file: string): void {
  const r = spawnSync(process.execPath, [BIN, 'ingest', file, '--db', db, '--quiet'], { cwd: tmp, encoding: 'utf8', timeout: 400_000 });
  expect(r.status, r.stderr).toBe(0);
}

async function crashAndRecover(db: string, counts: () => Promise<Counts>): Promise<void> {
  const file = writeBigJsonl();
  const atKill = await ingestAndKill(db, file, async () => (await counts()).documents, 200);
  const afterKill = await counts();
  expect(afterKill.documents).toBeGreaterThanOrEqual(atKill);
  expect(afterKill.documents).toBeLessThan(UNIQUE);
  // Whole batches only: the documents and their full-text rows were committed together.
  expect(afterKill.documents % 50).toBe(0);
  expect(afterKill.fullText).toBe(afterKill.documents);
  rerun(db, file);
  expect(await counts()).toEqual({ documents: UNIQUE, distinctKeys: UNIQUE, fullText: UNIQUE });
  rerun(db, file); // and once more: nothing changes
  expect(await counts()).toEqual({ documents: UNIQUE, distinctKeys: UNIQUE, fullText: UNIQUE });
}

describe('ingest killed with SIGKILL, then rerun', () => {
  it('SQLite: consistent after the kill, complete and without duplicates after the rerun', { timeout: 600_000 }, async () => {
    const db = path.join(tmp, 'crash.db');
    await crashAndRecover(db, async () => {
      if (!fs.existsSync(db)) return { documents: 0, distinctKeys: 0, fullText: 0 };
      const conn = new Database(db, { readonly: true, fileMustExist: true });
      try {
        const has = conn.prepare("SELECT 1 FROM sqlite_master WHERE name = 'documents_fts'").get();
        if (!has) return { documents: 0, distinctKeys: 0, fullText: 0 };
        return conn.prepare(`SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(DISTINCT key) FROM documents) AS distinctKeys,
          (SELECT count(*) FROM documents_fts f JOIN documents d ON d.seq = f.rowid) AS fullText`).get() as Counts;
      } finally {
        conn.close();
      }
    });
  });

  it.skipIf(!PG_AVAILABLE)('PostgreSQL: consistent after the kill, complete and without duplicates after the rerun', { timeout: 600_000 }, async () => {
    const db = freshPgUrl();
    const client = await clientOnSchema(db);
    try {
      await crashAndRecover(db, async () => {
        const exists = await client.query("SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'documents'");
        if (exists.rowCount === 0) return { documents: 0, distinctKeys: 0, fullText: 0 };
        const r = (await client.query(`SELECT count(*) AS documents, count(DISTINCT key) AS distinct_keys, count(*) FILTER (WHERE tsv IS NOT NULL AND tsv <> ''::tsvector) AS full_text FROM documents`)).rows[0];
        return { documents: Number(r.documents), distinctKeys: Number(r.distinct_keys), fullText: Number(r.full_text) };
      });
    } finally {
      await client.end();
    }
  });
});
