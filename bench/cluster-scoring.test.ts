import { describe, expect, it } from 'vitest';
import { scoreClusters } from './cluster-scoring.js';

describe('scoreClusters', () => {
  it('is perfect for the gold clustering under other labels', () => {
    const s = scoreClusters(['x', 'x', 'y', 'z'], ['1', '1', '2', '3']);
    expect(s.pairwise).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(s.bcubed).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  it('counts pairs and per-item overlaps (worked example)', () => {
    // gold {a,b,c} {d,e}; predicted {a,b} {c,d,e}
    const s = scoreClusters(['p', 'p', 'q', 'q', 'q'], ['1', '1', '1', '2', '2']);
    // predicted pairs ab, cd, ce, de = 4; gold pairs ab, ac, bc, de = 4; true ab, de = 2.
    expect(s.pairwise).toMatchObject({ predictedPairs: 4, goldPairs: 4, truePairs: 2, precision: 0.5, recall: 0.5 });
    // B-cubed precision: a,b 2/2; c 1/3; d,e 2/3 -> (1+1+1/3+2/3+2/3)/5. Recall: a,b 2/3; c 1/3; d,e 1.
    expect(s.bcubed.precision).toBeCloseTo((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5, 10);
    expect(s.bcubed.recall).toBeCloseTo((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5, 10);
    expect(s.predictedClusters).toBe(2);
    expect(s.goldClusters).toBe(2);
  });

  it('punishes lumping everything together in precision and splitting everything in recall', () => {
    const gold = ['1', '1', '2', '2'];
    const lumped = scoreClusters(['a', 'a', 'a', 'a'], gold);
    expect(lumped.pairwise.recall).toBe(1);
    expect(lumped.pairwise.precision).toBeCloseTo(2 / 6, 10);
    const split = scoreClusters(['a', 'b', 'c', 'd'], gold);
    expect(split.pairwise.recall).toBe(0);
    expect(split.bcubed.precision).toBe(1);
    expect(split.bcubed.recall).toBe(0.5);
  });

  it('rejects label lists of different lengths', () => {
    expect(() => scoreClusters(['a'], ['1', '2'])).toThrow(/length/);
  });
});
