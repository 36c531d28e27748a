/**
 * Accuracy floors for the named-entity tagger on CoNLL-2003 dev. Floors live
 * in bench/floors.json under "ner", pinned a little below measured scores.
 *
 * The shipped model (models/ner-v1) is trained on train + dev, so its dev
 * score is not held out: its floor only catches breakage (feature or decoder
 * changes that no longer match the saved weights). The honest floor is on
 * the train-only model kept beside it (models/ner-v1/train-only), built by
 * the same command without dev in training.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../src/util/data-files.js';
import { loadNerModel, readNerFile, DEFAULT_NER_MODEL_DIR } from '../src/entities/tagger/index.js';
import { evaluateNerTagger } from '../src/entities/tagger/run-eval.js';
import { HAS_SHARED, sharedPath } from './shared.js';

const floors = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'bench', 'floors.json'), 'utf8')) as Record<string, Record<string, number>>;
if (!HAS_SHARED) console.warn('skipping NER floors: ../shared not found');

describe.skipIf(!HAS_SHARED)('accuracy floors: NER on CoNLL-2003 dev', () => {
  const floor = floors.ner!;
  const dev = HAS_SHARED ? readNerFile(sharedPath('eval', 'ner', 'conll2003', 'dev.jsonl')) : [];

  it('train-only model: held-out dev F1 at or above the floors, at a usable speed', () => {
    const run = evaluateNerTagger(loadNerModel(path.join(DEFAULT_NER_MODEL_DIR, 'train-only')), dev, { rounds: 3 });
    expect(run.result.overall.f1).toBeGreaterThanOrEqual(floor.trainOnlyDevF1!);
    expect(run.result.overallNoMisc.f1).toBeGreaterThanOrEqual(floor.trainOnlyDevF1NoMisc!);
    // Loose, and per CPU-second: the test machine is shared; bench/eval-ner.ts reports the real figures.
    expect(run.cpuTokensPerSecond).toBeGreaterThanOrEqual(floor.minCpuTokensPerSecond!);
  });

  it('shipped model: dev F1 (not held out) at or above its floor', () => {
    const run = evaluateNerTagger(loadNerModel(), dev, { rounds: 1 });
    expect(run.result.overall.f1).toBeGreaterThanOrEqual(floor.shippedDevF1NotHeldOut!);
    expect(run.result.overallNoMisc.f1).toBeGreaterThanOrEqual(floor.shippedDevF1NoMiscNotHeldOut!);
  });
});
