import type { FeedRecord, FeedUpdate } from '../query-types.js';

/** Feed fields that can be updated, and their columns: the only identifiers that reach the SQL text. */
export const FEED_COLUMNS: [keyof FeedUpdate, string][] = [
  ['title', 'title'],
  ['etag', 'etag'],
  ['lastModified', 'last_modified'],
  ['lastPolled', 'last_polled'],
];

export function toFeed(r: Record<string, unknown>): FeedRecord {
  const s = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
  return { url: String(r.url), title: s(r.title), etag: s(r.etag), lastModified: s(r.last_modified), lastPolled: s(r.last_polled), createdAt: String(r.created_at) };
}
