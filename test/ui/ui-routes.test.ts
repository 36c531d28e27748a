/**
 * The UI read routes without a browser: time buckets, similarity, query
 * validation and error bodies, and the numbers behind the dyad, actor,
 * network, story and search views on our fixtures.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillBuckets, jaccard, monthOf, uiRoutes, weekOf } from '../../src/api/ui-routes.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { NewsgraphError } from '../../src/util/errors.js';
import { fixtureAnalysis } from '../../src/store/fixtures.js';
import { lettersAnalysis, storyAnalyses, xssAnalysis } from './fixtures.js';

describe('time buckets', () => {
  it('months and ISO weeks (Monday start)', () => {
    expect(monthOf('2024-03-04')).toBe('2024-03');
    expect(weekOf('2024-03-04')).toBe('2024-03-04');
    expect(weekOf('2024-03-10')).toBe('2024-03-04');
    expect(weekOf('2024-01-01T10:00:00Z')).toBe('2024-01-01');
  });
  it('fills gaps between the first and last bucket', () => {
    expect(fillBuckets(['2024-03', '2023-12'], 'month')).toEqual(['2023-12', '2024-01', '2024-02', '2024-03']);
    expect(fillBuckets(['2024-01-15', '2024-01-01'], 'week')).toEqual(['2024-01-01', '2024-01-08', '2024-01-15']);
    expect(fillBuckets([], 'month')).toEqual([]);
  });
  it('keeps only the buckets with data when the range is too long', () => {
    expect(fillBuckets(['1900-01', '2024-01'], 'month', 12)).toEqual(['1900-01', '2024-01']);
  });
  it('jaccard', () => {
    expect(jaccard(new Set(['a', 'b']), new Set(['b', 'c']))).toBeCloseTo(1 / 3);
    expect(jaccard(new Set(), new Set())).toBe(1);
  });
});

type Get = (p: string) => Promise<{ status: number; body: Record<string, unknown> }>;

/** A fresh SQLite store under a temporary folder, filled by `fill`, and a GET on the UI routes over it; removed after the suite. */
function routesOnStore(prefix: string, fill: (store: SqliteStore) => Promise<void>): { get: Get } {
  let dir: string;
  let store: SqliteStore;
  const handle: { get: Get } = { get: () => Promise.reject(new Error('store not open yet')) };
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    store = SqliteStore.open(path.join(dir, 'ui.db'));
    await fill(store);
    const app = uiRoutes(store);
    handle.get = async (p) => {
      const res = await app.request(p);
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
  });
  afterAll(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return handle;
}

describe('UI routes on fixtures', () => {
  const stories = storyAnalyses();
  const routes = routesOnStore('newsgraph-ui-routes-', async (store) => {
    await store.putMany([lettersAnalysis(), ...stories, xssAnalysis()]);
    const id = await store.createStory('Trade deal');
    for (const d of ['story-copy-0', 'story-copy-1', 'story-copy-2']) await store.assignToStory(d, id);
  });
  const get: Get = (p) => routes.get(p);

  it('refuses bad queries with a plain error body', async () => {
    for (const p of ['/dyad?a=RUS', '/network?from=yesterday', '/network?from=2026-99-99', '/network?to=2024-02-30', '/documents?from=2026-13-45', '/network?code=abc', '/actor', '/search?q=', '/stories/zero']) {
      const r = await get(p);
      expect(r.status, p).toBe(400);
      expect((r.body.error as { code: string }).code, p).toBe('bad-input');
      expect(typeof (r.body.error as { message: string }).message).toBe('string');
    }
    expect((await get('/documents/nope')).status).toBe(404);
    expect((await get('/stories/999')).status).toBe(404);
    expect((await get('/no-such-route')).status).toBe(404);
  });

  it('dyad: both directions per month, Goldstein sums, quad classes', async () => {
    const { body } = await get('/dyad?a=RUS&b=PRK');
    const series = body.series as { bucket: string; ab: number; ba: number; goldsteinAB: number; goldsteinBA: number }[];
    expect(series.map((s) => s.bucket)).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07']);
    const may = series.find((s) => s.bucket === '2024-05')!;
    expect(may.ab).toBe(3);
    expect(may.goldsteinAB).toBe(24);
    expect(series.find((s) => s.bucket === '2024-02')!.ba).toBe(1);
    const quad = body.quad as { ab: number[]; ba: number[] };
    expect(quad.ab.reduce((a, b) => a + b, 0)).toBe((body.total as { ab: number }).ab);
    expect(quad.ab[3]).toBe(1); // the attack
  });

  it('actor: a name is that actor, a code alone is the code group', async () => {
    const putin = (await get('/actor?name=Vladimir%20Putin&code=RUSGOV')).body;
    expect((putin.statementsBy as unknown[]).length).toBe(1);
    const group = (await get('/actor?code=RUS')).body;
    expect((group.asSource as { sourceCode: string }[]).every((e) => e.sourceCode.startsWith('RUS'))).toBe(true);
    expect((group.asSource as unknown[]).length).toBeGreaterThan((putin.asSource as unknown[]).length);
    const timeline = group.timeline as { bucket: string }[];
    expect(timeline[0]!.bucket).toBe('2024-01');
  });

  it('network: nodes by code, edges by (source, target, quad class)', async () => {
    const { body } = await get('/network');
    const nodes = body.nodes as { id: string }[];
    const edges = body.edges as { source: string; target: string; quadClass: number; count: number }[];
    expect(nodes.map((n) => n.id)).toEqual(expect.arrayContaining(['RUS', 'PRK']));
    const signed = edges.filter((e) => e.source === 'RUS' && e.target === 'PRK' && e.quadClass === 1);
    expect(signed).toHaveLength(1);
    expect((await get('/network?code=19')).body.edges).toHaveLength(1);
    expect(((await get('/network?limit=2')).body.nodes as unknown[]).length).toBeLessThanOrEqual(2);
  });

  it('story: documents in publication order, the first outlet', async () => {
    const list = (await get('/stories?minDocuments=2')).body.items as { id: number }[];
    expect(list).toHaveLength(1);
    const { body } = await get(`/stories/${list[0]!.id}`);
    expect((body.first as { outlet: string }).outlet).toBe('Harbour Herald');
    expect((body.documents as { outlet: string }[]).map((d) => d.outlet)).toEqual(['Harbour Herald', 'Morning Courier', 'Evening Wire']);
  });

  it('related: story copies with similarity, near-duplicates elsewhere', async () => {
    const inStory = (await get(`/documents/${stories[0]!.document.contentHash}/related`)).body;
    const copies = inStory.storyDocuments as { id: string; similarity: number; nearDuplicate: boolean }[];
    expect(copies.find((d) => d.id === 'story-copy-1')!.nearDuplicate).toBe(true);
    const note = stories.find((a) => a.document.id === 'dyad-0')!;
    const near = (await get(`/documents/${note.document.contentHash}/related`)).body.nearDuplicates as { id: string; similarity: number }[];
    expect(near.map((d) => d.id)).toContain('dyad-0-copy');
  });

  it('search: documents, actors, quotes and events at once', async () => {
    const { body } = await get('/search?q=Korea');
    expect((body.documents as unknown[]).length).toBeGreaterThan(0);
    expect((body.actors as { name: string }[]).map((a) => a.name)).toContain('North Korea');
    expect((body.events as unknown[]).length).toBeGreaterThan(0);
    const relay = (await get('/search?q=KCNA')).body.quotes as { speaker: string }[];
    expect(relay.map((q) => q.speaker)).toContain('Vladimir Putin');
    // Hostile input is just text to search for.
    expect((await get('/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E')).status).toBe(200);
  });

  it('search: punctuation alone finds nothing (no error about a "name" filter)', async () => {
    for (const q of ['%22', '%3F', '%25', '--']) {
      const r = await get(`/search?q=${q}`);
      expect(r.status, q).toBe(200);
      expect(r.body, q).toMatchObject({ documents: [], actors: [], quotes: [], events: [] });
    }
  });
});

describe('UI routes when the store fails', () => {
  it('answer 500 with a fixed message and log the cause on the server', async () => {
    const lines: string[] = [];
    let fault: unknown = new NewsgraphError('store-error', 'cannot connect to PostgreSQL at postgres://db/x: connect ECONNREFUSED');
    const broken = new Proxy({}, { get: () => () => { throw fault; } }) as unknown as Store;
    const app = uiRoutes(broken, (line) => lines.push(line));
    const res = await app.request('/stories');
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: { code: 'store-error', message: 'the store failed to answer' } });
    expect(lines).toEqual(['newsgraph serve: GET /stories: store-error: cannot connect to PostgreSQL at postgres://db/x: connect ECONNREFUSED']);
    fault = new TypeError('boom');
    expect((await app.request('/stories/1')).status).toBe(500);
    expect(lines[1]).toMatch(/^newsgraph serve: GET \/stories\/1: internal error: TypeError: boom/);
  });
});

describe('UI routes with an undated event', () => {
  const actors = [
    { id: 'a1', name: 'Japan', type: 'LOC' as const, kind: 'country', code: 'JPN', country: 'JPN' },
    { id: 'a2', name: 'Korea', type: 'LOC' as const, kind: 'country', code: 'KOR', country: 'KOR' },
  ];
  const event = (date: string | null) => ({ source: { actor: 'a1', code: 'JPN', text: 'Japan' }, target: { actor: 'a2', code: 'KOR', text: 'Korea' }, verb: 'occupied', code: '192', date });

  const routes = routesOnStore('newsgraph-ui-undated-', async (store) => {
    await store.putMany([
      fixtureAnalysis({ id: 'dated', text: 'Japan occupied Korea in August 1910.', actors, events: [event('1910-08-29')] }),
      // no publication date, no date in the sentence: the event has no date
      fixtureAnalysis({ id: 'undated', text: 'Japan had occupied Korea.', published: null, actors, events: [event(null)] }),
    ]);
  });
  const get: Get = (p) => routes.get(p);

  it('lists it last, counts it, and puts it on no timeline (not on the day it was stored)', async () => {
    const dyad = await get('/dyad?a=JPN&b=KOR');
    expect(dyad.status).toBe(200);
    expect((dyad.body.series as { bucket: string; ab: number }[]).map((s) => [s.bucket, s.ab])).toEqual([['1910-08', 1]]);
    expect(dyad.body.total).toEqual({ ab: 2, ba: 0 });
    expect((dyad.body.quad as { ab: number[] }).ab[3]).toBe(2);
    expect((dyad.body.events as { documentId: string; date: string | null }[]).map((e) => [e.documentId, e.date])).toEqual([['dated', '1910-08-29'], ['undated', null]]);
    const actor = await get('/actor?code=JPN');
    expect(actor.status).toBe(200);
    expect((actor.body.timeline as { bucket: string }[]).map((b) => b.bucket)).toEqual(['1910-08']);
    expect((actor.body.asSource as { date: string | null }[]).map((e) => e.date)).toEqual(['1910-08-29', null]);
    expect((await get('/network')).body.edges).toMatchObject([{ source: 'JPN', target: 'KOR', count: 2 }]);
  });
});
