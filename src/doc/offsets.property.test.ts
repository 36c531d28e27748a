import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analysisSchema, LAYER_NAMES } from './schema.js';
import { allSpans, analyzeText } from '../test-support/docs.js';

// Fragments of news-style text with the things that break offsets:
// CRLF, NBSP, curly quotes, astral characters, tabs, abbreviations.
const fragments = [
  'Russian President Ivan Petrov said on Monday that talks would continue.',
  '“We will not give up,” he told reporters.',
  'The U.S. Gen. Mark Hale arrived at 3.5 p.m. local time.',
  'Also read | Ministers meet again: State TV',
  '(With inputs from agencies)',
  'WATCH CHANNEL NINE LIVE HERE',
  'Prices rose 2.5% in Jan. after a cut.',
  'Emoji 🎉 and accents: São Paulo, Zürich, Kraków.',
  'Source link',
  'Leave a Reply',
  'Officials said the deal was “historic”.',
  '  indented\tline with tabs  ',
  'HEADLINE WITHOUT A FULL STOP',
];
const separators = ['\n', '\r\n', '\n\n', '\r\n\r\n', ' ', '\u00A0', '\r'];

const articleArb = fc
  .array(fc.tuple(fc.constantFrom(...fragments), fc.constantFrom(...separators)), { minLength: 1, maxLength: 14 })
  .map((parts) => parts.map(([f, s]) => f + s).join(''));

describe('offsets', () => {
  it('every span in every layer slices back from the original text', () => {
    fc.assert(
      fc.property(articleArb, (text) => {
        const a = analyzeText(text);
        expect(a.text).toBe(text);
        for (const s of allSpans(a)) {
          expect(s.end).toBeGreaterThanOrEqual(s.start);
          expect(text.slice(s.start, s.end), s.path).toBe(s.text);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('fills every layer the default pipeline provides and matches the schema', () => {
    const a = analyzeText('Title line\n\nThe minister said “yes”.\r\nAlso read | Another story\n');
    expect(analysisSchema.safeParse(a).success).toBe(true);
    for (const name of ['blocks', 'title', 'boilerplate', 'tokens', 'sentences'] as const) {
      expect(LAYER_NAMES).toContain(name);
      expect(a.layers[name], name).toBeDefined();
    }
  });

  it('analysing twice gives the same result', () => {
    fc.assert(
      fc.property(articleArb, (text) => {
        expect(analyzeText(text)).toEqual(analyzeText(text));
        return true;
      }),
      { numRuns: 30 },
    );
  });

  it('tokens are ordered, disjoint, and never whitespace', () => {
    fc.assert(
      fc.property(articleArb, (text) => {
        const tokens = analyzeText(text).layers.tokens!;
        for (let i = 0; i < tokens.length; i++) {
          expect(tokens[i]!.text.trim()).toBe(tokens[i]!.text);
          expect(tokens[i]!.text.length).toBeGreaterThan(0);
          if (i > 0) expect(tokens[i]!.start).toBeGreaterThanOrEqual(tokens[i - 1]!.end);
        }
      }),
      { numRuns: 60 },
    );
  });
});
