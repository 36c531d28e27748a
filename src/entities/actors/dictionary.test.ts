/**
 * Loader and matcher behaviour on a small invented dictionary, so the tests
 * do not move when the shipped data is edited.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildActorDictionary, codeOnDate, entryOnDate, loadActorDictionary, type ActorSource } from './dictionary.js';
import { ActorDictionaryError } from './tsv.js';
import type { ActorMatch } from './types.js';

const tsv = (...lines: string[][]): string => lines.map((l) => l.join('\t')).join('\n') + '\n';

const COUNTRIES = tsv(
  ['# invented countries'],
  ['type', 'code', 'name', 'aliases', 'demonyms', 'capital', 'metonyms', 'flags'],
  ['country', 'NRD', 'Nordland', 'Republic of Nordland|NRD|N. Nordland', 'Nordish|Nordlanders', 'Polaris', 'Ice Palace', ''],
  ['country', 'SUD', 'Sudland', 'Sudland Republic|Nord', '^Sudish', 'Sudville', '', 'no-capital-metonym'],
  ['country', 'GRN', 'Greater Nordland', '', '', 'Nordland City', '', ''],
);
const OTHERS = tsv(
  ['id', 'type', 'code', 'name', 'country', 'aliases', 'kind', 'ownership', 'role', 'surname', 'dated_codes'],
  ['media.nna', 'media', 'NRDMED', 'Nordland News Agency', 'NRD', 'NNA', 'state-media', 'state', '', '', ''],
  ['igo.pu', 'igo', 'IGOPOL', 'Polar Union', '', 'PU|UN', '', '', '', '', ''],
  ['role.fm', 'role', 'GOV', 'foreign minister', '', 'foreign ministers', '', '', 'GOV', '', ''],
  ['role.min', 'role', 'GOV', 'minister', '', 'ministers', '', '', 'GOV', '', ''],
  ['role.troops', 'role', 'MIL', 'troops', '', 'soldiers', '', '', 'MIL', '', ''],
  ['role.analyst', 'role', '', 'analyst', '', 'analysts', '', '', 'analyst', '', ''],
  ['person.ada', 'person', 'NRDGOV', 'Ada Frost-Berg', 'NRD', 'Ada Frost Berg', '', '', '', 'Frost-Berg', 'NRDOPP 2010-01-01..2015-06-01|NRDBUS ..2010-01-01'],
  ['person.kim', 'person', 'SUDGOV', 'Kim Un Sol', 'SUD', '', '', '', '', '', ''],
);

function build(extra: ActorSource[] = []) {
  return buildActorDictionary([
    { file: 'countries.tsv', text: COUNTRIES, shipped: true },
    { file: 'others.tsv', text: OTHERS, shipped: true },
    ...extra,
  ]);
}

const dict = build();
const words = (s: string): string[] => s.split(' ');
function found(sentence: string, d = dict): string[] {
  const tokens = words(sentence);
  return d.match(tokens).map((m: ActorMatch) => `${tokens.slice(m.startToken, m.endToken).join(' ')}=${m.entry.code}/${m.matchedAs}`);
}

describe('matching', () => {
  it('takes the longest phrase', () => {
    expect(found('Greater Nordland and Nordland met the Nordland News Agency')).toEqual([
      'Greater Nordland=GRN/name',
      'Nordland=NRD/name',
      'Nordland News Agency=NRDMED/name',
    ]);
    expect(found('the foreign minister and a minister')).toEqual(['foreign minister=GOV/role', 'minister=GOV/role']);
    const withArticle = build([{ file: 'u.tsv', text: tsv(['type', 'code', 'name'], ['place', 'WST', 'the North'], ['place', '', 'North Polaris']), shipped: false }]);
    expect(found('the North Polaris and the North and The North', withArticle)).toEqual([
      'North Polaris=/name',
      'North=WST/name',
      'The North=WST/name',
    ]);
  });

  it('maps capitals and seat-of-government metonyms to the government', () => {
    const ms = dict.match(words('Polaris and the Ice Palace said'));
    expect(ms.map((m) => [m.entry.code, m.entry.type, m.matchedAs])).toEqual([
      ['NRDGOV', 'government', 'metonym'],
      ['NRDGOV', 'government', 'metonym'],
    ]);
    expect(found('Sudville said')).toEqual([]);
  });

  it('matches demonyms and role nouns in any case, names only capitalised', () => {
    expect(found('NORDISH soldiers and nordish Troops')).toEqual([
      'NORDISH=NRD/demonym',
      'soldiers=MIL/role',
      'nordish=NRD/demonym',
      'Troops=MIL/role',
    ]);
    expect(found('nordland and sudland')).toEqual([]);
    expect(found('NORDLAND')).toEqual(['NORDLAND=NRD/name']);
  });

  it('requires capitals for phrases marked ^ even among demonyms', () => {
    expect(found('Sudish sudish')).toEqual(['Sudish=SUD/demonym']);
  });

  it('matches all-capital acronyms only exactly', () => {
    expect(found('the NRD and the nrd and Nrd')).toEqual(['NRD=NRD/alias']);
    expect(found('Kim Un Sol met the UN')).toEqual(['Kim Un Sol=SUDGOV/name', 'UN=IGOPOL/alias']);
    expect(found('Kim Un')).toEqual([]);
  });

  it('matches one- and two-letter name phrases only as written', () => {
    const d = build([{ file: 'user.tsv', text: tsv(['type', 'code', 'name', 'country', 'surname'], ['person', 'NRDGOV', 'Bo Xu', 'NRD', 'Xu']), shipped: false }]);
    expect(found('Xu met XU and BO XU', d)).toEqual(['Xu=NRDGOV/alias', 'BO XU=NRDGOV/name']);
  });

  it('does not depend on how the tokeniser cut punctuation', () => {
    const joined = dict.match(['N.', 'Nordland', 'and', 'Frost-Berg']);
    const split = dict.match(['N', '.', 'Nordland', 'and', 'Frost', '-', 'Berg']);
    expect(joined.map((m) => [m.startToken, m.endToken, m.entry.id])).toEqual([
      [0, 2, 'country.nrd'],
      [3, 4, 'person.ada'],
    ]);
    expect(split.map((m) => [m.startToken, m.endToken, m.entry.id])).toEqual([
      [0, 3, 'country.nrd'],
      [4, 7, 'person.ada'],
    ]);
  });

  it('stays on token boundaries except at punctuation inside a token', () => {
    expect(found("Nordland's analysts")).toEqual(["Nordland's=NRD/name", 'analysts=/role']);
    expect(found('Nordlandish NNAs preNordland')).toEqual([]);
    const tokens = ['pro-Nordish', 'NRD-Sudland', "NNA's", '(Nordland).', 'Sudland\u2019'];
    const ms = dict.match(tokens);
    expect(ms.map((m) => [m.entry.code, m.startToken, m.endToken, m.startOffsetInToken, m.endOffsetInToken])).toEqual([
      ['NRD', 0, 1, 4, 11],
      ['NRD', 1, 2, 0, 3],
      ['SUD', 1, 2, 4, 11],
      ['NRDMED', 2, 3, 0, 5],
      ['NRD', 3, 4, 1, 9],
      ['SUD', 4, 5, 0, 8],
    ]);
  });

  it('reports other entries sharing a phrase as alternatives, earlier rows first', () => {
    const [m] = dict.match(['Nord']);
    expect(m?.entry.id).toBe('country.sud');
    expect(m?.alternatives).toEqual([]);
    const twice = build([{ file: 'user.tsv', text: tsv(['type', 'code', 'name'], ['igo', 'IGONRD', 'Nord']), shipped: false }]);
    const [u] = twice.match(['Nord']);
    expect(u?.entry.code).toBe('IGONRD');
    expect(u?.alternatives.map((a) => a.id)).toEqual(['country.sud']);
  });
});

describe('document offsets', () => {
  it('places matches in the text, in-token offsets included', () => {
    const text = 'Yesterday  (Polaris) and “Nordland’s” NNA-run\u00a0paper, NNA’ and ‘troops’';
    const ms = dict.matchText(text);
    expect(ms.map((m) => text.slice(m.start, m.end))).toEqual(['Polaris', 'Nordland’s', 'NNA', 'NNA’', 'troops']);
    const spans = dict.matchSpans([
      { text: 'Ice', start: 100 },
      { text: 'Palace', start: 104 },
    ]);
    expect(spans.map((m) => [m.start, m.end, m.entry.code])).toEqual([[100, 110, 'NRDGOV']]);
  });
});

describe('lookups', () => {
  it('looks names up with the same case rules, or ignoring case', () => {
    expect(dict.lookupName('Republic of Nordland').map((l) => l.entry.id)).toEqual(['country.nrd']);
    expect(dict.lookupName('Ice Palace')[0]?.entry.code).toBe('NRDGOV');
    expect(dict.lookupName('ice palace')).toEqual([]);
    expect(dict.lookupName('ice palace', { ignoreCase: true })[0]?.matchedAs).toBe('metonym');
    expect(dict.lookupName('Nordland News')).toEqual([]);
  });

  it('finds entries by code and id', () => {
    expect(dict.byCode('NRDMED').map((e) => e.id)).toEqual(['media.nna']);
    expect(dict.byCode('NRDGOV').map((e) => e.id).sort()).toEqual(['country.nrd.gov', 'person.ada']);
    expect(dict.byId('media.nna')?.kind).toBe('state-media');
    expect(dict.byId('role.analyst')?.code).toBe('');
  });

  it('adds the surname and picks dated codes', () => {
    const ada = dict.byId('person.ada')!;
    expect(dict.match(['Frost-Berg'])[0]?.entry.id).toBe('person.ada');
    expect(codeOnDate(ada, '2009-05-01')).toBe('NRDBUS');
    expect(codeOnDate(ada, '2012-03-04')).toBe('NRDOPP');
    expect(codeOnDate(ada, '2015-06-01')).toBe('NRDGOV');
    const kim = dict.byId('person.kim')!;
    expect(entryOnDate({ entry: kim, alternatives: [ada] }, '2012-01-01').id).toBe('person.ada');
    expect(entryOnDate({ entry: kim, alternatives: [ada] }, '2020-01-01').id).toBe('person.kim');
  });
});

function problemsOf(text: string, shipped = false): string[] {
  try {
    build([{ file: 'mine.tsv', text, shipped }]);
  } catch (e) {
    if (e instanceof ActorDictionaryError) return e.problems;
    throw e;
  }
  return [];
}

describe('validation', () => {
  it('names file and line of a bad row', () => {
    const problems = problemsOf(tsv(['# mine'], ['type', 'code', 'name'], ['country', 'NRD1', 'Bad Land'], ['igo', 'IGOX', 'Half Code']));
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^mine\.tsv:3: country code "NRD1"/);
    expect(problems[1]).toMatch(/^mine\.tsv:4: code "IGOX"/);
  });

  it('rejects unknown columns, bad media fields, bad dates and unknown countries', () => {
    expect(problemsOf(tsv(['type', 'name', 'colour'], ['igo', 'X'])).join('\n')).toMatch(/unknown column "colour"/);
    expect(problemsOf(tsv(['type', 'code', 'name', 'country', 'kind', 'ownership'], ['media', 'NRDMED', 'Paper', 'NRD', 'blog', 'state'])).join('\n')).toMatch(/mine\.tsv:2: media kind "blog"/);
    expect(problemsOf(tsv(['type', 'code', 'name', 'dated_codes'], ['person', 'NRDGOV', 'P', 'NRDGOV 2020-02-30..'])).join('\n')).toMatch(/"2020-02-30" is not a real date/);
    expect(problemsOf(tsv(['type', 'code', 'name', 'dated_codes'], ['person', 'NRDGOV', 'P', 'NRDBUS|NRDGOV ..'])).join('\n')).toMatch(/dated code "NRDBUS" should look like/);
    expect(problemsOf(tsv(['type', 'code', 'name', 'dated_codes'], ['person', 'NRDGOV', 'P', 'NRDGOV 2020-01-01..2019-01-01']))[0]).toMatch(/ends before it starts/);
    expect(problemsOf(tsv(['type', 'code', 'name', 'country'], ['person', 'XYZGOV', 'P', 'XYZ'])).join('\n')).toMatch(/country "XYZ" of "P" is not a country/);
    expect(problemsOf(tsv(['type', 'code', 'name', 'role'], ['role', 'FOO', 'thing', 'FOO'])).join('\n')).toMatch(/not made of CAMEO role codes/);
    expect(problemsOf(tsv(['type', 'code', 'name'], ['igo', 'IGO', 'A\tB']))[0]).toMatch(/mine\.tsv:2: 4 fields but the header has 3/);
  });

  it('rejects repeated ids inside the shipped files and inside one user file', () => {
    expect(problemsOf(tsv(['id', 'type', 'code', 'name'], ['media.nna', 'igo', 'IGO', 'Copy']), true)[0]).toMatch(/id "media\.nna" already used in others\.tsv/);
    expect(problemsOf(tsv(['id', 'type', 'code', 'name'], ['x', 'igo', 'IGO', 'A'], ['x', 'igo', 'IGO', 'B']))[0]).toMatch(/mine\.tsv:3: id "x" already used on line 2/);
  });

  it('lets a user file override a row by id', () => {
    const d = build([{ file: 'mine.tsv', text: tsv(['id', 'type', 'code', 'name', 'country', 'kind', 'ownership'], ['media.nna', 'media', 'SUDMED', 'Nordland News Agency', 'SUD', 'wire', 'private']), shipped: false }]);
    expect(d.byId('media.nna')?.code).toBe('SUDMED');
    expect(found('the Nordland News Agency', d)).toEqual(['Nordland News Agency=SUDMED/name']);
    expect(d.byCode('NRDMED')).toEqual([]);
  });
});

describe('loadActorDictionary with user files', () => {
  it('reads the shipped files and a user file from disk, user rows winning', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'actors-'));
    const file = path.join(dir, 'my-actors.tsv');
    fs.writeFileSync(file, tsv(['type', 'code', 'name', 'country', 'aliases'], ['person', 'FRAGOV', 'Zorblat Quennec', 'FRA', 'Quennec']));
    try {
      const d = loadActorDictionary([file]);
      const ms = d.match(words('Quennec met Zorblat Quennec'));
      expect(ms.map((m) => m.entry.name)).toEqual(['Zorblat Quennec', 'Zorblat Quennec']);
      expect(ms[0]?.entry.source.file).toBe(file);
      expect(d.stats().byFile['my-actors.tsv']).toBe(1);
      const bad = path.join(dir, 'bad.tsv');
      fs.writeFileSync(bad, tsv(['type', 'code', 'name'], ['planet', 'MRS', 'Mars']));
      expect(() => loadActorDictionary([bad])).toThrow(/bad\.tsv:2: type "planet"/);
      expect(() => loadActorDictionary([path.join(dir, 'missing.tsv')])).toThrow(/missing\.tsv: cannot read/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
