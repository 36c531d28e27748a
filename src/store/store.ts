import type { Analysis } from '../doc/schema.js';

export interface StoredDocumentSummary {
  key: string;
  id: string;
  title: string | null;
  url: string | null;
  published: string | null;
  source: string | null;
  contentHash: string;
  ingestedAt: string;
}

export interface PutResult {
  /** The store's key for the document (its content hash). */
  key: string;
  /** False when a document with the same content was already stored. */
  inserted: boolean;
}

export interface StoreStats {
  documents: number;
  sentences: number;
  tokens: number;
  boilerplate: number;
  mentions: number;
  attributions: number;
  events: number;
  bySource: { source: string; documents: number }[];
  schemaVersion: number;
  path: string;
}

/**
 * Where analyses live. Implementations: SQLite (embedded default); later
 * PostgreSQL. Both must pass the shared contract suite in store.contract.ts.
 */
export interface Store {
  /** Store analyses in one transaction; documents already present (same content hash) are skipped. */
  putMany(analyses: Analysis[]): Promise<PutResult[]>;
  /** Find by store key, key prefix (at least 8 characters) or document id. */
  get(idOrKey: string): Promise<Analysis | null>;
  has(contentHash: string): Promise<boolean>;
  list(limit: number, offset: number): Promise<StoredDocumentSummary[]>;
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}
