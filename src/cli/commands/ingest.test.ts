import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureAnalysis } from '../../store/fixtures.js';
import { openStore } from '../../store/open.js';
import type { Store } from '../../store/store.js';
import type { RawDocument } from '../../readers/raw-document.js';
import { defaultReadContext } from '../../readers/inputs.js';
import { ingestSources, runIngest, type RawSource } from './ingest.js';

const quay = (outlet: string): string =>
  `The harbour authority of Valdora said on Monday that it would close the northern quay for three weeks of repairs after a storm damaged the sea wall. ${outlet} reported that ferries would use the southern berth while the work goes on.`;

const raw = (id: string, text: string, title: string): RawDocument => ({
  id, text: `${title}\n\n${text}`, title, url: null, published: '2024-03-03', source: null, format: 'text', encoding: 'utf-8', origin: id,
});

const source = (name: string, docs: RawDocument[]): RawSource => ({
  name,
  read: async function* () {
    yield* docs;
  },
});

describe('ingestSources', () => {
  let dir: string;
  let store: Store;
  let lines: string[];
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ng-ingest-'));
    store = await openStore(path.join(dir, 'db.sqlite'));
    lines = [];
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const opts = () => ({ batchSize: 10, quiet: true, log: (s: string) => void lines.push(s) });

  it('counts in its story summary only the documents this run stored', async () => {
    // Two documents an interrupted run stored without a story.
    await store.putMany([
      fixtureAnalysis({ id: 'a', title: 'Valdora closes quay', text: quay('The Gazette'), published: '2024-03-01' }),
      fixtureAnalysis({ id: 'b', title: 'Valdora quay shut', text: quay('The Courier'), published: '2024-03-02' }),
    ]);
    const summary = await ingestSources(store, [source('one', [raw('c', quay('The Herald'), 'Valdora quay to close')])], opts());
    expect(summary).toMatchObject({ stored: 1, skipped: 0, failed: 0, recovered: 2 });
    expect(summary.stories.newStories + summary.stories.joined).toBe(1);
    expect(lines.find((l) => l.startsWith('stories:'))).toMatch(/^stories: [01] new, [01] joined/);
    expect(lines.some((l) => /put 2 stored document\(s\) .* into stories/.test(l))).toBe(true);
    // All three tell one story.
    const rows = (await store.documents({}, { limit: 10, cursor: null })).items;
    expect(new Set(rows.map((r) => r.storyId)).size).toBe(1);
    expect(rows.every((r) => r.storyId !== null)).toBe(true);
  });

  it('a rerun stores nothing and counts no stories', async () => {
    const docs = [raw('c', quay('The Herald'), 'Valdora quay to close')];
    expect((await ingestSources(store, [source('one', docs)], opts())).stories).toEqual({ newStories: 1, joined: 0, exactDuplicates: 0, nearDuplicates: 0 });
    const again = await ingestSources(store, [source('one', docs)], opts());
    expect(again).toMatchObject({ stored: 0, skipped: 1, recovered: 0, stories: { newStories: 0, joined: 0 } });
  });

  it('a bad JSONL line is reported with file:line, counted as failed, and the lines after it are stored', async () => {
    const file = path.join(dir, 'mixed.jsonl');
    const rec = (id: string, what: string) => JSON.stringify({ id, text: `${what} The minister said on Monday that talks would go on.` });
    fs.writeFileSync(file, [rec('x1', 'Harbour talks resume.'), '{not json', rec('x3', 'Rail strike ends.'), rec('x4', 'Bank raises rates.'), rec('x5', 'Storm hits coast.'), rec('x6', 'Ferry runs aground.')].join('\n'));
    const summary = await runIngest(store, [file], { ...opts(), read: defaultReadContext({ warn: () => {} }) });
    expect(summary).toMatchObject({ stored: 5, skipped: 0, failed: 1 });
    expect(lines.filter((l) => l.startsWith('newsgraph:'))).toEqual([`newsgraph: ${file}:2: not valid JSON`]);
    expect(lines.some((l) => /^6 documents in .*: stored 5, already stored 0, failed 1/.test(l))).toBe(true);
    expect((await store.stats()).documents).toBe(5);
  });

  it('counts pages with no article text on their own, as no failure', async () => {
    const nav = path.join(dir, 'nav.html');
    const page = path.join(dir, 'page.html');
    fs.writeFileSync(nav, '<html><body><nav><a href="/">Home</a></nav></body></html>');
    fs.writeFileSync(page, `<html><body><article><h1>Valdora quay to close</h1><p>${quay('The Herald')}</p></article></body></html>`);
    const summary = await runIngest(store, [nav, page], { ...opts(), read: defaultReadContext({ warn: () => {} }) });
    expect(summary).toMatchObject({ stored: 1, skipped: 0, failed: 0, noText: 1 });
    expect(lines).toContain(`newsgraph: ${nav}: no article text found in this HTML page`);
    expect(lines.some((l) => /^2 documents in .*: stored 1, already stored 0, failed 0, skipped \(no article text\) 1$/.test(l))).toBe(true);
  });
});
