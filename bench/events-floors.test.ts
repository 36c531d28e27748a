/**
 * Accuracy floors for event coding (bench/floors.json, key "events"; floors
 * only go up). Needs ../shared; skips with a notice without it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadActorDictionary } from '../src/entities/actors/index.js';
import { loadCodebook } from '../src/events/codebook.js';
import { scoreCameoManual, scoreNoEventCorpus, scorePlover, type Resources } from '../src/events/eval/evaluate.js';
import { loadEventLexicon } from '../src/events/lexicon.js';
import { PACKAGE_ROOT } from '../src/util/data-files.js';
import { HAS_SHARED, sharedPath } from './shared.js';

const floors = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'bench', 'floors.json'), 'utf8')) as Record<string, Record<string, number>>;
if (!HAS_SHARED) console.warn('skipping event floors: ../shared not found');

describe.skipIf(!HAS_SHARED)('accuracy floors: event coding', () => {
  const floor = floors.events!;
  const res = (): Resources => ({ dictionary: loadActorDictionary(), lexicon: loadEventLexicon(), codebook: loadCodebook() });

  it('CAMEO manual examples: root and 3-digit accuracy', async () => {
    const s = await scoreCameoManual(sharedPath('eval', 'events', 'cameo_manual_examples.jsonl'), res());
    expect(s.rootRight / s.records).toBeGreaterThanOrEqual(floor.manualRootAccuracy!);
    expect(s.threeDigitRight / s.records).toBeGreaterThanOrEqual(floor.manualThreeDigitAccuracy!);
  });

  it('PLOVER gold records: type and source-country accuracy', async () => {
    const s = await scorePlover(sharedPath('eval', 'events', 'plover_gsr_cameo.jsonl'), res());
    expect(s.typeRight / s.records).toBeGreaterThanOrEqual(floor.ploverTypeAccuracy!);
    expect(s.sourceCountryRight / s.sourcePairs).toBeGreaterThanOrEqual(floor.sourceCountryAccuracy!);
  });

  it('no-event sentences: the false-positive rate stays under its ceiling', async () => {
    const s = await scoreNoEventCorpus(sharedPath('eval', 'corpus', 'bbc-fulltext.jsonl'), res(), 1500);
    expect(s.withEvents / s.sentences).toBeLessThanOrEqual(floor.maxFalsePositiveRate!);
  });
});
