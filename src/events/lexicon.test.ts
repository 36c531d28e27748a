import { describe, expect, it } from 'vitest';
import { loadCodebook } from './codebook.js';
import { verbForms, nounForms } from './lemmas.js';
import { buildEventLexicon, futureCode, lexiconCodes, loadEventLexicon } from './lexicon.js';

describe('event lexicon', () => {
  const lexicon = loadEventLexicon();
  const codebook = loadCodebook();
  const codes = lexiconCodes(lexicon);

  it('covers all 20 CAMEO roots', () => {
    const roots = new Set([...codes].map((c) => c.slice(0, 2)));
    for (let r = 1; r <= 20; r++) expect(roots.has(String(r).padStart(2, '0')), `root ${r}`).toBe(true);
  });

  it('reaches at least 150 distinct codes and most of the 149 three-digit codes', () => {
    const specific = [...codes].filter((c) => c.length >= 3);
    const threeDigit = new Set(specific.map((c) => c.slice(0, 3)));
    expect(specific.length).toBeGreaterThanOrEqual(150);
    expect(threeDigit.size).toBeGreaterThanOrEqual(135);
  });

  it('produces only codes the codebook knows', () => {
    const unknown = [...codes].filter((c) => !codebook.has(c));
    expect(unknown).toEqual([]);
  });

  it('maps future acts to intents and threats through parent codes', () => {
    expect(futureCode(lexicon, '0841')).toBe('0353');
    expect(futureCode(lexicon, '1623')).toBe('1311');
    expect(futureCode(lexicon, '111')).toBeNull();
  });

  it('inflects verbs and nouns so lemmas match', () => {
    expect(verbForms('offer')).toEqual(expect.arrayContaining(['offers', 'offered', 'offering']));
    expect(verbForms('agree')).toEqual(expect.arrayContaining(['agreed', 'agreeing', 'agrees']));
    expect(verbForms('ban')).toEqual(expect.arrayContaining(['banned', 'banning']));
    expect(verbForms('send')).toContain('sent');
    expect(nounForms('sympathy')).toContain('sympathies');
    expect(lexicon.lemmatizer.lemmas('offered')).toContain('offer');
  });

  it('rejects a malformed code with file and line', () => {
    const bad = () => buildEventLexicon([{ file: 'x/verbs.tsv', text: 'verbs\tpattern\tcode\nattack\t\t9x\n' }], []);
    expect(bad).toThrow(/verbs.tsv:2/);
  });
});
