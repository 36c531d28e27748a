import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureAnalysis } from '../fixtures.js';
import { PgStore } from '../postgres/pg-store.js';
import { dropTestSchemas, freshPgUrl, PG_AVAILABLE } from '../postgres/pg-test-support.js';
import { SqliteStore } from '../sqlite/sqlite-store.js';
import { contractFixtures } from '../store.contract.js';
import type { Store } from '../store.js';
import { csvCell } from './csv.js';
import { exportTable } from './export.js';
import { fractionDate, GDELT_COLUMN_COUNT, splitActorCode } from './gdelt.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-export-'));
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await dropTestSchemas();
});
let n = 0;
const file = (ext: string): string => path.join(dir, `out-${n++}${ext}`);

/** A quote whose text needs CSV quoting and would run as a spreadsheet formula. */
const tricky = fixtureAnalysis({
  id: 'tricky-4', source: 'Daily Two', published: '2024-03-02',
  text: 'The envoy said "=HYPERLINK(1)", adding, "we wait".\nNothing else.',
  actors: [{ id: 'a1', name: 'The envoy', code: null }],
  quotes: [{ content: '=HYPERLINK(1)", adding, "we wait', speaker: 'The envoy', speakerActor: 'a1', cue: { text: 'said', lemma: 'say' }, chain: [{ name: 'The envoy', kind: 'speaker' }] }],
});

/** An event the coder could not date, in an article with no publication date. */
const undatedEvent = fixtureAnalysis({
  id: 'undated-5', text: 'Japan had occupied the Korean peninsula.', published: null,
  actors: [{ id: 'a1', name: 'Japan', type: 'LOC', kind: 'country', code: 'JPN', country: 'JPN' }],
  events: [{ source: { actor: 'a1', code: 'JPN', text: 'Japan' }, target: { text: 'Korean peninsula' }, verb: 'occupied', code: '192', date: null }],
});

async function query(sql: string): Promise<Record<string, unknown>[]> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  try {
    return (await conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

/** Parse RFC 4180 CSV (quoted fields with doubled quotes and newlines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  return rows;
}

for (const kind of ['sqlite', 'postgres'] as const) {
  describe.skipIf(kind === 'postgres' && !PG_AVAILABLE)(`exports from ${kind}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = kind === 'sqlite' ? SqliteStore.open(file('.db')) : await PgStore.open(freshPgUrl());
      const { kim, aid, ukr } = contractFixtures();
      await store.putMany([kim, aid, ukr, tricky]);
    });
    afterAll(() => store.close());

    it('writes CSV that parses back to the same values, with formula cells defused', async () => {
      const out = file('.csv');
      expect((await exportTable(store, { kind: 'quotes', filter: {}, format: 'csv', out })).rows).toBe(4);
      const [header, ...rows] = parseCsv(fs.readFileSync(out, 'utf8'));
      expect(header).toContain('chain');
      const col = (name: string) => header!.indexOf(name);
      const trickyRow = rows.find((r) => r[col('document_id')] === 'tricky-4')!;
      expect(trickyRow[col('content')]).toBe(`'=HYPERLINK(1)", adding, "we wait`);
      const kimRow = rows.find((r) => r[col('document_id')] === 'kim-1')!;
      expect(kimRow[col('chain')]).toBe('speaker:Kim Jong Un > medium:KCNA > outlet:Yonhap');
      expect(kimRow[col('hedged')]).toBe('false');
      // Each offset column sits after the text it locates; the offsets slice the article back to that text.
      expect(header!.slice(col('speaker'), col('content') + 3)).toEqual([
        'speaker', 'speaker_text', 'speaker_start', 'speaker_end', 'speaker_code', 'cue', 'cue_lemma', 'cue_start', 'cue_end',
        'medium', 'medium_start', 'medium_end', 'content', 'content_start', 'content_end',
      ]);
      const { kim, ukr } = contractFixtures();
      const cut = (row: string[], text: string, name: string) => text.slice(Number(row[col(`${name}_start`)]), Number(row[col(`${name}_end`)]));
      expect(['speaker', 'cue', 'medium', 'content'].map((name) => cut(kimRow, kim.text, name))).toEqual(['Kim Jong Un', 'said', 'KCNA', 'the missiles were ready']);
      const ukrRow = rows.find((r) => r[col('document_id')] === 'ukr-3')!;
      expect([cut(ukrRow, ukr.text, 'speaker'), cut(ukrRow, ukr.text, 'cue')]).toEqual(['a spokesman', 'warned']);
      // No medium: empty cells, not 0.
      expect([ukrRow[col('medium_start')], ukrRow[col('medium_end')]]).toEqual(['', '']);
    });

    it('writes the source and target offsets of events to CSV next to their actors', async () => {
      const out = file('.csv');
      await exportTable(store, { kind: 'events', filter: { document: 'kim-1' }, format: 'csv', out });
      const [header, ...rows] = parseCsv(fs.readFileSync(out, 'utf8'));
      const col = (name: string) => header!.indexOf(name);
      expect(header!.slice(col('source_code'), col('target_end') + 1)).toEqual([
        'source_code', 'source_name', 'source_country', 'source_start', 'source_end', 'target_code', 'target_name', 'target_country', 'target_start', 'target_end',
      ]);
      const { kim } = contractFixtures();
      const cut = (row: string[], name: string) => (row[col(`${name}_start`)] === '' ? null : kim.text.slice(Number(row[col(`${name}_start`)]), Number(row[col(`${name}_end`)])));
      expect(rows.map((r) => [r[col('verb')], cut(r, 'source'), cut(r, 'target')])).toEqual([['sent', 'Russia', 'North Korea'], ['met', 'Officials', null]]);
    });

    it('writes JSONL with the streamed rows', async () => {
      const out = file('.jsonl');
      await exportTable(store, { kind: 'events', filter: { actor: 'RUS' }, format: 'jsonl', out });
      const rows = fs.readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(rows).toEqual((await store.events({ actor: 'RUS' }, { limit: 100 })).items);
    });

    it('writes Parquet that DuckDB reads back with the right types', async () => {
      const out = file('.parquet');
      expect((await exportTable(store, { kind: 'events', filter: {}, format: 'parquet', out })).rows).toBe(4);
      const rows = await query(`SELECT code, goldstein, hedged, quad_class, source_code, date FROM read_parquet('${out}') ORDER BY id`);
      expect(rows).toHaveLength(4);
      const sent = rows.find((r) => r.source_code === 'RUSGOV' && r.date === '2024-03-01')!;
      expect(sent).toMatchObject({ code: '0871', goldstein: 8.3, hedged: false, quad_class: 2n });
      const types = await query(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('${out}'))`);
      expect(types).toContainEqual({ column_name: 'code', column_type: 'VARCHAR' });
      expect(types).toContainEqual({ column_name: 'hedged', column_type: 'BOOLEAN' });
      const quotes = file('.parquet');
      await exportTable(store, { kind: 'quotes', filter: {}, format: 'parquet', out: quotes });
      expect(await query(`SELECT count(*)::INTEGER AS n FROM read_parquet('${quotes}') WHERE speaker = 'Kim Jong Un'`)).toEqual([{ n: 2 }]);
      // Offsets are integers, null where there is no span.
      const { kim } = contractFixtures();
      const [kimQuote] = await query(`SELECT speaker_start, speaker_end, cue_start, cue_end, medium_start, medium_end FROM read_parquet('${quotes}') WHERE document_id = 'kim-1'`);
      const q = kim.layers.attributions![0]!;
      expect(kimQuote).toEqual({
        speaker_start: BigInt(q.speaker!.start), speaker_end: BigInt(q.speaker!.end), cue_start: BigInt(q.cue!.start), cue_end: BigInt(q.cue!.end),
        medium_start: BigInt(q.medium!.start), medium_end: BigInt(q.medium!.end),
      });
      expect(await query(`SELECT medium_start, medium_end FROM read_parquet('${quotes}') WHERE document_id = 'ukr-3'`)).toEqual([{ medium_start: null, medium_end: null }]);
      const quoteTypes = await query(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('${quotes}'))`);
      for (const name of ['speaker_start', 'speaker_end', 'cue_start', 'cue_end', 'medium_start', 'medium_end']) expect(quoteTypes).toContainEqual({ column_name: name, column_type: 'BIGINT' });
      for (const name of ['source_start', 'source_end', 'target_start', 'target_end']) expect(types).toContainEqual({ column_name: name, column_type: 'BIGINT' });
      const met = await query(`SELECT source_start, source_end, target_start, target_end FROM read_parquet('${out}') WHERE document_id = 'kim-1' AND code = '040'`);
      const e = kim.layers.events![1]!;
      expect(met).toEqual([{ source_start: BigInt(e.source.span!.start), source_end: BigInt(e.source.span!.end), target_start: null, target_end: null }]);
    });

    it('writes event records in the GDELT 2.0 (61 columns) and 1.0 daily (58) layouts', async () => {
      for (const [format, version] of [['gdelt', 2], ['gdelt1', 1]] as const) {
        const out = file('.tsv');
        expect((await exportTable(store, { kind: 'eventRecords', filter: {}, format, out })).rows).toBe(3);
        const rows = fs.readFileSync(out, 'utf8').trimEnd().split('\n').map((l) => l.split('\t'));
        for (const r of rows) expect(r).toHaveLength(GDELT_COLUMN_COUNT[version]);
        const r = rows.find((x) => x[5] === 'RUSGOV')!;
        expect(r.slice(1, 5)).toEqual(['20240301', '202403', '2024', fractionDate('2024-03-01')]);
        expect(r.slice(5, 15)).toEqual(['RUSGOV', 'RUSSIA', 'RUS', '', '', '', '', 'GOV', '', '']);
        expect(r.slice(15, 18)).toEqual(['PRK', 'NORTH KOREA', 'PRK']);
        // IsRootEvent, EventCode, EventBaseCode, EventRootCode, QuadClass, Goldstein, NumMentions, NumSources, NumArticles, AvgTone
        expect(r.slice(25, 35)).toEqual(['1', '0871', '087', '08', '2', '8.3', '3', '2', '2', '']);
        expect(r.at(-1)).toBe('https://yonhap.test/kim-1');
        expect(r.at(-2)).toMatch(version === 2 ? /^\d{14}$/ : /^\d{8}$/);
      }
    });

    // Last: it adds a document to the shared store.
    it('leaves the date of an undated event empty in every format, never the day it was exported or stored', async () => {
      await store.putMany([undatedEvent]);
      for (const [format, version] of [['gdelt', 2], ['gdelt1', 1]] as const) {
        const out = file('.tsv');
        await exportTable(store, { kind: 'eventRecords', filter: {}, format, out });
        // (not trimEnd: this record has no URL, so its line ends in a tab)
        const rows = fs.readFileSync(out, 'utf8').split('\n').filter((l) => l !== '').map((l) => l.split('\t'));
        const r = rows.find((x) => x[5] === 'JPN')!;
        expect(r).toHaveLength(GDELT_COLUMN_COUNT[version]);
        expect(r.slice(1, 5)).toEqual(['', '', '', '']);
        expect(r.slice(26, 29)).toEqual(['192', '192', '19']);
      }
      const csv = file('.csv');
      await exportTable(store, { kind: 'events', filter: { actor: 'JPN' }, format: 'csv', out: csv });
      const [header, row] = parseCsv(fs.readFileSync(csv, 'utf8'));
      expect(row![header!.indexOf('date')]).toBe('');
      const jsonl = file('.jsonl');
      await exportTable(store, { kind: 'eventRecords', filter: { actor: 'JPN' }, format: 'jsonl', out: jsonl });
      expect(JSON.parse(fs.readFileSync(jsonl, 'utf8').trim())).toMatchObject({ date: null, code: '192' });
      const parquet = file('.parquet');
      await exportTable(store, { kind: 'events', filter: { actor: 'JPN' }, format: 'parquet', out: parquet });
      expect(await query(`SELECT date FROM read_parquet('${parquet}')`)).toEqual([{ date: null }]);
    });
  });
}

describe('export helpers', () => {
  it('quotes CSV text cells and leaves numbers alone', () => {
    expect(csvCell('a,b', 'text')).toBe('"a,b"');
    expect(csvCell('say "hi"', 'text')).toBe('"say ""hi"""');
    expect(csvCell('+1 555', 'text')).toBe("'+1 555");
    expect(csvCell(-2, 'float')).toBe('-2');
    expect(csvCell(null, 'text')).toBe('');
  });

  it('splits CAMEO actor codes into country, known group and roles', () => {
    expect(splitActorCode('RUSGOVMIL', 'RUS')).toEqual({ country: 'RUS', knownGroup: '', types: ['GOV', 'MIL'] });
    expect(splitActorCode('IGOUNO', null)).toEqual({ country: '', knownGroup: 'UNO', types: [] });
    expect(splitActorCode('PRKMED', null)).toEqual({ country: 'PRK', knownGroup: '', types: ['MED'] });
    expect(splitActorCode(null, null)).toEqual({ country: '', knownGroup: '', types: [] });
  });
});
