import { describe, expect, it } from 'vitest';
import { caseRuleFor, pieceFitsRule, pieceKey, phraseKey, splitPieces } from './phrase.js';

describe('splitPieces', () => {
  it('cuts words and single punctuation marks', () => {
    expect(splitPieces("N. Korea's")).toEqual(['N', '.', 'Korea', "'", 's']);
    expect(splitPieces('Kim Jong-un')).toEqual(['Kim', 'Jong', '-', 'un']);
    expect(splitPieces('  ')).toEqual([]);
  });
});

describe('pieceKey', () => {
  it('folds case, diacritics and typographic apostrophes', () => {
    expect(pieceKey('Élysée')).toBe('elysee');
    expect(pieceKey('\u2019')).toBe("'");
    expect(phraseKey('Côte d\u2019Ivoire')).toBe(phraseKey("cote d'ivoire"));
  });
});

describe('case rules', () => {
  it('acronyms are exact, names capitalised, demonyms and roles any case', () => {
    expect(caseRuleFor('UN', 'alias')).toBe('exact');
    expect(caseRuleFor('UN', 'role')).toBe('exact');
    expect(caseRuleFor('Korea', 'name')).toBe('capitalised');
    expect(caseRuleFor('of', 'name')).toBe('any');
    expect(caseRuleFor('Russian', 'demonym')).toBe('any');
    expect(caseRuleFor('-', 'name')).toBe('any');
  });
  it('checks text pieces against the rule', () => {
    expect(pieceFitsRule('Un', 'UN', 'exact')).toBe(false);
    expect(pieceFitsRule('UN', 'UN', 'exact')).toBe(true);
    expect(pieceFitsRule('turkey', 'Turkey', 'capitalised')).toBe(false);
    expect(pieceFitsRule('TURKEY', 'Turkey', 'capitalised')).toBe(true);
  });
});
