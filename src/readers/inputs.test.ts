import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, defaultReadContext, linesOf, readPath, type ReadContext } from './inputs.js';
import type { ReadItem } from './raw-document.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ng-inputs-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const record = (id: string): string => JSON.stringify({ id, text: `Report ${id}: the council met on Monday and agreed the budget.` });

async function readAll(file: string, ctx: ReadContext = defaultReadContext({ warn: () => {} })): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const item of readPath(file, ctx)) out.push(item);
  return out;
}

const summary = (items: ReadItem[]): string[] => items.map((i) => ('passed' in i ? `${i.passed} ${i.message}` : i.id));

describe('readPath on JSONL', () => {
  it('passes over a bad line, naming file:line, and reads the lines after it', async () => {
    const file = path.join(dir, 'mixed.jsonl');
    fs.writeFileSync(file, [record('x1'), '{not json', record('x3'), '[1, 2]', '', '{"id": "x6"}', record('x7')].join('\n') + '\n');
    expect(summary(await readAll(file))).toEqual([
      'x1',
      `failed ${file}:2: not valid JSON`,
      'x3',
      `failed ${file}:4: expected a JSON object per line`,
      `failed ${file}:6: record has no "text" string`,
      'x7',
    ]);
  });

  it('passes over a line longer than the limit and goes on; the limit still holds', async () => {
    const file = path.join(dir, 'long.jsonl');
    const long = JSON.stringify({ id: 'big', text: 'x'.repeat(5000) });
    fs.writeFileSync(file, [record('a'), long, record('c')].join('\r\n'));
    const ctx = { ...defaultReadContext({ warn: () => {} }), limits: { ...DEFAULT_LIMITS, maxLineChars: 1000 } };
    const items = await readAll(file, ctx);
    expect(summary(items)).toEqual(['a', `failed ${file}:2: line longer than 1000 characters`, 'c']);
    expect(items[1]).toMatchObject({ code: 'too-large' });
  });

  it('refuses a record whose published value is not a real date, naming file:line, and reads on', async () => {
    const file = path.join(dir, 'dates.jsonl');
    const text = 'The council met and agreed the budget.';
    const lines = [
      { id: 'iso', text, published: '2024-03-01' },
      { id: 'word', text, published: 'not a date' },
      { id: 'feb30', text, published: '2024-02-30' },
      { id: 'rfc', text, published: 'Fri, 01 Mar 2024 10:00:00 GMT' },
      { id: 'number', text, published: 20240301 },
      { id: 'alias', text, date: '2024-13-01' },
      { id: 'blank', text, published: '' },
      { id: 'stamp', text, published: '2024-03-01T08:00:00+01:00' },
    ];
    fs.writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const items = await readAll(file);
    expect(summary(items)).toEqual([
      'iso',
      `failed ${file}:2: "published" is not a date: "not a date" (expected a date such as 2024-03-01, 2024-03-01T08:00:00Z or Fri, 01 Mar 2024 08:00:00 GMT)`,
      `failed ${file}:3: "published" is not a date: "2024-02-30" (expected a date such as 2024-03-01, 2024-03-01T08:00:00Z or Fri, 01 Mar 2024 08:00:00 GMT)`,
      'rfc',
      `failed ${file}:5: "published" is not a date: 20240301 (expected a date such as 2024-03-01, 2024-03-01T08:00:00Z or Fri, 01 Mar 2024 08:00:00 GMT)`,
      `failed ${file}:6: "date" is not a date: "2024-13-01" (expected a date such as 2024-03-01, 2024-03-01T08:00:00Z or Fri, 01 Mar 2024 08:00:00 GMT)`,
      'blank',
      'stamp',
    ]);
    const published = Object.fromEntries(items.flatMap((i) => ('passed' in i ? [] : [[i.id, i.published]])));
    // ISO dates are kept as written; a written date becomes ISO 8601 UTC; blank is none
    expect(published).toEqual({ iso: '2024-03-01', rfc: '2024-03-01T10:00:00.000Z', blank: null, stamp: '2024-03-01T08:00:00+01:00' });
  });

  it('still refuses a file with no records at all', async () => {
    const file = path.join(dir, 'blank.jsonl');
    fs.writeFileSync(file, '\n\n  \n');
    await expect(readAll(file)).rejects.toThrow(/has no records/);
  });
});

describe('linesOf', () => {
  async function* chunks(...parts: string[]): AsyncGenerator<string> {
    yield* parts;
  }
  const collect = async (it: AsyncIterable<string | null>): Promise<(string | null)[]> => {
    const out: (string | null)[] = [];
    for await (const l of it) out.push(l);
    return out;
  };

  it('splits at \\n, \\r\\n and \\r, also across chunk boundaries, like readline', async () => {
    expect(await collect(linesOf(chunks('a\r', '\nb\n\nc\rd', 'e\r\n'), 100))).toEqual(['a', 'b', '', 'c', 'de']);
    expect(await collect(linesOf(chunks('one', '', 'two'), 100))).toEqual(['onetwo']);
  });

  it('gives null for a line over the limit, however it is chunked, and goes on', async () => {
    expect(await collect(linesOf(chunks('short\n', 'abc', 'defgh', 'ij\nok\n', 'xxxxxxxxxxxx'), 8))).toEqual(['short', null, 'ok', null]);
    expect(await collect(linesOf(chunks('12345678\n123456789\n'), 8))).toEqual(['12345678', null]);
  });
});
