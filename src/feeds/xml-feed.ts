/**
 * RSS 0.9x / 2.0, RSS 1.0 and 0.90 (RDF) and Atom 0.3 / 1.0 from a lenient
 * XML tree. Element names are matched by qualified name, so `link` and
 * `atom:link` are told apart; items are found wherever they sit (RSS 1.0
 * puts them beside the channel, sloppy feeds nest them oddly).
 */
import type { Document, Element } from 'domhandler';
import type { FeedItem, FeedKind, ParsedFeed } from './feed-types.js';
import { parseFeedDate } from './feed-dates.js';
import { collapseWhitespace, htmlToText, looksLikeHtml } from './html-text.js';
import { attr, childElements, childrenNamed, findOutermost, firstChild, innerMarkupOf, localNameOf, nameOf, textOf } from './xml-tree.js';
import { NewsgraphError } from '../util/errors.js';

function clean(s: string | undefined | null): string | null {
  if (s == null) return null;
  const t = collapseWhitespace(s);
  return t === '' ? null : t;
}

/** Titles are text, but some feeds put entity-escaped markup in them. */
function plainTitle(el: Element | undefined): string | null {
  if (!el) return null;
  const t = textOf(el);
  return clean(looksLikeHtml(t) ? htmlToText(t) : t);
}

function resolveUrl(href: string | null | undefined, base: string | null | undefined): string | null {
  const h = href?.trim();
  if (!h) return null;
  try {
    return new URL(h, base ?? undefined).toString();
  } catch {
    return /^[a-z][a-z0-9+.-]*:/i.test(h) ? h : null;
  }
}

/** `jane@example.com (Jane Doe)` → `Jane Doe`; a bare address stays as it is. */
function authorName(raw: string): string | null {
  const t = clean(raw);
  if (!t) return null;
  const m = /^\S+@\S+\s*\((.+)\)$/.exec(t);
  return m?.[1] ? m[1].trim() : t;
}

function uniq(xs: (string | null)[]): string[] {
  return [...new Set(xs.filter((x): x is string => !!x))];
}

function fallbackId(title: string | null, published: string | null, index: number): string {
  return title || published ? `title:${title ?? ''}|${published ?? ''}` : `index:${index}`;
}

function markupOrNull(el: Element | undefined): string | null {
  if (!el) return null;
  const html = innerMarkupOf(el).trim();
  return clean(html) ? html : null;
}

/** Atom text constructs: type="html" is escaped HTML, "xhtml" is inline markup, "text" is text. */
function atomHtml(el: Element | undefined): string | null {
  if (!el) return null;
  const type = (attr(el, 'type') ?? 'text').toLowerCase();
  if (type === 'xhtml' || childElements(el).length > 0) return markupOrNull(el);
  const text = textOf(el);
  if (type === 'html' || type === 'text/html' || looksLikeHtml(text)) return clean(text) ? text.trim() : null;
  return clean(text) ? escapeHtml(text.trim()) : null;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** RSS link: the element's text; failing that an atom:link alternate. */
function rssLink(item: Element, base: string | null): string | null {
  for (const l of childrenNamed(item, 'link')) {
    const href = clean(textOf(l)) ?? attr(l, 'href');
    const url = resolveUrl(href, base);
    if (url) return url;
  }
  return atomLink(item, base, ['atom:link', 'atom10:link']);
}

function atomLink(el: Element, base: string | null, names = ['link', 'atom:link']): string | null {
  const links = childrenNamed(el, ...names);
  const alt = links.find((l) => (attr(l, 'rel') ?? 'alternate').toLowerCase() === 'alternate') ?? links.find((l) => !attr(l, 'rel'));
  return alt ? resolveUrl(attr(alt, 'href') ?? textOf(alt), base) : null;
}

function rssItem(item: Element, index: number, base: string | null): FeedItem {
  const title = plainTitle(firstChild(item, 'title', 'dc:title'));
  const guidEl = firstChild(item, 'guid');
  const guid = clean(textOf(guidEl)) ?? clean(attr(item, 'rdf:about')) ?? null;
  let link = rssLink(item, base);
  // RSS 2.0: a guid is a permalink unless isPermaLink="false".
  if (!link && guid && guidEl && (attr(guidEl, 'isPermaLink') ?? 'true').toLowerCase() !== 'false') link = resolveUrl(guid, base);
  const publishedRaw = clean(textOf(firstChild(item, 'pubdate', 'dc:date', 'published', 'issued', 'dcterms:issued', 'dcterms:created')));
  const updatedRaw = clean(textOf(firstChild(item, 'atom:updated', 'updated', 'dcterms:modified')));
  const descEl = firstChild(item, 'description', 'summary', 'dc:description', 'itunes:summary');
  const contentEl = firstChild(item, 'content:encoded', 'xhtml:body', 'body', 'content');
  const summaryHtml = markupOrNull(descEl);
  const contentHtml = markupOrNull(contentEl);
  const authors = uniq(childrenNamed(item, 'author', 'dc:creator', 'itunes:author', 'dc:contributor').map((a) => authorName(firstChild(a, 'name') ? textOf(firstChild(a, 'name')) : textOf(a))));
  const categories = uniq(childrenNamed(item, 'category', 'dc:subject').flatMap((c) => [clean(textOf(c)) ?? clean(attr(c, 'term'))]));
  const published = parseFeedDate(publishedRaw);
  return {
    id: guid ?? link ?? fallbackId(title, published, index),
    guid,
    title,
    link,
    published,
    publishedRaw,
    updated: parseFeedDate(updatedRaw),
    authors,
    summary: summaryHtml ? clean(htmlToText(summaryHtml)) : null,
    summaryHtml,
    contentHtml,
    categories,
  };
}

function atomItem(entry: Element, index: number, base: string | null): FeedItem {
  const entryBase = resolveUrl(attr(entry, 'xml:base'), base) ?? base;
  const title = plainTitle(firstChild(entry, 'title'));
  const guid = clean(textOf(firstChild(entry, 'id', 'guid')));
  const link = atomLink(entry, entryBase);
  const publishedRaw = clean(textOf(firstChild(entry, 'published', 'issued', 'created', 'dc:date', 'pubdate')));
  const updatedRaw = clean(textOf(firstChild(entry, 'updated', 'modified')));
  const summaryHtml = atomHtml(firstChild(entry, 'summary', 'media:description'));
  const contentHtml = atomHtml(firstChild(entry, 'content'));
  const authors = uniq(childrenNamed(entry, 'author', 'contributor', 'dc:creator').map((a) => authorName(firstChild(a, 'name') ? textOf(firstChild(a, 'name')) : textOf(a))));
  const categories = uniq(childrenNamed(entry, 'category', 'dc:subject').map((c) => clean(attr(c, 'label')) ?? clean(attr(c, 'term')) ?? clean(textOf(c))));
  const published = parseFeedDate(publishedRaw) ?? parseFeedDate(updatedRaw);
  return {
    id: guid ?? link ?? fallbackId(title, published, index),
    guid,
    title,
    link,
    published,
    publishedRaw: publishedRaw ?? updatedRaw,
    updated: parseFeedDate(updatedRaw),
    authors,
    summary: summaryHtml ? clean(htmlToText(summaryHtml)) : null,
    summaryHtml,
    contentHtml,
    categories,
  };
}

interface FeedShape {
  kind: FeedKind;
  root: Element;
  channel: Element;
  itemNames: string[];
}

function detectShape(doc: Document): FeedShape {
  const top = childElements(doc);
  let root = top.find((e) => ['rss', 'rdf', 'feed', 'channel'].includes(localNameOf(e)));
  // Some feeds are wrapped (an HTML error page around the XML, a SOAP envelope): look one level down.
  root ??= top.flatMap((e) => findOutermost(e, ['rss', 'rdf:rdf', 'feed', 'atom:feed'])).at(0);
  if (!root) {
    const name = top[0] ? nameOf(top[0]) : 'nothing';
    throw new NewsgraphError('bad-feed', `not a feed: the document's root element is <${name}>, not rss, rdf:RDF or feed`);
  }
  const local = localNameOf(root);
  if (local === 'feed') return { kind: 'atom', root, channel: root, itemNames: ['entry', 'atom:entry'] };
  const channel = firstChild(root, 'channel', 'rss:channel') ?? root;
  return { kind: local === 'rdf' ? 'rdf' : 'rss', root, channel, itemNames: ['item', 'rss:item'] };
}

export function readXmlFeed(doc: Document, opts: { url?: string; encoding: string; maxItems: number }): ParsedFeed {
  const shape = detectShape(doc);
  const { kind, root, channel } = shape;
  const base = resolveUrl(attr(root, 'xml:base'), opts.url) ?? opts.url ?? null;
  const link = kind === 'atom' ? atomLink(channel, base) : rssLink(channel, base);
  const itemBase = base ?? link;
  const itemEls = findOutermost(root, shape.itemNames).slice(0, opts.maxItems);
  const items = itemEls.map((el, i) => (kind === 'atom' ? atomItem(el, i, itemBase) : rssItem(el, i, itemBase)));
  const descEl = firstChild(channel, 'description', 'subtitle', 'tagline');
  return {
    kind,
    version: attr(root, 'version') ?? (kind === 'rdf' ? '1.0' : null),
    title: plainTitle(firstChild(channel, 'title', 'dc:title')),
    link,
    description: descEl ? clean(htmlToText(innerMarkupOf(descEl))) : null,
    language: clean(textOf(firstChild(channel, 'language', 'dc:language'))) ?? clean(attr(root, 'xml:lang')),
    updated: parseFeedDate(clean(textOf(firstChild(channel, 'lastbuilddate', 'updated', 'modified', 'pubdate', 'dc:date')))),
    encoding: opts.encoding,
    items,
  };
}
