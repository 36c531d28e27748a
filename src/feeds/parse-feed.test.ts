import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { parseFeed } from './parse-feed.js';
import { isNewsgraphError } from '../util/errors.js';

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (isNewsgraphError(e)) return e.code;
    throw e;
  }
}

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title><![CDATA[Harbour Town Gazette]]></title>
  <link>https://gazette.example/</link>
  <atom:link href="https://gazette.example/feed.xml" rel="self"/>
  <item>
    <title>Council approves ferry budget &amp; new pier</title>
    <link>/news/ferry-budget</link>
    <guid isPermaLink="false">gz-1001</guid>
    <pubDate>Mon, 02 Mar 2026 09:15:00 +0000</pubDate>
    <dc:creator>Mara Quill</dc:creator>
    <category>Local</category><category>Transport</category>
    <description>The council voted 7&ndash;2 on&nbsp;Monday. AT&T was not involved.</description>
    <content:encoded><![CDATA[<p>The council voted <b>7-2</b>.</p>]]></content:encoded>
  </item>
  <item>
    <title>Storm closes harbour</title>
    <guid>https://gazette.example/news/storm</guid>
    <pubDate>2026-03-01T18:00:00+01:00</pubDate>
    <author>desk@gazette.example (Olu Brant)</author>
    <description>&lt;p&gt;Gale warnings &lt;a href="/x"&gt;remain&lt;/a&gt;.&lt;/p&gt;</description>
  </item>
</channel>
</rss>`;

describe('parseFeed: RSS 2.0', () => {
  const feed = parseFeed(RSS);
  it('reads the channel', () => {
    expect(feed.kind).toBe('rss');
    expect(feed.version).toBe('2.0');
    expect(feed.title).toBe('Harbour Town Gazette');
    expect(feed.link).toBe('https://gazette.example/');
    expect(feed.items).toHaveLength(2);
  });
  it('reads items leniently: entities, bare &, CDATA content, relative links', () => {
    const [a, b] = feed.items;
    expect(a?.title).toBe('Council approves ferry budget & new pier');
    expect(a?.guid).toBe('gz-1001');
    expect(a?.id).toBe('gz-1001');
    expect(a?.link).toBe('https://gazette.example/news/ferry-budget');
    expect(a?.published).toBe('2026-03-02T09:15:00.000Z');
    expect(a?.authors).toEqual(['Mara Quill']);
    expect(a?.categories).toEqual(['Local', 'Transport']);
    expect(a?.summary).toBe('The council voted 7–2 on Monday. AT&T was not involved.');
    expect(a?.contentHtml).toBe('<p>The council voted <b>7-2</b>.</p>');
    // A permalink guid doubles as the link.
    expect(b?.link).toBe('https://gazette.example/news/storm');
    expect(b?.published).toBe('2026-03-01T17:00:00.000Z');
    expect(b?.authors).toEqual(['Olu Brant']);
    expect(b?.summary).toBe('Gale warnings remain.');
    expect(b?.summaryHtml).toContain('<a href="/x">');
  });
  it('resolves relative links against the fetch URL when given', () => {
    const f = parseFeed(RSS, { url: 'https://mirror.example/feeds/g.xml' });
    expect(f.items[0]?.link).toBe('https://mirror.example/news/ferry-budget');
  });
});

describe('parseFeed: Atom, RDF, JSON Feed', () => {
  it('reads Atom with xhtml content, alternate links and xml:base', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://atoll.example/blog/">
      <title type="html">Atoll &lt;i&gt;Notes&lt;/i&gt;</title>
      <link rel="self" href="https://atoll.example/atom.xml"/><link href="https://atoll.example/"/>
      <entry><id>tag:atoll.example,2026:1</id><title>Reef survey</title>
        <link rel="edit" href="edit/1"/><link rel="alternate" type="text/html" href="posts/reef"/>
        <updated>2026-01-05T10:00:00Z</updated><published>2026-01-04T08:00:00-05:00</published>
        <author><name>Ines Varga</name></author><category term="science" label="Science"/>
        <summary>Short.</summary>
        <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Coral <em>recovering</em>.</p></div></content>
      </entry></feed>`;
    const f = parseFeed(atom);
    expect(f.kind).toBe('atom');
    expect(f.title).toBe('Atoll Notes');
    expect(f.link).toBe('https://atoll.example/');
    const e = f.items[0];
    expect(e?.id).toBe('tag:atoll.example,2026:1');
    expect(e?.link).toBe('https://atoll.example/blog/posts/reef');
    expect(e?.published).toBe('2026-01-04T13:00:00.000Z');
    expect(e?.updated).toBe('2026-01-05T10:00:00.000Z');
    expect(e?.authors).toEqual(['Ines Varga']);
    expect(e?.categories).toEqual(['Science']);
    expect(e?.contentHtml).toContain('<p>Coral <em>recovering</em>.</p>');
  });

  it('reads RSS 1.0 (RDF) with items beside the channel', () => {
    const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://valley.example/"><title>Valley Wire</title><link>https://valley.example/</link></channel>
      <item rdf:about="https://valley.example/a"><title>Mill reopens</title><link>https://valley.example/a</link><dc:date>2026-02-10T07:30:00Z</dc:date><dc:subject>Economy</dc:subject></item>
      <item rdf:about="https://valley.example/b"><title>Bridge repaired</title><link>https://valley.example/b</link></item>
    </rdf:RDF>`;
    const f = parseFeed(rdf);
    expect(f.kind).toBe('rdf');
    expect(f.title).toBe('Valley Wire');
    expect(f.items.map((i) => i.id)).toEqual(['https://valley.example/a', 'https://valley.example/b']);
    expect(f.items[0]?.published).toBe('2026-02-10T07:30:00.000Z');
    expect(f.items[0]?.categories).toEqual(['Economy']);
  });

  it('reads JSON Feed 1.1', () => {
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1', title: 'Plains Daily', home_page_url: 'https://plains.example/',
      items: [{ id: 'p-9', url: '/p/9', title: 'Harvest early', content_html: '<p>Wheat is <b>in</b>.</p>', date_published: '2026-07-01T06:00:00Z', authors: [{ name: 'Tomas Reyes' }], tags: ['farming'] }, 'junk'],
    });
    const f = parseFeed(Buffer.from(json));
    expect(f.kind).toBe('json');
    expect(f.items).toHaveLength(1);
    expect(f.items[0]?.link).toBe('https://plains.example/p/9');
    expect(f.items[0]?.summary).toBe('Wheat is in.');
    expect(f.items[0]?.authors).toEqual(['Tomas Reyes']);
  });
});

describe('parseFeed: encodings', () => {
  it('honours a declared windows-1251 encoding', () => {
    const xml = `<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>Новости города</title><item><title>Мост открыт</title></item></channel></rss>`;
    const f = parseFeed(iconv.encode(xml, 'windows-1251'));
    expect(f.encoding).toBe('windows-1251');
    expect(f.title).toBe('Новости города');
    expect(f.items[0]?.title).toBe('Мост открыт');
  });
  it('honours a declared gb2312 encoding', () => {
    const xml = `<?xml version="1.0" encoding="gb2312"?><rss version="2.0"><channel><title>科技新闻</title><item><title>新桥开通</title></item></channel></rss>`;
    expect(parseFeed(iconv.encode(xml, 'gbk')).items[0]?.title).toBe('新桥开通');
  });
  it('reads undeclared latin-1 bytes that are not UTF-8', () => {
    const xml = `<rss version="2.0"><channel><title>Journal de la Côte</title><item><title>Fête à l'école, été précoce, déjà célébrée</title></item></channel></rss>`;
    const f = parseFeed(iconv.encode(xml, 'latin1'));
    expect(f.items[0]?.title).toBe("Fête à l'école, été précoce, déjà célébrée");
  });
  it("survives a stray latin-1 byte in a UTF-8 feed", () => {
    const good = Buffer.from('<rss version="2.0"><channel><title>Ünïcode ok ✓ — fine</title><item><title>A</title></item><item><title>B ');
    const bytes = Buffer.concat([good, Buffer.from([0xe9]), Buffer.from('</title></item></channel></rss>')]);
    const f = parseFeed(bytes);
    expect(f.title).toBe('Ünïcode ok ✓ — fine');
    expect(f.items).toHaveLength(2);
  });
});

describe('parseFeed: hostile and broken input', () => {
  it('does not expand billion-laughs entities, and finishes fast', () => {
    const levels = ['<!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++) levels.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    const xml = `<?xml version="1.0"?><!DOCTYPE rss [${levels.join('')}]><rss version="2.0"><channel><title>&lol9;</title><item><title>t &lol9;</title></item></channel></rss>`;
    const before = process.memoryUsage().heapUsed;
    const t0 = Date.now();
    const f = parseFeed(xml);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(f.title).toBe('&lol9;');
    expect(f.items[0]?.title).toBe('t &lol9;');
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50 * 1024 * 1024);
  });
  it('does not resolve external entities', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>x</title><item><title>&xxe;</title></item></channel></rss>`;
    const f = parseFeed(xml);
    expect(f.items[0]?.title).toBe('&xxe;');
  });
  it('parses unclosed tags and stray markup', () => {
    const f = parseFeed('<rss><channel><title>Broken <b>feed</title><item><title>One</title><link>https://x.example/1</link></item><item><title>Two</item></channel>');
    expect(f.items.length).toBe(2);
    expect(f.items[0]?.link).toBe('https://x.example/1');
  });
  it('rejects things that are not feeds with bad-feed', () => {
    expect(codeOf(() => parseFeed('<html><body>hello</body></html>'))).toBe('bad-feed');
    expect(codeOf(() => parseFeed('   '))).toBe('bad-feed');
    expect(codeOf(() => parseFeed('plain text'))).toBe('bad-feed');
    expect(codeOf(() => parseFeed('{"version":"1"}'))).toBe('bad-feed');
    expect(codeOf(() => parseFeed('{not json'))).toBe('bad-feed');
  });
  it('enforces the size limit and the time limit', () => {
    const big = `<rss><channel>${'<item><title>x</title></item>'.repeat(20000)}</channel></rss>`;
    expect(codeOf(() => parseFeed(big, { maxBytes: 1000 }))).toBe('too-large');
    expect(codeOf(() => parseFeed(big, { timeoutMs: -1 }))).toBe('timeout');
    expect(parseFeed(big, { maxItems: 5 }).items).toHaveLength(5);
  });
});

describe('parseFeed: lying declarations', () => {
  it('ignores a UTF-16 declaration on ASCII-compatible bytes', () => {
    const f = parseFeed(Buffer.from('<?xml version="1.0" encoding="UTF-16"?><rss><channel><title>Café Été</title></channel></rss>'));
    expect(f.title).toBe('Café Été');
  });
});
