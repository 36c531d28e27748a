import { describe, expect, it } from 'vitest';
import type { FetchOptions, FetchResult } from '../fetch/fetcher.js';
import { pollFeed, type FeedState } from './poll-feed.js';

function rss(items: { guid: string; link: string; title: string }[]): string {
  return `<rss version="2.0"><channel><title>Ferry news</title>${items
    .map((i) => `<item><guid>${i.guid}</guid><link>${i.link}</link><title>${i.title}</title></item>`)
    .join('')}</channel></rss>`;
}

/** A stand-in fetcher serving one document with an ETag, answering 304 to a matching If-None-Match. */
function fakeFetcher(doc: { body: string; etag: string }) {
  const calls: FetchOptions[] = [];
  return {
    calls,
    doc,
    async fetch(url: string | URL, opts: FetchOptions = {}): Promise<FetchResult> {
      calls.push(opts);
      const notModified = opts.etag === doc.etag;
      return {
        status: notModified ? 304 : 200,
        url: String(url),
        headers: { 'content-type': 'application/rss+xml', etag: doc.etag },
        body: Buffer.from(notModified ? '' : doc.body),
        contentType: 'application/rss+xml',
        charset: null,
        notModified,
        etag: doc.etag,
        lastModified: null,
        redirects: [],
      };
    },
  };
}

describe('pollFeed', () => {
  it('returns everything first, nothing on 304, then only the new items', async () => {
    const a = { guid: 'f-1', link: 'https://ferry.example/1', title: 'Timetable changes' };
    const b = { guid: 'f-2', link: 'https://ferry.example/2', title: 'New boat' };
    const c = { guid: 'f-3', link: 'https://ferry.example/3', title: 'Strike called off' };
    const fetcher = fakeFetcher({ body: rss([b, a]), etag: '"e1"' });
    let state: FeedState = { url: 'https://ferry.example/rss' };

    const first = await pollFeed(fetcher, state);
    expect(first.newItems.map((i) => i.title)).toEqual(['New boat', 'Timetable changes']);
    expect(first.state.etag).toBe('"e1"');
    state = first.state;

    const second = await pollFeed(fetcher, state);
    expect(second.notModified).toBe(true);
    expect(second.newItems).toEqual([]);
    expect(fetcher.calls[1]?.etag).toBe('"e1"');
    state = second.state;

    fetcher.doc.body = rss([c, b, a]);
    fetcher.doc.etag = '"e2"';
    const third = await pollFeed(fetcher, state);
    expect(third.newItems.map((i) => i.title)).toEqual(['Strike called off']);
    expect(third.state.etag).toBe('"e2"');
    expect(state.seenIds).not.toContain('f-3'); // the input state is not mutated
  });

  it('treats an item as seen when only its guid changed but its link did not', async () => {
    const fetcher = fakeFetcher({ body: rss([{ guid: 'old-guid', link: 'https://ferry.example/9', title: 'Pier repaired' }]), etag: '"a"' });
    const first = await pollFeed(fetcher, { url: 'https://ferry.example/rss' });
    fetcher.doc.body = rss([{ guid: 'new-guid', link: 'https://ferry.example/9', title: 'Pier repaired' }]);
    fetcher.doc.etag = '"b"';
    const second = await pollFeed(fetcher, first.state);
    expect(second.newItems).toEqual([]);
  });

  it('asks an isSeen callback and bounds the remembered ids', async () => {
    const items = Array.from({ length: 6 }, (_, i) => ({ guid: `g${i}`, link: `https://ferry.example/${i}`, title: `Item ${i}` }));
    const fetcher = fakeFetcher({ body: rss(items), etag: '"x"' });
    const stored = new Set(['g1', 'https://ferry.example/4']);
    const r = await pollFeed(fetcher, { url: 'https://ferry.example/rss' }, { isSeen: (k) => stored.has(k), maxSeenIds: 4 });
    expect(r.newItems.map((i) => i.id)).toEqual(['g0', 'g2', 'g3', 'g5']);
    expect(r.state.seenIds).toHaveLength(4);
  });
});
