/**
 * PostgreSQL schema migrations, applied in order on open under an advisory
 * lock. The PostgreSQL store starts at version 2, the first schema with the
 * fact tables, so that both backends report the same schema version for the
 * same tables. Never edit a migration that has shipped: add a new one. A
 * migration may carry `after`, run in the same transaction once the SQL of
 * every pending migration has run (as in the SQLite store).
 *
 * Sorted and grouped text (actor names and codes) uses the "C" collation so
 * that orders and min() agree with SQLite's byte order.
 */
import type { PoolClient } from 'pg';
import { EVENT_RECORD_COUNTS_SQL } from '../sql/migration-v3.js';
import { PG_NO_DATE, UNDATED_EVENTS_SQL } from '../sql/migration-v4.js';
import { QUOTE_KEYS_CHUNK, QUOTE_KEYS_DOCUMENTS_SQL, quoteKeysOf } from '../sql/migration-v5.js';
import { SPAN_OFFSET_COLUMNS_SQL, SPAN_OFFSETS_CHUNK, SPAN_OFFSETS_DOCUMENTS_SQL, spanOffsetsOf } from '../sql/migration-v6.js';

export interface PgMigration {
  version: number;
  sql: string;
  after?: (client: PoolClient) => Promise<void>;
}

/** Migration 5: every attribution's key columns as today's writer computes them (see migration-v5.ts). */
async function recomputeQuoteKeys(client: PoolClient): Promise<void> {
  const chunk = QUOTE_KEYS_DOCUMENTS_SQL.replace('?', '$1').replace('?', '$2');
  // One UPDATE per chunk of documents; rows whose keys are already right are not rewritten.
  const update = `UPDATE attributions a SET speaker_key = v.speaker_key, cue_key = v.cue_key, relay_key = v.relay_key
    FROM unnest($1::int8[], $2::int4[], $3::text[], $4::text[], $5::text[]) AS v(doc_seq, idx, speaker_key, cue_key, relay_key)
    WHERE a.doc_seq = v.doc_seq AND a.idx = v.idx
      AND (a.speaker_key, a.cue_key, a.relay_key) IS DISTINCT FROM (v.speaker_key, v.cue_key, v.relay_key)`;
  type Row = { seq: string; key: string; text: string; analysis: string };
  for (let after = '0'; ;) {
    const rows = (await client.query(chunk, [after, QUOTE_KEYS_CHUNK])).rows as Row[];
    if (rows.length === 0) break;
    const seqs: string[] = [], idxs: number[] = [], speakers: string[] = [], cues: string[] = [], relays: string[] = [];
    for (const row of rows) {
      for (const k of quoteKeysOf(row)) {
        seqs.push(String(row.seq));
        idxs.push(k.idx);
        speakers.push(k.speakerKey);
        cues.push(k.cueKey);
        relays.push(k.relayKey);
      }
    }
    if (seqs.length > 0) await client.query(update, [seqs, idxs, speakers, cues, relays]);
    after = String(rows.at(-1)!.seq);
  }
}

/** Migration 6: the speaker, cue, medium and event actor offsets of every stored row, from its analysis (see migration-v6.ts). */
async function fillSpanOffsets(client: PoolClient): Promise<void> {
  const chunk = SPAN_OFFSETS_DOCUMENTS_SQL.replace('?', '$1').replace('?', '$2');
  // One UPDATE per table per chunk of documents; rows whose offsets are already right are not rewritten.
  const quotes = `UPDATE attributions a SET speaker_start = v.speaker_start, speaker_end = v.speaker_end, cue_start = v.cue_start, cue_end = v.cue_end,
      medium_start = v.medium_start, medium_end = v.medium_end
    FROM unnest($1::int8[], $2::int4[], $3::int4[], $4::int4[], $5::int4[], $6::int4[], $7::int4[], $8::int4[])
      AS v(doc_seq, idx, speaker_start, speaker_end, cue_start, cue_end, medium_start, medium_end)
    WHERE a.doc_seq = v.doc_seq AND a.idx = v.idx
      AND (a.speaker_start, a.speaker_end, a.cue_start, a.cue_end, a.medium_start, a.medium_end)
        IS DISTINCT FROM (v.speaker_start, v.speaker_end, v.cue_start, v.cue_end, v.medium_start, v.medium_end)`;
  const events = `UPDATE events e SET source_start = v.source_start, source_end = v.source_end, target_start = v.target_start, target_end = v.target_end
    FROM unnest($1::int8[], $2::int4[], $3::int4[], $4::int4[], $5::int4[], $6::int4[]) AS v(doc_seq, idx, source_start, source_end, target_start, target_end)
    WHERE e.doc_seq = v.doc_seq AND e.idx = v.idx
      AND (e.source_start, e.source_end, e.target_start, e.target_end) IS DISTINCT FROM (v.source_start, v.source_end, v.target_start, v.target_end)`;
  type Row = { seq: string; key: string; text: string; analysis: string };
  for (let after = '0'; ;) {
    const rows = (await client.query(chunk, [after, SPAN_OFFSETS_CHUNK])).rows as Row[];
    if (rows.length === 0) break;
    // Columns of parameter arrays, one entry per row to update.
    const q: (string | number | null)[][] = [[], [], [], [], [], [], [], []];
    const e: (string | number | null)[][] = [[], [], [], [], [], []];
    for (const row of rows) {
      const offsets = spanOffsetsOf(row);
      for (const x of offsets.quotes) {
        [String(row.seq), x.idx, x.speakerStart, x.speakerEnd, x.cueStart, x.cueEnd, x.mediumStart, x.mediumEnd].forEach((v, i) => q[i]!.push(v));
      }
      for (const x of offsets.events) {
        [String(row.seq), x.idx, x.sourceStart, x.sourceEnd, x.targetStart, x.targetEnd].forEach((v, i) => e[i]!.push(v));
      }
    }
    if (q[0]!.length > 0) await client.query(quotes, q);
    if (e[0]!.length > 0) await client.query(events, e);
    after = String(rows.at(-1)!.seq);
  }
}

export const PG_MIGRATIONS: PgMigration[] = [
  {
    version: 2,
    sql: `
      CREATE TABLE outlets (
        id BIGSERIAL PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT COLLATE "C" NOT NULL UNIQUE
      );

      CREATE TABLE documents (
        seq BIGSERIAL PRIMARY KEY,
        key TEXT COLLATE "C" NOT NULL UNIQUE,
        id TEXT NOT NULL,
        title TEXT,
        url TEXT,
        published TEXT,
        published_day TEXT COLLATE "C",
        source TEXT,
        outlet_id BIGINT REFERENCES outlets(id),
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
        ingested_at TEXT NOT NULL,
        -- Full text: title weighted above body; the body is cut at 200k characters (a tsvector holds at most 1 MB).
        tsv tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') ||
          setweight(to_tsvector('english'::regconfig, left(text, 200000)), 'B')
        ) STORED
      );
      CREATE INDEX documents_id ON documents(id);
      CREATE INDEX documents_outlet ON documents(outlet_id);
      CREATE INDEX documents_published_day ON documents(published_day);
      CREATE INDEX documents_tsv ON documents USING GIN (tsv);
      -- lz4 compresses the large text and analysis JSON faster than the default pglz; servers built without it keep pglz.
      DO $$ BEGIN
        ALTER TABLE documents ALTER COLUMN text SET COMPRESSION lz4;
        ALTER TABLE documents ALTER COLUMN analysis SET COMPRESSION lz4;
      EXCEPTION WHEN OTHERS THEN NULL;
      END $$;

      CREATE TABLE actors (
        id BIGSERIAL PRIMARY KEY,
        doc_seq BIGINT NOT NULL REFERENCES documents(seq),
        local_id TEXT NOT NULL,
        name TEXT COLLATE "C" NOT NULL,
        name_key TEXT COLLATE "C" NOT NULL,
        type TEXT COLLATE "C" NOT NULL,
        kind TEXT COLLATE "C" NOT NULL,
        code TEXT COLLATE "C",
        country TEXT COLLATE "C",
        role TEXT COLLATE "C",
        media_kind TEXT,
        description TEXT,
        dictionary_id TEXT,
        mention_count INTEGER NOT NULL
      );
      CREATE INDEX actors_doc ON actors(doc_seq);
      CREATE INDEX actors_code ON actors(code);
      CREATE INDEX actors_name_key ON actors(name_key);

      CREATE TABLE mentions (
        id BIGSERIAL PRIMARY KEY,
        doc_seq BIGINT NOT NULL REFERENCES documents(seq),
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        text TEXT NOT NULL,
        type TEXT NOT NULL,
        kind TEXT NOT NULL,
        actor_local_id TEXT
      );
      CREATE INDEX mentions_doc ON mentions(doc_seq);

      CREATE TABLE attributions (
        id BIGSERIAL PRIMARY KEY,
        doc_seq BIGINT NOT NULL REFERENCES documents(seq),
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
        hedged BOOLEAN NOT NULL,
        anonymous BOOLEAN NOT NULL
      );
      CREATE INDEX attributions_doc ON attributions(doc_seq);

      CREATE TABLE hedges (
        id BIGSERIAL PRIMARY KEY,
        doc_seq BIGINT NOT NULL REFERENCES documents(seq),
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        text TEXT NOT NULL,
        kind TEXT NOT NULL
      );
      CREATE INDEX hedges_doc ON hedges(doc_seq);

      CREATE TABLE event_records (
        id BIGSERIAL PRIMARY KEY,
        source_code TEXT COLLATE "C" NOT NULL,
        target_code TEXT COLLATE "C" NOT NULL,
        code TEXT COLLATE "C" NOT NULL,
        day TEXT COLLATE "C" NOT NULL,
        root TEXT NOT NULL,
        quad_class INTEGER NOT NULL,
        goldstein DOUBLE PRECISION NOT NULL,
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
        record_id BIGINT NOT NULL REFERENCES event_records(id),
        doc_seq BIGINT NOT NULL REFERENCES documents(seq),
        mentions INTEGER NOT NULL,
        PRIMARY KEY (record_id, doc_seq)
      );

      CREATE TABLE events (
        id BIGSERIAL PRIMARY KEY,
        doc_seq BIGINT NOT NULL REFERENCES documents(seq),
        idx INTEGER NOT NULL,
        sentence INTEGER NOT NULL,
        section TEXT NOT NULL,
        sentence_text TEXT NOT NULL,
        source_actor_id TEXT,
        source_code TEXT COLLATE "C",
        source_name TEXT,
        source_key TEXT NOT NULL,
        source_country TEXT,
        target_actor_id TEXT,
        target_code TEXT COLLATE "C",
        target_name TEXT,
        target_key TEXT NOT NULL,
        target_country TEXT,
        verb TEXT NOT NULL,
        verb_start INTEGER NOT NULL,
        verb_end INTEGER NOT NULL,
        code TEXT COLLATE "C" NOT NULL,
        root TEXT NOT NULL,
        goldstein DOUBLE PRECISION NOT NULL,
        quad_class INTEGER NOT NULL,
        plover_type TEXT,
        plover_mode TEXT,
        day TEXT COLLATE "C" NOT NULL,
        negated BOOLEAN NOT NULL,
        hypothetical BOOLEAN NOT NULL,
        hedged BOOLEAN NOT NULL,
        reported BOOLEAN NOT NULL,
        attribution_idx INTEGER,
        mention_count INTEGER NOT NULL,
        rule TEXT NOT NULL,
        record_id BIGINT NOT NULL REFERENCES event_records(id)
      );
      CREATE INDEX events_doc ON events(doc_seq);
      CREATE INDEX events_source_code ON events(source_code);
      CREATE INDEX events_target_code ON events(target_code);
      CREATE INDEX events_code ON events(code);
      CREATE INDEX events_day ON events(day);
      CREATE INDEX events_record ON events(record_id);

      CREATE TABLE stories (
        id BIGSERIAL PRIMARY KEY,
        label TEXT,
        created_at TEXT NOT NULL
      );
      CREATE TABLE story_documents (
        doc_seq BIGINT PRIMARY KEY REFERENCES documents(seq),
        story_id BIGINT NOT NULL REFERENCES stories(id),
        score DOUBLE PRECISION,
        assigned_at TEXT NOT NULL
      );
      CREATE INDEX story_documents_story ON story_documents(story_id);

      CREATE TABLE feeds (
        id BIGSERIAL PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        title TEXT,
        etag TEXT,
        last_modified TEXT,
        last_polled TEXT,
        created_at TEXT NOT NULL
      );
      CREATE TABLE feed_items (
        feed_id BIGINT NOT NULL REFERENCES feeds(id),
        item_id TEXT NOT NULL,
        seen_at TEXT NOT NULL,
        PRIMARY KEY (feed_id, item_id)
      );
    `,
  },
  { version: 3, sql: EVENT_RECORD_COUNTS_SQL.replaceAll('{ID}', 'BIGINT') },
  { version: 4, sql: UNDATED_EVENTS_SQL.replaceAll('{NO_DATE}', PG_NO_DATE) },
  { version: 5, sql: '', after: recomputeQuoteKeys },
  { version: 6, sql: SPAN_OFFSET_COLUMNS_SQL, after: fillSpanOffsets },
];
