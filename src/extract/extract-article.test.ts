import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractArticle, formatExtraction, NewsgraphError } from './index.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixture = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

describe('extractArticle on a page with furniture and JSON-LD', () => {
  const html = fixture('news-jsonld.html');
  const a = extractArticle(html, { url: 'https://ledger.example/news/ferry-route?utm=x' });

  it('keeps the article paragraphs, headings, list and quote', () => {
    expect(a.text).toContain('The harbour council voted on Thursday');
    expect(a.text).toContain('Opponents argued that the money');
    expect(a.text).toContain('What changes for passengers');
    expect(a.text).toContain('Bicycles carried free of charge');
    expect(a.text).toContain('We have waited long enough');
    expect(a.blocks.map((b) => b.kind)).toEqual(expect.arrayContaining(['heading', 'paragraph', 'list', 'quote']));
  });

  it('drops navigation, cookie banner, share bar, related links, comments, footer and the headline', () => {
    for (const furniture of ['Weather', 'We use cookies', 'Share on Facebook', 'Storm closes harbour pier', 'Finally some good news', 'All rights reserved', 'Related stories']) {
      expect(a.text).not.toContain(furniture);
    }
    expect(a.text.startsWith('Harbour council approves')).toBe(false);
  });

  it('reports what it dropped, with labels and text', () => {
    const kinds = new Set(a.boilerplate.map((b) => b.kind));
    for (const k of ['cookie', 'share', 'related', 'comments']) expect(kinds).toContain(k);
    expect(a.boilerplate.some((b) => (b.kind === 'nav' || b.kind === 'header') && b.text.includes('Weather'))).toBe(true);
    const cookie = a.boilerplate.find((b) => b.kind === 'cookie');
    expect(cookie?.text).toContain('We use cookies');
    expect(html.slice(cookie!.htmlStart, cookie!.htmlEnd)).toMatch(/^<div id="cookie-banner"[\s\S]*<\/div>$/);
  });

  it('separates blocks by a blank line and gives offsets into text and HTML', () => {
    expect(a.text).not.toMatch(/\n{3,}/);
    for (let i = 0; i < a.blocks.length; i++) {
      const b = a.blocks[i]!;
      const blockText = a.text.slice(b.start, b.end);
      expect(blockText.trim()).toBe(blockText);
      expect(blockText.length).toBeGreaterThan(0);
      if (i > 0) expect(a.text.slice(a.blocks[i - 1]!.end, b.start)).toBe('\n\n');
      // The first words of each block occur in its HTML span.
      const firstWord = blockText.split(/\s+/)[0]!.replace(/^["“«]/, '');
      expect(html.slice(b.htmlStart!, b.htmlEnd!)).toContain(firstWord);
    }
  });

  it('reads metadata from JSON-LD', () => {
    expect(a.title).toBe('Harbour council approves new ferry route');
    expect(a.authors).toEqual(['Mara Lindqvist', 'Tomas Reyes']);
    expect(a.published).toBe('2025-03-14T09:30:00+01:00');
    expect(a.modified).toBe('2025-03-14T11:05:00+01:00');
    expect(a.siteName).toBe('The Coastal Ledger');
    expect(a.canonicalUrl).toBe('https://ledger.example/news/ferry-route');
    expect(a.lang).toBe('en');
    expect(a.langSource).toBe('declared');
    expect(a.description).toContain('second ferry line');
  });
});

describe('extractArticle metadata fallbacks', () => {
  it('uses OpenGraph and article:* meta tags', () => {
    const a = extractArticle(fixture('news-opengraph.html'));
    expect(a.title).toBe('Le marché couvert rouvre ses portes après travaux');
    expect(a.siteName).toBe('Le Petit Courrier');
    expect(a.published).toBe('2024-10-02T07:15:00Z');
    expect(a.authors).toEqual(['Claire Dubois']);
    expect(a.canonicalUrl).toBe('https://courrier.example/ville/marche-couvert');
    expect(a.lang).toBe('fr');
    expect(a.text).toContain('Après dix-huit mois de chantier');
    expect(a.text).not.toContain('Accueil');
  });

  it('uses the byline and <time> when there is no structured metadata', () => {
    const a = extractArticle(fixture('byline-time.html'));
    expect(a.authors).toEqual(['Jonas Weber', 'Priya Nair']);
    expect(a.published).toBe('2023-11-21T16:40:00-05:00');
    expect(a.title).toBe('River levels fall as rain eases');
    expect(a.text).toContain('Water levels on the river dropped');
    expect(a.text).not.toContain('Most read');
    expect(a.text).not.toContain('By Jonas Weber');
  });

  it('resolves a relative canonical link against the page URL', () => {
    const html = '<html><head><link rel="canonical" href="/story/42"></head><body><p>Text of a short story that is long enough to be a paragraph, with a comma.</p></body></html>';
    expect(extractArticle(html, { url: 'https://news.example/x?y=1' }).canonicalUrl).toBe('https://news.example/story/42');
    expect(extractArticle(html).canonicalUrl).toBeNull();
  });

  it('detects the language when none is declared', () => {
    const a = extractArticle(fixture('german-nolang.html'));
    expect(a.lang).toBe('de');
    expect(a.langSource).toBe('detected');
  });
});

describe('extractArticle furniture inside the body', () => {
  const a = extractArticle(fixture('furniture-in-body.html'));

  it('keeps the sub-headline, the standfirst and the article paragraphs', () => {
    expect(a.text.startsWith('Union members voted by a large majority')).toBe(true);
    expect(a.text).toContain('Port operations resume after unions accept');
    expect(a.text).toContain('Dockworkers returned to the quays');
    expect(a.text).toContain('short delays to deliveries before the holidays.');
  });

  it('drops byline, reading time, photo credits, reporting credits, related links and calls to action', () => {
    for (const furniture of ['By Ana Ruiz', 'Reading time', 'Getty Images', 'Image 1 of 3', 'Reporting by', 'Related stories', 'Harbour authority names', 'Subscribe to our newsletter']) {
      expect(a.text).not.toContain(furniture);
    }
    expect(a.boilerplate.find((b) => b.text === 'By Ana Ruiz')?.reason).toBe('byline');
    expect(a.boilerplate.find((b) => b.text.startsWith('Harbour authority names'))?.kind).toBe('link-list');
  });
});

describe('extractArticle with JSON-LD articleBody', () => {
  const body = [
    'The city library will open on Sundays from next month, the council said on Friday, after a petition signed by more than four thousand residents.',
    'Extra staff will be paid from the culture budget, which was increased this year, and volunteers from the reading club will help run the children\'s corner.',
    'The library has been closed on Sundays since the budget cuts of twelve years ago, when opening hours were reduced across the region.',
  ].join('\n\n');
  const ld = JSON.stringify({ '@type': 'NewsArticle', headline: 'Library to open on Sundays', articleBody: body });

  it('uses the articleBody text when the page body is rendered by script', () => {
    const html = `<html><head><script type="application/ld+json">${ld}</script></head><body><div id="app"></div><nav><a href="/">Home</a></nav></body></html>`;
    const a = extractArticle(html);
    expect(a.method).toBe('jsonld-text');
    expect(a.text).toBe(body);
    expect(a.blocks).toHaveLength(3);
    expect(a.blocks[0]!.htmlStart).toBeUndefined();
  });

  it('keeps the DOM text (with HTML offsets) when the page repeats the articleBody', () => {
    const paras = body.split('\n\n').map((p) => `<p>${p}</p>`).join('');
    const html = `<html><head><script type="application/ld+json">${ld}</script></head><body><article>${paras}</article></body></html>`;
    const a = extractArticle(html);
    expect(a.method).toBe('dom');
    expect(a.text).toBe(body);
    expect(a.blocks.every((b) => b.htmlStart !== undefined)).toBe(true);
  });
});

describe('extractArticle robustness and limits', () => {
  it('does not throw on malformed HTML and still finds the text', () => {
    const a = extractArticle(fixture('malformed.html'));
    expect(a.text).toContain('The repairs to the old stone bridge');
    expect(a.text).toContain('forty damaged stones');
  });

  it('returns empty text, not an error, for pages without prose', () => {
    for (const html of ['', '<html></html>', '<<<>>>', '<div><a href="/">Home</a></div>']) {
      const a = extractArticle(html);
      expect(a.method).toBe('none');
      expect(a.text).toBe('');
    }
  });

  it('rejects input above the size limit with code too-large', () => {
    const big = '<p>' + 'word '.repeat(3000) + '</p>';
    expect(() => extractArticle(big, { maxBytes: 10_000 })).toThrowError(NewsgraphError);
    try {
      extractArticle(big, { maxBytes: 10_000 });
    } catch (e) {
      expect((e as NewsgraphError).code).toBe('too-large');
    }
  });

  it('survives very deep nesting without overflowing the stack', () => {
    const depth = 10_000;
    const html = '<div>'.repeat(depth) + '<p>' + 'Deep text that still counts as a paragraph of prose, with commas, and more words. '.repeat(3) + '</p>' + '</div>'.repeat(depth);
    const a = extractArticle(html);
    expect(a.text).toContain('Deep text that still counts');
  });

  it('stops with code timeout on pathological nesting', () => {
    const depth = 200_000;
    const html = '<div>'.repeat(depth) + '<p>text</p>';
    const t0 = Date.now();
    let code: string | undefined;
    try {
      extractArticle(html, { timeoutMs: 200 });
    } catch (e) {
      code = (e as NewsgraphError).code;
    }
    expect(code).toBe('timeout');
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it('stops with code timeout when the time limit is exceeded', () => {
    const para = '<div class="x"><p>Some sentence here, with a comma, to score as prose in the page body.</p><a href="/l">link</a></div>';
    const html = '<html><body>' + para.repeat(40_000) + '</body></html>';
    let code: string | undefined;
    try {
      extractArticle(html, { timeoutMs: 1 });
    } catch (e) {
      code = (e as NewsgraphError).code;
    }
    expect(code).toBe('timeout');
  });
});

describe('formatExtraction', () => {
  const a = extractArticle(fixture('news-jsonld.html'));
  it('prints JSON that parses back to the same article', () => {
    expect(JSON.parse(formatExtraction(a, 'json'))).toEqual(JSON.parse(JSON.stringify(a)));
  });
  it('prints a text header then the body', () => {
    const out = formatExtraction(a, 'text');
    expect(out.startsWith('# Harbour council approves new ferry route\n')).toBe(true);
    expect(out).toContain('By Mara Lindqvist, Tomas Reyes');
    expect(out).toContain(a.text);
  });
});
