import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analysisSchema } from '../doc/schema.js';
import { dropTestSchemas, freshPgUrl, PG_AVAILABLE } from '../store/postgres/pg-test-support.js';
import { PgStore } from '../store/postgres/pg-store.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { contractFixtures } from '../store/store.contract.js';
import type { Store } from '../store/store.js';
import { createApp, type AppOptions } from './app.js';
import { isLoopback, startServer } from './server.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-api-'));
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await dropTestSchemas();
});
let n = 0;
const TOKEN = 'test-token-0123456789';

async function filledStore(kind: 'sqlite' | 'postgres'): Promise<Store> {
  const store = kind === 'sqlite' ? SqliteStore.open(path.join(dir, `api-${n++}.db`)) : await PgStore.open(freshPgUrl());
  const { kim, aid, ukr } = contractFixtures();
  await store.putMany([kim, aid, ukr]);
  return store;
}

type Json = Record<string, unknown> & { items?: Record<string, unknown>[]; nextCursor?: string | null; error?: { code: string; message: string } };

function client(opts: Partial<AppOptions> & { store: Store }) {
  const app = createApp({ log: () => {}, ...opts });
  const call = async (url: string, init?: RequestInit): Promise<{ status: number; body: Json; headers: Headers }> => {
    const res = await app.request(url, init);
    const text = await res.text();
    expect(text).not.toMatch(/\n\s+at /); // never a stack trace
    return { status: res.status, body: JSON.parse(text) as Json, headers: res.headers };
  };
  const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    call(url, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...headers } });
  return { call, post };
}

for (const kind of ['sqlite', 'postgres'] as const) {
  describe.skipIf(kind === 'postgres' && !PG_AVAILABLE)(`HTTP API over ${kind}`, () => {
    let store: Store;
    let api: ReturnType<typeof client>;
    beforeAll(async () => {
      store = await filledStore(kind);
      api = client({ store, token: TOKEN });
    });
    afterAll(() => store.close());

    it('answers event queries with the store\'s rows, filtered like the CLI', async () => {
      const r = await api.call('/api/events?actor=RUS&target=PRK');
      expect(r.status).toBe(200);
      expect(r.body.items).toEqual((await store.events({ actor: 'RUS', target: 'PRK' }, { limit: 50 })).items);
      expect(r.body.items!.map((e) => e.documentId).sort()).toEqual(['aid-2', 'kim-1']);
      expect((await api.call('/api/events?hedged=true')).body.items!.map((e) => e.code)).toEqual(['040']);
      expect((await api.call('/api/event-records?actor=rus&target=prk')).body.items![0]).toMatchObject({ mentions: 3, documents: 2 });
    });

    it('pages with an opaque cursor until the end', async () => {
      const seen: unknown[] = [];
      let url = '/api/events?limit=1';
      for (let i = 0; i < 10; i++) {
        const r = await api.call(url);
        seen.push(...r.body.items!);
        if (!r.body.nextCursor) break;
        url = `/api/events?limit=1&cursor=${encodeURIComponent(r.body.nextCursor)}`;
      }
      expect(seen).toEqual((await store.events({}, { limit: 100 })).items);
    });

    it('lists quotes by speaker with relay chains, actors, stories, documents, search and stats', async () => {
      const quotes = (await api.call('/api/quotes?speaker=kim%20jong%20un')).body.items!;
      expect(quotes.map((q) => q.documentId).sort()).toEqual(['aid-2', 'kim-1']);
      expect((await api.call('/api/quotes?relay=kcna')).body.items![0]!.chain).toEqual([
        { name: 'Kim Jong Un', kind: 'speaker', actorId: 'a1' }, { name: 'KCNA', kind: 'medium', actorId: 'a4' }, { name: 'Yonhap', kind: 'outlet', actorId: null },
      ]);
      expect((await api.call('/api/actors?country=UKR')).body.items!.map((a) => a.name)).toEqual(['Ukraine']);
      expect((await api.call('/api/stories')).body).toEqual({ items: [], nextCursor: null });
      expect((await api.call('/api/documents?outlet=yonhap')).body.items!.map((d) => d.id)).toEqual(['kim-1']);
      const hits = (await api.call('/api/search?q=missiles')).body.items!;
      expect(hits.map((h) => h.id)).toEqual(['kim-1']);
      expect((await api.call('/api/stats')).body).toMatchObject({ documents: 3, events: 4, eventRecords: 3, schemaVersion: 6 });
    });

    it('gives quote and event rows with the offsets of their spans, each field described in the OpenAPI document', async () => {
      const { kim } = contractFixtures();
      const cut = (row: Record<string, unknown>, name: string) =>
        (row[`${name}Start`] === null ? null : kim.text.slice(row[`${name}Start`] as number, row[`${name}End`] as number));
      const [quote] = (await api.call('/api/quotes?relay=kcna')).body.items!;
      expect(['speaker', 'cue', 'medium', 'content'].map((name) => cut(quote!, name))).toEqual(['Kim Jong Un', 'said', 'KCNA', 'the missiles were ready']);
      const events = (await api.call('/api/events?document=kim-1')).body.items!;
      expect(events.map((e) => [e.verb, cut(e, 'source'), cut(e, 'target')])).toEqual([['sent', 'Russia', 'North Korea'], ['met', 'Officials', null]]);
      const schemas = ((await api.call('/openapi.json')).body as unknown as { components: { schemas: Record<string, { properties: Record<string, { nullable?: boolean; type?: string }> }> } }).components.schemas;
      // The documented fields are exactly the ones the rows carry; offsets are nullable integers.
      expect(Object.keys(schemas.QuoteRow!.properties).sort()).toEqual(Object.keys(quote!).sort());
      expect(Object.keys(schemas.EventRow!.properties).sort()).toEqual(Object.keys(events[0]!).sort());
      for (const name of ['speakerStart', 'speakerEnd', 'cueStart', 'cueEnd', 'mediumStart', 'mediumEnd']) expect(schemas.QuoteRow!.properties[name], name).toMatchObject({ type: 'integer', nullable: true });
      for (const name of ['sourceStart', 'sourceEnd', 'targetStart', 'targetEnd']) expect(schemas.EventRow!.properties[name], name).toMatchObject({ type: 'integer', nullable: true });
    });

    it('gives a stored analysis by id, and a JSON 404 for an unknown one', async () => {
      const r = await api.call('/api/documents/kim-1');
      expect(r.status).toBe(200);
      expect(r.body).toEqual(await store.get('kim-1'));
      expect(await api.call('/api/documents/absent')).toMatchObject({ status: 404, body: { error: { code: 'not-found' } } });
    });

    it('refuses bad parameters with structured 400s', async () => {
      for (const url of ['/api/events?limit=0', '/api/events?limit=5000', '/api/events?hedged=maybe', '/api/events?from=March',
        '/api/events?from=2026-13-45', '/api/event-records?to=2024-02-30', '/api/documents?from=2026-99-99', '/api/events?quadClass=9', '/api/events?cursor=garbage', '/api/search', '/api/events?actor=%21%21']) {
        const r = await api.call(url);
        expect(r.status, url).toBe(400);
        expect(r.body.error!.code, url).toBe('bad-input');
        expect(r.body.error!.message.length, url).toBeGreaterThan(0);
      }
    });
  });
}

describe('HTTP API: writes, limits and errors', () => {
  let store: Store;
  beforeAll(async () => {
    store = await filledStore('sqlite');
  });
  afterAll(() => store.close());

  it('ingests posted documents only with the bearer token, idempotently', async () => {
    const api = client({ store, token: TOKEN });
    const body = { documents: [{ id: 'posted-1', text: 'Harbour talks resume\n\nDockworkers and port owners met again on Friday.', source: 'Posted Wire' }] };
    expect(await api.post('/api/documents', body)).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
    expect(await api.post('/api/documents', body, { Authorization: 'Bearer wrong-token-0123456789' })).toMatchObject({ status: 401 });
    const ok = await api.post('/api/documents', body, { Authorization: `Bearer ${TOKEN}` });
    expect(ok).toMatchObject({ status: 200, body: { stored: 1, skipped: 0 } });
    expect((await store.get('posted-1'))?.document.source).toBe('Posted Wire');
    expect((await api.post('/api/documents', body, { Authorization: `Bearer ${TOKEN}` })).body).toMatchObject({ stored: 0, skipped: 1 });
  });

  it('refuses a posted published value that is not a date with a 400, storing nothing; keeps real ones', async () => {
    const api = client({ store, token: TOKEN });
    const auth = { Authorization: `Bearer ${TOKEN}` };
    const before = (await store.stats()).documents;
    for (const published of ['not a date', '2024-02-30', '2024-13-01T10:00:00Z']) {
      const r = await api.post('/api/documents', { documents: [{ id: 'dated-ok', text: 'Talks resumed.', published: '2024-03-01' }, { id: 'dated-bad', text: 'Talks went on.', published }] }, auth);
      expect(r, published).toMatchObject({ status: 400, body: { error: { code: 'bad-input' } } });
      expect(r.body.error!.message).toMatch(/^documents\.1\.published: not a date: /);
      expect(await api.post('/api/analyze', { text: 'Talks resumed.', published })).toMatchObject({ status: 400, body: { error: { code: 'bad-input' } } });
    }
    expect((await store.stats()).documents).toBe(before);
    const ok = await api.post('/api/documents', { documents: [{ id: 'dated-rfc', text: 'Talks resumed in Oslo.', published: 'Fri, 01 Mar 2024 10:00:00 GMT' }, { id: 'dated-blank', text: 'Talks resumed in Bergen.', published: '' }] }, auth);
    expect(ok).toMatchObject({ status: 200, body: { stored: 2 } });
    expect((await store.get('dated-rfc'))?.document.published).toBe('2024-03-01T10:00:00.000Z');
    expect((await store.get('dated-blank'))?.document.published).toBeNull();
  });

  it('analyses posted text and HTML without storing them', async () => {
    const api = client({ store });
    const before = (await store.stats()).documents;
    const text = 'Talks resume\n\nNegotiators met in Geneva on Monday, officials said.';
    const r = await api.post('/api/analyze', { text, title: 'Talks resume' });
    expect(r.status).toBe(200);
    const analysis = analysisSchema.parse(r.body);
    expect(analysis.text).toBe(text);
    expect(analysis.layers.sentences?.length).toBeGreaterThan(0);
    const html = '<html><head><title>Geneva talks</title></head><body><article><h1>Geneva talks</h1><p>Negotiators met in Geneva on Monday and agreed to meet again next week, officials from both delegations said after the session ended.</p></article></body></html>';
    const h = await api.post('/api/analyze', { html });
    expect(h.status).toBe(200);
    expect(analysisSchema.parse(h.body).text).toContain('Negotiators met in Geneva');
    expect((await store.stats()).documents).toBe(before);
  });

  it('refuses to fetch loopback URLs, ambiguous input and malformed JSON with 400s', async () => {
    const api = client({ store });
    expect(await api.post('/api/analyze', { url: 'http://127.0.0.1:9/secret' })).toMatchObject({ status: 400, body: { error: { code: 'blocked-address' } } });
    expect(await api.post('/api/analyze', { text: 'a', html: '<p>a</p>' })).toMatchObject({ status: 400, body: { error: { code: 'bad-input' } } });
    expect(await api.post('/api/analyze', '{"text": ')).toMatchObject({ status: 400, body: { error: { code: 'bad-json' } } });
    // A body that is not declared as JSON: its own code, and what to send instead.
    expect(await api.post('/api/analyze', 'Russia attacked Ukraine.', { 'Content-Type': 'text/plain' })).toEqual({
      status: 415, headers: expect.anything(),
      body: { error: { code: 'unsupported-media-type', message: 'send the body as JSON, with Content-Type: application/json' } },
    });
    expect(await api.call('/api/nowhere')).toMatchObject({ status: 404, body: { error: { code: 'not-found' } } });
  });

  it('limits body size and request time', async () => {
    const small = client({ store, bodyLimit: 1024 });
    expect(await small.post('/api/analyze', { text: 'x'.repeat(4000) })).toMatchObject({ status: 413, body: { error: { code: 'too-large' } } });
    const slow = new Proxy(store, {
      get: (target, prop, receiver) => (prop === 'events' ? () => new Promise((r) => setTimeout(r, 2000)) : Reflect.get(target, prop, receiver)),
    });
    const timed = client({ store: slow, timeoutMs: 100 });
    expect(await timed.call('/api/events')).toMatchObject({ status: 503, body: { error: { code: 'timeout' } } });
  });

  it('reports internal failures without details', async () => {
    const broken = new Proxy(store, {
      get: (target, prop, receiver) => (prop === 'quotes' ? () => Promise.reject(new Error('SELECT secret FROM internals failed')) : Reflect.get(target, prop, receiver)),
    });
    const r = await client({ store: broken }).call('/api/quotes');
    expect(r).toMatchObject({ status: 500, body: { error: { code: 'internal', message: 'internal error' } } });
    expect(JSON.stringify(r.body)).not.toContain('secret');
  });

  it('publishes an OpenAPI 3 document generated from the request schemas', async () => {
    const doc = (await client({ store }).call('/openapi.json')).body as unknown as {
      openapi: string; paths: Record<string, Record<string, { parameters?: { name: string }[]; security?: unknown[] }>>; components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
    };
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of ['/api/events', '/api/event-records', '/api/quotes', '/api/actors', '/api/stories', '/api/search', '/api/documents', '/api/documents/{id}', '/api/analyze']) expect(doc.paths, p).toHaveProperty(p);
    expect(doc.paths['/api/events']!.get!.parameters!.map((x) => x.name)).toEqual(expect.arrayContaining(['actor', 'target', 'country', 'code', 'root', 'quadClass', 'from', 'to', 'outlet', 'hedged', 'limit', 'cursor']));
    expect(doc.paths['/api/documents']!.post!.security).toEqual([{ bearer: [] }]);
    expect(doc.components.schemas).toHaveProperty('EventRow');
    expect(doc.components.securitySchemes).toHaveProperty('bearer');
  });

  it('sends no CORS headers unless origins are given', async () => {
    const off = await client({ store }).call('/api/stats', { headers: { Origin: 'https://elsewhere.test' } });
    expect(off.headers.get('access-control-allow-origin')).toBeNull();
    const on = await client({ store, corsOrigins: ['https://ui.test'] }).call('/api/stats', { headers: { Origin: 'https://ui.test' } });
    expect(on.headers.get('access-control-allow-origin')).toBe('https://ui.test');
  });

  it('listens on loopback without a token, and refuses any other address without one', async () => {
    expect(isLoopback('127.0.0.1') && isLoopback('::1') && isLoopback('localhost')).toBe(true);
    expect(isLoopback('0.0.0.0') || isLoopback('192.168.1.2') || isLoopback('::')).toBe(false);
    await expect(startServer({ store, host: '0.0.0.0', port: 0 })).rejects.toThrow(/without a token/);
    const server = await startServer({ store, host: '127.0.0.1', port: 0, log: () => {} });
    try {
      const res = await fetch(`${server.url}/api/stats`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { documents: number }).documents).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });
});
