import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dropTestSchemas, freshPgUrl, PG_AVAILABLE } from '../../store/postgres/pg-test-support.js';
import { PgStore } from '../../store/postgres/pg-store.js';
import { SqliteStore } from '../../store/sqlite/sqlite-store.js';
import type { Store } from '../../store/store.js';
import { createApp } from '../app.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-api-write-'));
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await dropTestSchemas();
});

const quay = (outlet: string, day: string): string =>
  `Valdora closes northern quay\n\nThe harbour authority of Valdora said on ${day} that it would close the northern quay for three weeks of repairs after a storm damaged the sea wall. ${outlet} reported that ferries would use the southern berth while the work goes on.`;
const bank =
  'Central bank raises rates\n\nThe central bank of Ostmark raised its main interest rate by a quarter point on Thursday, saying inflation had stayed above its target for a fifth month. Economists had expected the move.';

interface DocumentItem { id: string; storyId: number | null }

async function documents(app: ReturnType<typeof createApp>): Promise<Map<string, number | null>> {
  const res = await app.request('/api/documents?limit=100');
  const body = (await res.json()) as { items: DocumentItem[] };
  return new Map(body.items.map((d) => [d.id, d.storyId]));
}

async function post(app: ReturnType<typeof createApp>, docs: { id: string; text: string; source?: string; published?: string }[]): Promise<Response> {
  return await app.request('/api/documents', { method: 'POST', body: JSON.stringify({ documents: docs }), headers: { 'Content-Type': 'application/json' } });
}

for (const kind of ['sqlite', 'postgres'] as const) {
  describe.skipIf(kind === 'postgres' && !PG_AVAILABLE)(`POST /api/documents over ${kind}`, () => {
    const open = async (): Promise<Store> => (kind === 'sqlite' ? SqliteStore.open(path.join(dir, `w-${Math.random().toString(36).slice(2)}.db`)) : PgStore.open(freshPgUrl()));

    it('puts stored documents into stories as they arrive, like ingest', async () => {
      const store = await open();
      try {
        const app = createApp({ store, log: () => {} });
        expect((await post(app, [{ id: 'st1', text: quay('The Gazette', 'Monday'), source: 'Gazette', published: '2024-03-01' }])).status).toBe(200);
        let stories = await documents(app);
        expect(stories.get('st1')).toEqual(expect.any(Number));

        // Another outlet's telling joins the story; an unrelated article starts its own.
        expect((await post(app, [
          { id: 'st2', text: quay('The Courier', 'Monday'), source: 'Courier', published: '2024-03-01' },
          { id: 'bank', text: bank, source: 'Ledger', published: '2024-03-01' },
        ])).status).toBe(200);
        stories = await documents(app);
        expect(stories.get('st2')).toBe(stories.get('st1'));
        expect(stories.get('bank')).toEqual(expect.any(Number));
        expect(stories.get('bank')).not.toBe(stories.get('st1'));
        expect((await store.documents({ unassigned: true }, { limit: 10, cursor: null })).items).toHaveLength(0);
      } finally {
        await store.close();
      }
    });

    it('concurrent requests about one story end up in one story', async () => {
      const store = await open();
      try {
        const app = createApp({ store, log: () => {} });
        const outlets = ['The Gazette', 'The Courier', 'The Herald', 'The Observer'];
        const responses = await Promise.all(outlets.map((o, i) => post(app, [{ id: `c${i}`, text: quay(o, 'Tuesday'), source: o, published: '2024-03-02' }])));
        expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200]);
        const stories = await documents(app);
        expect(stories.size).toBe(4);
        expect(new Set(stories.values()).size).toBe(1);
        expect([...stories.values()][0]).toEqual(expect.any(Number));
      } finally {
        await store.close();
      }
    });
  });
}
