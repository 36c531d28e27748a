import { describe, expect, it } from 'vitest';
import { describeError, NewsgraphError, printable } from './errors.js';

describe('error messages', () => {
  it('are one printable line: control bytes quoted from a binary file become "?"', () => {
    const e = new NewsgraphError('bad-data', 'actors.tsv:1: bad row "\u007fELF\u0002\u0001\u0001\u0000\u0000\u001b[31m"\nsecond line');
    expect(describeError(e)).toBe('actors.tsv:1: bad row "?ELF?[31m"');
  });

  it('are cut when very long', () => {
    const long = printable('x'.repeat(5000));
    expect(long.length).toBeLessThanOrEqual(401);
    expect(long.endsWith('…')).toBe(true);
  });

  it('keep ordinary text, including non-Latin scripts, as it is', () => {
    expect(printable('no such file: доклад.txt — 报告')).toBe('no such file: доклад.txt — 报告');
  });
});
