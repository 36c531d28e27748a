import { describe, expect, it } from 'vitest';
import { attributionLexicon } from './lexicon.js';
import { PhraseMatcher, parsePattern } from './phrases.js';

describe('PhraseMatcher', () => {
  const matcher = new PhraseMatcher([
    { steps: parsePattern('reports are swirling around? that?'), value: 'rumour' },
    { steps: parsePattern('there are|were reports that'), value: 'reports' },
  ]);

  it('matches optional words greedily and alternatives', () => {
    const words = 'moreover , reports are swirling around that x'.split(' ');
    expect(matcher.matchAt(words, 2)).toEqual({ value: 'rumour', first: 2, end: 7 });
    expect(matcher.matchAt('there were reports that'.split(' '), 0)?.value).toBe('reports');
    expect(matcher.matchAt('there be reports that'.split(' '), 0)).toBeNull();
  });

  it('respects the limit and finds non-overlapping matches', () => {
    const words = 'reports are swirling . there are reports that'.split(' ');
    expect(matcher.matchAt(words, 0, 2)).toBeNull();
    expect(matcher.findAll(words, 0, words.length).map((m) => m.value)).toEqual(['rumour', 'reports']);
  });
});

describe('attribution lexicon', () => {
  it('loads the shipped word lists with lemmas and flags', () => {
    const lex = attributionLexicon();
    expect(lex.verbs.get('told')).toMatchObject({ lemma: 'tell', flags: { obj: true } });
    expect(lex.verbs.get('said')?.flags.pre).toBe(true);
    expect(lex.lightVerbs.get('voiced')).toBe('voice');
    expect(lex.media.get('letter')).toBe('letter');
    expect(lex.anonymousHeads.has('officials')).toBe(true);
  });
});
