/** Named-entity tagger (PER, ORG, LOC, MISC): public API. */
export { loadNerModel, NerTagger, DEFAULT_NER_MODEL_DIR, type TagOptions } from './tagger.js';
export { bioToMentions, ENTITY_TYPES, type EntityType, type TokenMention } from './labels.js';
export { trainNer, type TrainNerOptions, type TrainNerResult } from './train.js';
export { readNerFile, readNerFiles, parseConll, parseJsonl, type NerDocument, type TaggedSentence } from './corpus.js';
export { scoreNer, formatNerReport, collectMentionKeys, type NerEvalResult, type Prf } from './evaluate.js';
export type { NerModelMeta } from './model-io.js';
