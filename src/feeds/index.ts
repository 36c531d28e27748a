/** Feeds: RSS/RDF/Atom/JSON Feed parsing, OPML import/export, polling. */
export { parseFeed } from './parse-feed.js';
export type { FeedItem, FeedKind, ParsedFeed, ParseFeedOptions } from './feed-types.js';
export { parseFeedDate } from './feed-dates.js';
export { parseOpml, writeOpml } from './opml.js';
export type { OpmlDocument, OpmlFeed, ParseOpmlOptions, WriteOpmlOptions } from './opml.js';
export { htmlToText } from './html-text.js';
export { pollFeed } from './poll-feed.js';
export type { FeedState, PollFeedOptions, PollFeedResult } from './poll-feed.js';
export { discoverFeeds, sniffFeedKind } from './discover-feeds.js';
export type { DiscoveredFeed } from './discover-feeds.js';
