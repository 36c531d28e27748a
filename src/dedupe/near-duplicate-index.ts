/**
 * In-memory near-duplicate index: MinHash signatures bucketed by LSH band
 * keys. Finds syndicated and republished copies whose words are (nearly) the
 * same while their boilerplate differs.
 */
import {
  DEFAULT_MINHASH_CONFIG,
  bandKeys,
  estimateSimilarity,
  signature,
  validateMinHashConfig,
  type MinHashConfig,
} from './minhash.js';
import { comparableText, type DedupeInput } from './text.js';
import { NewsgraphError } from '../util/errors.js';

export interface NearDuplicateConfig extends MinHashConfig {
  /**
   * Estimated Jaccard similarity of the shingle sets from which a document is
   * a near-duplicate. Default 0.5: copies with different boilerplate or light
   * edits score 0.6-1.0; different articles on one story stay below 0.2.
   */
  threshold: number;
}

export const DEFAULT_NEAR_DUPLICATE_CONFIG: Readonly<NearDuplicateConfig> = Object.freeze({
  ...DEFAULT_MINHASH_CONFIG,
  threshold: 0.5,
});

export interface NearDuplicateMatch {
  key: string;
  similarity: number;
}

export interface NearDuplicateResult {
  /** The most similar earlier document at or above the threshold, or null. */
  duplicateOf: string | null;
  /** Similarity to the most similar candidate (0 when there was none), even below the threshold. */
  similarity: number;
}

export class NearDuplicateIndex {
  readonly config: Readonly<NearDuplicateConfig>;
  private readonly signatures = new Map<string, Uint32Array>();
  private readonly buckets = new Map<string, string[]>();
  /** Insertion order breaks ties, so results never depend on Map iteration quirks. */
  private readonly order = new Map<string, number>();

  constructor(config: Partial<NearDuplicateConfig> = {}) {
    this.config = Object.freeze({ ...DEFAULT_NEAR_DUPLICATE_CONFIG, ...config });
    validateMinHashConfig(this.config);
    if (!(this.config.threshold > 0 && this.config.threshold <= 1)) {
      throw new NewsgraphError('usage', `near-duplicate threshold must be in (0, 1], got ${this.config.threshold}`);
    }
  }

  get size(): number {
    return this.signatures.size;
  }

  has(docKey: string): boolean {
    return this.signatures.has(docKey);
  }

  /** The stored signature of a document, to persist. */
  signatureOf(docKey: string): Uint32Array | undefined {
    return this.signatures.get(docKey);
  }

  /** The signature this index would compute for a text or analysis. */
  signature(input: DedupeInput): Uint32Array {
    return signature(comparableText(input), this.config);
  }

  /** Look a document up, then index it. Re-adding a key already held only looks it up. */
  add(docKey: string, input: DedupeInput): NearDuplicateResult {
    return this.addSignature(docKey, this.signature(input));
  }

  /** As `add`, from a signature made earlier (e.g. loaded from the store). */
  addSignature(docKey: string, sig: Uint32Array): NearDuplicateResult {
    const result = best(this.matchSignature(sig, docKey), this.config.threshold);
    if (this.signatures.has(docKey)) return result;
    this.signatures.set(docKey, sig);
    this.order.set(docKey, this.order.size);
    for (const key of bandKeys(sig, this.config)) {
      const bucket = this.buckets.get(key);
      if (bucket) bucket.push(docKey);
      else this.buckets.set(key, [docKey]);
    }
    return result;
  }

  /** Best near-duplicate of a text among the indexed documents, without adding it. */
  query(input: DedupeInput): NearDuplicateResult {
    return best(this.matchSignature(this.signature(input)), this.config.threshold);
  }

  /** Every LSH candidate with its estimated similarity, most similar first. */
  matches(input: DedupeInput): NearDuplicateMatch[] {
    return this.matchSignature(this.signature(input));
  }

  matchSignature(sig: Uint32Array, exclude?: string): NearDuplicateMatch[] {
    const seen = new Set<string>();
    const out: NearDuplicateMatch[] = [];
    for (const key of bandKeys(sig, this.config)) {
      for (const doc of this.buckets.get(key) ?? []) {
        if (doc === exclude || seen.has(doc)) continue;
        seen.add(doc);
        out.push({ key: doc, similarity: estimateSimilarity(sig, this.signatures.get(doc)!) });
      }
    }
    return out.sort((a, b) => b.similarity - a.similarity || this.order.get(a.key)! - this.order.get(b.key)!);
  }
}

function best(matches: NearDuplicateMatch[], threshold: number): NearDuplicateResult {
  const top = matches[0];
  if (!top) return { duplicateOf: null, similarity: 0 };
  return { duplicateOf: top.similarity >= threshold ? top.key : null, similarity: top.similarity };
}
