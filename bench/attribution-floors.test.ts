/**
 * Accuracy floors for attribution on the PolNeAR dev split (bench/floors.json,
 * key "attribution"; floors only go up). Skips without ../shared.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../src/util/data-files.js';
import { summarize } from './attribution-scoring.js';
import { DEFAULT_POLNEAR, evaluateAttribution } from './eval-attribution.js';
import { HAS_SHARED } from './shared.js';

const floors = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'bench', 'floors.json'), 'utf8')) as Record<string, Record<string, number>>;
const AVAILABLE = HAS_SHARED && fs.existsSync(DEFAULT_POLNEAR);
if (!AVAILABLE) console.warn('skipping attribution floors: ../shared/eval/attribution/polnear_dev.jsonl not found');

describe.skipIf(!AVAILABLE)('accuracy floors: attribution (PolNeAR dev)', () => {
  it('stays at or above the pinned floors', async () => {
    const floor = floors.attribution!;
    const r = await evaluateAttribution(DEFAULT_POLNEAR);
    const s = summarize(r.counts.all);
    expect(s.content.f1).toBeGreaterThanOrEqual(floor.contentF1!);
    expect(s.exact.f1).toBeGreaterThanOrEqual(floor.exactF1!);
    expect(s.endToEnd.f1).toBeGreaterThanOrEqual(floor.contentSpeakerF1!);
    expect(s.cueAccuracy).toBeGreaterThanOrEqual(floor.cueAccuracy!);
  }, 300_000);
});
