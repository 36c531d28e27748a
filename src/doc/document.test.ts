import { describe, expect, it } from 'vitest';
import { Doc } from './document.js';
import { normalizeForAnalysis } from './normalize.js';
import fc from 'fast-check';

const meta = { id: 'd', title: null, url: null, published: null, source: null, format: 'text' as const, encoding: 'utf-8', contentHash: 'x' };

describe('Doc', () => {
  it('keeps the original text and stores each layer once', () => {
    const doc = new Doc('A\r\nB', meta);
    expect(doc.text).toBe('A\r\nB');
    doc.set('boilerplate', []);
    expect(() => doc.set('boilerplate', [])).toThrow(/already set/);
  });

  it('names the missing layer when read too early', () => {
    expect(() => new Doc('x', meta).get('sentences')).toThrow(/layer "sentences" has not been computed/);
  });

  it('refuses spans outside the text', () => {
    expect(() => new Doc('abc', meta).span(1, 4)).toThrow(RangeError);
    expect(new Doc('abc', meta).span(1, 3).text).toBe('bc');
  });
});

describe('normalizeForAnalysis', () => {
  it('is length-preserving for any string, so offsets need no mapping', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => {
      expect(normalizeForAnalysis(s).length).toBe(s.length);
    }));
  });

  it('maps CRLF, NBSP and curly quotes', () => {
    expect(normalizeForAnalysis('a\r\nb\rc')).toBe('a \nb\nc');
    expect(normalizeForAnalysis('x\u00A0y')).toBe('x y');
    expect(normalizeForAnalysis('\u201CHi,\u201D she\u2019s \u00ABok\u00BB')).toBe('"Hi," she\'s "ok"');
  });
});
