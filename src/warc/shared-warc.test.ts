/**
 * Both WARC files in ../shared/eval/corpus/warc must read, record for record,
 * as warc_index.jsonl describes them (type, URI, date, HTTP status, content
 * type, payload size), and the HTML titles it lists must be in the bodies.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readWarc, type WarcRecord } from './read-warc.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WARC_DIR = path.join(path.resolve(repoRoot, '../shared'), 'eval/corpus/warc');
const HAS_SHARED = fs.existsSync(path.join(WARC_DIR, 'warc_index.jsonl'));
if (!HAS_SHARED) console.warn('skipping WARC corpus tests: ../shared not found');

interface IndexRow {
  warc_file: string;
  warc_type: string;
  url: string;
  date: string;
  http_status: string | null;
  content_type: string | null;
  payload_bytes: number;
  html_title: string | null;
}

describe.skipIf(!HAS_SHARED)('WARC corpus', () => {
  const rows: IndexRow[] = HAS_SHARED
    ? fs.readFileSync(path.join(WARC_DIR, 'warc_index.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as IndexRow)
    : [];
  const files = [...new Set(rows.map((r) => r.warc_file))];

  it('lists two files', () => {
    expect(files.length).toBe(2);
  });

  for (const file of files) {
    it(`reads ${file} as the index describes it`, async () => {
      const expected = rows.filter((r) => r.warc_file === file);
      const all: WarcRecord[] = [];
      const t0 = performance.now();
      for await (const r of readWarc(path.join(WARC_DIR, file), { includeSkipped: true })) all.push(r);
      const ms = performance.now() - t0;
      // The index lists response and revisit records.
      const got = all.filter((r) => r.recordType === 'response' || r.recordType === 'revisit');
      expect(got.length).toBe(expected.length);
      let titles = 0, titled = 0;
      expected.forEach((e, i) => {
        const g = got[i]!;
        expect(g.targetUri, `record ${i}`).toBe(e.url);
        expect(g.recordType).toBe(e.warc_type);
        expect(g.date).toBe(e.date);
        expect(g.httpStatus === null ? null : String(g.httpStatus)).toBe(e.http_status);
        expect(g.contentType).toBe(e.content_type ? e.content_type.split(';')[0]!.trim().toLowerCase() : null);
        expect(g.body.length, `${e.url} payload`).toBe(e.payload_bytes);
        if (e.html_title) {
          titled++;
          const text = g.body.toString('latin1') + g.body.toString('utf8');
          const firstWords = e.html_title.split(/\s+/).slice(0, 3).join(' ');
          if (text.replace(/\s+/g, ' ').includes(firstWords)) titles++;
        }
      });
      // The default (documents only) drops revisits, dns and non-response records.
      const docs = all.filter((r) => !r.skip);
      expect(docs.every((r) => (r.recordType === 'response' || r.recordType === 'resource') && /^https?:/.test(r.targetUri ?? ''))).toBe(true);
      console.log(`${file}: ${(fs.statSync(path.join(WARC_DIR, file)).size / 1e6).toFixed(2)} MB read in ${ms.toFixed(0)} ms, ${all.length} records, ${got.length} response/revisit as indexed, ${docs.length} documents, titles found ${titles}/${titled}`);
      expect(titles).toBeGreaterThanOrEqual(Math.floor(titled * 0.9));
    });
  }
});
