/**
 * The version-6 columns: the speaker, cue and medium offsets of attributions
 * and the source and target offsets of events, filled from each stored
 * analysis. A store is filled by today's code and set back to schema version
 * 5 as that code left it (without the columns); opened with today's code, it
 * must hold exactly the attribution and event rows that today's code writes,
 * each offset slicing the text back to its span, with nothing else changed.
 * A failure part-way leaves it as it was.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../doc/schema.js';
import { aliasFixture, fixtureAnalysis } from '../fixtures.js';
import { dropTestSchemas, freshPgUrl, PG_AVAILABLE } from '../postgres/pg-test-support.js';
import { toRows } from '../rows.js';
import { contractFixtures } from '../store.contract.js';
import { SPAN_OFFSET_COLUMNS, SPAN_OFFSETS_CHUNK } from './migration-v6.js';
import { backToVersion, rawPgStore, rawSqliteStore, withoutSpanOffsets, type Raw, type RawStore } from './raw-store-support.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-v6-'));
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await dropTestSchemas();
});

const AT = '2026-01-05T10:00:00.000Z';

/** Events and no attributions, last of all: the migration reads documents that have either. */
const eventsOnly = fixtureAnalysis({
  id: 'events-only-1', text: 'Japan had occupied the Korean peninsula.', published: null,
  actors: [{ id: 'a1', name: 'Japan', type: 'LOC', kind: 'country', code: 'JPN', country: 'JPN' }],
  events: [{ source: { actor: 'a1', code: 'JPN', text: 'Japan' }, target: { text: 'Korean peninsula' }, verb: 'occupied', code: '192', date: null }],
});

/**
 * Enough documents for several chunks, each with a quote and an event; the
 * text starts with a character outside the BMP (two UTF-16 code units), and
 * every third one names a medium and an event target. One document has no
 * quotes or events.
 */
function documents(): Analysis[] {
  const { kim, aid, ukr } = contractFixtures();
  const filler = Array.from({ length: 2 * SPAN_OFFSETS_CHUNK + 3 }, (_, i) => fixtureAnalysis({
    id: `filler-${i}`, text: `🛰 Report ${i}. Ivanov met Lavrov in Minsk. The minister said on ${i % 3 === 0 ? 'Telegram' : 'Monday'} that all was calm.`,
    actors: [
      { id: 'a1', name: 'Sergei Ivanov', code: 'RUSGOV', mentions: ['Ivanov'] },
      { id: 'a2', name: 'Sergei Lavrov', code: 'RUSGOV', mentions: ['Lavrov'] },
    ],
    quotes: [{
      content: 'all was calm', speaker: 'The minister', speakerActor: 'a1', cue: { text: 'said', lemma: 'say' }, medium: i % 3 === 0 ? 'Telegram' : null,
      chain: [{ name: 'Sergei Ivanov', kind: 'speaker', actorId: 'a1' }],
    }],
    events: [{ source: { actor: 'a1', code: 'RUSGOV', text: 'Ivanov' }, target: i % 3 === 0 ? { actor: 'a2', code: 'RUSGOV', text: 'Lavrov' } : null, verb: 'met', code: '040' }],
  }));
  const quiet = fixtureAnalysis({ id: 'quiet-1', text: 'Nothing was said.' });
  return [kim, aid, ...filler, quiet, ukr, aliasFixture(), eventsOnly];
}

const attributions = (raw: RawStore) => raw.rows('SELECT * FROM attributions ORDER BY id');
const events = (raw: RawStore) => raw.rows('SELECT * FROM events ORDER BY id');
const version = async (raw: RawStore) => Number((await raw.rows('SELECT max(version) AS v FROM schema_migrations'))[0]!.v);
const count = (rows: Raw[], column: string) => rows.filter((r) => r[column] !== null).length;

/** Each offset pair slices the document text back to its span's text. */
async function expectSlices(raw: RawStore): Promise<void> {
  const texts = new Map((await raw.rows('SELECT seq, text FROM documents')).map((d) => [String(d.seq), String(d.text)]));
  const slice = (r: Raw, start: string, end: string) =>
    (r[start] === null ? null : texts.get(String(r.doc_seq))!.slice(Number(r[start]), Number(r[end])));
  const analyses = new Map(documents().map((a) => [a.text, a]));
  for (const r of await attributions(raw)) {
    const q = analyses.get(texts.get(String(r.doc_seq))!)!.layers.attributions![Number(r.idx)]!;
    expect(slice(r, 'speaker_start', 'speaker_end')).toBe(r.speaker_text);
    expect(slice(r, 'speaker_start', 'speaker_end')).toBe(q.speaker?.text ?? null);
    expect(slice(r, 'cue_start', 'cue_end')).toBe(r.cue);
    expect(slice(r, 'medium_start', 'medium_end')).toBe(r.medium);
    expect([r.speaker_start, r.speaker_end, r.cue_start, r.cue_end, r.medium_start, r.medium_end].map((v) => (v === null ? null : Number(v))))
      .toEqual([q.speaker?.start ?? null, q.speaker?.end ?? null, q.cue?.start ?? null, q.cue?.end ?? null, q.medium?.start ?? null, q.medium?.end ?? null]);
  }
  for (const r of await events(raw)) {
    const e = analyses.get(texts.get(String(r.doc_seq))!)!.layers.events![Number(r.idx)]!;
    expect(slice(r, 'source_start', 'source_end')).toBe(e.source.span?.text ?? null);
    expect(slice(r, 'target_start', 'target_end')).toBe(e.target?.span?.text ?? null);
    expect([r.source_start, r.source_end, r.target_start, r.target_end].map((v) => (v === null ? null : Number(v))))
      .toEqual([e.source.span?.start ?? null, e.source.span?.end ?? null, e.target?.span?.start ?? null, e.target?.span?.end ?? null]);
  }
}

async function check(open: () => Promise<RawStore>) {
  const old = await open();
  const today = await open();
  try {
    await old.write(documents().map((a) => toRows(a, AT)));
    await today.write(documents().map((a) => toRows(a, AT)));
    const expected = { attributions: await attributions(today), events: await events(today) };
    await expectSlices(today);
    // Every chunk has rows with offsets, and nulls where the analysis has no span.
    expect(count(expected.attributions, 'speaker_start')).toBeGreaterThan(2 * SPAN_OFFSETS_CHUNK);
    expect(count(expected.attributions, 'medium_start')).toBeGreaterThan(SPAN_OFFSETS_CHUNK / 2);
    expect(count(expected.attributions, 'medium_start')).toBeLessThan(expected.attributions.length);
    expect(count(expected.events, 'source_start')).toBeGreaterThan(2 * SPAN_OFFSETS_CHUNK);
    expect(count(expected.events, 'target_start')).toBeGreaterThan(SPAN_OFFSETS_CHUNK / 2);
    expect(count(expected.events, 'target_start')).toBeLessThan(expected.events.length);

    // Back to version 5, as that code left it: no offset columns.
    await backToVersion(old, 5);
    const before = { attributions: await attributions(old), events: await events(old) };
    expect(before.attributions[0]).not.toHaveProperty('speaker_start');
    expect(before.events[0]).not.toHaveProperty('source_start');
    expect(before.attributions).toEqual(withoutSpanOffsets(expected.attributions));
    expect(before.events).toEqual(withoutSpanOffsets(expected.events));

    // A document that cannot be read, last of all, stops the migration after earlier chunks were filled: nothing is left of it.
    const broken = eventsOnly.document.contentHash;
    await old.exec(`UPDATE documents SET analysis = '{' WHERE key = '${broken}'`);
    await expect(old.reopen()).rejects.toThrow(/not JSON/);
    expect(await version(old)).toBe(5);
    expect(await attributions(old)).toEqual(before.attributions);
    expect(await events(old)).toEqual(before.events);

    await old.exec(`UPDATE documents SET analysis = '${JSON.stringify({ ...eventsOnly, text: undefined }).replaceAll("'", "''")}' WHERE key = '${broken}'`);
    const migrated = await old.reopen();
    expect((await migrated.stats()).schemaVersion).toBe(6);
    const after = { attributions: await attributions(old), events: await events(old) };
    // The same rows (ids included) with the offsets added, exactly as today's writer gives them.
    expect(withoutSpanOffsets(after.attributions)).toEqual(before.attributions);
    expect(withoutSpanOffsets(after.events)).toEqual(before.events);
    expect(after).toEqual(expected);
    for (const [table, column] of SPAN_OFFSET_COLUMNS) expect(after[table][0]).toHaveProperty(column);
    await expectSlices(old);
  } finally {
    await old.close();
    await today.close();
  }
}

describe('version 6: span offsets in the flat rows', () => {
  it('adds and fills the speaker, cue, medium, source and target offsets of every stored row on SQLite', async () => {
    let n = 0;
    await check(async () => rawSqliteStore(path.join(dir, `v6-${n++}.db`)));
  });

  it.skipIf(!PG_AVAILABLE)('adds and fills the speaker, cue, medium, source and target offsets of every stored row on PostgreSQL', async () => {
    await check(async () => rawPgStore(freshPgUrl()));
  });
});
