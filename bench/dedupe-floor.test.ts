/**
 * Accuracy floors for story clustering on GiveMe5W1H news_cluster (dev).
 * Floors live in bench/floors.json under "dedupe", a little below the
 * measured scores; they only go up. bench/eval-dedupe.ts prints the figures.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../src/util/data-files.js';
import { evaluateStories } from './eval-dedupe.js';
import { HAS_SHARED, sharedPath } from './shared.js';

const floors = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'bench', 'floors.json'), 'utf8')) as Record<string, Record<string, number>>;
if (!HAS_SHARED) console.warn('skipping dedupe floors: ../shared not found');

describe.skipIf(!HAS_SHARED)('accuracy floors: story clustering (GiveMe5W1H news_cluster)', () => {
  it('stays at or above the pinned floors', async () => {
    const floor = floors.dedupe!;
    const result = await evaluateStories(sharedPath('eval', 'corpus', 'giveme5w1h.jsonl'));
    expect(result.documents).toBeGreaterThan(300);
    expect(result.scores.pairwise.f1).toBeGreaterThanOrEqual(floor.storyPairwiseF1!);
    expect(result.scores.bcubed.f1).toBeGreaterThanOrEqual(floor.storyBcubedF1!);
    // Arrival order must not matter much: the mean over shuffled orders has its own floor.
    expect(result.shuffledPairwiseF1).toBeGreaterThanOrEqual(floor.storyShuffledPairwiseF1!);
  });
});
