/**
 * One entry point for ingest: exact duplicate keys, near-duplicate lookup and
 * story assignment for each analysed document, in arrival order. A copy
 * (exact or near) goes to its original's story without a search, so copies
 * never start stories of their own.
 */
import type { Analysis } from '../doc/schema.js';
import { canonicalUrl } from './canonical-url.js';
import { ExactDuplicateIndex, bodyHash, type ExactDuplicateResult } from './exact-duplicates.js';
import { bandKeys } from './minhash.js';
import { NearDuplicateIndex, type NearDuplicateConfig, type NearDuplicateResult } from './near-duplicate-index.js';
import { StoryClusterer, type StoryAssignment, type StoryClusterConfig } from './story-clusterer.js';

export interface DeduplicatorOptions {
  near?: Partial<NearDuplicateConfig>;
  stories?: Partial<StoryClusterConfig>;
}

export interface DedupeExtras {
  /** Defaults to the document's content hash. */
  key?: string;
  /** The page's `<link rel=canonical>`, when the reader saw one. */
  canonical?: string | null;
  /** Defaults to the actors layer: CAMEO code, else name. */
  entities?: string[];
}

export interface DedupeDecision {
  key: string;
  canonicalUrl: string | null;
  bodyHash: string | null;
  exact: ExactDuplicateResult;
  near: NearDuplicateResult;
  story: StoryAssignment;
  /** To persist, so the indexes can be rebuilt and the store can find candidates itself. */
  signature: Uint32Array;
  bandKeys: string[];
}

export class Deduplicator {
  readonly exact = new ExactDuplicateIndex();
  readonly near: NearDuplicateIndex;
  readonly stories: StoryClusterer;

  constructor(options: DeduplicatorOptions = {}) {
    this.near = new NearDuplicateIndex(options.near);
    this.stories = new StoryClusterer(options.stories);
  }

  add(analysis: Analysis, extras: DedupeExtras = {}): DedupeDecision {
    const key = extras.key ?? analysis.document.contentHash;
    const url = canonicalUrl(analysis.document.url, { canonical: extras.canonical ?? null });
    const hash = bodyHash(analysis);
    const exact = this.exact.add(key, { canonicalUrl: url, bodyHash: hash });
    const signature = this.near.signature(analysis);
    const near = this.near.addSignature(key, signature);
    const original = exact.duplicateOf ?? near.duplicateOf;
    const originalStory = original === null ? undefined : this.stories.storyOfDocument(original);
    const doc = {
      key,
      title: analysis.document.title,
      text: analysis,
      published: analysis.document.published,
      source: analysis.document.source,
      entities: extras.entities ?? defaultEntities(analysis),
    };
    const story = originalStory === undefined ? this.stories.add(doc) : this.stories.assign(doc, originalStory);
    return { key, canonicalUrl: url, bodyHash: hash, exact, near, story, signature, bandKeys: bandKeys(signature, this.near.config) };
  }

  /**
   * Replay a stored document with its stored story, oldest first, to rebuild
   * the in-memory indexes when ingest starts (no search, no new decisions).
   */
  restore(analysis: Analysis, storyId: string, extras: DedupeExtras = {}): void {
    const key = extras.key ?? analysis.document.contentHash;
    this.exact.add(key, { canonicalUrl: canonicalUrl(analysis.document.url, { canonical: extras.canonical ?? null }), bodyHash: bodyHash(analysis) });
    this.near.add(key, analysis);
    this.stories.assign(
      { key, title: analysis.document.title, text: analysis, published: analysis.document.published, source: analysis.document.source, entities: extras.entities ?? defaultEntities(analysis) },
      storyId,
    );
  }
}

function defaultEntities(analysis: Analysis): string[] {
  return (analysis.layers.actors ?? []).map((a) => a.code ?? a.name);
}
