import { describe, expect, it } from 'vitest';
import { emptyCounts, matchDocument, scoreDocument, summarize, type ScoredAttribution, type TypedCounts } from './attribution-scoring.js';

const att = (start: number, end: number, speaker: [number, number] | null = null, type = 'indirect'): ScoredAttribution => ({
  type,
  content: [{ start, end }],
  speaker: speaker ? { start: speaker[0], end: speaker[1] } : null,
  cue: null,
});

describe('attribution scoring', () => {
  it('matches one-to-one by best overlap and needs overlap F1 >= 0.5', () => {
    const gold = [att(0, 100), att(200, 300)];
    const predicted = [att(0, 90), att(10, 100), att(200, 220)];
    const m = matchDocument(predicted, gold);
    // Both (0,90) and (10,100) overlap gold 0 at 0.947; only one may take it. (200,220) is under 0.5.
    expect(m.pairs).toHaveLength(1);
  });

  it('counts content, exact and content+speaker (null matches null)', () => {
    const counts: TypedCounts = { all: emptyCounts(), byType: {} };
    const gold = [att(0, 100, [110, 115]), att(200, 300, null, 'direct')];
    const predicted = [att(0, 100, [112, 120]), att(205, 300, [1, 2], 'direct'), att(400, 450)];
    scoreDocument(predicted, gold, counts);
    const s = summarize(counts.all);
    expect(counts.all.matched).toBe(2);
    expect(counts.all.exact).toBe(1);
    expect(counts.all.endToEnd).toBe(1);
    expect(s.content.precision).toBeCloseTo(2 / 3);
    expect(s.content.recall).toBe(1);
    expect(counts.byType.direct!.gold).toBe(1);
  });

  it('uses all content parts', () => {
    const gold: ScoredAttribution[] = [{ type: 'direct', content: [{ start: 0, end: 50 }, { start: 70, end: 120 }], speaker: null, cue: null }];
    expect(matchDocument([att(0, 30)], gold).pairs).toHaveLength(0);
    expect(matchDocument([att(0, 120)], gold).pairs).toHaveLength(1);
  });
});
