/**
 * Every feed and OPML file in ../shared/eval/corpus/feeds must parse, and
 * the counts, titles, links, dates and OPML entries must agree with the
 * corpus summaries (feeds_items.jsonl, opml_feeds.jsonl). Read at run time;
 * nothing from the corpus is copied into the repo.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseFeed } from './parse-feed.js';
import { parseOpml, writeOpml } from './opml.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FEEDS = path.join(path.resolve(repoRoot, '../shared'), 'eval/corpus/feeds');
const HAS_SHARED = fs.existsSync(path.join(FEEDS, 'feeds_items.jsonl'));
if (!HAS_SHARED) console.warn('skipping feed corpus tests: ../shared not found');

interface ExpectedItem { feed_file: string; url: string | null; title: string | null; published: string | null }
interface ExpectedOpmlFeed { opml_file: string; title: string | null; xmlUrl: string; group: string | null }

function groupBy<T>(file: string, key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as T;
    out.set(key(row), [...(out.get(key(row)) ?? []), row]);
  }
  return out;
}

const norm = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

describe.skipIf(!HAS_SHARED)('feed corpus', () => {
  const expected = HAS_SHARED ? groupBy<ExpectedItem>(path.join(FEEDS, 'feeds_items.jsonl'), (r) => r.feed_file) : new Map();

  it('parses every file in parser-fixtures and the news snapshot', () => {
    const files = ['parser-fixtures', 'news-snapshot-2026-02-17_kagi-fastfeedparser'].flatMap((dir) =>
      fs.readdirSync(path.join(FEEDS, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.(xml|rss|atom)$/.test(f))
        .map((f) => path.join(dir, f)),
    );
    expect(files.length).toBeGreaterThanOrEqual(47);
    for (const f of files) {
      const feed = parseFeed(fs.readFileSync(path.join(FEEDS, f)));
      expect(feed.items.length, f).toBeGreaterThan(0);
    }
  });

  it('agrees with feeds_items.jsonl on item counts, titles, links and dates', () => {
    let items = 0, titles = 0, links = 0, datesChecked = 0, dates = 0, dated = 0, bytes = 0, ms = 0;
    for (const [file, rows] of expected) {
      const buf = fs.readFileSync(path.join(FEEDS, file));
      const t0 = performance.now();
      const feed = parseFeed(buf);
      ms += performance.now() - t0;
      bytes += buf.length;
      dated += feed.items.filter((it) => it.published).length;
      expect(feed.items.length, file).toBe(rows.length);
      rows.forEach((row: ExpectedItem, i: number) => {
        const got = feed.items[i];
        items++;
        if (norm(got?.title) === norm(row.title)) titles++;
        // The summary keeps links as written; ours are absolute (resolved against the feed's link).
        const want = row.url ? new URL(row.url, feed.link ?? undefined).toString() : null;
        if ((got?.link ?? null) === want) links++;
        const t = row.published ? Date.parse(row.published) : NaN;
        if (Number.isFinite(t)) {
          datesChecked++;
          if (got?.published && Date.parse(got.published) === t) dates++;
        }
      });
    }
    console.log(`feed corpus: ${expected.size} files (${(bytes / 1e6).toFixed(1)} MB) parsed in ${ms.toFixed(0)} ms, ${items} items; titles ${titles}/${items}, links ${links}/${items}, dates ${dates}/${datesChecked} (of those Date.parse can read), items with a published date ${dated}/${items}`);
    expect(items).toBe(1490);
    expect(titles / items).toBeGreaterThanOrEqual(0.99);
    expect(links / items).toBeGreaterThanOrEqual(0.99);
    expect(dates / datesChecked).toBeGreaterThanOrEqual(0.99);
  });
});

describe.skipIf(!HAS_SHARED)('OPML corpus', () => {
  const expected = HAS_SHARED ? groupBy<ExpectedOpmlFeed>(path.join(FEEDS, 'opml_feeds.jsonl'), (r) => r.opml_file) : new Map();

  it('yields every feed of every OPML file, malformed ones included', () => {
    let total = 0, urls = 0, titles = 0, groups = 0;
    for (const [file, rows] of expected) {
      const doc = parseOpml(fs.readFileSync(path.join(FEEDS, file)));
      expect(doc.feeds.length, file).toBe(rows.length);
      rows.forEach((row: ExpectedOpmlFeed, i: number) => {
        const got = doc.feeds[i];
        total++;
        if (got?.xmlUrl === row.xmlUrl) urls++;
        if (norm(got?.title) === norm(row.title)) titles++;
        if (got?.category === row.group) groups++;
      });
      // What we write, we read back the same.
      const again = parseOpml(writeOpml(doc.feeds));
      expect(again.feeds.map((f) => [f.xmlUrl, f.title, f.category])).toEqual(doc.feeds.map((f) => [f.xmlUrl, f.title, f.category]));
    }
    console.log(`OPML corpus: ${expected.size} files, ${total} feeds; xmlUrl ${urls}/${total}, titles ${titles}/${total}, categories ${groups}/${total}`);
    expect(urls).toBe(total);
    expect(titles / total).toBeGreaterThanOrEqual(0.98);
    expect(groups / total).toBeGreaterThanOrEqual(0.98);
  });
});
