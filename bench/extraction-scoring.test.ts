import { describe, expect, it } from 'vitest';
import { averageShingleScores, metadataMatch, shingleCounts, snippetCounts, sumSnippetScores } from './extraction-scoring.js';

describe('shingle scoring', () => {
  it('counts 4-token shingle multisets', () => {
    const gold = 'one two three four five six';
    expect(shingleCounts(gold, gold)).toEqual({ tp: 3, fp: 0, fn: 0, empty: false });
    const c = shingleCounts(gold, 'one two three four five six seven eight');
    expect(c.tp).toBe(3);
    expect(c.fp).toBe(2);
    expect(c.fn).toBe(0);
  });

  it('averages per document and leaves empty outputs out of precision', () => {
    const full = shingleCounts('a b c d e', 'a b c d e');
    const empty = shingleCounts('a b c d e', '');
    const s = averageShingleScores([full, empty]);
    expect(s.precision).toBe(1);
    expect(s.recall).toBe(0.5);
    expect(s.f1).toBeCloseTo(2 / 3, 10);
  });
});

describe('snippet scoring', () => {
  it('counts with/without snippets the way trafilatura does', () => {
    const c = snippetCounts('The mayor  spoke today.\nNothing else.', ['The mayor spoke', 'missing text'], ['Nothing else', 'Impressum']);
    expect(c).toEqual({ tp: 1, fn: 1, fp: 1, tn: 1 });
    const s = sumSnippetScores([c]);
    expect(s.precision).toBe(0.5);
    expect(s.recall).toBe(0.5);
    expect(s.accuracy).toBe(0.5);
  });
});

describe('metadata matching', () => {
  it('compares titles modulo typographic quotes, dates by day, authors as sets', () => {
    const m = metadataMatch(
      { title: 'Mayor’s plan  passes', published: '2024-05-01 23:30:00+00:00', authors: ['Ann Lee', 'Bo Chen'] },
      { title: "Mayor's plan passes", published: '2024-05-02T01:30:00+02:00', authors: ['bo chen', 'Ann Lee'] },
    );
    expect(m).toEqual({ title: true, date: true, authors: true });
    const n = metadataMatch({ title: 'A', published: '2024-05-01', authors: null }, { title: 'B', published: '2024-05-03', authors: ['X'] });
    expect(n).toEqual({ title: false, date: false, authors: false });
  });
});
