/**
 * Feed discovery and sniffing, for `feeds add <site>` and for deciding what
 * an input is when its name or Content-Type does not say.
 */
import { parseDocument } from 'htmlparser2';
import { isTag, type ChildNode } from 'domhandler';
import { decodeXmlBytes } from './decode-xml-bytes.js';
import type { FeedKind } from './feed-types.js';

export interface DiscoveredFeed {
  url: string;
  title: string | null;
  /** The link's declared type (application/rss+xml, application/atom+xml, application/feed+json). */
  type: string;
}

const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/feed+json', 'application/json']);

/** `<link rel="alternate" type="application/rss+xml" href="…">` in an HTML page, resolved against `pageUrl`. */
export function discoverFeeds(html: string, pageUrl: string): DiscoveredFeed[] {
  const doc = parseDocument(html.slice(0, 2 * 1024 * 1024));
  const found: DiscoveredFeed[] = [];
  const seen = new Set<string>();
  const walk = (nodes: ChildNode[]): void => {
    for (const n of nodes) {
      if (!isTag(n)) continue;
      if (n.name === 'link') {
        const rel = (n.attribs.rel ?? '').toLowerCase().split(/\s+/);
        const type = (n.attribs.type ?? '').toLowerCase().split(';')[0]!.trim();
        const href = n.attribs.href?.trim();
        if (rel.includes('alternate') && FEED_TYPES.has(type) && href) {
          try {
            const url = new URL(href, pageUrl).toString();
            if (!seen.has(url)) {
              seen.add(url);
              found.push({ url, title: n.attribs.title?.trim() || null, type });
            }
          } catch {
            // an unusable href is skipped, not fatal
          }
        }
      }
      if (n.name !== 'body') walk(n.children); // feed links live in <head>; don't walk a whole page body
    }
  };
  walk(doc.children);
  return found;
}

/** What kind of feed the bytes hold, from their first few kilobytes; null when they are not a feed. */
export function sniffFeedKind(input: Buffer | string): FeedKind | null {
  const head = typeof input === 'string' ? input.slice(0, 4096) : decodeXmlBytes(input.subarray(0, 4096)).text;
  const text = head.replace(/<!--[\s\S]*?-->/g, '').replace(/<\?[\s\S]*?\?>/g, '').replace(/<!DOCTYPE[^>]*>/i, '').trimStart();
  if (text.startsWith('{')) return /"version"\s*:\s*"https?:\/\/jsonfeed\.org\//.test(head) ? 'json' : null;
  const root = /^<([\w:.-]+)/.exec(text)?.[1]?.toLowerCase();
  if (!root) return null;
  const local = root.includes(':') ? root.slice(root.indexOf(':') + 1) : root;
  if (local === 'rss') return 'rss';
  if (local === 'rdf') return 'rdf';
  if (local === 'feed') return 'atom';
  return null;
}
