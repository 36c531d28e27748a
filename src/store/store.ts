import type { Analysis } from '../doc/schema.js';
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
  QuoteFilter,
  QuoteRow,
  SearchHit,
  StoryFilter,
  StoryRow,
} from './query-types.js';

export type * from './query-types.js';

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
  /** Collapsed one-a-day event records (same source, target, code and day). */
  eventRecords: number;
  stories: number;
  feeds: number;
  bySource: { source: string; documents: number }[];
  schemaVersion: number;
  path: string;
}

/** What `stream` can iterate: the export tables. */
export type StreamKind = 'events' | 'eventRecords' | 'quotes' | 'actors' | 'documents';
export interface StreamRowTypes {
  events: EventRow;
  eventRecords: EventRecordRow;
  quotes: QuoteRow;
  actors: ActorRow;
  documents: DocumentRow;
}
export interface StreamFilterTypes {
  events: EventFilter;
  eventRecords: EventFilter;
  quotes: QuoteFilter;
  actors: ActorFilter;
  documents: DocumentFilter;
}

/**
 * Where analyses live. Implementations: SQLite (embedded default) and
 * PostgreSQL. Both must pass the shared contract suite in store.contract.ts.
 *
 * Every list query takes a page request and returns an opaque cursor for the
 * next page (null on the last page). `stream` iterates a whole table with a
 * database cursor, in flat memory, for exports.
 */
export interface Store {
  /** Where the store is, for messages: a SQLite file, or a PostgreSQL URL with its password masked. */
  readonly path: string;
  /** Store analyses in one transaction; documents already present (same content hash) are skipped. */
  putMany(analyses: Analysis[]): Promise<PutResult[]>;
  /** Find by store key, key prefix (at least 8 characters) or document id. */
  get(idOrKey: string): Promise<Analysis | null>;
  has(contentHash: string): Promise<boolean>;
  list(limit: number, offset: number): Promise<StoredDocumentSummary[]>;
  stats(): Promise<StoreStats>;

  documents(filter: DocumentFilter, page: PageRequest): Promise<Page<DocumentRow>>;
  events(filter: EventFilter, page: PageRequest): Promise<Page<EventRow>>;
  eventRecords(filter: EventFilter, page: PageRequest): Promise<Page<EventRecordRow>>;
  quotes(filter: QuoteFilter, page: PageRequest): Promise<Page<QuoteRow>>;
  actors(filter: ActorFilter, page: PageRequest): Promise<Page<ActorRow>>;
  stories(filter: StoryFilter, page: PageRequest): Promise<Page<StoryRow>>;
  search(text: string, page: PageRequest): Promise<Page<SearchHit>>;
  stream<K extends StreamKind>(kind: K, filter: StreamFilterTypes[K]): AsyncIterable<StreamRowTypes[K]>;

  /** Stories are clusters of documents (filled by dedupe). Returns the new story's id. */
  createStory(label: string | null): Promise<number>;
  /** Put a stored document (id or key) into a story; a document is in at most one story. */
  assignToStory(documentIdOrKey: string, storyId: number, score?: number | null): Promise<void>;

  /** Feeds the poller follows: upsert by URL; `seen` item ids are remembered. */
  upsertFeed(url: string, update?: FeedUpdate): Promise<FeedRecord>;
  getFeed(url: string): Promise<FeedRecord | null>;
  listFeeds(): Promise<FeedRecord[]>;
  /** Stop following a feed; its seen item ids go with it. False when there was no such feed. */
  removeFeed(url: string): Promise<boolean>;
  /** Of these item ids, the ones not yet marked seen for the feed (read-only). */
  unseen(feedUrl: string, itemIds: string[]): Promise<string[]>;
  /** Remember item ids as seen; returns the ones that were new. */
  markSeen(feedUrl: string, itemIds: string[]): Promise<string[]>;

  close(): Promise<void>;
}
