/**
 * The one test suite every Store implementation must pass. Each backend's
 * test file calls `storeContract` with a factory for a fresh, empty store.
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../test-support/docs.js';
import type { Store } from './store.js';

export function storeContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    const one = analyzeText('Ports reopen after strike\n\nDockworkers returned to work on Monday, the union said.', { id: 'ports-1', source: 'Test Wire' });
    const two = analyzeText('Rain delays harvest\n\nFarmers said the rain had delayed the harvest by two weeks.', { id: 'rain-2' });

    it('stores analyses and skips ones already stored (same content hash)', async () => {
      const store = await makeStore();
      try {
        expect((await store.putMany([one, two])).map((r) => r.inserted)).toEqual([true, true]);
        expect((await store.putMany([one])).map((r) => r.inserted)).toEqual([false]);
        expect(await store.has(one.document.contentHash)).toBe(true);
        expect((await store.stats()).documents).toBe(2);
      } finally {
        await store.close();
      }
    });

    it('gives back exactly what was stored, by key, key prefix or document id', async () => {
      const store = await makeStore();
      try {
        await store.putMany([one, two]);
        expect(await store.get(one.document.contentHash)).toEqual(one);
        expect(await store.get(one.document.contentHash.slice(0, 12))).toEqual(one);
        expect(await store.get('rain-2')).toEqual(two);
        expect(await store.get('absent')).toBeNull();
      } finally {
        await store.close();
      }
    });

    it('lists and counts', async () => {
      const store = await makeStore();
      try {
        await store.putMany([one, two]);
        const listed = await store.list(10, 0);
        expect(listed.map((d) => d.id).sort()).toEqual(['ports-1', 'rain-2']);
        expect(await store.list(1, 1)).toHaveLength(1);
        const stats = await store.stats();
        expect(stats.sentences).toBe((one.layers.sentences?.length ?? 0) + (two.layers.sentences?.length ?? 0));
        expect(stats.bySource).toContainEqual({ source: 'Test Wire', documents: 1 });
      } finally {
        await store.close();
      }
    });
  });
}
