/**
 * Readers for what comes from the web: HTML pages (main-content
 * extraction), feed files, WARC archives and URLs. Each yields RawDocuments
 * whose `text` is the extracted article text: that text is the original the
 * analysis offsets point into; the HTML itself stays where it came from. A
 * page or feed item with no article text, and a WARC page that cannot be
 * read, is yielded as a PassedRecord, so that every page is accounted for.
 */
import fs from 'node:fs';
import { extractArticle, decodeHtmlBytes } from '../extract/index.js';
import { parseFeed, sniffFeedKind, type FeedItem, type ParsedFeed } from '../feeds/index.js';
import type { Fetcher } from '../fetch/index.js';
import { readWarc, WARC_DEFAULTS } from '../warc/index.js';
import { NewsgraphError } from '../util/errors.js';
import { documentOf, failedRecord, type PassedRecord, type RawDocument, type ReadItem } from './raw-document.js';

export interface HtmlMeta {
  id: string;
  origin: string;
  url?: string | null;
  encoding: string;
  /** Used when the page itself gives no publication date (e.g. the WARC capture date). */
  fallbackDate?: string | null;
}

/** Shortest extracted text worth analysing; shorter pages are navigation or errors. */
const MIN_ARTICLE_CHARS = 80;

/** A page with no article text (navigation, an index, an error page): passed over, not failed. */
function noArticleText(origin: string, what: string): PassedRecord {
  return { passed: 'no-article-text', code: 'empty-input', origin, message: `${origin}: no article text found in this ${what}` };
}

/** An HTML page as a document, or passed over when it has no article text. */
export function htmlToItem(html: string, meta: HtmlMeta): RawDocument | PassedRecord {
  const article = extractArticle(html, meta.url ? { url: meta.url } : {});
  const body = article.text.trim();
  if (body === '') return noArticleText(meta.origin, 'HTML page');
  // The title leads the text, so the cleaner marks it as a span like any other.
  const text = article.title && !body.startsWith(article.title) ? `${article.title}\n\n${article.text}` : article.text;
  return {
    id: meta.id,
    text,
    title: article.title,
    url: article.canonicalUrl ?? meta.url ?? null,
    published: article.published ?? meta.fallbackDate ?? null,
    source: article.siteName,
    format: 'html',
    encoding: meta.encoding,
    origin: meta.origin,
  };
}

/** An HTML page as a document; throws 'empty-input' when it has no article text. */
export function htmlToRaw(html: string, meta: HtmlMeta): RawDocument {
  return documentOf(htmlToItem(html, meta));
}

/** Documents from the items of a parsed feed, using each item's own content (no fetching). */
export function* feedItemsToRaw(feed: ParsedFeed, origin: string): Generator<ReadItem> {
  for (const item of feed.items) {
    yield feedItemToRaw(feed, item, origin) ?? noArticleText(`${origin}#${item.id}`, 'feed item (no title or text)');
  }
}

function feedItemToRaw(feed: ParsedFeed, item: FeedItem, origin: string): RawDocument | null {
  const where = `${origin}#${item.id}`;
  let body = '';
  if (item.contentHtml && item.contentHtml.length > MIN_ARTICLE_CHARS) {
    try {
      body = extractArticle(`<html><body><article>${item.contentHtml}</article></body></html>`).text.trim();
    } catch {
      body = '';
    }
  }
  if (body === '') body = (item.summary ?? '').trim();
  const title = item.title?.trim() || null;
  if (body === '' && title === null) return null;
  const text = title ? (body ? `${title}\n\n${body}` : title) : body;
  return {
    id: item.id,
    text,
    title,
    url: item.link ?? null,
    published: item.published ?? item.updated ?? null,
    source: feed.title ?? null,
    format: 'html',
    encoding: feed.encoding ?? 'utf-8',
    origin: where,
  };
}

export function isFeedBytes(buf: Buffer): boolean {
  return sniffFeedKind(buf) !== null;
}

export function readFeedFile(file: string, buf: Buffer): Generator<ReadItem> {
  return feedItemsToRaw(parseFeed(buf), file);
}

/** Content types of records that would be documents: pages and feeds. */
const PAGE_TYPE = /html|xml|rss|atom/;

/**
 * HTML pages (and feeds) inside a WARC or WARC.gz archive, streamed. Records
 * that hold no page (requests, metadata, revisits, redirects and other
 * non-2xx responses, images, scripts) are not documents and are left out; a
 * page that cannot be read or is over the record size cap is a failed
 * record, one with no article text is passed over as such.
 */
export async function* readWarcFile(file: string, warn: (message: string) => void): AsyncGenerator<ReadItem> {
  if (!fs.existsSync(file)) throw new NewsgraphError('not-found', `no such file: ${file}`);
  // readWarc warns about a record whose body is over the cap just before it yields that record.
  const said = { warning: null as string | null };
  for await (const record of readWarc(file, { includeSkipped: true, onWarning: (m) => (said.warning = m) })) {
    const warning = said.warning;
    said.warning = null;
    const origin = `${file}#${record.targetUri ?? record.recordId}`;
    const type = (record.contentType ?? '').toLowerCase();
    if (record.httpStatus !== null && record.httpStatus !== undefined && (record.httpStatus < 200 || record.httpStatus >= 300)) continue;
    if (record.skip === 'too-large') {
      const message = warning ?? `WARC record ${record.index}: body over ${WARC_DEFAULTS.maxBodyBytes} bytes`;
      if (PAGE_TYPE.test(type)) yield failedRecord(origin, new NewsgraphError('too-large', message));
      else warn(message);
      continue;
    }
    if (warning !== null) warn(warning);
    if (record.skip !== null) continue;
    let items: ReadItem[];
    try {
      if (type.includes('html')) {
        const html = decodeHtmlBytes(record.body, record.httpHeaders?.['content-type'], origin);
        items = [htmlToItem(html, { id: record.targetUri ?? record.recordId ?? origin, origin, url: record.targetUri ?? null, encoding: record.charset ?? 'utf-8', fallbackDate: record.date ?? null })];
      } else if (isFeedBytes(record.body)) {
        items = [...feedItemsToRaw(parseFeed(record.body, { url: record.targetUri ?? undefined }), origin)];
      } else continue;
    } catch (e) {
      if (!(e instanceof NewsgraphError)) throw e;
      items = [failedRecord(origin, e)];
    }
    yield* items;
  }
}

/** A URL: an article page or a feed (whose items are read from the feed itself). */
export async function* readUrl(fetcher: Fetcher, url: string): AsyncGenerator<ReadItem> {
  const res = await fetcher.fetch(url);
  if (isFeedBytes(res.body)) {
    yield* feedItemsToRaw(parseFeed(res.body, { url: res.url, ...(res.contentType ? { contentType: res.contentType } : {}) }), res.url);
    return;
  }
  if (!/html|xml|text\/plain/.test(res.contentType ?? 'text/html')) {
    throw new NewsgraphError('unsupported-content-type', `${url}: cannot read content type ${res.contentType}`);
  }
  const html = decodeHtmlBytes(res.body, res.headers['content-type'] as string | undefined, res.url);
  yield htmlToItem(html, { id: res.url, origin: res.url, url: res.url, encoding: res.charset ?? 'utf-8' });
}
