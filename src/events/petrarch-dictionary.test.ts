import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPetrarchDictionary, parsePetrarchActors, parsePetrarchAgents } from './petrarch-dictionary.js';

const ACTORS = `<!-- test actors, invented -->
QUENDOR_ [QND]
+QUENDORIAN
<!-- a comment block
spanning lines -->
FROBOZZ_ELECTRIC  [QNDBUS] # a company
NOBODY [---]
`;
const AGENTS = `!MINST! = MINISTER, MINISTERS
PRESIDENT [~GOV]
FOREIGN_!MINST! [~GOV]
ARMED_FORCES {} [~MIL]
`;

describe('PETRARCH dictionaries', () => {
  it('reads actors with synonyms, comments and null codes', () => {
    const entries = parsePetrarchActors('a.txt', ACTORS);
    expect(entries.map((e) => [e.name, e.code, e.country, e.type])).toEqual([
      ['Quendor', 'QND', 'QND', 'country'],
      ['Frobozz Electric', 'QNDBUS', 'QND', 'group'],
    ]);
    expect(entries[0]!.aliases).toEqual(['Quendorian']);
  });

  it('reads agents with substitution sets and plural rules', () => {
    const agents = parsePetrarchAgents('g.txt', AGENTS);
    const president = agents.find((a) => a.name === 'president')!;
    expect(president.role).toBe('GOV');
    expect(president.aliases).toContain('presidents');
    const minister = agents.find((a) => a.name === 'foreign minister')!;
    expect(minister.aliases).toEqual(expect.arrayContaining(['foreign ministers']));
    expect(agents.find((a) => a.name === 'armed forces')!.aliases).toEqual([]);
  });

  it('builds a dictionary the actor matcher can use', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'petr-'));
    const a = path.join(dir, 'actors.txt');
    const g = path.join(dir, 'agents.txt');
    fs.writeFileSync(a, ACTORS);
    fs.writeFileSync(g, AGENTS);
    const dict = loadPetrarchDictionary([a], [g]);
    const hits = dict.match(['The', 'Quendorian', 'president', 'met', 'Frobozz', 'Electric', '.']);
    expect(hits.map((h) => h.entry.code)).toEqual(['QND', 'GOV', 'QNDBUS']);
  });
});
