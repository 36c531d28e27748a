/**
 * The tagging API: load a model, tag a document given as tokenised
 * sentences, get BIO tags back.
 */
import path from 'node:path';
import { NewsgraphError } from '../../util/errors.js';
import { FeatureExtractor } from './features.js';
import { bilouToBio } from './labels.js';
import { loadNerModelData, type NerModelMeta } from './model-io.js';
import { PACKAGE_ROOT } from './name-lists.js';
import { PassScorer } from './scorer.js';

export const DEFAULT_NER_MODEL_DIR = path.join(PACKAGE_ROOT, 'models', 'ner-v1');

/** Limits on one tag() call: the tagger is linear-time, these bound memory. */
export const MAX_DOC_TOKENS = 2_000_000;
export const MAX_SENTENCE_TOKENS = 10_000;

export interface TagOptions {
  /** Skip the document-level second pass (a little faster, a little worse). */
  singlePass?: boolean;
}

export class NerTagger {
  private readonly extractor: FeatureExtractor;
  private readonly scorer: PassScorer;

  constructor(
    readonly meta: NerModelMeta,
    extractor: FeatureExtractor,
    scorer: PassScorer,
  ) {
    this.extractor = extractor;
    this.scorer = scorer;
  }

  /**
   * BIO tags (PER, ORG, LOC, MISC) for each token of each sentence of one
   * document. Pass a whole article at once: names are kept consistent
   * across its sentences.
   */
  tag(sentences: readonly (readonly string[])[], opts: TagOptions = {}): string[][] {
    let total = 0;
    for (const s of sentences) {
      if (!Array.isArray(s)) throw new NewsgraphError('bad-input', 'tag: each sentence must be an array of token strings');
      if (s.length > MAX_SENTENCE_TOKENS) {
        throw new NewsgraphError('too-large', `tag: a sentence has ${s.length} tokens, over the ${MAX_SENTENCE_TOKENS} limit`);
      }
      for (const t of s) {
        if (typeof t !== 'string' || t.length === 0) throw new NewsgraphError('bad-input', 'tag: tokens must be non-empty strings');
      }
      total += s.length;
    }
    if (total > MAX_DOC_TOKENS) throw new NewsgraphError('too-large', `tag: ${total} tokens, over the ${MAX_DOC_TOKENS} limit`);
    const generation = this.extractor.generation;
    const doc = this.extractor.prepareDoc(sentences);
    if (this.extractor.generation !== generation) this.scorer.resetPool();
    const pass1 = doc.sentences.map((s) => {
      const out = new Uint8Array(s.entries.length);
      this.scorer.decode(s, 0, out);
      return out;
    });
    if (this.scorer.passes < 2 || opts.singlePass) return pass1.map((l) => bilouToBio(l));
    this.extractor.addPass2Features(doc, pass1);
    return doc.sentences.map((s) => {
      const out = new Uint8Array(s.entries.length);
      this.scorer.decode(s, 1, out);
      return bilouToBio(out);
    });
  }
}

/** Load a tagger from a model directory (default: the shipped models/ner-v1). */
export function loadNerModel(dir: string = DEFAULT_NER_MODEL_DIR): NerTagger {
  const data = loadNerModelData(dir);
  const extractor = new FeatureExtractor(data.lexicon);
  return new NerTagger(
    data.meta,
    extractor,
    new PassScorer(data.passes),
  );
}
