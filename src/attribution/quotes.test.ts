import { describe, expect, it } from 'vitest';
import { normalizeForAnalysis } from '../doc/normalize.js';
import { findQuotes, type Paragraph } from './quotes.js';

function quotesOf(text: string): { text: string; closed: boolean }[] {
  const paragraphs: Paragraph[] = [];
  let start = 0;
  for (const block of text.split('\n\n')) {
    paragraphs.push({ start, end: start + block.length });
    start += block.length + 2;
  }
  return findQuotes(text, normalizeForAnalysis(text), paragraphs).map((q) => ({ text: text.slice(q.start, q.end), closed: q.closed }));
}

describe('findQuotes', () => {
  it('pairs straight, curly, doubled-apostrophe and guillemet marks', () => {
    expect(quotesOf('He said "yes we can" today.')).toEqual([{ text: '"yes we can"', closed: true }]);
    expect(quotesOf('He said “no, not now” today.')[0]?.text).toBe('“no, not now”');
    expect(quotesOf("''We will win,'' she said.")[0]?.text).toBe("''We will win,''");
    expect(quotesOf('«Nous refusons,» dit-il.')[0]?.text).toBe('«Nous refusons,»');
  });

  it('reads a curly mark of the wrong hand from where it stands', () => {
    expect(quotesOf('“It is unusual,“ said Nils Berg. “We will see.“')).toEqual([
      { text: '“It is unusual,“', closed: true },
      { text: '“We will see.“', closed: true },
    ]);
    expect(quotesOf('He said ”we will win” today.')[0]?.text).toBe('”we will win”');
  });

  it('does not take apostrophes for single quotes', () => {
    expect(quotesOf("The people's party and the players' union met.")).toEqual([]);
    expect(quotesOf("It was called ‘hostile forces’ by the agency.")[0]?.text).toBe('‘hostile forces’');
  });

  it('continues a quote into a paragraph that opens with a mark', () => {
    const q = quotesOf('“First paragraph of the quote.\n\n“Second paragraph,” she said.');
    expect(q).toHaveLength(1);
    expect(q[0]!.text).toBe('“First paragraph of the quote.\n\n“Second paragraph,”');
  });

  it('ends an unclosed quote with its paragraph', () => {
    const q = quotesOf('He called it “a mistake.\n\nThe mayor said "the bridge is open" today.');
    expect(q).toEqual([
      { text: '“a mistake.', closed: false },
      { text: '"the bridge is open"', closed: true },
    ]);
  });
});
