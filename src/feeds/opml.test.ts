import { describe, expect, it } from 'vitest';
import { parseOpml, writeOpml } from './opml.js';
import { isNewsgraphError } from '../util/errors.js';

describe('parseOpml', () => {
  it('reads nested outlines with categories', () => {
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>My subs</title></head><body>
      <outline text="World"><outline text="Coastal Herald" xmlUrl="https://herald.example/rss" htmlUrl="https://herald.example/" type="rss"/>
        <outline text="Science"><outline title="Lab Notes" text="ln" xmlUrl="https://lab.example/atom"/></outline></outline>
      <outline text="Loose" type="rss" xmlUrl="https://loose.example/feed"/>
      <outline text="A web page" type="link" url="https://page.example/"/>
    </body></opml>`;
    const doc = parseOpml(opml);
    expect(doc.title).toBe('My subs');
    expect(doc.feeds).toEqual([
      { title: 'Coastal Herald', xmlUrl: 'https://herald.example/rss', htmlUrl: 'https://herald.example/', category: 'World', description: null },
      { title: 'Lab Notes', xmlUrl: 'https://lab.example/atom', htmlUrl: null, category: 'World/Science', description: null },
      { title: 'Loose', xmlUrl: 'https://loose.example/feed', htmlUrl: null, category: null, description: null },
    ]);
  });

  it('recovers feeds from broken quoting and bare ampersands', () => {
    const opml = `<opml version="1.0"><body><outline text="News" title="News">
      <outline text="The "Daily" Lantern" title="The "Daily" Lantern" xmlUrl="https://lantern.example/rss?a=1&b=2" type="rss" />
      <outline text="Pod" title="Pod" description="Hear <em class="x">this</em> show" xmlUrl="https://pod.example/feed.xml" type="rss" />
      <outline text="Plain" title="Plain" xmlUrl="https://plain.example/rss" type="rss" />
    </outline></body></opml>`;
    const doc = parseOpml(opml);
    expect(doc.feeds.map((f) => f.xmlUrl)).toEqual(['https://lantern.example/rss?a=1&b=2', 'https://pod.example/feed.xml', 'https://plain.example/rss']);
    expect(doc.feeds[0]?.title).toBe('The "Daily" Lantern');
    expect(doc.feeds.every((f) => f.category === 'News')).toBe(true);
  });

  it('rejects a file without an opml root', () => {
    try {
      parseOpml('<rss></rss>');
      expect.unreachable();
    } catch (e) {
      expect(isNewsgraphError(e) && e.code).toBe('bad-input');
    }
  });
});

describe('writeOpml', () => {
  it('escapes and round-trips', () => {
    const feeds = [
      { title: 'Q&A <weekly> "digest"', xmlUrl: 'https://qa.example/rss?x=1&y=2', htmlUrl: null, category: 'Misc' },
      { title: null, xmlUrl: 'https://untitled.example/feed', htmlUrl: 'https://untitled.example/', category: null },
    ];
    const xml = writeOpml(feeds, { title: 'Export', date: new Date(Date.UTC(2026, 0, 2)) });
    expect(xml).toContain('<dateCreated>Fri, 02 Jan 2026 00:00:00 GMT</dateCreated>');
    expect(xml).not.toContain('x=1&y');
    const back = parseOpml(xml);
    expect(back.title).toBe('Export');
    expect(back.feeds.map(({ title, xmlUrl, htmlUrl, category }) => ({ title, xmlUrl, htmlUrl, category }))).toEqual(feeds);
  });
});
