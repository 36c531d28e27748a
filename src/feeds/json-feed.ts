/**
 * JSON Feed 1.0 / 1.1 (https://jsonfeed.org). Read defensively: every field
 * is checked for its type, since the input is whatever a server sent.
 */
import type { FeedItem, ParsedFeed } from './feed-types.js';
import { parseFeedDate } from './feed-dates.js';
import { collapseWhitespace, htmlToText } from './html-text.js';
import { NewsgraphError } from '../util/errors.js';

type Json = Record<string, unknown>;

function str(v: unknown): string | null {
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t === '' ? null : t;
}

function obj(v: unknown): Json | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null;
}

function absolute(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try {
    return new URL(href, base ?? undefined).toString();
  } catch {
    return null;
  }
}

function authorsOf(item: Json): string[] {
  const list = Array.isArray(item.authors) ? item.authors : item.author ? [item.author] : [];
  return [...new Set(list.map((a) => str(obj(a)?.name) ?? str(a)).filter((a): a is string => !!a))];
}

function jsonItem(raw: unknown, index: number, base: string | null): FeedItem | null {
  const item = obj(raw);
  if (!item) return null;
  const guid = str(item.id);
  const link = absolute(str(item.url) ?? str(item.external_url), base);
  const title = str(item.title);
  const publishedRaw = str(item.date_published);
  const published = parseFeedDate(publishedRaw);
  const contentHtml = str(item.content_html);
  const contentText = str(item.content_text);
  const summaryText = str(item.summary);
  const summary = summaryText ?? (contentText ? collapseWhitespace(contentText) : contentHtml ? htmlToText(contentHtml) : null);
  return {
    id: guid ?? link ?? (title || published ? `title:${title ?? ''}|${published ?? ''}` : `index:${index}`),
    guid,
    title,
    link,
    published,
    publishedRaw,
    updated: parseFeedDate(str(item.date_modified)),
    authors: authorsOf(item),
    summary: summary ? collapseWhitespace(summary) || null : null,
    summaryHtml: null,
    contentHtml: contentHtml ?? (contentText ? `<p>${contentText.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>` : null),
    categories: Array.isArray(item.tags) ? [...new Set(item.tags.map(str).filter((t): t is string => !!t))] : [],
  };
}

export function readJsonFeed(text: string, opts: { url?: string; maxItems: number }): ParsedFeed {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new NewsgraphError('bad-feed', `JSON feed is not valid JSON: ${(e as Error).message.split('\n')[0]}`);
  }
  const feed = obj(data);
  const version = str(feed?.version);
  if (!feed || !version?.includes('jsonfeed.org') || !Array.isArray(feed.items)) {
    throw new NewsgraphError('bad-feed', 'not a JSON Feed: expected an object with a jsonfeed.org "version" and an "items" array');
  }
  const link = absolute(str(feed.home_page_url), opts.url ?? null);
  const base = opts.url ?? link;
  const items = feed.items
    .slice(0, opts.maxItems)
    .map((it, i) => jsonItem(it, i, base))
    .filter((it): it is FeedItem => it !== null);
  return {
    kind: 'json',
    version,
    title: str(feed.title),
    link,
    description: str(feed.description),
    language: str(feed.language),
    updated: null,
    encoding: 'utf-8',
    items,
  };
}
