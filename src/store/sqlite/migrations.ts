/**
 * Schema migrations, applied in order on open. Never edit a migration that
 * has shipped: add a new one. A migration may carry `after`, run in the same
 * transaction once the SQL of every pending migration has run (it re-derives
 * rows through the current writer, which expects the latest tables).
 */
import type Database from 'better-sqlite3';
import { EVENT_RECORD_COUNTS_SQL } from '../sql/migration-v3.js';
import { SQLITE_NO_DATE, UNDATED_EVENTS_SQL } from '../sql/migration-v4.js';
import { QUOTE_KEYS_CHUNK, QUOTE_KEYS_DOCUMENTS_SQL, quoteKeysOf } from '../sql/migration-v5.js';
import { SPAN_OFFSET_COLUMNS_SQL, SPAN_OFFSETS_CHUNK, SPAN_OFFSETS_DOCUMENTS_SQL, spanOffsetsOf } from '../sql/migration-v6.js';

export interface SqliteMigration {
  version: number;
  sql: string;
  after?: (db: Database.Database) => void;
}

const V1 = `
  CREATE TABLE documents (
    key TEXT PRIMARY KEY,
    id TEXT NOT NULL,
    title TEXT,
    url TEXT,
    published TEXT,
    source TEXT,
    format TEXT NOT NULL,
    encoding TEXT NOT NULL,
    schema_version TEXT NOT NULL,
    text TEXT NOT NULL,
    analysis TEXT NOT NULL,
    sentences INTEGER NOT NULL,
    tokens INTEGER NOT NULL,
    boilerplate INTEGER NOT NULL,
    mentions INTEGER NOT NULL,
    attributions INTEGER NOT NULL,
    events INTEGER NOT NULL,
    ingested_at TEXT NOT NULL
  );
  CREATE INDEX documents_id ON documents(id);
  CREATE INDEX documents_source ON documents(source);
  CREATE INDEX documents_published ON documents(published);
`;

/**
 * Version 2: the fact tables. Documents get an integer sequence (keyset
 * paging, compact foreign keys); the v1 table is kept as documents_v1 until
 * `after` has re-stored its rows through the normal write path.
 */
const V2 = `
  ALTER TABLE documents RENAME TO documents_v1;
  DROP INDEX documents_id;
  DROP INDEX documents_source;
  DROP INDEX documents_published;

  CREATE TABLE outlets (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE
  );

  CREATE TABLE documents (
    seq INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    id TEXT NOT NULL,
    title TEXT,
    url TEXT,
    published TEXT,
    published_day TEXT,
    source TEXT,
    outlet_id INTEGER REFERENCES outlets(id),
    format TEXT NOT NULL,
    encoding TEXT NOT NULL,
    schema_version TEXT NOT NULL,
    text TEXT NOT NULL,
    analysis TEXT NOT NULL,
    sentences INTEGER NOT NULL,
    tokens INTEGER NOT NULL,
    boilerplate INTEGER NOT NULL,
    mentions INTEGER NOT NULL,
    attributions INTEGER NOT NULL,
    events INTEGER NOT NULL,
    ingested_at TEXT NOT NULL
  );
  CREATE INDEX documents_id ON documents(id);
  CREATE INDEX documents_outlet ON documents(outlet_id);
  CREATE INDEX documents_published_day ON documents(published_day);

  -- Full text: rowid = documents.seq, written in the same transaction.
  CREATE VIRTUAL TABLE documents_fts USING fts5(title, body, tokenize = 'porter unicode61');

  CREATE TABLE actors (
    id INTEGER PRIMARY KEY,
    doc_seq INTEGER NOT NULL REFERENCES documents(seq),
    local_id TEXT NOT NULL,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    type TEXT NOT NULL,
    kind TEXT NOT NULL,
    code TEXT,
    country TEXT,
    role TEXT,
    media_kind TEXT,
    description TEXT,
    dictionary_id TEXT,
    mention_count INTEGER NOT NULL
  );
  CREATE INDEX actors_doc ON actors(doc_seq);
  CREATE INDEX actors_code ON actors(code);
  CREATE INDEX actors_name_key ON actors(name_key);

  CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    doc_seq INTEGER NOT NULL REFERENCES documents(seq),
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    kind TEXT NOT NULL,
    actor_local_id TEXT
  );
  CREATE INDEX mentions_doc ON mentions(doc_seq);

  CREATE TABLE attributions (
    id INTEGER PRIMARY KEY,
    doc_seq INTEGER NOT NULL REFERENCES documents(seq),
    idx INTEGER NOT NULL,
    type TEXT NOT NULL,
    content TEXT NOT NULL,
    content_start INTEGER NOT NULL,
    content_end INTEGER NOT NULL,
    speaker TEXT,
    speaker_text TEXT,
    speaker_key TEXT NOT NULL,
    speaker_code TEXT,
    speaker_actor_id TEXT,
    cue TEXT,
    cue_lemma TEXT,
    cue_key TEXT NOT NULL,
    medium TEXT,
    chain TEXT NOT NULL,
    relay_key TEXT NOT NULL,
    hedged INTEGER NOT NULL,
    anonymous INTEGER NOT NULL
  );
  CREATE INDEX attributions_doc ON attributions(doc_seq);

  CREATE TABLE hedges (
    id INTEGER PRIMARY KEY,
    doc_seq INTEGER NOT NULL REFERENCES documents(seq),
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL
  );
  CREATE INDEX hedges_doc ON hedges(doc_seq);

  -- One-a-day records: missing actor codes are '' so that they collapse.
  CREATE TABLE event_records (
    id INTEGER PRIMARY KEY,
    source_code TEXT NOT NULL,
    target_code TEXT NOT NULL,
    code TEXT NOT NULL,
    day TEXT NOT NULL,
    root TEXT NOT NULL,
    quad_class INTEGER NOT NULL,
    goldstein REAL NOT NULL,
    source_name TEXT,
    source_key TEXT NOT NULL,
    source_country TEXT,
    target_name TEXT,
    target_key TEXT NOT NULL,
    target_country TEXT,
    mentions INTEGER NOT NULL,
    first_seen TEXT NOT NULL,
    UNIQUE (source_code, target_code, code, day)
  );
  CREATE INDEX event_records_day ON event_records(day);

  CREATE TABLE event_record_documents (
    record_id INTEGER NOT NULL REFERENCES event_records(id),
    doc_seq INTEGER NOT NULL REFERENCES documents(seq),
    mentions INTEGER NOT NULL,
    PRIMARY KEY (record_id, doc_seq)
  );

  CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    doc_seq INTEGER NOT NULL REFERENCES documents(seq),
    idx INTEGER NOT NULL,
    sentence INTEGER NOT NULL,
    section TEXT NOT NULL,
    sentence_text TEXT NOT NULL,
    source_actor_id TEXT,
    source_code TEXT,
    source_name TEXT,
    source_key TEXT NOT NULL,
    source_country TEXT,
    target_actor_id TEXT,
    target_code TEXT,
    target_name TEXT,
    target_key TEXT NOT NULL,
    target_country TEXT,
    verb TEXT NOT NULL,
    verb_start INTEGER NOT NULL,
    verb_end INTEGER NOT NULL,
    code TEXT NOT NULL,
    root TEXT NOT NULL,
    goldstein REAL NOT NULL,
    quad_class INTEGER NOT NULL,
    plover_type TEXT,
    plover_mode TEXT,
    day TEXT NOT NULL,
    negated INTEGER NOT NULL,
    hypothetical INTEGER NOT NULL,
    hedged INTEGER NOT NULL,
    reported INTEGER NOT NULL,
    attribution_idx INTEGER,
    mention_count INTEGER NOT NULL,
    rule TEXT NOT NULL,
    record_id INTEGER NOT NULL REFERENCES event_records(id)
  );
  CREATE INDEX events_doc ON events(doc_seq);
  CREATE INDEX events_source_code ON events(source_code);
  CREATE INDEX events_target_code ON events(target_code);
  CREATE INDEX events_code ON events(code);
  CREATE INDEX events_day ON events(day);
  CREATE INDEX events_record ON events(record_id);

  CREATE TABLE stories (
    id INTEGER PRIMARY KEY,
    label TEXT,
    created_at TEXT NOT NULL
  );
  CREATE TABLE story_documents (
    doc_seq INTEGER PRIMARY KEY REFERENCES documents(seq),
    story_id INTEGER NOT NULL REFERENCES stories(id),
    score REAL,
    assigned_at TEXT NOT NULL
  );
  CREATE INDEX story_documents_story ON story_documents(story_id);

  CREATE TABLE feeds (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    title TEXT,
    etag TEXT,
    last_modified TEXT,
    last_polled TEXT,
    created_at TEXT NOT NULL
  );
  CREATE TABLE feed_items (
    feed_id INTEGER NOT NULL REFERENCES feeds(id),
    item_id TEXT NOT NULL,
    seen_at TEXT NOT NULL,
    PRIMARY KEY (feed_id, item_id)
  );
`;

export function sqliteMigrations(restoreV1: (db: Database.Database) => void): SqliteMigration[] {
  return [
    { version: 1, sql: V1 },
    { version: 2, sql: V2, after: (db) => { restoreV1(db); db.exec('DROP TABLE documents_v1'); } },
    { version: 3, sql: EVENT_RECORD_COUNTS_SQL.replaceAll('{ID}', 'INTEGER') },
    { version: 4, sql: UNDATED_EVENTS_SQL.replaceAll('{NO_DATE}', SQLITE_NO_DATE) },
    { version: 5, sql: '', after: recomputeQuoteKeys },
    { version: 6, sql: SPAN_OFFSET_COLUMNS_SQL, after: fillSpanOffsets },
  ];
}

/** Migration 5: every attribution's key columns as today's writer computes them (see migration-v5.ts). */
function recomputeQuoteKeys(db: Database.Database): void {
  // In chunks by seq: a connection cannot write while it iterates.
  const chunk = db.prepare(QUOTE_KEYS_DOCUMENTS_SQL);
  const update = db.prepare(`UPDATE attributions SET speaker_key = ?, cue_key = ?, relay_key = ?
    WHERE doc_seq = ? AND idx = ? AND (speaker_key IS NOT ? OR cue_key IS NOT ? OR relay_key IS NOT ?)`);
  type Row = { seq: number; key: string; text: string; analysis: string };
  for (let after = 0, rows = chunk.all(after, QUOTE_KEYS_CHUNK) as Row[]; rows.length > 0; rows = chunk.all(after, QUOTE_KEYS_CHUNK) as Row[]) {
    for (const row of rows) {
      for (const k of quoteKeysOf(row)) update.run(k.speakerKey, k.cueKey, k.relayKey, row.seq, k.idx, k.speakerKey, k.cueKey, k.relayKey);
    }
    after = rows.at(-1)!.seq;
  }
}

/** Migration 6: the speaker, cue, medium and event actor offsets of every stored row, from its analysis (see migration-v6.ts). */
function fillSpanOffsets(db: Database.Database): void {
  // In chunks by seq: a connection cannot write while it iterates. Rows already right are not rewritten.
  const chunk = db.prepare(SPAN_OFFSETS_DOCUMENTS_SQL);
  const quote = db.prepare(`UPDATE attributions SET speaker_start = @speakerStart, speaker_end = @speakerEnd, cue_start = @cueStart, cue_end = @cueEnd,
      medium_start = @mediumStart, medium_end = @mediumEnd
    WHERE doc_seq = @seq AND idx = @idx
      AND (speaker_start, speaker_end, cue_start, cue_end, medium_start, medium_end)
        IS NOT (@speakerStart, @speakerEnd, @cueStart, @cueEnd, @mediumStart, @mediumEnd)`);
  const event = db.prepare(`UPDATE events SET source_start = @sourceStart, source_end = @sourceEnd, target_start = @targetStart, target_end = @targetEnd
    WHERE doc_seq = @seq AND idx = @idx
      AND (source_start, source_end, target_start, target_end) IS NOT (@sourceStart, @sourceEnd, @targetStart, @targetEnd)`);
  type Row = { seq: number; key: string; text: string; analysis: string };
  for (let after = 0, rows = chunk.all(after, SPAN_OFFSETS_CHUNK) as Row[]; rows.length > 0; rows = chunk.all(after, SPAN_OFFSETS_CHUNK) as Row[]) {
    for (const row of rows) {
      const offsets = spanOffsetsOf(row);
      for (const q of offsets.quotes) quote.run({ seq: row.seq, ...q });
      for (const e of offsets.events) event.run({ seq: row.seq, ...e });
    }
    after = rows.at(-1)!.seq;
  }
}

export const SQLITE_SCHEMA_VERSION = 6;
