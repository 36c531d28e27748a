import { describe, expect, it } from 'vitest';
import { discoverFeeds, sniffFeedKind } from './discover-feeds.js';

describe('discoverFeeds', () => {
  it('finds alternate feed links in the head, resolved and de-duplicated', () => {
    const html = `<!doctype html><html><head><title>Lighthouse Daily</title>
      <link rel="alternate" type="application/rss+xml" title="All stories" href="/rss.xml">
      <link rel="alternate" type="application/atom+xml" href="https://cdn.lighthouse.example/atom">
      <link rel="alternate" type="application/rss+xml" href="/rss.xml">
      <link rel="alternate" hreflang="fr" href="/fr/">
      <link rel="stylesheet" type="text/css" href="/s.css">
    </head><body><a href="/other.xml">x</a></body></html>`;
    expect(discoverFeeds(html, 'https://lighthouse.example/news/')).toEqual([
      { url: 'https://lighthouse.example/rss.xml', title: 'All stories', type: 'application/rss+xml' },
      { url: 'https://cdn.lighthouse.example/atom', title: null, type: 'application/atom+xml' },
    ]);
  });
});

describe('sniffFeedKind', () => {
  it('tells feeds from other documents', () => {
    expect(sniffFeedKind('<?xml version="1.0"?>\n<!-- hi --><rss version="2.0"><channel/></rss>')).toBe('rss');
    expect(sniffFeedKind(Buffer.from('\uFEFF<feed xmlns="http://www.w3.org/2005/Atom"></feed>'))).toBe('atom');
    expect(sniffFeedKind('<rdf:RDF xmlns:rdf="x"></rdf:RDF>')).toBe('rdf');
    expect(sniffFeedKind('{"version": "https://jsonfeed.org/version/1.1", "items": []}')).toBe('json');
    expect(sniffFeedKind('{"items": []}')).toBeNull();
    expect(sniffFeedKind('<!DOCTYPE html><html><body></body></html>')).toBeNull();
    expect(sniffFeedKind('<opml version="2.0"></opml>')).toBeNull();
    expect(sniffFeedKind('just text')).toBeNull();
  });
});
