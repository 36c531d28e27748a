import fs from 'node:fs';
import Database from 'better-sqlite3';
import { analysisSchema, type Analysis } from '../../doc/schema.js';
import { NewsgraphError } from '../../util/errors.js';
import type { PutResult, Store, StoredDocumentSummary, StoreStats } from '../store.js';
import { MIGRATIONS } from './migrations.js';

const KEY_PREFIX_MIN = 8;

interface DocumentRow {
  key: string;
  id: string;
  title: string | null;
  url: string | null;
  published: string | null;
  source: string | null;
  ingested_at: string;
}

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
    if (this.currentVersion() === 0) {
      throw new NewsgraphError('corrupt-store', `${this.path} is not a newsgraph database`);
    }
  }

  private migrate(): void {
    const tables = this.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    if (tables.length > 0 && !tables.some((t) => t.name === 'schema_migrations')) {
      throw new NewsgraphError('corrupt-store', `${this.path} is an SQLite database but not a newsgraph one`);
    }
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    const current = this.currentVersion();
    const latest = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
    if (current > latest) {
      throw new NewsgraphError('store-error', `${this.path} has schema version ${current}, newer than this newsgraph (${latest}): upgrade newsgraph`);
    }
    const apply = this.db.transaction(() => {
      for (const m of MIGRATIONS) {
        if (m.version <= current) continue;
        this.db.exec(m.sql);
        this.db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(m.version, new Date().toISOString());
      }
    });
    apply();
  }

  async putMany(analyses: Analysis[]): Promise<PutResult[]> {
    return wrap(this.path, () => {
      const insert = this.db.prepare(`
        INSERT INTO documents (key, id, title, url, published, source, format, encoding, schema_version, text, analysis,
          sentences, tokens, boilerplate, mentions, attributions, events, ingested_at)
        VALUES (@key, @id, @title, @url, @published, @source, @format, @encoding, @schemaVersion, @text, @analysis,
          @sentences, @tokens, @boilerplate, @mentions, @attributions, @events, @ingestedAt)
        ON CONFLICT(key) DO NOTHING`);
      const run = this.db.transaction((batch: Analysis[]) =>
        batch.map((a): PutResult => {
          const key = a.document.contentHash;
          const info = insert.run({
            key,
            id: a.document.id,
            title: a.document.title,
            url: a.document.url,
            published: a.document.published,
            source: a.document.source,
            format: a.document.format,
            encoding: a.document.encoding,
            schemaVersion: a.schemaVersion,
            text: a.text,
            analysis: JSON.stringify({ ...a, text: undefined }),
            sentences: a.layers.sentences?.length ?? 0,
            tokens: a.layers.tokens?.length ?? 0,
            boilerplate: a.layers.boilerplate?.length ?? 0,
            mentions: a.layers.mentions?.length ?? 0,
            attributions: a.layers.attributions?.length ?? 0,
            events: a.layers.events?.length ?? 0,
            ingestedAt: new Date().toISOString(),
          });
          return { key, inserted: info.changes > 0 };
        }),
      );
      return run(analyses);
    });
  }

  async has(contentHash: string): Promise<boolean> {
    return wrap(this.path, () => this.db.prepare('SELECT 1 FROM documents WHERE key = ?').get(contentHash) !== undefined);
  }

  async get(idOrKey: string): Promise<Analysis | null> {
    return wrap(this.path, () => {
      let row = this.db.prepare('SELECT text, analysis FROM documents WHERE key = ?').get(idOrKey) as { text: string; analysis: string } | undefined;
      if (!row && idOrKey.length >= KEY_PREFIX_MIN && /^[0-9a-f]+$/.test(idOrKey)) {
        const rows = this.db.prepare('SELECT text, analysis FROM documents WHERE key >= ? AND key < ? LIMIT 2').all(idOrKey, `${idOrKey}g`) as { text: string; analysis: string }[];
        if (rows.length > 1) throw new NewsgraphError('usage', `key prefix ${idOrKey} is ambiguous: give more characters`);
        row = rows[0];
      }
      row ??= this.db.prepare('SELECT text, analysis FROM documents WHERE id = ? ORDER BY ingested_at DESC LIMIT 1').get(idOrKey) as { text: string; analysis: string } | undefined;
      if (!row) return null;
      const parsed = analysisSchema.safeParse({ ...(JSON.parse(row.analysis) as object), text: row.text });
      if (!parsed.success) throw new NewsgraphError('corrupt-store', `stored analysis for ${idOrKey} does not match the output schema`);
      return parsed.data;
    });
  }

  async list(limit: number, offset: number): Promise<StoredDocumentSummary[]> {
    return wrap(this.path, () => {
      const rows = this.db
        .prepare('SELECT key, id, title, url, published, source, ingested_at FROM documents ORDER BY ingested_at, key LIMIT ? OFFSET ?')
        .all(limit, offset) as DocumentRow[];
      return rows.map((r) => ({ key: r.key, id: r.id, title: r.title, url: r.url, published: r.published, source: r.source, contentHash: r.key, ingestedAt: r.ingested_at }));
    });
  }

  async stats(): Promise<StoreStats> {
    return wrap(this.path, () => {
      const totals = this.db
        .prepare(`SELECT count(*) AS documents, coalesce(sum(sentences),0) AS sentences, coalesce(sum(tokens),0) AS tokens,
          coalesce(sum(boilerplate),0) AS boilerplate, coalesce(sum(mentions),0) AS mentions,
          coalesce(sum(attributions),0) AS attributions, coalesce(sum(events),0) AS events FROM documents`)
        .get() as Omit<StoreStats, 'bySource' | 'schemaVersion' | 'path'>;
      const bySource = this.db
        .prepare("SELECT coalesce(source, '(unknown)') AS source, count(*) AS documents FROM documents GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20")
        .all() as { source: string; documents: number }[];
      return { ...totals, bySource, schemaVersion: this.currentVersion(), path: this.path };
    });
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
