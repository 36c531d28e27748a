import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { Analysis } from '../../doc/schema.js';
import { NewsgraphError } from '../../util/errors.js';
import { decodeCursor, encodeCursor, pageLimit } from '../cursor.js';
import { parseStoredAnalysis } from '../stored-analysis.js';
import { toRows } from '../rows.js';
import { toActorRow, toDocumentRow, toEventRecordRow, toEventRow, toQuoteRow, toSearchHit, toStoryRow } from '../sql/mappers.js';
import {
  actorsQuery,
  documentsQuery,
  eventRecordsQuery,
  eventsQuery,
  quotesQuery,
  searchWords,
  storiesQuery,
  type Dialect,
  type Query,
} from '../sql/queries.js';
import { FEED_COLUMNS, toFeed } from '../sql/feeds.js';
import { streamQuery, type StreamSpec } from '../sql/streams.js';
import type {
  ActorFilter,
  ActorRow,
  DocumentFilter,
  DocumentRow,
  EventFilter,
  EventRecordRow,
  EventRow,
  FeedRecord,
  FeedUpdate,
  Page,
  PageRequest,
  PutResult,
  QuoteFilter,
  QuoteRow,
  SearchHit,
  Store,
  StoredDocumentSummary,
  StoreStats,
  StoryFilter,
  StoryRow,
  StreamFilterTypes,
  StreamKind,
  StreamRowTypes,
} from '../store.js';
import { keyPrefixRange } from '../names.js';
import { sqliteMigrations } from './migrations.js';
import { SqliteWriter } from './sqlite-writer.js';

type Raw = Record<string, unknown>;

const SQLITE: Dialect = {
  name: 'sqlite',
  bool: (v) => (v ? 1 : 0),
  joinedKeys: (expr, from, orderBy) => `(SELECT group_concat(k, ' ') FROM (SELECT ${expr} AS k FROM ${from} ORDER BY ${orderBy}))`,
};

function wrap<T>(path: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof NewsgraphError) throw e;
    const code = (e as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || code === 'SQLITE_CORRUPT_VTAB') {
      throw new NewsgraphError('corrupt-store', `${path} is not a newsgraph database or is corrupt (${code})`);
    }
    throw new NewsgraphError('store-error', `database ${path}: ${(e as Error).message}`);
  }
}

/** The embedded store: one SQLite file in WAL mode. */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  readonly path: string;
  private writer: SqliteWriter | null = null;

  private constructor(db: Database.Database, path: string) {
    this.db = db;
    this.path = path;
  }

  static open(path: string, opts: { readonly?: boolean } = {}): SqliteStore {
    if (opts.readonly && path !== ':memory:' && !fs.existsSync(path)) {
      throw new NewsgraphError('not-found', `no database at ${path} (run "newsgraph ingest" first)`);
    }
    return wrap(path, () => {
      const db = new Database(path, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false });
      const store = new SqliteStore(db, path);
      try {
        if (!opts.readonly) {
          db.pragma('journal_mode = WAL');
          db.pragma('synchronous = NORMAL');
        }
        db.pragma('foreign_keys = ON');
        db.pragma('busy_timeout = 5000');
        // Reading the schema is the first thing that fails on a file that is not SQLite.
        db.prepare('SELECT count(*) FROM sqlite_master').get();
        if (!opts.readonly) store.migrate();
        else store.checkSchema();
      } catch (e) {
        db.close();
        throw e;
      }
      return store;
    });
  }

  private currentVersion(): number {
    const has = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
    if (!has) return 0;
    const row = this.db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null };
    return row.v ?? 0;
  }

  private checkSchema(): void {
    const current = this.currentVersion();
    if (current === 0) throw new NewsgraphError('corrupt-store', `${this.path} is not a newsgraph database`);
    const latest = sqliteMigrations(() => {}).at(-1)!.version;
    if (current < latest) {
      throw new NewsgraphError('store-error', `${this.path} has schema version ${current}; open it once for writing (e.g. "newsgraph ingest") to migrate it to ${latest}`);
    }
  }

  private migrate(): void {
    const tables = this.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    if (tables.length > 0 && !tables.some((t) => t.name === 'schema_migrations')) {
      throw new NewsgraphError('corrupt-store', `${this.path} is an SQLite database but not a newsgraph one`);
    }
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    const migrations = sqliteMigrations((db) => this.restoreV1(db));
    const latest = migrations.at(-1)!.version;
    if (this.currentVersion() === latest) return; // up to date: no write lock taken
    // The version is read again inside a write transaction (BEGIN IMMEDIATE): another process opening the same old store at the same
    // moment waits for this one's migrations and then finds nothing left to do, instead of applying them a second time.
    const apply = this.db.transaction(() => {
      const current = this.currentVersion();
      if (current > latest) {
        throw new NewsgraphError('store-error', `${this.path} has schema version ${current}, newer than this newsgraph (${latest}): upgrade newsgraph`);
      }
      const pending = migrations.filter((m) => m.version > current);
      for (const m of pending) {
        this.db.exec(m.sql);
        this.db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(m.version, new Date().toISOString());
      }
      // Data steps write through today's writer, so they run once every table has its latest shape.
      for (const m of pending) m.after?.(this.db);
    });
    apply.immediate();
  }

  /** Migration 2: re-store the version-1 documents through the normal write path, which derives their rows. */
  private restoreV1(db: Database.Database): void {
    const writer = new SqliteWriter(db);
    // In chunks by rowid (insertion order): a connection cannot write while it iterates.
    const chunk = db.prepare('SELECT rowid AS r, text, analysis, ingested_at FROM documents_v1 WHERE rowid > ? ORDER BY rowid LIMIT 500');
    for (let after = 0, rows = chunk.all(after) as Raw[]; rows.length > 0; rows = chunk.all(after) as Raw[]) {
      for (const row of rows) {
        const analysis = parseStoredAnalysis(String(row.analysis), String(row.text), 'a version-1 document');
        writer.write(toRows(analysis, String(row.ingested_at)));
      }
      after = Number(rows.at(-1)!.r);
    }
  }

  private all(q: Query): Raw[] {
    return this.db.prepare(q.sql).all(...q.params) as Raw[];
  }

  async putMany(analyses: Analysis[]): Promise<PutResult[]> {
    return wrap(this.path, () => {
      this.writer ??= new SqliteWriter(this.db);
      const writer = this.writer;
      const ingestedAt = new Date().toISOString();
      const run = this.db.transaction((batch: Analysis[]) => {
        writer.startBatch();
        return batch.map((a): PutResult => ({ key: a.document.contentHash, inserted: writer.write(toRows(a, ingestedAt)) }));
      });
      return run(analyses);
    });
  }

  async has(contentHash: string): Promise<boolean> {
    return wrap(this.path, () => this.db.prepare('SELECT 1 FROM documents WHERE key = ?').get(contentHash) !== undefined);
  }

  private findSeq(idOrKey: string): { seq: number; text: string; analysis: string } | null {
    type Row = { seq: number; text: string; analysis: string };
    let row = this.db.prepare('SELECT seq, text, analysis FROM documents WHERE key = ?').get(idOrKey) as Row | undefined;
    const range = row ? null : keyPrefixRange(idOrKey);
    if (range) {
      const rows = this.db.prepare('SELECT seq, text, analysis FROM documents WHERE key >= ? AND key < ? LIMIT 2').all(range.lo, range.hi) as Row[];
      if (rows.length > 1) throw new NewsgraphError('usage', `key prefix ${idOrKey} is ambiguous: give more characters`);
      row = rows[0];
    }
    row ??= this.db.prepare('SELECT seq, text, analysis FROM documents WHERE id = ? ORDER BY seq DESC LIMIT 1').get(idOrKey) as Row | undefined;
    return row ?? null;
  }

  async get(idOrKey: string): Promise<Analysis | null> {
    return wrap(this.path, () => {
      const row = this.findSeq(idOrKey);
      return row ? parseStoredAnalysis(row.analysis, row.text, idOrKey) : null;
    });
  }

  async list(limit: number, offset: number): Promise<StoredDocumentSummary[]> {
    return wrap(this.path, () => {
      const rows = this.db
        .prepare('SELECT key, id, title, url, published, source, ingested_at FROM documents ORDER BY seq LIMIT ? OFFSET ?')
        .all(limit, offset) as Raw[];
      return rows.map((r) => ({
        key: String(r.key), id: String(r.id), title: r.title as string | null, url: r.url as string | null, published: r.published as string | null,
        source: r.source as string | null, contentHash: String(r.key), ingestedAt: String(r.ingested_at),
      }));
    });
  }

  async stats(): Promise<StoreStats> {
    return wrap(this.path, () => {
      const totals = this.db
        .prepare(`SELECT count(*) AS documents, coalesce(sum(sentences),0) AS sentences, coalesce(sum(tokens),0) AS tokens,
          coalesce(sum(boilerplate),0) AS boilerplate, coalesce(sum(mentions),0) AS mentions,
          coalesce(sum(attributions),0) AS attributions, coalesce(sum(events),0) AS events,
          (SELECT count(*) FROM event_records) AS eventRecords, (SELECT count(*) FROM stories) AS stories,
          (SELECT count(*) FROM feeds) AS feeds FROM documents`)
        .get() as Omit<StoreStats, 'bySource' | 'schemaVersion' | 'path'>;
      const bySource = this.db
        .prepare(`SELECT coalesce(o.name, '(unknown)') AS source, count(*) AS documents FROM documents d LEFT JOIN outlets o ON o.id = d.outlet_id
          GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20`)
        .all() as { source: string; documents: number }[];
      return { ...totals, bySource, schemaVersion: this.currentVersion(), path: this.path };
    });
  }

  private keysetPage<T>(list: string, page: PageRequest, build: (after: number, limit: number) => Query, map: (r: Raw) => T, idOf: (r: Raw) => number): Page<T> {
    return wrap(this.path, () => {
      const limit = pageLimit(page.limit);
      const rows = this.all(build(decodeCursor(list, page.cursor), limit + 1));
      const more = rows.length > limit;
      const items = rows.slice(0, limit);
      return { items: items.map(map), nextCursor: more ? encodeCursor(list, idOf(items.at(-1)!)) : null };
    });
  }

  private offsetPage<T>(list: string, page: PageRequest, build: (offset: number, limit: number) => Query, map: (r: Raw) => T): Page<T> {
    return wrap(this.path, () => {
      const limit = pageLimit(page.limit);
      const offset = decodeCursor(list, page.cursor);
      const rows = this.all(build(offset, limit + 1));
      const more = rows.length > limit;
      return { items: rows.slice(0, limit).map(map), nextCursor: more ? encodeCursor(list, offset + limit) : null };
    });
  }

  async documents(filter: DocumentFilter, page: PageRequest): Promise<Page<DocumentRow>> {
    return this.keysetPage('documents', page, (after, limit) => documentsQuery(SQLITE, filter, { after, limit }), toDocumentRow, (r) => Number(r.seq));
  }

  async events(filter: EventFilter, page: PageRequest): Promise<Page<EventRow>> {
    return this.keysetPage('events', page, (after, limit) => eventsQuery(SQLITE, filter, { after, limit }), toEventRow, (r) => Number(r.id));
  }

  async eventRecords(filter: EventFilter, page: PageRequest): Promise<Page<EventRecordRow>> {
    return this.keysetPage('eventRecords', page, (after, limit) => eventRecordsQuery(SQLITE, filter, { after, limit }), toEventRecordRow, (r) => Number(r.id));
  }

  async quotes(filter: QuoteFilter, page: PageRequest): Promise<Page<QuoteRow>> {
    return this.keysetPage('quotes', page, (after, limit) => quotesQuery(SQLITE, filter, { after, limit }), toQuoteRow, (r) => Number(r.id));
  }

  async actors(filter: ActorFilter, page: PageRequest): Promise<Page<ActorRow>> {
    return this.offsetPage('actors', page, (offset, limit) => actorsQuery(SQLITE, filter, { offset, limit }), toActorRow);
  }

  async stories(filter: StoryFilter, page: PageRequest): Promise<Page<StoryRow>> {
    return this.keysetPage('stories', page, (after, limit) => storiesQuery(SQLITE, filter, { after, limit }), toStoryRow, (r) => Number(r.id));
  }

  async search(text: string, page: PageRequest): Promise<Page<SearchHit>> {
    const match = searchWords(text).map((w) => `"${w}"`).join(' ');
    return this.offsetPage(
      'search',
      page,
      (offset, limit) => ({
        // Rank every match, but make snippets only for the page's rows (snippet() reads the whole text).
        sql: `SELECT d.key, d.id, d.title, d.url, d.published, o.name AS outlet,
            snippet(documents_fts, 1, char(2), char(3), '…', 16) AS snippet, -bm25(documents_fts) AS rank
          FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid LEFT JOIN outlets o ON o.id = d.outlet_id
          WHERE documents_fts MATCH ? AND documents_fts.rowid IN (
            SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY bm25(documents_fts), rowid LIMIT ? OFFSET ?)
          ORDER BY bm25(documents_fts), d.seq`,
        params: [match, match, limit, offset],
      }),
      toSearchHit,
    );
  }

  stream<K extends StreamKind>(kind: K, filter: StreamFilterTypes[K]): AsyncIterable<StreamRowTypes[K]> {
    const spec: StreamSpec<K> = streamQuery(SQLITE, kind, filter);
    const path = this.path;
    const main = this.db;
    return (async function* () {
      // A connection of its own: while a statement iterates, its connection cannot write or close, and a stream
      // may stay open across awaits (an HTTP response, a slow disk). In WAL mode it reads one consistent snapshot.
      const reader = path === ':memory:' ? main : wrap(path, () => new Database(path, { readonly: true, fileMustExist: true }));
      try {
        if (reader !== main) reader.pragma('busy_timeout = 5000');
        // stmt.iterate() steps the database cursor one row at a time: flat memory however large the table.
        const it = wrap(path, () => reader.prepare(spec.query.sql).iterate(...spec.query.params) as IterableIterator<Raw>);
        for (const row of it) yield spec.map(row);
      } finally {
        if (reader !== main) reader.close();
      }
    })();
  }

  async createStory(label: string | null): Promise<number> {
    return wrap(this.path, () => Number((this.db.prepare('INSERT INTO stories (label, created_at) VALUES (?, ?) RETURNING id').get(label, new Date().toISOString()) as Raw).id));
  }

  async assignToStory(documentIdOrKey: string, storyId: number, score: number | null = null): Promise<void> {
    wrap(this.path, () => {
      const doc = this.findSeq(documentIdOrKey);
      if (!doc) throw new NewsgraphError('not-found', `no stored document with id or key "${documentIdOrKey}"`);
      if (!this.db.prepare('SELECT 1 FROM stories WHERE id = ?').get(storyId)) throw new NewsgraphError('not-found', `no story ${storyId}`);
      this.db
        .prepare(`INSERT INTO story_documents (doc_seq, story_id, score, assigned_at) VALUES (?, ?, ?, ?)
          ON CONFLICT(doc_seq) DO UPDATE SET story_id = excluded.story_id, score = excluded.score, assigned_at = excluded.assigned_at`)
        .run(doc.seq, storyId, score, new Date().toISOString());
    });
  }

  async upsertFeed(url: string, update: FeedUpdate = {}): Promise<FeedRecord> {
    return wrap(this.path, () => {
      const tx = this.db.transaction(() => {
        this.db.prepare('INSERT INTO feeds (url, created_at) VALUES (?, ?) ON CONFLICT(url) DO NOTHING').run(url, new Date().toISOString());
        for (const [field, column] of FEED_COLUMNS) {
          if (field in update) this.db.prepare(`UPDATE feeds SET ${column} = ? WHERE url = ?`).run(update[field] ?? null, url);
        }
      });
      tx();
      return this.feedRow(url)!;
    });
  }

  private feedRow(url: string): FeedRecord | null {
    const r = this.db.prepare('SELECT url, title, etag, last_modified, last_polled, created_at FROM feeds WHERE url = ?').get(url) as Raw | undefined;
    return r ? toFeed(r) : null;
  }

  async getFeed(url: string): Promise<FeedRecord | null> {
    return wrap(this.path, () => this.feedRow(url));
  }

  async listFeeds(): Promise<FeedRecord[]> {
    return wrap(this.path, () => (this.db.prepare('SELECT url, title, etag, last_modified, last_polled, created_at FROM feeds ORDER BY id').all() as Raw[]).map(toFeed));
  }

  async unseen(feedUrl: string, itemIds: string[]): Promise<string[]> {
    return wrap(this.path, () => {
      const feed = this.db.prepare('SELECT id FROM feeds WHERE url = ?').get(feedUrl) as { id: number } | undefined;
      if (!feed) throw new NewsgraphError('not-found', `no feed ${feedUrl}`);
      const seen = this.db.prepare('SELECT 1 FROM feed_items WHERE feed_id = ? AND item_id = ?');
      return [...new Set(itemIds)].filter((id) => seen.get(feed.id, id) === undefined);
    });
  }

  async removeFeed(url: string): Promise<boolean> {
    return wrap(this.path, () =>
      this.db.transaction(() => {
        const feed = this.db.prepare('SELECT id FROM feeds WHERE url = ?').get(url) as { id: number } | undefined;
        if (!feed) return false;
        this.db.prepare('DELETE FROM feed_items WHERE feed_id = ?').run(feed.id);
        this.db.prepare('DELETE FROM feeds WHERE id = ?').run(feed.id);
        return true;
      })(),
    );
  }

  async markSeen(feedUrl: string, itemIds: string[]): Promise<string[]> {
    return wrap(this.path, () => {
      const feed = this.db.prepare('SELECT id FROM feeds WHERE url = ?').get(feedUrl) as { id: number } | undefined;
      if (!feed) throw new NewsgraphError('not-found', `no feed ${feedUrl}`);
      const insert = this.db.prepare('INSERT INTO feed_items (feed_id, item_id, seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
      const now = new Date().toISOString();
      return this.db.transaction(() => itemIds.filter((id) => insert.run(feed.id, id, now).changes > 0))();
    });
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    // Lets SQLite refresh the statistics its planner uses, as its documentation advises before closing.
    if (!this.db.readonly) {
      try {
        this.db.pragma('optimize');
      } catch {
        // a busy or read-only file: statistics can wait for the next writer
      }
    }
    this.db.close();
  }
}
