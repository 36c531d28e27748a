/**
 * Exports stream: 200,000 event rows go out while the JS heap stays flat.
 * The heap is sampled every 1,000 rows as they leave the database cursor;
 * had the export collected its rows (or its output) first, the heap would
 * grow by more than the size of the file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticAnalyses } from '../fixtures.js';
import { PgStore } from '../postgres/pg-store.js';
import { dropTestSchemas, freshPgUrl, PG_AVAILABLE } from '../postgres/pg-test-support.js';
import { SqliteStore } from '../sqlite/sqlite-store.js';
import type { Store, StreamKind } from '../store.js';
import { exportTable, type ExportFormat } from './export.js';

const DOCUMENTS = 2000;
const EVENTS_PER_DOCUMENT = 100;
const ROWS = DOCUMENTS * EVENTS_PER_DOCUMENT;
const MB = 1024 * 1024;

// A full collection before the baseline, so garbage left by filling the store cannot hide growth.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-export-mem-'));
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await dropTestSchemas();
});

async function fill(store: Store): Promise<void> {
  let batch = [];
  for (const a of syntheticAnalyses(DOCUMENTS, EVENTS_PER_DOCUMENT, 7)) {
    batch.push(a);
    if (batch.length === 100) {
      await store.putMany(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await store.putMany(batch);
}

/** The store, with the heap sampled every 1,000 streamed rows. */
function sampled(store: Store): { store: Store; peak: () => number } {
  let peak = 0;
  const wrapped = new Proxy(store, {
    get(target, prop, receiver) {
      if (prop !== 'stream') return Reflect.get(target, prop, receiver);
      return (kind: StreamKind, filter: object) =>
        (async function* () {
          let i = 0;
          for await (const row of target.stream(kind, filter as never)) {
            if (++i % 1000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
            yield row;
          }
        })();
    },
  });
  return { store: wrapped, peak: () => peak };
}

async function measure(store: Store, format: ExportFormat, ext: string): Promise<{ rows: number; growthMb: number; fileMb: number }> {
  const out = path.join(dir, `events-${format}-${Math.random().toString(36).slice(2)}${ext}`);
  const { store: s, peak } = sampled(store);
  gc();
  const before = process.memoryUsage().heapUsed;
  const { rows } = await exportTable(s, { kind: 'events', filter: {}, format, out });
  const fileMb = fs.statSync(out).size / MB;
  fs.rmSync(out);
  return { rows, growthMb: Math.max(0, peak() - before) / MB, fileMb };
}

for (const kind of ['sqlite', 'postgres'] as const) {
  describe.skipIf(kind === 'postgres' && !PG_AVAILABLE)(`export memory (${kind})`, () => {
    it(`streams ${ROWS} event rows to CSV and JSONL in flat memory`, { timeout: 600_000 }, async () => {
      const store = kind === 'sqlite' ? SqliteStore.open(path.join(dir, 'big.db')) : await PgStore.open(freshPgUrl());
      try {
        await fill(store);
        expect((await store.stats()).events).toBe(ROWS);
        for (const [format, ext] of [['csv', '.csv'], ['jsonl', '.jsonl']] as const) {
          const m = await measure(store, format, ext);
          console.log(`[newsgraph] ${kind} ${format}: ${m.rows} rows, ${m.fileMb.toFixed(1)} MB written, heap growth ${m.growthMb.toFixed(1)} MB`);
          expect(m.rows).toBe(ROWS);
          expect(m.fileMb).toBeGreaterThan(40);
          // Flat: well under what was written (holding the rows or the output would cost at least the file's size:
          // one byte per character for V8's narrowest strings, far more for row objects). Young-generation garbage
          // between collections accounts for the growth that is measured.
          expect(m.growthMb).toBeLessThan(Math.min(48, m.fileMb * 0.6));
        }
      } finally {
        await store.close();
      }
    });
  });
}
