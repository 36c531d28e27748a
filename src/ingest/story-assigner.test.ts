import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../store/open.js';
import { fixtureAnalysis } from '../store/fixtures.js';
import type { Store } from '../store/store.js';
import { StoryAssigner } from './story-assigner.js';

const storyText = (outlet: string): string =>
  `The harbour authority of Valdora said on Monday that it would close the northern quay for three weeks of repairs after a storm damaged the sea wall. ${outlet} reported that ferries would use the southern berth while the work goes on.`;

describe('StoryAssigner', () => {
  let dir: string;
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('puts documents that an interrupted run stored without a story into stories when the next run opens', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ng-assign-'));
    store = await openStore(path.join(dir, 'db.sqlite'));
    const docs = [
      fixtureAnalysis({ id: 'a', title: 'Valdora closes quay', text: storyText('The Gazette'), published: '2024-03-01' }),
      fixtureAnalysis({ id: 'b', title: 'Valdora quay shut', text: storyText('The Courier'), published: '2024-03-02' }),
    ];
    // A run stopped after storing and before assigning.
    await store.putMany(docs);
    expect((await store.documents({ unassigned: true }, { limit: 10, cursor: null })).items).toHaveLength(2);

    const assigner = await StoryAssigner.open(store);
    expect(assigner.recovered).toBe(2);
    const rows = (await store.documents({}, { limit: 10, cursor: null })).items;
    expect(rows.every((r) => r.storyId !== null)).toBe(true);
    // Two tellings of the same event are one story.
    expect(new Set(rows.map((r) => r.storyId)).size).toBe(1);
    expect((await store.documents({ unassigned: true }, { limit: 10, cursor: null })).items).toHaveLength(0);

    // Nothing left over: the next run recovers nothing.
    expect((await StoryAssigner.open(store)).recovered).toBe(0);
  });
});
