/**
 * pollFeed: fetch a feed with a conditional GET and return only the items not
 * seen before. The caller owns the state (the store keeps it between runs);
 * this function never mutates it and returns the next state.
 *
 * An item counts as seen when its id (guid/Atom id) or its link was seen,
 * so feeds that change one of the two between polls do not repeat items.
 */
import type { Fetcher, FetchResult } from '../fetch/fetcher.js';
import type { FeedItem, ParsedFeed } from './feed-types.js';
import { parseFeed } from './parse-feed.js';

export interface FeedState {
  url: string;
  etag?: string | null;
  lastModified?: string | null;
  /** Keys (ids and links) of items already returned, most recent last. */
  seenIds?: string[];
  /** ISO time of the last poll that reached the server. */
  lastPolledAt?: string | null;
}

export interface PollFeedOptions {
  /** Ask an outside store instead of (in addition to) `state.seenIds`. */
  isSeen?: (key: string) => boolean | Promise<boolean>;
  /** How many keys to keep in `seenIds` (default 5000; oldest dropped first). */
  maxSeenIds?: number;
  /** Time of the poll, for `lastPolledAt` (default now). */
  now?: Date;
}

export interface PollFeedResult {
  newItems: FeedItem[];
  state: FeedState;
  /** True when the server answered 304 (nothing fetched, nothing new). */
  notModified: boolean;
  /** The parsed feed, null on 304. */
  feed: ParsedFeed | null;
  /** Where the feed was finally fetched from (after redirects). */
  finalUrl: string;
}

function keysOf(item: FeedItem): string[] {
  return [item.id, item.link].filter((k): k is string => !!k);
}

export async function pollFeed(fetcher: Pick<Fetcher, 'fetch'>, state: FeedState, opts: PollFeedOptions = {}): Promise<PollFeedResult> {
  const now = (opts.now ?? new Date()).toISOString();
  const res: FetchResult = await fetcher.fetch(state.url, { etag: state.etag ?? null, lastModified: state.lastModified ?? null });
  if (res.notModified) {
    return { newItems: [], state: { ...state, lastPolledAt: now }, notModified: true, feed: null, finalUrl: res.url };
  }
  const feed = parseFeed(res.body, { url: res.url, contentType: res.headers['content-type'] ?? null });

  const seen = new Set(state.seenIds ?? []);
  const newItems: FeedItem[] = [];
  const added: string[] = [];
  for (const item of feed.items) {
    const keys = keysOf(item);
    let already = keys.some((k) => seen.has(k));
    if (!already && opts.isSeen) {
      for (const k of keys) if (await opts.isSeen(k)) already = true;
    }
    if (!already) newItems.push(item);
    for (const k of keys) {
      if (!seen.has(k)) {
        seen.add(k); // also de-duplicates an item listed twice in one feed
        added.push(k);
      }
    }
  }
  const max = opts.maxSeenIds ?? 5000;
  const seenIds = [...(state.seenIds ?? []), ...added].slice(-max);
  return {
    newItems,
    state: {
      ...state,
      etag: res.etag ?? null,
      lastModified: res.lastModified ?? null,
      seenIds,
      lastPolledAt: now,
    },
    notModified: false,
    feed,
    finalUrl: res.url,
  };
}
