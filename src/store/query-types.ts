/**
 * What the store's queries take and give back. Rows are flat (one value per
 * column) so the same objects serve the CLI table, CSV, Parquet and JSON.
 *
 * Name filters (actor, target, speaker, cue, outlet, relay) match
 * case-insensitively on whole words: "kim jong un" matches "Kim Jong Un",
 * "Kim" matches it too, "rus" does not match "Belarus". Code filters match
 * CAMEO codes by prefix: "RUS" matches RUS, RUSGOV, RUSMIL.
 */

export interface PageRequest {
  /** At most this many items (the store caps it at 1000). */
  limit: number;
  /** The opaque `nextCursor` of the previous page. */
  cursor?: string | null;
}

export interface Page<T> {
  items: T[];
  /** Pass back to get the next page; null when this was the last one. */
  nextCursor: string | null;
}

export interface EventFilter {
  /** Source actor: CAMEO code prefix or name. */
  actor?: string;
  /** Target actor: CAMEO code prefix or name. */
  target?: string;
  /** ISO-3 country of the source or the target actor. */
  country?: string;
  /** CAMEO event code prefix ("19" matches 190, 193, 1951 ...). */
  code?: string;
  /** CAMEO root code, exactly ("19"). */
  root?: string;
  quadClass?: number;
  /** Event day from/to, inclusive, YYYY-MM-DD. */
  from?: string;
  to?: string;
  outlet?: string;
  hedged?: boolean;
  /** Stored document key or id. */
  document?: string;
}

export interface QuoteFilter {
  speaker?: string;
  /** Cue word or its lemma ("said", "say", "warn"). */
  cue?: string;
  outlet?: string;
  /** A relay, medium or outlet anywhere in the relay chain ("KCNA", "Yonhap"). */
  relay?: string;
  hedged?: boolean;
  document?: string;
}

export interface ActorFilter {
  /** Name or CAMEO code prefix. */
  name?: string;
  code?: string;
  country?: string;
  kind?: string;
  outlet?: string;
}

export interface DocumentFilter {
  outlet?: string;
  /** Published day from/to, inclusive, YYYY-MM-DD. */
  from?: string;
  to?: string;
  story?: number;
  /** Only documents in no story (left so by an interrupted ingest). */
  unassigned?: boolean;
}

export interface StoryFilter {
  /** Only stories with at least this many documents. */
  minDocuments?: number;
}

export interface DocumentRow {
  key: string;
  id: string;
  title: string | null;
  url: string | null;
  published: string | null;
  outlet: string | null;
  storyId: number | null;
  sentences: number;
  mentions: number;
  attributions: number;
  events: number;
  ingestedAt: string;
}

export interface EventRow {
  id: number;
  documentKey: string;
  documentId: string;
  url: string | null;
  outlet: string | null;
  /** The event's day: its own date, else the document's published day; null when neither is known. */
  date: string | null;
  sourceActorId: string | null;
  sourceCode: string | null;
  sourceName: string | null;
  sourceCountry: string | null;
  /** Offsets of the source actor's span in the document text (UTF-16, end exclusive); null when the event gives it no span. */
  sourceStart: number | null;
  sourceEnd: number | null;
  targetActorId: string | null;
  targetCode: string | null;
  targetName: string | null;
  targetCountry: string | null;
  /** Offsets of the target actor's span; null when the event has no target or gives it no span. */
  targetStart: number | null;
  targetEnd: number | null;
  code: string;
  root: string;
  quadClass: number;
  goldstein: number;
  ploverType: string | null;
  ploverMode: string | null;
  verb: string;
  /** Offsets of the verb in the document text. */
  verbStart: number;
  verbEnd: number;
  sentence: string;
  section: string;
  negated: boolean;
  hypothetical: boolean;
  hedged: boolean;
  reported: boolean;
  /** Places the article tells this event. */
  mentions: number;
  /** The lexicon row that gave the code. */
  rule: string;
  recordId: number;
}

/** One-a-day event record: the same (source code, target code, event code, day) across articles. */
export interface EventRecordRow {
  id: number;
  /** The record's day; null for events with no known date (they collapse into one undated record). */
  date: string | null;
  sourceCode: string | null;
  sourceName: string | null;
  sourceCountry: string | null;
  targetCode: string | null;
  targetName: string | null;
  targetCountry: string | null;
  code: string;
  root: string;
  quadClass: number;
  goldstein: number;
  /** Event mentions collapsed into the record. */
  mentions: number;
  /** Distinct documents mentioning it. */
  documents: number;
  /** Distinct outlets mentioning it. */
  outlets: number;
  /** Keys of the first documents that mention it (at most 20; `documents` counts them all). */
  documentKeys: string[];
  firstUrl: string | null;
  firstSeen: string;
  /** Earliest sentence (index) any of its mentions is in: 0 or 1 is the headline or lead. */
  firstSentence: number;
}

export interface RelayRow {
  name: string;
  kind: string;
  actorId: string | null;
}

export interface QuoteRow {
  id: number;
  documentKey: string;
  documentId: string;
  url: string | null;
  outlet: string | null;
  published: string | null;
  type: string;
  content: string;
  /** Offsets of the content in the document text (UTF-16, end exclusive); so are the other offsets. */
  contentStart: number;
  contentEnd: number;
  /** The speaker's canonical name (its actor's), else the speaker span's text. */
  speaker: string | null;
  /** The speaker span's text; speakerStart/speakerEnd are its offsets (all null when there is no speaker span). */
  speakerText: string | null;
  speakerStart: number | null;
  speakerEnd: number | null;
  speakerCode: string | null;
  speakerActorId: string | null;
  cue: string | null;
  cueLemma: string | null;
  cueStart: number | null;
  cueEnd: number | null;
  medium: string | null;
  mediumStart: number | null;
  mediumEnd: number | null;
  chain: RelayRow[];
  hedged: boolean;
  anonymous: boolean;
}

/** An actor across documents: one row per (name, code). */
export interface ActorRow {
  name: string;
  code: string | null;
  country: string | null;
  kind: string;
  type: string;
  role: string | null;
  documents: number;
  mentions: number;
}

export interface StoryRow {
  id: number;
  label: string | null;
  documents: number;
  firstPublished: string | null;
  lastPublished: string | null;
  createdAt: string;
}

export interface SearchHit {
  key: string;
  id: string;
  title: string | null;
  url: string | null;
  published: string | null;
  outlet: string | null;
  /**
   * Matching text with the hits in [brackets]. Brackets of the article's own
   * ("the [Lisbon] agreement") look the same: `highlights` tells them apart.
   */
  snippet: string;
  /** Where the hits are in `snippet`: start/end offsets (UTF-16, end exclusive) of each hit's text, inside its brackets. */
  highlights: { start: number; end: number }[];
  /** Higher is better; comparable within one result list only. */
  rank: number;
}

export interface FeedRecord {
  url: string;
  title: string | null;
  etag: string | null;
  lastModified: string | null;
  lastPolled: string | null;
  createdAt: string;
}

export type FeedUpdate = Partial<Pick<FeedRecord, 'title' | 'etag' | 'lastModified' | 'lastPolled'>>;
