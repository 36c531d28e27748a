/**
 * parseFeed: bytes or text of an RSS, RDF, Atom or JSON feed → ParsedFeed.
 * Lenient by design (real feeds are rarely well-formed), but bounded: a size
 * limit, a parse time limit, an item cap, and no DTD/entity expansion.
 */
import { NewsgraphError } from '../util/errors.js';
import { decodeXmlBytes } from './decode-xml-bytes.js';
import { FEED_DEFAULTS, type ParseFeedOptions, type ParsedFeed } from './feed-types.js';
import { readJsonFeed } from './json-feed.js';
import { readXmlFeed } from './xml-feed.js';
import { parseXmlLeniently } from './xml-tree.js';

export function parseFeed(input: Buffer | string, opts: ParseFeedOptions = {}): ParsedFeed {
  const maxBytes = opts.maxBytes ?? FEED_DEFAULTS.maxBytes;
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > maxBytes) throw new NewsgraphError('too-large', `feed is ${size} bytes, over the limit of ${maxBytes}`);
  const decoded = decodeXmlBytes(input, opts.contentType);
  const text = decoded.text;
  const start = text.trimStart().slice(0, 1);
  if (start === '') throw new NewsgraphError('bad-feed', 'feed is empty');
  const maxItems = opts.maxItems ?? FEED_DEFAULTS.maxItems;
  if (start === '{') return readJsonFeed(text, { url: opts.url, maxItems });
  if (start !== '<') throw new NewsgraphError('bad-feed', 'not a feed: input starts with neither "<" nor "{"');
  const doc = parseXmlLeniently(text, { maxChars: maxBytes, timeoutMs: opts.timeoutMs ?? FEED_DEFAULTS.timeoutMs, what: 'feed' });
  return readXmlFeed(doc, { url: opts.url, encoding: decoded.encoding, maxItems });
}
