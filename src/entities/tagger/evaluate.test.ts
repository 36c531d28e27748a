import { describe, expect, it } from 'vitest';
import { collectMentionKeys, formatNerReport, scoreNer } from './evaluate.js';

const gold = [
  {
    id: 'd1',
    sentences: [
      { tokens: ['Ada', 'Quill', 'visited', 'Lyon', '.'], tags: ['B-PER', 'I-PER', 'O', 'B-LOC', 'O'] },
      { tokens: ['KESTREL', 'WINS', 'IN', 'VALDORA'], tags: ['B-ORG', 'O', 'O', 'B-LOC'] },
    ],
  },
];

describe('scoreNer', () => {
  it('counts exact-match mentions per type, overall and by kind', () => {
    const predicted = [
      [
        ['B-PER', 'O', 'O', 'B-LOC', 'O'], // PER cut short: one false positive and one miss
        ['B-ORG', 'O', 'O', 'B-MISC'], // wrong type on VALDORA
      ],
    ];
    const seen = collectMentionKeys([{ id: 't', sentences: [{ tokens: ['Lyon'], tags: ['B-LOC'] }] }]);
    const r = scoreNer(gold, predicted, seen);
    expect(r.byType.LOC).toMatchObject({ tp: 1, fp: 0, fn: 1 });
    expect(r.byType.PER).toMatchObject({ tp: 0, fp: 1, fn: 1 });
    expect(r.byType.MISC).toMatchObject({ tp: 0, fp: 1, fn: 0 });
    expect(r.overall).toMatchObject({ tp: 2, fp: 2, fn: 2 });
    expect(r.overall.f1).toBeCloseTo(0.5);
    expect(r.overallNoMisc).toMatchObject({ tp: 2, fp: 1, fn: 2 });
    expect(r.byKind.seen).toMatchObject({ tp: 1, fn: 0 });
    expect(r.byKind.headline).toMatchObject({ tp: 1, fp: 1, fn: 1 });
    expect(r.byKind.multi).toMatchObject({ tp: 0, fn: 1 });
    expect(formatNerReport(r)).toMatch(/PER\/ORG\/LOC/);
  });

  it('refuses predictions of the wrong shape', () => {
    expect(() => scoreNer(gold, [[['O']]])).toThrow(RangeError);
  });
});
