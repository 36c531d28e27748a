/**
 * The composition root: the one place where components are chosen and put
 * in order. Everything else receives a Pipeline.
 */
import { Attributor } from '../attribution/index.js';
import fs from 'node:fs';
import { Cleaner } from '../clean/cleaner.js';
import { loadActorDictionary } from '../entities/actors/index.js';
import { EntityLinker } from '../entities/linker/entity-linker.js';
import { DEFAULT_NER_MODEL_DIR, loadNerModel } from '../entities/tagger/index.js';
import { EventCoder } from '../events/coder.js';
import { loadPetrarchDictionary } from '../events/petrarch-dictionary.js';
import { NewsgraphError } from '../util/errors.js';
import { Segmenter } from '../segment/segmenter.js';
import { Pipeline } from './pipeline.js';

export type PresetName = 'default' | 'segment' | 'clean';
export const PRESET_NAMES: PresetName[] = ['default', 'segment', 'clean'];

export interface PipelineOptions {
  preset?: PresetName;
  /** Directory of the NER model (default models/ner-v1, or NEWSGRAPH_NER_MODEL). */
  nerModel?: string;
  /** Extra actor dictionary files (TSV, data/actors format), after the shipped ones. */
  actorFiles?: string[];
  /** PETRARCH/TABARI actor and agent dictionaries, for users migrating from PETRARCH. */
  petrarchActors?: string[];
  petrarchAgents?: string[];
}

export function buildPipeline(options: PipelineOptions | PresetName = {}): Pipeline {
  const opts = typeof options === 'string' ? { preset: options } : options;
  switch (opts.preset ?? 'default') {
    case 'clean':
      return new Pipeline([new Cleaner()]);
    case 'segment':
      return new Pipeline([new Cleaner(), new Segmenter()]);
    case 'default': {
      const tagger = loadNerModel(opts.nerModel ?? process.env.NEWSGRAPH_NER_MODEL ?? DEFAULT_NER_MODEL_DIR);
      let dictionary = loadActorDictionary(opts.actorFiles ?? []);
      const petrarch = [...(opts.petrarchActors ?? []), ...(opts.petrarchAgents ?? [])];
      if (petrarch.length > 0) {
        for (const file of petrarch) if (!fs.existsSync(file)) throw new NewsgraphError('not-found', `no such PETRARCH dictionary: ${file}`);
        dictionary = loadPetrarchDictionary(opts.petrarchActors ?? [], opts.petrarchAgents ?? [], dictionary.entries);
      }
      return new Pipeline([new Cleaner(), new Segmenter(), new EntityLinker(tagger, dictionary), new Attributor(), new EventCoder()]);
    }
  }
}
