/**
 * Checks on the shipped data/actors files: every row loads, codes are
 * well-formed for their type, ids are unique, and a few invented sentences
 * come out as the CAMEO conventions say.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allCodes, codeOnDate, entryOnDate, loadActorDictionary, shippedActorFiles } from './dictionary.js';
import { CAMEO_ROLE_CODES } from './rows.js';
import { phraseKey } from './phrase.js';
import type { ActorEntry } from './types.js';

const dict = loadActorDictionary();
const entries = dict.entries;
const ofType = (t: ActorEntry['type']): ActorEntry[] => entries.filter((e) => e.type === t);
const blocks = (code: string): string[] => code.match(/.{3}/g) ?? [];

describe('shipped actor files', () => {
  it('load without problems and cover every kind of actor', () => {
    const byType = dict.stats().byType;
    for (const t of ['country', 'government', 'territory', 'igo', 'ngo', 'media', 'person', 'role', 'institution', 'group', 'place']) {
      expect(byType[t] ?? 0, t).toBeGreaterThan(0);
    }
  });

  it('have unique ids, also when counted straight from the files', () => {
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    for (const file of shippedActorFiles()) {
      const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
      const header = lines[0]!.split('\t');
      const idCol = header.indexOf('id');
      if (idCol < 0) continue;
      const ids = lines.slice(1).map((l) => l.split('\t')[idCol]);
      expect(new Set(ids).size, path.basename(file)).toBe(ids.length);
    }
  });

  it('list the 193 UN members plus the Holy See as countries, with distinct ISO-3 codes', () => {
    const countries = ofType('country');
    expect(countries).toHaveLength(194);
    expect(new Set(countries.map((c) => c.code)).size).toBe(194);
    for (const c of countries) {
      expect(c.code, c.name).toMatch(/^[A-Z]{3}$/);
      expect(c.capital, c.name).toBeDefined();
      expect(dict.byId(`${c.id}.gov`)?.code, c.name).toBe(`${c.code}GOV`);
    }
  });

  it('give every organisation and outlet a code of the right shape', () => {
    for (const e of entries) {
      for (const code of allCodes(e)) expect(code, e.id).toMatch(/^(?:[A-Z]{3})+$/);
      if (e.type === 'igo') expect(e.code, e.id).toMatch(/^IGO/);
      if (e.type === 'ngo') expect(e.code, e.id).toMatch(/^NGO/);
      if (e.type === 'media') {
        expect(e.code, e.id).toBe(`${e.country}MED`);
        expect(e.kind, e.id).toBeDefined();
        expect(e.ownership, e.id).toBeDefined();
      }
      if (e.type === 'role') for (const b of blocks(e.code)) expect(CAMEO_ROLE_CODES.has(b), e.id).toBe(true);
      if (e.type === 'place' && e.country !== undefined) expect(e.code, e.id).toBe(e.country);
      if (e.type === 'person' || e.type === 'institution') {
        expect(e.country, e.id).toBeDefined();
        const own = blocks(e.code)[0]!;
        if (!['IGO', 'NGO', 'IMG'].includes(own)) expect(e.code.startsWith(e.country!), e.id).toBe(true);
      }
    }
  });

  it('keep date ranges in order and non-overlapping', () => {
    for (const p of entries.filter((e) => e.datedCodes.length > 0)) {
      const ranges = [...p.datedCodes].sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''));
      for (let i = 1; i < ranges.length; i++) {
        const prevEnd = ranges[i - 1]!.to;
        expect(prevEnd, p.id).toBeDefined();
        expect(prevEnd! <= (ranges[i]!.from ?? ''), p.id).toBe(true);
      }
    }
  });

  it('only share a country phrase between countries where the ambiguity is real', () => {
    const owners = new Map<string, Set<string>>();
    for (const e of [...ofType('country'), ...ofType('territory')]) {
      for (const p of [e.name, ...e.aliases, ...e.demonyms]) {
        const k = phraseKey(p);
        owners.set(k, (owners.get(k) ?? new Set()).add(e.country!));
      }
    }
    const shared = [...owners].filter(([, s]) => s.size > 1).map(([k]) => k).sort();
    expect(shared).toEqual(['congo', 'congolese', 'dominican', 'dominicans', 'korean', 'koreans']);
  });
});

describe('shipped dictionary on invented sentences', () => {
  const codes = (sentence: string): string[] => {
    const tokens = sentence.split(' ');
    return dict.match(tokens).map((m) => `${tokens.slice(m.startToken, m.endToken).join(' ')}=${m.entry.code}`);
  };

  it('codes state media, metonyms, demonyms and roles', () => {
    expect(codes("North Korea 's KCNA said Pyongyang rejected the offer")).toEqual([
      'North Korea=PRK',
      'KCNA=PRKMED',
      'Pyongyang=PRKGOV',
    ]);
    expect(codes('The Kremlin and the White House traded barbs , Russian officials said')).toEqual([
      'Kremlin=RUSGOV',
      'White House=USAGOV',
      'Russian=RUS',
      'officials=GOV',
    ]);
    expect(codes('NATO and the EU met in Brussels')).toEqual(['NATO=IGOWSTNAT', 'EU=IGOEUREEC', 'Brussels=IGOEUREEC']);
    expect(codes('Tension on the Korean Peninsula worried Middle Eastern states')).toEqual(['Korean Peninsula=', 'Middle Eastern=MEA']);
    expect(codes('the West Bank and the West , said the National Security Council')).toEqual([
      'West Bank=PSE',
      'West=WST',
      'National Security Council=GOV',
    ]);
    expect(codes('General Smith said the attorney general , in general , agreed')).toEqual(['General=MIL', 'attorney general=JUD']);
  });

  it('resolves shared surnames by the article date', () => {
    const [bush] = dict.match(['Bush']);
    expect(bush).toBeDefined();
    const in1991 = entryOnDate(bush!, '1991-03-01');
    const in2005 = entryOnDate(bush!, '2005-03-01');
    expect(in1991.id).not.toBe(in2005.id);
    expect(codeOnDate(in1991, '1991-03-01')).toBe('USAGOV');
    expect(codeOnDate(in2005, '2005-03-01')).toBe('USAGOV');
  });

  it('keeps acronym readings away from ordinary words and names', () => {
    expect(codes('let us ask who won')).toEqual([]);
    expect(codes('Kim Jong Un met UN envoys')).toEqual(['Kim Jong Un=PRKGOV', 'UN=IGOUNO', 'envoys=GOV']);
  });
});
