import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LISTS_DIR, parseNameList, readNameLists } from './name-lists.js';

describe('name lists', () => {
  it('parses name<TAB>CATEGORY lines and skips comments and blanks', () => {
    expect(parseNameList('# places\nPort Arden\tCITY\n\nValdora\tCOUNTRY\n', 'x.tsv')).toEqual([
      { text: 'Port Arden', category: 'CITY' },
      { text: 'Valdora', category: 'COUNTRY' },
    ]);
  });

  it('rejects malformed lines with file and line', () => {
    expect(() => parseNameList('ok\tCITY\nno category here\n', 'x.tsv')).toThrow(/x\.tsv:2/);
    expect(() => parseNameList('Lyon\tcity\n', 'x.tsv')).toThrow(/x\.tsv:1/);
  });

  it('reads the shipped lists, and nothing from a missing directory', () => {
    expect(fs.existsSync(DEFAULT_LISTS_DIR)).toBe(true);
    const all = readNameLists();
    expect(all.length).toBeGreaterThan(500);
    expect(new Set(all.map((e) => e.category))).toContain('COUNTRY');
    expect(readNameLists('/nonexistent/dir')).toEqual([]);
  });
});
