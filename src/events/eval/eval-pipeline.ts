/**
 * The pipeline the event evaluation runs: cleaning, segmentation, the entity
 * linker (with the NER model when models/ner-v1 exists, otherwise with the
 * actor dictionary alone), attribution and hedges, then the event coder.
 * Evaluation only; the product pipeline is assembled in src/pipeline/presets.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Attributor } from '../../attribution/attributor.js';
import { Cleaner } from '../../clean/cleaner.js';
import type { ActorDictionary } from '../../entities/actors/index.js';
import { EntityLinker } from '../../entities/linker/entity-linker.js';
import { DEFAULT_NER_MODEL_DIR, loadNerModel, type NerTagger } from '../../entities/tagger/index.js';
import { Pipeline } from '../../pipeline/pipeline.js';
import { Segmenter } from '../../segment/segmenter.js';
import { EventCoder, type EventCoderOptions } from '../coder.js';
import type { Codebook } from '../codebook.js';
import type { EventLexicon } from '../lexicon.js';

/** A tagger that finds nothing: the linker then works from the actor dictionary only. */
const NO_NER = { tag: (sentences: readonly (readonly string[])[]) => sentences.map((s) => s.map(() => 'O')) } as unknown as NerTagger;

export interface EvalPipeline {
  pipeline: Pipeline;
  coder: EventCoder;
  /** "model" when the NER model was used, "dictionary-only" otherwise. */
  ner: 'model' | 'dictionary-only';
}

export function buildEvalPipeline(dictionary: ActorDictionary, lexicon: EventLexicon, codebook: Codebook, options: EventCoderOptions = {}): EvalPipeline {
  const hasModel = fs.existsSync(path.join(DEFAULT_NER_MODEL_DIR, 'model.bin.gz'));
  const tagger = hasModel ? loadNerModel(DEFAULT_NER_MODEL_DIR) : NO_NER;
  const coder = new EventCoder(lexicon, codebook, options);
  const pipeline = new Pipeline([new Cleaner(), new Segmenter(), new EntityLinker(tagger, dictionary), new Attributor(), coder]);
  return { pipeline, coder, ner: hasModel ? 'model' : 'dictionary-only' };
}
