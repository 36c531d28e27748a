import pg from 'pg';
import Cursor from 'pg-cursor';
import type { Analysis } from '../../doc/schema.js';
import { NewsgraphError } from '../../util/errors.js';
import { decodeCursor, encodeCursor, pageLimit } from '../cursor.js';
import { toRows } from '../rows.js';
import { FEED_COLUMNS, toFeed } from '../sql/feeds.js';
import { toActorRow, toDocumentRow, toEventRecordRow, toEventRow, toQuoteRow, toSearchHit, toStoryRow } from '../sql/mappers.js';
import { actorsQuery, documentsQuery, eventRecordsQuery, eventsQuery, quotesQuery, searchWords, storiesQuery, type Dialect, type Query } from '../sql/queries.js';
import { streamQuery } from '../sql/streams.js';
import { parseStoredAnalysis } from '../stored-analysis.js';
import type {
  ActorFilter, ActorRow, DocumentFilter, DocumentRow, EventFilter, EventRecordRow, EventRow, FeedRecord, FeedUpdate, Page, PageRequest,
  PutResult, QuoteFilter, QuoteRow, SearchHit, Store, StoredDocumentSummary, StoreStats, StoryFilter, StoryRow, StreamFilterTypes,
  StreamKind, StreamRowTypes,
} from '../store.js';
import { makePool, parsePgUrl, pgError, type PgTarget } from './pg-connection.js';
import { keyPrefixRange } from '../names.js';
import { PG_MIGRATIONS } from './migrations.js';
import { writeBatch } from './pg-writer.js';

type Raw = Record<string, unknown>;
/** Any fixed number: the advisory lock that serialises migrations across processes. */
const MIGRATION_LOCK = 7_146_535_201;
/** Refresh planner statistics after this many new documents (and on close after any). */
const ANALYSE_EVERY = 2000;

const POSTGRES: Dialect = {
  name: 'postgres',
  bool: (v) => v,
  joinedKeys: (expr, from, orderBy) => `(SELECT string_agg(${expr}, ' ' ORDER BY ${orderBy}) FROM ${from})`,
};

/** Our queries are written with `?`; PostgreSQL numbers its parameters. */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** The server store: PostgreSQL via a connection pool. */
export class PgStore implements Store {
  /** Documents written since the planner's statistics were last refreshed. */
  private unanalysed = 0;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly target: PgTarget,
  ) {}

  /**
   * Refresh planner statistics after bulk writes: a freshly filled table has
   * none until autovacuum comes round, and the planner then picks plans for
   * empty tables (full sorts instead of index order).
   */
  private async analyse(): Promise<void> {
    this.unanalysed = 0;
    await this.pool.query('ANALYZE documents, outlets, actors, attributions, events, event_records, event_record_documents');
  }

  get path(): string {
    return this.target.display;
  }

  static async open(url: string, opts: { readonly?: boolean } = {}): Promise<PgStore> {
    const target = parsePgUrl(url);
    if (target.schema) {
      // The schema must exist before pooled connections put it on their search_path.
      const setup = new pg.Client({ connectionString: target.connectionString, connectionTimeoutMillis: 10_000 });
      try {
        await setup.connect();
        if (!opts.readonly) await setup.query(`CREATE SCHEMA IF NOT EXISTS "${target.schema}"`);
      } catch (e) {
        // Two processes creating the schema at once: the loser sees a unique violation, and the schema exists.
        if ((e as { code?: string }).code !== '23505') throw pgError(target, e);
      } finally {
        await setup.end().catch(() => {});
      }
    }
    const store = new PgStore(makePool(target), target);
    try {
      if (opts.readonly) await store.checkSchema();
      else await store.migrate();
    } catch (e) {
      await store.close();
      throw pgError(target, e);
    }
    return store;
  }

  private async run<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      throw pgError(this.target, e);
    }
  }

  private async all(q: Query, client: pg.Pool | pg.PoolClient = this.pool): Promise<Raw[]> {
    return (await client.query(numbered(q.sql), q.params)).rows as Raw[];
  }

  private async currentVersion(client: pg.Pool | pg.PoolClient = this.pool): Promise<number> {
    const has = await client.query("SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'schema_migrations'");
    if (has.rowCount === 0) return 0;
    return Number((await client.query('SELECT coalesce(max(version), 0) AS v FROM schema_migrations')).rows[0].v);
  }

  private async checkSchema(): Promise<void> {
    const current = await this.currentVersion();
    const latest = PG_MIGRATIONS.at(-1)!.version;
    if (current === 0) throw new NewsgraphError('corrupt-store', `${this.path} holds no newsgraph store (run "newsgraph ingest" first)`);
    if (current !== latest) throw new NewsgraphError('store-error', `${this.path} has schema version ${current}, this newsgraph uses ${latest}`);
  }

  private async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const tables = await client.query("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()");
      const names = tables.rows.map((r: Raw) => String(r.table_name));
      if (names.length > 0 && !names.includes('schema_migrations')) {
        throw new NewsgraphError('corrupt-store', `${this.path}: schema ${this.target.schema ?? 'public'} has tables but is not a newsgraph store (use ?schema=<name> for another schema)`);
      }
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
      const current = await this.currentVersion(client);
      const latest = PG_MIGRATIONS.at(-1)!.version;
      if (current > latest) throw new NewsgraphError('store-error', `${this.path} has schema version ${current}, newer than this newsgraph (${latest}): upgrade newsgraph`);
      const pending = PG_MIGRATIONS.filter((m) => m.version > current);
      for (const m of pending) {
        if (m.sql.trim() !== '') await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [m.version, new Date().toISOString()]);
      }
      // Data steps read and write today's tables, so they run once every table has its latest shape.
      for (const m of pending) await m.after?.(client);
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  }

  private async transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.run(async () => {
      const client = await this.pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(client);
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    });
  }

  async putMany(analyses: Analysis[]): Promise<PutResult[]> {
    const ingestedAt = new Date().toISOString();
    const rows = analyses.map((a) => toRows(a, ingestedAt));
    const fresh = await this.transaction((client) => writeBatch(client, rows));
    this.unanalysed += fresh.size;
    if (this.unanalysed >= ANALYSE_EVERY) await this.run(() => this.analyse());
    // Within one batch a repeated document is new only the first time.
    const claimed = new Set<string>();
    return analyses.map((a) => {
      const key = a.document.contentHash;
      const inserted = fresh.has(key) && !claimed.has(key);
      claimed.add(key);
      return { key, inserted };
    });
  }

  async has(contentHash: string): Promise<boolean> {
    return this.run(async () => (await this.pool.query('SELECT 1 FROM documents WHERE key = $1', [contentHash])).rowCount! > 0);
  }

  private async findDocument(idOrKey: string): Promise<{ seq: string; text: string; analysis: string } | null> {
    type Row = { seq: string; text: string; analysis: string };
    const q = async (sql: string, params: unknown[]): Promise<Row[]> => (await this.pool.query(sql, params)).rows as Row[];
    let rows = await q('SELECT seq, text, analysis FROM documents WHERE key = $1', [idOrKey]);
    const range = rows.length === 0 ? keyPrefixRange(idOrKey) : null;
    if (range) {
      rows = await q('SELECT seq, text, analysis FROM documents WHERE key >= $1 AND key < $2 LIMIT 2', [range.lo, range.hi]);
      if (rows.length > 1) throw new NewsgraphError('usage', `key prefix ${idOrKey} is ambiguous: give more characters`);
    }
    if (rows.length === 0) rows = await q('SELECT seq, text, analysis FROM documents WHERE id = $1 ORDER BY seq DESC LIMIT 1', [idOrKey]);
    return rows[0] ?? null;
  }

  async get(idOrKey: string): Promise<Analysis | null> {
    return this.run(async () => {
      const row = await this.findDocument(idOrKey);
      return row ? parseStoredAnalysis(row.analysis, row.text, idOrKey) : null;
    });
  }

  async list(limit: number, offset: number): Promise<StoredDocumentSummary[]> {
    return this.run(async () => {
      const rows = (await this.pool.query('SELECT key, id, title, url, published, source, ingested_at FROM documents ORDER BY seq LIMIT $1 OFFSET $2', [limit, offset])).rows as Raw[];
      return rows.map((r) => ({
        key: String(r.key), id: String(r.id), title: r.title as string | null, url: r.url as string | null, published: r.published as string | null,
        source: r.source as string | null, contentHash: String(r.key), ingestedAt: String(r.ingested_at),
      }));
    });
  }

  async stats(): Promise<StoreStats> {
    return this.run(async () => {
      const t = (await this.pool.query(`SELECT count(*) AS documents, coalesce(sum(sentences),0) AS sentences, coalesce(sum(tokens),0) AS tokens,
          coalesce(sum(boilerplate),0) AS boilerplate, coalesce(sum(mentions),0) AS mentions,
          coalesce(sum(attributions),0) AS attributions, coalesce(sum(events),0) AS events,
          (SELECT count(*) FROM event_records) AS event_records, (SELECT count(*) FROM stories) AS stories,
          (SELECT count(*) FROM feeds) AS feeds FROM documents`)).rows[0] as Raw;
      const bySource = (await this.pool.query(`SELECT coalesce(o.name, '(unknown)') AS source, count(*) AS documents FROM documents d
          LEFT JOIN outlets o ON o.id = d.outlet_id GROUP BY 1 ORDER BY 2 DESC, coalesce(o.name, '(unknown)') COLLATE "C" LIMIT 20`)).rows as Raw[];
      const n = (v: unknown): number => Number(v);
      return {
        documents: n(t.documents), sentences: n(t.sentences), tokens: n(t.tokens), boilerplate: n(t.boilerplate), mentions: n(t.mentions),
        attributions: n(t.attributions), events: n(t.events), eventRecords: n(t.event_records), stories: n(t.stories), feeds: n(t.feeds),
        bySource: bySource.map((r) => ({ source: String(r.source), documents: n(r.documents) })),
        schemaVersion: await this.currentVersion(),
        path: this.path,
      };
    });
  }

  private async keysetPage<T>(list: string, page: PageRequest, build: (after: number, limit: number) => Query, map: (r: Raw) => T, idOf: (r: Raw) => number): Promise<Page<T>> {
    const limit = pageLimit(page.limit);
    const after = decodeCursor(list, page.cursor);
    const rows = await this.run(() => this.all(build(after, limit + 1)));
    const items = rows.slice(0, limit);
    return { items: items.map(map), nextCursor: rows.length > limit ? encodeCursor(list, idOf(items.at(-1)!)) : null };
  }

  private async offsetPage<T>(list: string, page: PageRequest, build: (offset: number, limit: number) => Query, map: (r: Raw) => T): Promise<Page<T>> {
    const limit = pageLimit(page.limit);
    const offset = decodeCursor(list, page.cursor);
    const rows = await this.run(() => this.all(build(offset, limit + 1)));
    return { items: rows.slice(0, limit).map(map), nextCursor: rows.length > limit ? encodeCursor(list, offset + limit) : null };
  }

  async documents(filter: DocumentFilter, page: PageRequest): Promise<Page<DocumentRow>> {
    return this.keysetPage('documents', page, (after, limit) => documentsQuery(POSTGRES, filter, { after, limit }), toDocumentRow, (r) => Number(r.seq));
  }

  async events(filter: EventFilter, page: PageRequest): Promise<Page<EventRow>> {
    return this.keysetPage('events', page, (after, limit) => eventsQuery(POSTGRES, filter, { after, limit }), toEventRow, (r) => Number(r.id));
  }

  async eventRecords(filter: EventFilter, page: PageRequest): Promise<Page<EventRecordRow>> {
    return this.keysetPage('eventRecords', page, (after, limit) => eventRecordsQuery(POSTGRES, filter, { after, limit }), toEventRecordRow, (r) => Number(r.id));
  }

  async quotes(filter: QuoteFilter, page: PageRequest): Promise<Page<QuoteRow>> {
    return this.keysetPage('quotes', page, (after, limit) => quotesQuery(POSTGRES, filter, { after, limit }), toQuoteRow, (r) => Number(r.id));
  }

  async actors(filter: ActorFilter, page: PageRequest): Promise<Page<ActorRow>> {
    return this.offsetPage('actors', page, (offset, limit) => actorsQuery(POSTGRES, filter, { offset, limit }), toActorRow);
  }

  async stories(filter: StoryFilter, page: PageRequest): Promise<Page<StoryRow>> {
    return this.keysetPage('stories', page, (after, limit) => storiesQuery(POSTGRES, filter, { after, limit }), toStoryRow, (r) => Number(r.id));
  }

  async search(text: string, page: PageRequest): Promise<Page<SearchHit>> {
    searchWords(text); // refuses a text with no words, as on SQLite
    // The text as written, not its words: PostgreSQL's parser reads "U.S." as one lexeme 'u.s' in the document and so must read it in the
    // query too (the words "U" and "S" would look for 'u'). plainto_tsquery reads no query syntax, whatever the text holds.
    const words = text.normalize('NFKC');
    return this.offsetPage(
      'search',
      page,
      (offset, limit) => ({
        sql: `SELECT d.key, d.id, d.title, d.url, d.published, o.name AS outlet,
            ts_headline('english', left(d.text, 200000), q.query, 'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=24, MinWords=8, MaxFragments=1, FragmentDelimiter=" … "') AS snippet,
            ts_rank(d.tsv, q.query) AS rank
          FROM documents d CROSS JOIN (SELECT plainto_tsquery('english', ?) AS query) q LEFT JOIN outlets o ON o.id = d.outlet_id
          WHERE d.tsv @@ q.query ORDER BY rank DESC, d.seq LIMIT ? OFFSET ?`,
        params: [words, limit, offset],
      }),
      toSearchHit,
    );
  }

  stream<K extends StreamKind>(kind: K, filter: StreamFilterTypes[K]): AsyncIterable<StreamRowTypes[K]> {
    const spec = streamQuery(POSTGRES, kind, filter);
    const pool = this.pool;
    const target = this.target;
    return (async function* () {
      // A server-side cursor read 1,000 rows at a time: flat memory however large the table.
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (e) {
        throw pgError(target, e);
      }
      const cursor = client.query(new Cursor(numbered(spec.query.sql), spec.query.params));
      try {
        for (;;) {
          let rows: Raw[];
          try {
            rows = await cursor.read(1000);
          } catch (e) {
            throw pgError(target, e);
          }
          if (rows.length === 0) break;
          for (const r of rows) yield spec.map(r);
        }
      } finally {
        await cursor.close().catch(() => {});
        client.release();
      }
    })();
  }

  async createStory(label: string | null): Promise<number> {
    return this.run(async () => Number((await this.pool.query('INSERT INTO stories (label, created_at) VALUES ($1, $2) RETURNING id', [label, new Date().toISOString()])).rows[0].id));
  }

  async assignToStory(documentIdOrKey: string, storyId: number, score: number | null = null): Promise<void> {
    await this.run(async () => {
      const doc = await this.findDocument(documentIdOrKey);
      if (!doc) throw new NewsgraphError('not-found', `no stored document with id or key "${documentIdOrKey}"`);
      if ((await this.pool.query('SELECT 1 FROM stories WHERE id = $1', [storyId])).rowCount === 0) throw new NewsgraphError('not-found', `no story ${storyId}`);
      await this.pool.query(
        `INSERT INTO story_documents (doc_seq, story_id, score, assigned_at) VALUES ($1, $2, $3, $4)
          ON CONFLICT (doc_seq) DO UPDATE SET story_id = excluded.story_id, score = excluded.score, assigned_at = excluded.assigned_at`,
        [doc.seq, storyId, score, new Date().toISOString()],
      );
    });
  }

  async upsertFeed(url: string, update: FeedUpdate = {}): Promise<FeedRecord> {
    await this.transaction(async (client) => {
      await client.query('INSERT INTO feeds (url, created_at) VALUES ($1, $2) ON CONFLICT (url) DO NOTHING', [url, new Date().toISOString()]);
      for (const [field, column] of FEED_COLUMNS) {
        if (field in update) await client.query(`UPDATE feeds SET ${column} = $1 WHERE url = $2`, [update[field] ?? null, url]);
      }
    });
    return (await this.getFeed(url))!;
  }

  async getFeed(url: string): Promise<FeedRecord | null> {
    return this.run(async () => {
      const rows = (await this.pool.query('SELECT url, title, etag, last_modified, last_polled, created_at FROM feeds WHERE url = $1', [url])).rows as Raw[];
      return rows[0] ? toFeed(rows[0]) : null;
    });
  }

  async listFeeds(): Promise<FeedRecord[]> {
    return this.run(async () => ((await this.pool.query('SELECT url, title, etag, last_modified, last_polled, created_at FROM feeds ORDER BY id')).rows as Raw[]).map(toFeed));
  }

  async unseen(feedUrl: string, itemIds: string[]): Promise<string[]> {
    return this.run(async () => {
      const feed = (await this.pool.query('SELECT id FROM feeds WHERE url = $1', [feedUrl])).rows[0] as Raw | undefined;
      if (!feed) throw new NewsgraphError('not-found', `no feed ${feedUrl}`);
      const unique = [...new Set(itemIds)];
      const seen = new Set(
        ((await this.pool.query('SELECT item_id FROM feed_items WHERE feed_id = $1 AND item_id = ANY($2::text[])', [feed.id, unique])).rows as Raw[]).map((r) => String(r.item_id)),
      );
      return unique.filter((id) => !seen.has(id));
    });
  }

  async removeFeed(url: string): Promise<boolean> {
    return this.run(async () => {
      const client = await this.pool.connect();
      try {
        await client.query('BEGIN');
        const feed = (await client.query('SELECT id FROM feeds WHERE url = $1', [url])).rows[0] as Raw | undefined;
        if (feed) {
          await client.query('DELETE FROM feed_items WHERE feed_id = $1', [feed.id]);
          await client.query('DELETE FROM feeds WHERE id = $1', [feed.id]);
        }
        await client.query('COMMIT');
        return feed !== undefined;
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      } finally {
        client.release();
      }
    });
  }

  async markSeen(feedUrl: string, itemIds: string[]): Promise<string[]> {
    return this.run(async () => {
      const feed = (await this.pool.query('SELECT id FROM feeds WHERE url = $1', [feedUrl])).rows[0] as Raw | undefined;
      if (!feed) throw new NewsgraphError('not-found', `no feed ${feedUrl}`);
      const unique = [...new Set(itemIds)];
      const rows = (await this.pool.query(
        `INSERT INTO feed_items (feed_id, item_id, seen_at) SELECT $1, item, $3 FROM unnest($2::text[]) AS item
          ON CONFLICT DO NOTHING RETURNING item_id`,
        [feed.id, unique, new Date().toISOString()],
      )).rows as Raw[];
      const fresh = new Set(rows.map((r) => String(r.item_id)));
      return unique.filter((id) => fresh.has(id));
    });
  }

  async close(): Promise<void> {
    if (this.unanalysed > 0) await this.analyse().catch(() => {});
    await this.pool.end().catch(() => {});
  }
}
