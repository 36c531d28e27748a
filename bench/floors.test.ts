/**
 * Accuracy floors for the stages owned by the core: entity linking on GUM.
 * Floors live in bench/floors.json; they only go up.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../src/util/data-files.js';
import { evaluateLinking } from './eval-linking.js';
import { HAS_SHARED, sharedPath } from './shared.js';

const floors = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'bench', 'floors.json'), 'utf8')) as Record<string, Record<string, number>>;
const GUM = sharedPath('eval', 'ner', 'gum', 'gum-news-coref.jsonl');
if (!HAS_SHARED) console.warn('skipping linking floors: ../shared not found');

describe.skipIf(!HAS_SHARED)('accuracy floors: entity linking (GUM news)', () => {
  it('stays at or above the pinned floors', async () => {
    const floor = floors.linking!;
    const s = await evaluateLinking(GUM);
    expect(s.linkedRight / s.linkable).toBeGreaterThanOrEqual(floor.linkingAccuracy!);
    expect(s.found / s.goldMentions).toBeGreaterThanOrEqual(floor.mentionRecall!);
    expect(s.pairsRight / s.pairs).toBeGreaterThanOrEqual(floor.pairwisePrecision!);
  });
});
