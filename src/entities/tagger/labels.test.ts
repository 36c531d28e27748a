import { describe, expect, it } from 'vitest';
import { bilouRules, bilouToBio, bioToBilou, bioToMentions, LABEL_NAMES, NUM_LABELS } from './labels.js';

describe('bioToMentions', () => {
  it('reads IOB2 spans with exclusive ends', () => {
    const toks = ['Ms', 'Ada', 'Quill', 'of', 'Northwind', 'Bank', 'spoke', 'in', 'Lyon'];
    const tags = ['O', 'B-PER', 'I-PER', 'O', 'B-ORG', 'I-ORG', 'O', 'O', 'B-LOC'];
    expect(bioToMentions(toks, tags)).toEqual([
      { startToken: 1, endToken: 3, type: 'PER' },
      { startToken: 4, endToken: 6, type: 'ORG' },
      { startToken: 8, endToken: 9, type: 'LOC' },
    ]);
  });

  it('splits adjacent names at B- and reads IOB1 leniently', () => {
    const toks = ['a', 'b', 'c', 'd'];
    expect(bioToMentions(toks, ['B-PER', 'B-PER', 'I-PER', 'O'])).toEqual([
      { startToken: 0, endToken: 1, type: 'PER' },
      { startToken: 1, endToken: 3, type: 'PER' },
    ]);
    // I- without a B-, and an I- of another type, each open a mention
    expect(bioToMentions(toks, ['I-LOC', 'I-LOC', 'I-ORG', 'O'])).toEqual([
      { startToken: 0, endToken: 2, type: 'LOC' },
      { startToken: 2, endToken: 3, type: 'ORG' },
    ]);
  });

  it('rejects tags that do not match the tokens', () => {
    expect(() => bioToMentions(['a', 'b'], ['O'])).toThrow(/2 tokens but 1 tags/);
  });
});

describe('BILOU', () => {
  it('round-trips BIO through BILOU', () => {
    const tags = ['B-PER', 'I-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC', 'O', 'B-MISC', 'I-MISC'];
    const bilou = bioToBilou(tags);
    expect([...bilou].map((l) => LABEL_NAMES[l])).toEqual([
      'B-PER', 'I-PER', 'L-PER', 'O', 'U-LOC', 'U-LOC', 'O', 'B-MISC', 'L-MISC',
    ]);
    expect(bilouToBio(bilou)).toEqual(tags);
  });

  it('allows exactly the well-formed transitions', () => {
    const { allowed, canStart, canEnd } = bilouRules();
    const id = (n: string): number => LABEL_NAMES.indexOf(n);
    const ok = (a: string, b: string): boolean => allowed[id(a) * NUM_LABELS + id(b)] === 1;
    expect(ok('B-PER', 'I-PER')).toBe(true);
    expect(ok('B-PER', 'L-PER')).toBe(true);
    expect(ok('B-PER', 'L-ORG')).toBe(false);
    expect(ok('B-PER', 'O')).toBe(false);
    expect(ok('L-PER', 'U-ORG')).toBe(true);
    expect(ok('O', 'I-LOC')).toBe(false);
    expect(ok('U-LOC', 'B-LOC')).toBe(true);
    expect(canStart[id('I-PER')]).toBe(0);
    expect(canEnd[id('B-PER')]).toBe(0);
    expect(canEnd[id('U-PER')]).toBe(1);
  });
});
