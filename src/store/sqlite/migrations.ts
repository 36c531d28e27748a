/**
 * Schema migrations, applied in order on open. Never edit a migration that
 * has shipped: add a new one.
 */
export const MIGRATIONS: { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
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
    `,
  },
];
