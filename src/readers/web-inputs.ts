/**
 * Readers for what comes from the web: HTML pages (main-content
 * extraction), feed files, WARC archives and URLs. Each yields RawDocuments
 * whose `text` is the extracted article text: that text is the original the
 * analysis offsets point into; the HTML itself stays where it came from.
 */
import fs from 'node:fs';
import { extractArticle, decodeHtmlBytes } from '../extract/index.js';
import { parseFeed, sniffFeedKind, type FeedItem, type ParsedFeed } from '../feeds/index.js';
import type { Fetcher } from '../fetch/index.js';
import { readWarc } from '../warc/index.js';
import { NewsgraphError } from '../util/errors.js';
import type { RawDocument } from './raw-document.js';

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

export function htmlToRaw(html: string, meta: HtmlMeta): RawDocument {
  const article = extractArticle(html, meta.url ? { url: meta.url } : {});
  const body = article.text.trim();
  if (body === '') throw new NewsgraphError('empty-input', `${meta.origin}: no article text found in this HTML page`);
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

/** Documents from the items of a parsed feed, using each item's own content (no fetching). */
export function* feedItemsToRaw(feed: ParsedFeed, origin: string): Generator<RawDocument> {
  for (const item of feed.items) {
    const raw = feedItemToRaw(feed, item, origin);
    if (raw) yield raw;
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

export function readFeedFile(file: string, buf: Buffer): Generator<RawDocument> {
  return feedItemsToRaw(parseFeed(buf), file);
}

/** HTML pages (and feeds) inside a WARC or WARC.gz archive, streamed. */
export async function* readWarcFile(file: string, onSkip: (message: string) => void): AsyncGenerator<RawDocument> {
  if (!fs.existsSync(file)) throw new NewsgraphError('not-found', `no such file: ${file}`);
  for await (const record of readWarc(file, { onWarning: onSkip })) {
    const origin = `${file}#${record.targetUri ?? record.recordId}`;
    const type = (record.contentType ?? '').toLowerCase();
    if (record.httpStatus !== null && record.httpStatus !== undefined && (record.httpStatus < 200 || record.httpStatus >= 300)) continue;
    try {
      if (type.includes('html')) {
        const html = decodeHtmlBytes(record.body, record.httpHeaders?.['content-type'], origin);
        yield htmlToRaw(html, { id: record.targetUri ?? record.recordId ?? origin, origin, url: record.targetUri ?? null, encoding: record.charset ?? 'utf-8', fallbackDate: record.date ?? null });
      } else if (isFeedBytes(record.body)) {
        yield* feedItemsToRaw(parseFeed(record.body, { url: record.targetUri ?? undefined }), origin);
      }
    } catch (e) {
      if (!(e instanceof NewsgraphError)) throw e;
      onSkip(e.message.startsWith(origin) ? e.message : `${origin}: ${e.message}`);
    }
  }
}

/** A URL: an article page or a feed (whose items are read from the feed itself). */
export async function* readUrl(fetcher: Fetcher, url: string): AsyncGenerator<RawDocument> {
  const res = await fetcher.fetch(url);
  if (isFeedBytes(res.body)) {
    yield* feedItemsToRaw(parseFeed(res.body, { url: res.url, ...(res.contentType ? { contentType: res.contentType } : {}) }), res.url);
    return;
  }
  if (!/html|xml|text\/plain/.test(res.contentType ?? 'text/html')) {
    throw new NewsgraphError('unsupported-content-type', `${url}: cannot read content type ${res.contentType}`);
  }
  const html = decodeHtmlBytes(res.body, res.headers['content-type'] as string | undefined, res.url);
  yield htmlToRaw(html, { id: res.url, origin: res.url, url: res.url, encoding: res.charset ?? 'utf-8' });
}
