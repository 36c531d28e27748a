/** The shapes every feed format is read into. */

export type FeedKind = 'rss' | 'atom' | 'rdf' | 'json';

export interface FeedItem {
  /** Stable identity for de-duplication: guid/id, else link, else title+date. Never empty. */
  id: string;
  /** The feed's own identifier (RSS guid, Atom id, RDF about, JSON Feed id) when it gave one. */
  guid: string | null;
  title: string | null;
  /** Absolute URL of the article when it can be resolved. */
  link: string | null;
  /** ISO 8601 UTC, or null when missing or unreadable (the raw text is kept in publishedRaw). */
  published: string | null;
  publishedRaw: string | null;
  updated: string | null;
  authors: string[];
  /** Plain text of the summary/description. */
  summary: string | null;
  /** The summary/description as HTML, as the feed gave it. */
  summaryHtml: string | null;
  /** Full content HTML (content:encoded, Atom content, JSON content_html), else null. */
  contentHtml: string | null;
  categories: string[];
}

export interface ParsedFeed {
  kind: FeedKind;
  /** The format's own version when it states one ('2.0', '0.91', '1.0', 'https://jsonfeed.org/version/1.1'). */
  version: string | null;
  title: string | null;
  link: string | null;
  description: string | null;
  language: string | null;
  updated: string | null;
  /** Character encoding the bytes were read with. */
  encoding: string;
  items: FeedItem[];
}

export interface ParseFeedOptions {
  /** URL the feed was fetched from: base for relative links. */
  url?: string;
  /** HTTP Content-Type, a hint for the charset. */
  contentType?: string | null;
  /** Size limit on the input in bytes (default 20 MB). */
  maxBytes?: number;
  /** Time limit for parsing (default 5 s). */
  timeoutMs?: number;
  /** Items beyond this many are dropped (default 10,000). */
  maxItems?: number;
}

export const FEED_DEFAULTS = {
  maxBytes: 20 * 1024 * 1024,
  timeoutMs: 5_000,
  maxItems: 10_000,
} as const;
