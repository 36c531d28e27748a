/**
 * OPML subscription lists: read leniently, write strictly.
 *
 * Exported OPML is often not well-formed (unescaped `&` in URLs, unescaped
 * quotes inside attribute values); the lenient tree still finds every
 * `<outline xmlUrl=…>`. The category of a feed is its `category` attribute,
 * else the titles of the outlines it is nested in, joined with '/'.
 */
import type { Document, Element } from 'domhandler';
import { escapeAttribute } from 'entities';
import { NewsgraphError } from '../util/errors.js';
import { decodeXmlBytes } from './decode-xml-bytes.js';
import { collapseWhitespace } from './html-text.js';
import { salvageOpmlFeeds } from './opml-salvage.js';
import { attr, childElements, firstChild, localNameOf, parseXmlLeniently, textOf } from './xml-tree.js';

export interface OpmlFeed {
  title: string | null;
  xmlUrl: string;
  htmlUrl: string | null;
  category: string | null;
  description: string | null;
}

export interface OpmlDocument {
  title: string | null;
  feeds: OpmlFeed[];
}

export interface ParseOpmlOptions {
  maxBytes?: number;
  timeoutMs?: number;
}

const OPML_DEFAULTS = { maxBytes: 10 * 1024 * 1024, timeoutMs: 5_000 } as const;

function clean(s: string | undefined | null): string | null {
  if (s == null) return null;
  const t = collapseWhitespace(s);
  return t === '' ? null : t;
}

function outlineTitle(el: Element): string | null {
  return clean(attr(el, 'title')) ?? clean(attr(el, 'text'));
}

function collect(node: Element | Document, path: string[], out: OpmlFeed[]): void {
  for (const el of childElements(node)) {
    if (localNameOf(el) !== 'outline') {
      collect(el, path, out); // tolerate wrappers a sloppy exporter put between outlines
      continue;
    }
    const xmlUrl = clean(attr(el, 'xmlUrl')) ?? clean(attr(el, 'url'));
    const type = (attr(el, 'type') ?? '').toLowerCase();
    // `url` alone marks a feed only for rss/atom types; on `link` outlines it is a web page.
    const isFeed = !!clean(attr(el, 'xmlUrl')) || (!!xmlUrl && ['rss', 'atom', 'feed'].includes(type));
    if (isFeed && xmlUrl) {
      out.push({
        title: outlineTitle(el),
        xmlUrl,
        htmlUrl: clean(attr(el, 'htmlUrl')),
        category: clean(attr(el, 'category')) ?? (path.length ? path.join('/') : null),
        description: clean(attr(el, 'description')),
      });
    }
    const title = outlineTitle(el);
    collect(el, isFeed || !title ? path : [...path, title], out);
  }
}

/** Unescaped quotes cut a title short in the tree; the salvage reader keeps the whole of it. */
function withLongerTitle(feed: OpmlFeed, salvaged: OpmlFeed[]): OpmlFeed {
  const other = salvaged.find((s) => s.xmlUrl === feed.xmlUrl);
  if (other?.title && feed.title && other.title.length > feed.title.length && other.title.startsWith(feed.title)) {
    return { ...feed, title: other.title };
  }
  return feed;
}

export function parseOpml(input: Buffer | string, opts: ParseOpmlOptions = {}): OpmlDocument {
  const maxBytes = opts.maxBytes ?? OPML_DEFAULTS.maxBytes;
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > maxBytes) throw new NewsgraphError('too-large', `OPML file is ${size} bytes, over the limit of ${maxBytes}`);
  const { text } = decodeXmlBytes(input);
  const doc = parseXmlLeniently(text, { maxChars: maxBytes, timeoutMs: opts.timeoutMs ?? OPML_DEFAULTS.timeoutMs, what: 'OPML file' });
  const root = childElements(doc).find((e) => localNameOf(e) === 'opml');
  if (!root) throw new NewsgraphError('bad-input', 'not an OPML file: no <opml> root element');
  const head = firstChild(root, 'head');
  const body = firstChild(root, 'body') ?? root;
  let feeds: OpmlFeed[] = [];
  collect(body, [], feeds);
  // When the tree lost outlines (broken quoting hides their xmlUrl), the salvage reader
  // usually finds them; take whichever found more.
  const salvaged = salvageOpmlFeeds(text);
  if (salvaged.length > feeds.length) feeds = salvaged;
  else feeds = feeds.map((f) => withLongerTitle(f, salvaged));
  return { title: head ? clean(textOf(firstChild(head, 'title'))) : null, feeds };
}

export interface WriteOpmlOptions {
  title?: string;
  /** Written as `dateCreated` (RFC 822). Defaults to now. */
  date?: Date;
}

/** OPML 2.0; feeds with a category are grouped under one outline per category. */
export function writeOpml(feeds: readonly Omit<OpmlFeed, 'description'>[] | readonly OpmlFeed[], opts: WriteOpmlOptions = {}): string {
  const esc = (s: string): string => escapeAttribute(s).replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const line = (f: Partial<OpmlFeed> & { xmlUrl: string }, indent: string): string => {
    const parts = [`type="rss"`, `text="${esc(f.title ?? '')}"`];
    if (f.title) parts.push(`title="${esc(f.title)}"`);
    parts.push(`xmlUrl="${esc(f.xmlUrl)}"`);
    if (f.htmlUrl) parts.push(`htmlUrl="${esc(f.htmlUrl)}"`);
    if (f.description) parts.push(`description="${esc(f.description)}"`);
    return `${indent}<outline ${parts.join(' ')}/>`;
  };
  const groups = new Map<string, (Partial<OpmlFeed> & { xmlUrl: string })[]>();
  const loose: string[] = [];
  for (const f of feeds) {
    if (f.category) groups.set(f.category, [...(groups.get(f.category) ?? []), f]);
    else loose.push(line(f, '    '));
  }
  const body: string[] = [];
  for (const [category, members] of groups) {
    body.push(`    <outline text="${esc(category)}" title="${esc(category)}">`);
    for (const f of members) body.push(line(f, '      '));
    body.push('    </outline>');
  }
  body.push(...loose);
  const title = opts.title ?? 'newsgraph subscriptions';
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${esc(title)}</title>`,
    `    <dateCreated>${(opts.date ?? new Date()).toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
    ...body,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}
