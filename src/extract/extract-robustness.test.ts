import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractArticle } from './index.js';

const TAGS = ['div', 'p', 'span', 'a', 'ul', 'li', 'table', 'tr', 'td', 'h1', 'h2', 'script', 'style', 'nav', 'article', 'br', 'section', 'form', 'header', 'footer', 'pre', 'blockquote', 'template', 'svg'];

/** Random tag soup: unbalanced tags, stray closers, attributes, entities and text. */
const tagSoup = fc
  .array(
    fc.oneof(
      fc.constantFrom(...TAGS).map((t) => `<${t}>`),
      fc.constantFrom(...TAGS).map((t) => `</${t}>`),
      fc.tuple(fc.constantFrom(...TAGS), fc.constantFrom('nav', 'comments', 'article-body', 'share', 'cookie-banner', 'sidebar')).map(([t, c]) => `<${t} class="${c}">`),
      fc.constantFrom('&amp;', '&nbsp;', '&#8217;', '&bogus;', '<!--', '-->', '<![CDATA[', ']]>', '<', '>', '"', "'", '\u0000', '\u00ad'),
      fc.string({ maxLength: 80 }),
      fc.constant('The council voted on Thursday, after a long debate, to approve the new ferry route for the islands.'),
    ),
    { maxLength: 200 },
  )
  .map((parts) => parts.join(''));

describe('extractArticle on random tag soup', () => {
  it('never throws and keeps its output consistent', () => {
    fc.assert(
      fc.property(tagSoup, (html) => {
        const a = extractArticle(html);
        for (const b of a.blocks) {
          expect(b.start).toBeGreaterThanOrEqual(0);
          expect(b.end).toBeLessThanOrEqual(a.text.length);
          expect(b.end).toBeGreaterThan(b.start);
          if (b.htmlStart !== undefined) expect(b.htmlEnd!).toBeLessThanOrEqual(html.length);
        }
        expect(a.text).not.toMatch(/\u0000/);
      }),
      { numRuns: 300 },
    );
  });
});
