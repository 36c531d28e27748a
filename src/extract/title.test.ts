import { describe, expect, it } from 'vitest';
import { extractArticle } from './index.js';
import { chooseTitle, isTruncationOf, stripSiteFromTitle, titleKey, type TitleSources } from './title.js';

/** A small page with the given <head> and <body> parts (our own invented text). */
function page(head: string, body: string): string {
  const para = '<p>The harbour council voted on Thursday to fund a new ferry line between the old port and the island villages, ending two years of debate.</p>';
  return `<!doctype html><html lang="en"><head>${head}</head><body>${body}<article>${para}${para.replace('Thursday', 'Friday')}</article></body></html>`;
}

function ld(obj: Record<string, unknown>): string {
  return `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', ...obj })}</script>`;
}

const titleOf = (html: string): string | null => extractArticle(html, { url: 'https://ledger.example/news/ferry' }).title;

function sources(s: Partial<TitleSources>): TitleSources {
  return { jsonLdHeadline: null, jsonLdName: null, ogTitle: null, twitterTitle: null, otherMetaTitles: [], h1Texts: [], titleTag: null, siteName: null, ...s };
}

describe('title: site names around the headline', () => {
  it('strips a " | Site" suffix named by og:site_name', () => {
    const html = page('<title>Ferry line approved after long debate | The Coastal Ledger</title><meta property="og:site_name" content="The Coastal Ledger">', '');
    expect(titleOf(html)).toBe('Ferry line approved after long debate');
  });

  it('strips a "Site - " prefix and an en-dash suffix', () => {
    expect(stripSiteFromTitle('Coastal Ledger - Ferry line approved', 'Coastal Ledger', [])).toBe('Ferry line approved');
    expect(stripSiteFromTitle('Ferry line approved – The Coastal Ledger', 'Coastal Ledger', [])).toBe('Ferry line approved');
  });

  it('keeps a title whose parts do not name the site', () => {
    expect(stripSiteFromTitle('Budget: ferry line approved', 'Coastal Ledger', [])).toBe('Budget: ferry line approved');
  });

  it('cuts a site or section name around the page <h1> even without og:site_name', () => {
    const h1 = ['Ferry line approved after long debate'];
    expect(stripSiteFromTitle('Ferry line approved after long debate - Local News › Ledger', null, h1)).toBe(h1[0]);
    expect(stripSiteFromTitle('Ledger | Ferry line approved after long debate', null, h1)).toBe(h1[0]);
    // Inside a word is not a frame.
    expect(stripSiteFromTitle('Anti-Ferry line approved after long debate', null, h1)).toBe('Anti-Ferry line approved after long debate');
  });

  it('a page without title metadata takes the <h1> its <title> names, not a logo <h1>', () => {
    const html = page('<title>Ferry line approved after long debate | Ledger</title>', '<header><h1>Ledger</h1></header><h1>Ferry line approved after long debate</h1>');
    expect(titleOf(html)).toBe('Ferry line approved after long debate');
  });

  it('a page with only <h1>s takes the first one', () => {
    expect(chooseTitle(sources({ h1Texts: ['', 'Ferry line approved', 'More news'] }))).toBe('Ferry line approved');
  });
});

describe('title: declared metadata first', () => {
  it('takes the JSON-LD article headline over a different og:title and <h1>', () => {
    const html = page(
      `${ld({ headline: 'Council approves island ferry line after two-year debate' })}<meta property="og:title" content="Ferry line finally approved"><title>Council approves island ferry line after two-year debate | Ledger</title>`,
      '<h1>Ferry line finally approved</h1>',
    );
    expect(titleOf(html)).toBe('Council approves island ferry line after two-year debate');
  });

  it('takes og:title when there is no JSON-LD headline, then twitter:title', () => {
    const html = page('<meta property="og:title" content="Ferry line finally approved"><meta name="twitter:title" content="Island ferry: yes"><title>Other</title>', '<h1>Council approves island ferry line</h1>');
    expect(titleOf(html)).toBe('Ferry line finally approved');
    expect(chooseTitle(sources({ twitterTitle: 'Island ferry approved', h1Texts: ['Council approves island ferry line'] }))).toBe('Island ferry approved');
  });

  it('lets og:title, the <h1> and <title> overrule the JSON-LD headline only when all three agree', () => {
    const agreeing = sources({ jsonLdHeadline: 'Storm closes harbour pier for the weekend', ogTitle: 'Ferry line approved after long debate', h1Texts: ['Ferry line approved after long debate'], titleTag: 'Ferry line approved after long debate | Ledger', siteName: 'Ledger' });
    expect(chooseTitle(agreeing)).toBe('Ferry line approved after long debate');
    // <title> sides with JSON-LD: no overruling.
    expect(chooseTitle({ ...agreeing, titleTag: 'Storm closes harbour pier for the weekend | Ledger' })).toBe('Storm closes harbour pier for the weekend');
  });

  it('normalises whitespace and entities', () => {
    const html = page('<meta property="og:title" content="Ferry  line &amp; pier\n approved">', '');
    expect(titleOf(html)).toBe('Ferry line & pier approved');
  });

  it('drops a kicker or site name when the rest is the displayed <h1>', () => {
    expect(chooseTitle(sources({ ogTitle: 'Harbour news: Ferry line approved after long debate', h1Texts: ['Ferry line approved after long debate'] }))).toBe('Ferry line approved after long debate');
    // No <h1> to confirm it: a kicker stays, it may be part of the headline.
    expect(chooseTitle(sources({ ogTitle: 'Harbour news: Ferry line approved after long debate' }))).toBe('Harbour news: Ferry line approved after long debate');
  });
});

describe('title: truncated headlines', () => {
  it('replaces a headline cut short with an ellipsis by the full one it begins', () => {
    const html = page(`${ld({ headline: 'Council approves island ferry line after two…' })}<meta property="og:title" content="Council approves island ferry line after two…">`, '<h1>Council approves island ferry line after two-year debate</h1>');
    expect(titleOf(html)).toBe('Council approves island ferry line after two-year debate');
    expect(chooseTitle(sources({ jsonLdHeadline: 'Council approves island ferry line...', titleTag: 'Council approves island ferry line after two-year debate - Ledger', siteName: 'Ledger' }))).toBe('Council approves island ferry line after two-year debate');
  });

  it('keeps an ellipsis when nothing completes it, or when the stem is too short to tell', () => {
    expect(chooseTitle(sources({ ogTitle: 'Council approves island ferry line…', h1Texts: ['Storm closes harbour pier'] }))).toBe('Council approves island ferry line…');
    expect(isTruncationOf(titleKey('Ferry…'), titleKey('Ferry line approved after long debate'))).toBe(false);
    expect(isTruncationOf(titleKey('Council approves ferry…'), titleKey('Council approves ferry line'))).toBe(true);
    expect(isTruncationOf(titleKey('Council approves ferry…'), titleKey('Council approves ferry…'))).toBe(false);
  });

  it('keeps the full JSON-LD headline when og:title is it cut short at a word, without an ellipsis', () => {
    // A shorter social headline is no evidence against the full one the page declares and displays.
    const html = page(
      `${ld({ headline: 'Council approves island ferry line after a two-year debate over costs' })}<meta property="og:title" content="Council approves island ferry line"><meta name="twitter:title" content="Council approves island ferry line">`,
      '<h1>Council approves island ferry line after a two-year debate over costs</h1>',
    );
    expect(titleOf(html)).toBe('Council approves island ferry line after a two-year debate over costs');
  });
});

describe('titleKey', () => {
  it('ignores whitespace, typographic quotes and case', () => {
    expect(titleKey('  Mayor calls ferry ‘long overdue’ ')).toBe(titleKey("mayor calls ferry 'long overdue'"));
    expect(titleKey('“Yes” to the ferry')).toBe(titleKey('"yes" TO the ferry'));
  });
});
