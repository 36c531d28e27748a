import { describe, expect, it } from 'vitest';
import { FeatureExtractor } from './features.js';
import { buildLexicon } from './lexicon.js';
import { asciiPunctuation, isHeadline, shapes, wordFacts } from './word.js';

const lexicon = buildLexicon([
  {
    id: 'd',
    sentences: [
      { tokens: ['The', 'Kestrel', 'plant', 'in', 'Valdora', 'will', 'close', '.'], tags: ['O', 'B-ORG', 'O', 'O', 'B-LOC', 'O', 'O', 'O'] },
      { tokens: ['Workers', 'said', 'the', 'plant', 'will', 'close', 'soon', '.'], tags: ['O', 'O', 'O', 'O', 'O', 'O', 'O', 'O'] },
      { tokens: ['Unions', 'fear', 'the', 'plant', 'will', 'close', 'soon', '.'], tags: ['O', 'O', 'O', 'O', 'O', 'O', 'O', 'O'] },
      { tokens: ['If', 'the', 'plant', 'will', 'close', 'soon', ',', 'jobs', 'go', '.'], tags: ['O', 'O', 'O', 'O', 'O', 'O', 'O', 'O', 'O', 'O'] },
    ],
  },
]);

describe('word facts', () => {
  it('computes shapes and headline lines', () => {
    expect(shapes('Washington')).toEqual({ long: 'Xxxxx', short: 'Xx' });
    expect(shapes('U.S.').short).toBe('X.X.');
    expect(shapes('1996-08-22').short).toBe('d-d-d');
    expect(isHeadline(['PLANT', 'TO', 'CLOSE'].map(wordFacts))).toBe(true);
    expect(isHeadline(['Plant', 'to', 'close'].map(wordFacts))).toBe(false);
    expect(isHeadline(['AT', '5'].map(wordFacts))).toBe(false); // too few letters to tell
  });
});

describe('typographic punctuation', () => {
  it('gets the facts of its ASCII form, keeping the original text', () => {
    expect(asciiPunctuation('“Kestrel’s”—…')).toBe('"Kestrel\'s"--...');
    const curly = wordFacts('’s');
    expect(curly.text).toBe('’s');
    expect(curly.normHash).toBe(wordFacts("'s").normHash);
    expect(wordFacts('”').shortShape).toBe('"');
    expect(asciiPunctuation('plain')).toBe('plain');
  });
});

describe('feature extraction', () => {
  const fx = new FeatureExtractor(lexicon);

  it('re-cases all-caps headline words from the document, then from the lexicon', () => {
    const doc = fx.prepareDoc([
      ['KESTREL', 'PLANT', 'IN', 'VALDORA', 'TO', 'CLOSE'],
      ['Kestrel', 'Motors', 'said', 'on', 'Monday', 'it', 'would', 'shut', 'the', 'plant', '.'],
    ]);
    const head = doc.sentences[0]!;
    expect(head.headline).toBe(true);
    // "Kestrel" from the document; "plant" and "close" from the lexicon's usual casing; VALDORA only
    // seen at a name (title case in the lexicon).
    expect(head.entries.map((e) => e.text)).toEqual(['Kestrel', 'plant', 'in', 'Valdora', 'TO', 'close']);
    expect(doc.sentences[1]!.headline).toBe(false);
    expect(doc.sentences[1]!.entries[0]!.text).toBe('Kestrel');
  });

  it('treats a title-case line of common words as a headline, but not a line of names', () => {
    const doc = fx.prepareDoc([
      ['Plant', 'Will', 'Close', 'Soon', 'in', 'Valdora'],
      ['Kestrel', 'Valdora', 'Workers'],
      ['The', 'plant', 'will', 'close', 'soon', '.'],
    ]);
    expect(doc.sentences[0]!.headline).toBe(true);
    expect(doc.sentences[0]!.entries.map((e) => e.text)).toEqual(['plant', 'will', 'close', 'soon', 'in', 'Valdora']);
    expect(doc.sentences[1]!.headline).toBe(false);
  });

  it('gives every token its contextual features and caches word entries', () => {
    const doc = fx.prepareDoc([['Valdora', 'plant', 'closes']]);
    const s = doc.sentences[0]!;
    expect(s.ctxStart.length).toBe(4);
    for (let i = 0; i < 3; i++) expect(s.ctxStart[i + 1]! - s.ctxStart[i]!).toBeGreaterThan(5);
    // neighbour features come from padded entries, sentence boundaries included
    expect(s.padded.length).toBe(3 + 4);
    expect(s.padded[0]!.nbStart.length).toBe(5);
    expect(s.padded[2]).toBe(s.entries[0]);
    expect(fx.entry('Valdora')).toBe(s.entries[0]);
  });

  it('adds second-pass features that depend on what the first pass said elsewhere', () => {
    const sentences = [['Kestrel', 'rose'], ['Shares', 'in', 'Kestrel', 'fell']];
    const asOrg = fx.prepareDoc(sentences);
    const asO = fx.prepareDoc(sentences);
    const U_ORG = 1 + 4 * 1 + 3;
    fx.addPass2Features(asOrg, [Uint8Array.of(U_ORG, 0), Uint8Array.of(0, 0, U_ORG, 0)]);
    fx.addPass2Features(asO, [Uint8Array.of(0, 0), Uint8Array.of(0, 0, 0, 0)]);
    const feats = (d: typeof asOrg): number[] => [...d.sentences[1]!.p2!.subarray(d.sentences[1]!.p2Start![2]!, d.sentences[1]!.p2Start![3]!)];
    expect(feats(asOrg)).not.toEqual(feats(asO));
  });
});
