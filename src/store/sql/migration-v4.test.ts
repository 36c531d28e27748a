/**
 * The version-4 repair: events stored on their ingest day because they had
 * no date get their unknown date back, and their records are recounted. Rows
 * are written as the code before version 4 wrote them, repaired, and must then
 * read exactly as the same documents written by today's code.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../doc/schema.js';
import { fixtureAnalysis } from '../fixtures.js';
import { dropTestSchemas, freshPgUrl, PG_AVAILABLE } from '../postgres/pg-test-support.js';
import { NO_DAY, recordKey, toRows, type DocumentRows } from '../rows.js';
import { contractFixtures } from '../store.contract.js';
import type { Store } from '../store.js';
import { PG_NO_DATE, SQLITE_NO_DATE, UNDATED_EVENTS_SQL } from './migration-v4.js';
import { rawPgStore, rawSqliteStore, type RawStore } from './raw-store-support.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-v4-'));
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await dropTestSchemas();
});

const actors = [
  { id: 'a1', name: 'Japan', type: 'LOC' as const, kind: 'country', code: 'JPN', country: 'JPN' },
  { id: 'a2', name: 'Korea', type: 'LOC' as const, kind: 'country', code: 'KOR', country: 'KOR' },
];
const occupied = (date: string | null) => ({ source: { actor: 'a1', code: 'JPN', text: 'Japan' }, target: { actor: 'a2', code: 'KOR', text: 'Korea' }, verb: 'occupied', code: '192', date });
const undated = (id: string, text: string, source: string | null) => fixtureAnalysis({ id, text, source, published: null, actors, events: [occupied(null)] });

/** Batches as they were ingested: [ingested at, analyses]. */
function batches(): [string, Analysis[]][] {
  const { kim, aid, ukr } = contractFixtures();
  return [
    ['2026-01-05T10:00:00.000Z', [
      kim, aid,
      undated('undated-1', 'Japan had occupied Korea.', 'Wire One'),
      // A real date that happens to be the ingest day: never moved.
      fixtureAnalysis({ id: 'dated-2', text: 'Japan occupied Korea on 5 January 2026.', source: 'Daily Two', published: null, actors, events: [occupied('2026-01-05')] }),
    ]],
    ['2026-01-06T09:00:00.000Z', [ukr, undated('undated-3', 'Back then Japan occupied Korea.', 'Daily Two'), undated('undated-4', 'Japan once occupied Korea.', null)]],
  ];
}

/** The rows the code before version 4 wrote: an undated event on the day it was ingested. */
function oldRows(a: Analysis, ingestedAt: string): DocumentRows {
  const rows = toRows(a, ingestedAt);
  const day = ingestedAt.slice(0, 10);
  rows.events = rows.events.map((e) => (e.day !== NO_DAY ? e : { ...e, day, recordKey: recordKey(e.source.code, e.target.code, e.code, day) }));
  return rows;
}

async function snapshot(store: Store) {
  const records = (await store.eventRecords({}, { limit: 100 })).items.map(({ id: _id, ...r }) => r);
  const events = (await store.events({}, { limit: 100 })).items.map(({ id: _id, recordId: _r, ...e }) => e);
  const order = (x: { date: string | null; code: string; sourceCode: string | null }) => `${x.date ?? ''}\t${x.code}\t${x.sourceCode ?? ''}`;
  records.sort((x, y) => order(x).localeCompare(order(y)));
  const { path: _path, ...stats } = await store.stats();
  return { records, events, stats };
}

async function check(open: () => Promise<RawStore>, noDate: string) {
  const old = await open();
  const today = await open();
  try {
    for (const [at, analyses] of batches()) {
      await old.write(analyses.map((a) => oldRows(a, at)));
      await today.write(analyses.map((a) => toRows(a, at)));
    }
    const before = await snapshot(old.store);
    expect(before.records.find((r) => r.code === '192')).toMatchObject({ date: '2026-01-05', documents: 2, outlets: 2 });
    await old.exec(UNDATED_EVENTS_SQL.replaceAll('{NO_DATE}', noDate));
    const after = await snapshot(old.store);
    const expected = await snapshot(today.store);
    expect(after).toEqual(expected);
    expect(after.records.filter((r) => r.code === '192').map((r) => [r.date, r.documents, r.outlets, r.mentions, r.firstSeen])).toEqual([
      [null, 3, 2, 3, '2026-01-05T10:00:00.000Z'],
      ['2026-01-05', 1, 1, 1, '2026-01-05T10:00:00.000Z'],
    ]);
    // Nothing else moved: the contract fixtures' records are as before.
    expect(after.records.filter((r) => r.code !== '192')).toEqual(before.records.filter((r) => r.code !== '192'));
    // Running it again changes nothing.
    await old.exec(UNDATED_EVENTS_SQL.replaceAll('{NO_DATE}', noDate));
    expect(await snapshot(old.store)).toEqual(expected);
  } finally {
    await old.close();
    await today.close();
  }
}

describe('version 4: undated events', () => {
  it('gives undated events back their unknown date and recounts their records on SQLite', async () => {
    let n = 0;
    await check(async () => rawSqliteStore(path.join(dir, `v4-${n++}.db`)), SQLITE_NO_DATE);
  });

  it.skipIf(!PG_AVAILABLE)('gives undated events back their unknown date and recounts their records on PostgreSQL', async () => {
    await check(async () => rawPgStore(freshPgUrl()), PG_NO_DATE);
  });
});
