import { describe, expect, it } from 'vitest';
import { countWhile } from './binary-search.js';

describe('countWhile', () => {
  it('counts the leading indices a monotone predicate holds for', () => {
    const starts = [0, 4, 4, 9, 15];
    expect(countWhile(starts.length, (i) => starts[i]! < 4)).toBe(1);
    expect(countWhile(starts.length, (i) => starts[i]! <= 4)).toBe(3);
    expect(countWhile(starts.length, (i) => starts[i]! < 100)).toBe(5);
    expect(countWhile(starts.length, () => false)).toBe(0);
    expect(countWhile(0, () => true)).toBe(0);
  });
});
